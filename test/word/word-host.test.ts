import { applyPlanToSnapshot } from '../../src/core/apply';
import { fromMarkup, toMarkup } from '../../src/core/markup';
import { textEdit, type Edit, type EditPlan, type ParagraphEdit, type TextEdit } from '../../src/core/plan';
import { ok } from '../../src/core/result';
import { existsIn, paragraphText, type Snapshot } from '../../src/core/snapshot';
import { readFlatOpc } from '../../src/docx/read';
import { APPLY_NEEDS } from '../../src/word/requirements';
import { WordHost } from '../../src/word/word-host';
import { FakeWord, type FakeWordOptions } from './fake-word';
import { flatOpc } from './flat-opc';

/** A MOD proposal with `clauses` operative clauses, some already carrying tracked changes and footnotes. */
function proposal(clauses: number): string {
  const lines = [
    'Introduction: this contribution proposes to update Resolution 52.',
    'MOD\tAPT/44A14/1',
    'RESOLUTION 52 (Rev. Dubai, 2012)',
    'Countering and combating spam',
    '(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012)',
    'The World Telecommunication Standardization Assembly (Dubai, 2012),',
    '<<Call>> resolves',
  ];
  for (let i = 1; i <= clauses; i++) {
    const end = i === clauses ? '.' : ';';
    if (i % 5 === 0) lines.push(`${i}\tto continue [-the old-]{+its+} work on spam, item ${i}${end}`);
    else if (i % 7 === 0) lines.push(`${i}\tto report[^${i}] on item ${i} regularly${end}`);
    else lines.push(`${i}\tto continue work on spam, item ${i}${end}`);
  }
  lines.push('Reasons:\tThe resolution needs updating.');
  return lines.join('\n');
}

/** A text edit replacing the `nth` occurrence of `find` in a paragraph's current text. */
function replace(s: Snapshot, paragraph: number, find: string, text: string, nth = 0): TextEdit {
  const current = paragraphText(s.paragraphs[paragraph]);
  let offset = -1;
  for (let k = 0; k <= nth; k++) offset = current.indexOf(find, offset + 1);
  if (offset < 0) throw new Error(`test: "${find}" not in paragraph ${paragraph}`);
  return textEdit(paragraph, offset, find, text);
}

function insertAt(s: Snapshot, paragraph: number, offset: number, text: string): TextEdit {
  if (offset > paragraphText(s.paragraphs[paragraph]).length) throw new Error('test: offset past the end');
  return textEdit(paragraph, offset, '', text);
}

function plan(s: Snapshot, title: string, edits: Edit[]): EditPlan {
  const touched = new Set<number>();
  for (const e of edits)
    touched.add(e.kind === 'text' ? e.paragraph : Math.min(e.before, s.paragraphs.length - 1));
  return {
    title,
    edits,
    anchors: [...touched].map((paragraph) => ({ paragraph, text: paragraphText(s.paragraphs[paragraph]) })),
  };
}

/** Retag to Hammamet 2016, renumber every clause up by one, add a clause and a proposal line. */
function bigPlan(s: Snapshot, clauses: number): EditPlan {
  const edits: Edit[] = [
    replace(s, 2, 'Dubai, 2012', 'Hammamet, 2016'),
    insertAt(s, 4, paragraphText(s.paragraphs[4]).length - 1, '; Hammamet, 2016'),
    replace(s, 5, 'Dubai, 2012', 'Hammamet, 2016'),
  ];
  for (let i = 1; i <= clauses; i++) edits.push(replace(s, 6 + i, String(i), String(i + 1)));
  const added: ParagraphEdit = {
    kind: 'paragraph',
    before: 7,
    text: '1\tto start work on spam;',
    styleFrom: 7,
    tracked: true,
  };
  const line: ParagraphEdit = { kind: 'paragraph', before: 1, text: 'MOD\tAPT/44A14/2', tracked: false };
  edits.push(added, line);
  return plan(s, 'Update to Hammamet, 2016', edits);
}

const ALL = { isSetSupported: () => true };

function setUp(markup: string, options: FakeWordOptions = {}) {
  const word = new FakeWord(fromMarkup(markup), options);
  const host = new WordHost({
    run: word.run,
    requirements: ALL,
    readOoxml: (xml) => ok(fromMarkup(xml)),
    title: 'Proposal',
  });
  return { word, host };
}

async function readOk(host: WordHost): Promise<Snapshot> {
  const r = await host.read();
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe.each([
  ['Word that hides tracked deletions in Paragraph.text', false],
  ['Word that shows tracked deletions in Paragraph.text (Word on the web)', true],
])('%s', (_name, showsDeletions) => {
  describe.each([10, 2000])('a proposal of %i clauses', (clauses) => {
    it('reads in at most 2 round trips, giving the document as it is', async () => {
      const { word, host } = setUp(proposal(clauses), { showsDeletions });
      const progress: number[] = [];
      const r = await host.read((f) => progress.push(f));
      expect(r.ok && toMarkup(r.value)).toBe(toMarkup(word.snapshot()));
      expect(word.syncs).toBeLessThanOrEqual(2);
      expect(progress[0]).toBe(0);
      expect(progress[progress.length - 1]).toBe(1);
    });

    it('applies a whole plan in at most 3 round trips, as the in-memory applier would', async () => {
      const { word, host } = setUp(proposal(clauses), { showsDeletions });
      const s = await readOk(host);
      const p = bigPlan(s, clauses);
      const before = word.syncs;
      const r = await host.apply(p);
      expect(r).toEqual({ ok: true, value: undefined });
      expect(word.syncs - before).toBeLessThanOrEqual(3);

      const expected = applyPlanToSnapshot(s, p, { author: 'Delegate', date: '2016-08-01T00:00:00Z' });
      if (!expected.ok) throw new Error(expected.reason);
      const view = (snap: Snapshot, v: 'current' | 'original') =>
        snap.paragraphs.filter((q) => existsIn(q, v)).map((q) => paragraphText(q, v));
      expect(word.texts('current')).toEqual(view(expected.value, 'current'));
      expect(word.texts('original')).toEqual(view(expected.value, 'original'));
      expect(word.trackingMode).toBe('Off');
    });
  });

  it('makes token-level redlines: the label changes, not the clause', async () => {
    const { word, host } = setUp(proposal(10), { showsDeletions });
    const s = await readOk(host);
    await host.apply(plan(s, 'Renumber', [replace(s, 15, '9', '10')]));
    expect(toMarkup(word.snapshot()).split('\n')[15]).toBe('[-9-]{+10+}\tto continue work on spam, item 9;');
  });

  it('replaces text that has a tracked deletion inside it in pieces, around the deletion', async () => {
    const { word, host } = setUp(proposal(10), { showsDeletions });
    const s = await readOk(host);
    // Paragraph 11 reads "5\tto continue its work…" with "the old" deleted between "continue " and "its".
    const r = await host.apply(plan(s, 'Reword', [replace(s, 11, 'continue its', 'pursue our')]));
    expect(r.ok).toBe(true);
    expect(word.texts('current')[11]).toBe('5\tto pursue our work on spam, item 5;');
    expect(word.texts('original')[11]).toBe('5\tto continue the old work on spam, item 5;');
    // Deleting one's own tracked insertion ("its") removes it; the rest of the clause is untouched.
    expect(toMarkup(word.snapshot()).split('\n')[11]).toMatch(
      /^5\tto \[-continue .*[\]}] work on spam, item 5;$/,
    );
  });

  it('inserts after the token before the insertion point, at the start, and at the end', async () => {
    const { word, host } = setUp(proposal(10), { showsDeletions });
    const s = await readOk(host);
    const clause = paragraphText(s.paragraphs[8]);
    const at = clause.indexOf(' work');
    const r = await host.apply(
      plan(s, 'Insert', [
        insertAt(s, 8, at, ' the'),
        insertAt(s, 8, 0, '['),
        insertAt(s, 8, clause.length, ']'),
      ]),
    );
    expect(r.ok).toBe(true);
    expect(toMarkup(word.snapshot()).split('\n')[8]).toBe(
      '{+[+}2\tto continue{+ the+} work on spam, item 2;{+]+}',
    );
  });

  it('finds text around a footnote reference, leaving the reference in place', async () => {
    const { word, host } = setUp(proposal(10), { showsDeletions });
    const s = await readOk(host);
    const r = await host.apply(plan(s, 'Reword', [replace(s, 13, 'report on', 'tell about')]));
    expect(r.ok).toBe(true);
    expect(toMarkup(word.snapshot()).split('\n')[13]).toBe(
      '7\tto [-report-]{+tell about+}[^7][- on-] item 7 regularly;',
    );
  });
});

describe('stale documents', () => {
  it('refuses a plan when a paragraph it touches changed since the read, changing nothing', async () => {
    const { word, host } = setUp(proposal(10));
    const s = await readOk(host);
    word.userEdit(2, 'RESOLUTION 52 (Rev. Geneva, 2022)');
    const markup = toMarkup(word.snapshot());
    const r = await host.apply(bigPlan(s, 10));
    expect(r.ok ? '' : r.reason).toMatch(
      /^Paragraph 3 changed since the document was checked; .*Nothing was changed\.$/,
    );
    expect(toMarkup(word.snapshot())).toBe(markup);
    expect(word.writes).toEqual([]);
  });

  it('refuses a plan when paragraphs were added, since its positions no longer hold', async () => {
    const { word, host } = setUp(proposal(10));
    const s = await readOk(host);
    word.userInsert(0, 'A new cover note');
    const r = await host.apply(plan(s, 'Renumber', [replace(s, 15, '9', '10')]));
    expect(r.ok ? '' : r.reason).toMatch(/Paragraphs were added or removed/);
    expect(word.writes).toEqual([]);
  });

  it('accepts a plan when only paragraphs it does not touch changed', async () => {
    const { word, host } = setUp(proposal(10));
    const s = await readOk(host);
    word.userEdit(0, 'Introduction, reworded by a colleague.');
    expect((await host.apply(plan(s, 'Renumber', [replace(s, 15, '9', '10')]))).ok).toBe(true);
  });

  it('refuses a plan made from another reading, without calling Word', async () => {
    const { word, host } = setUp(proposal(10));
    await readOk(host);
    const other = fromMarkup(proposal(10).replace('Dubai, 2012)', 'Busan, 2014)'));
    const before = word.syncs;
    const r = await host.apply(plan(other, 'Retag', [replace(other, 2, 'Busan, 2014', 'Hammamet, 2016')]));
    expect(r.ok ? '' : r.reason).toMatch(/prepared from an earlier reading \(paragraph 3 differs\)/);
    expect(word.syncs).toBe(before);
  });

  it('refuses a second plan from the same reading once the first changed its paragraphs', async () => {
    const { word, host } = setUp(proposal(10));
    const s = await readOk(host);
    expect((await host.apply(plan(s, 'Renumber', [replace(s, 15, '9', '10')]))).ok).toBe(true);
    const writes = word.writes.length;
    const r = await host.apply(plan(s, 'Renumber again', [replace(s, 15, '9', '11')]));
    expect(r.ok).toBe(false);
    expect(word.writes.length).toBe(writes);
  });

  it('asks for a check before the first apply', async () => {
    const { host } = setUp(proposal(10));
    const s = fromMarkup(proposal(10));
    expect(await host.apply(plan(s, 'Renumber', [replace(s, 15, '9', '10')]))).toEqual({
      ok: false,
      reason: 'Check the document before applying fixes.',
    });
  });
});

describe('change tracking', () => {
  it.each(['Off', 'TrackMineOnly', 'TrackAll'] as const)(
    'tracks every fix and gives back the user mode %s',
    async (mode) => {
      const { word, host } = setUp(proposal(10), { trackingMode: mode });
      const s = await readOk(host);
      const p = plan(s, 'Fix', [
        replace(s, 2, 'Dubai, 2012', 'Hammamet, 2016'),
        { kind: 'paragraph', before: 7, text: '1\tnew;', tracked: true },
      ]);
      expect((await host.apply(p)).ok).toBe(true);
      expect(word.writes.length).toBe(2);
      expect(word.writes.every((w) => w.tracked)).toBe(true);
      expect(word.trackingMode).toBe(mode);
    },
  );

  it('writes an untracked paragraph with tracking off, in plan order with tracked ones', async () => {
    const { word, host } = setUp(proposal(10), { trackingMode: 'TrackAll' });
    const s = await readOk(host);
    const p = plan(s, 'Mark', [
      { kind: 'paragraph', before: 1, text: 'MOD\tAPT/44A14/2', tracked: false },
      { kind: 'paragraph', before: 1, text: 'Tracked note', tracked: true },
    ]);
    expect((await host.apply(p)).ok).toBe(true);
    expect(word.writes.map((w) => [w.text, w.tracked])).toEqual([
      ['MOD\tAPT/44A14/2', false],
      ['Tracked note', true],
    ]);
    expect(toMarkup(word.snapshot()).split('\n').slice(1, 4)).toEqual([
      'MOD\tAPT/44A14/2',
      '+¶ {+Tracked note+}',
      'MOD\tAPT/44A14/1',
    ]);
    expect(word.trackingMode).toBe('TrackAll');
  });

  it('gives the new paragraph the style of the paragraph it copies', async () => {
    const { word, host } = setUp(proposal(10));
    const s = await readOk(host);
    await host.apply(
      plan(s, 'Heading', [
        { kind: 'paragraph', before: 7, text: 'resolves further', styleFrom: 6, tracked: true },
      ]),
    );
    expect(word.snapshot().paragraphs[7].styleName).toBe('Call');
  });

  it('restores the user mode when Word fails part-way through writing, and says what happened', async () => {
    const { word, host } = setUp(proposal(10), { trackingMode: 'Off' });
    const s = await readOk(host);
    word.failOn('insertText', 'AccessDenied', 2);
    const r = await host.apply(bigPlan(s, 10));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toMatch(
      /^Could not apply "Update to Hammamet, 2016": Word refused the change: the document is read-only or protected/,
    );
    expect(r.reason).toMatch(
      /\[AccessDenied; at insertText\] Some changes may have been made; Word's Undo reverses them\.$/,
    );
    expect(r.reason).not.toMatch(/\n/);
    expect(word.trackingMode).toBe('Off');
  });

  it('restores the user mode when the writing round trip itself fails', async () => {
    const { word, host } = setUp(proposal(10), { trackingMode: 'TrackMineOnly' });
    const s = await readOk(host);
    const p = plan(s, 'Renumber', [replace(s, 15, '9', '10')]);
    // Tracking goes on, the edit is written, then giving the user mode back fails: the mode must still come back.
    word.failOn('changeTrackingMode', 'GeneralException', 2);
    const r = await host.apply(p);
    expect(r.ok ? '' : r.reason).toMatch(/\[GeneralException; at changeTrackingMode\]/);
    expect(word.trackingMode).toBe('TrackMineOnly');
  });
});

describe('requirement sets', () => {
  it('reads but does not apply in a Word without WordApi 1.4, and says which Word does', async () => {
    const word = new FakeWord(fromMarkup(proposal(10)));
    const sets: string[] = [];
    const host = new WordHost({
      run: word.run,
      requirements: {
        isSetSupported: (name, version) => (sets.push(`${name} ${version}`), version !== '1.4'),
      },
      readOoxml: (xml) => ok(fromMarkup(xml)),
    });
    const s = await readOk(host);
    expect(host.support).toEqual({ read: true, apply: false });
    const syncs = word.syncs;
    const r = await host.apply(plan(s, 'Renumber', [replace(s, 15, '9', '10')]));
    expect(r).toEqual({ ok: false, reason: APPLY_NEEDS });
    expect(APPLY_NEEDS).toMatch(/Word API 1\.4/);
    expect(word.syncs).toBe(syncs);
    expect(sets).toContain('WordApi 1.4');
  });

  it('does not read in an Office without the Word API', async () => {
    const word = new FakeWord(fromMarkup(proposal(10)));
    const host = new WordHost({
      run: word.run,
      requirements: { isSetSupported: () => false },
      readOoxml: (xml) => ok(fromMarkup(xml)),
    });
    const r = await host.read();
    expect(r.ok ? '' : r.reason).toMatch(/needs a Word that runs add-ins/);
    expect(word.runs).toBe(0);
  });
});

describe('errors', () => {
  it('turns an Office error while reading into one line', async () => {
    const { word, host } = setUp(proposal(10));
    word.failOn('getOoxml', 'GeneralException');
    const r = await host.read();
    expect(r).toEqual({
      ok: false,
      reason:
        'Could not read the document: Word could not complete the request; it may be busy (a dialog open, a cell or footnote being edited). Try again. [GeneralException; at getOoxml]',
    });
  });

  it('reports an OOXML the reader rejects', async () => {
    const word = new FakeWord(fromMarkup(proposal(10)));
    const host = new WordHost({
      run: word.run,
      requirements: ALL,
      readOoxml: () => ({ ok: false, reason: 'no main document part' }),
    });
    expect(await host.read()).toEqual({
      ok: false,
      reason: 'Could not read the document: no main document part',
    });
  });

  it('does not turn its own Office.js misuse into a message', async () => {
    const word = new FakeWord(fromMarkup(proposal(10)));
    await expect(
      word.run(async (context) => {
        const paragraphs = context.document.body.paragraphs;
        paragraphs.load('text');
        return paragraphs.items.length; // before sync: Office.js throws
      }),
    ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
  });
});

describe('serialisation', () => {
  it('runs one Word batch at a time, in call order', async () => {
    const { word, host } = setUp(proposal(50));
    const s = await readOk(host);
    const order: string[] = [];
    const calls = [
      host.apply(plan(s, 'Renumber', [replace(s, 15, '9', '10')])).then(() => order.push('apply')),
      host.read().then(() => order.push('read')),
      host.select({ paragraph: 15 }).then(() => order.push('select')),
      host.read().then(() => order.push('read again')),
    ];
    await Promise.all(calls);
    expect(order).toEqual(['apply', 'read', 'select', 'read again']);
    expect(word.maxActive).toBe(1);
  });

  it('keeps going after a failed call', async () => {
    const { word, host } = setUp(proposal(10));
    word.failOn('getOoxml', 'GeneralException');
    const [first, second] = await Promise.all([host.read(), host.read()]);
    expect(first.ok).toBe(false);
    expect(second.ok).toBe(true);
  });
});

describe('select', () => {
  it('selects a paragraph, or exact characters in it', async () => {
    const { word, host } = setUp(proposal(10), { showsDeletions: true });
    await readOk(host);
    expect((await host.select({ paragraph: 4 })).ok).toBe(true);
    expect(word.selection).toEqual({
      paragraph: 4,
      text: '(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012)',
    });
    const s = word.snapshot();
    const at = paragraphText(s.paragraphs[11]).indexOf('its');
    expect((await host.select({ paragraph: 11, offset: at, length: 3 })).ok).toBe(true);
    expect(word.selection).toEqual({ paragraph: 11, text: 'its' });
  });

  it('selects the whole paragraph when it changed since the read', async () => {
    const { word, host } = setUp(proposal(10));
    await readOk(host);
    word.userEdit(8, '2\tto stop;');
    expect((await host.select({ paragraph: 8, offset: 3, length: 4 })).ok).toBe(true);
    expect(word.selection).toEqual({ paragraph: 8, text: '2\tto stop;' });
  });
});

describe('with the real Flat OPC reader', () => {
  it('reads the OOXML Word hands out and applies to the paragraphs it names', async () => {
    const markup = proposal(20).replace(/\[\^\d+\]/g, '');
    const word = new FakeWord(fromMarkup(markup), { ooxml: flatOpc, showsDeletions: true });
    const host = new WordHost({
      run: word.run,
      requirements: ALL,
      readOoxml: (xml) => {
        const r = readFlatOpc(xml);
        return r.ok ? ok(r.value.snapshot) : r;
      },
    });
    const s = await readOk(host);
    expect(s.paragraphs.map((p) => paragraphText(p))).toEqual(word.texts('current'));
    expect(s.paragraphs[6].styleName).toBe('Call');
    const r = await host.apply(bigPlan(s, 20));
    expect(r.ok ? '' : r.reason).toBe('');
    expect(word.texts('current')[3]).toBe('RESOLUTION 52 (Rev. Hammamet, 2016)');
  });
});
