import { applyPlanToSnapshot } from '../../src/core/apply';
import { markPlan, reasonsPlan, renumberPlan, retagPlan } from '../../src/core/commands';
import { parseConference } from '../../src/core/conferences';
import { check } from '../../src/core/engine';
import { fixAll, fixAllAsync, planFixes } from '../../src/core/fix';
import { fromMarkup } from '../../src/core/markup';
import { parse } from '../../src/core/parse';
import type { EditPlan } from '../../src/core/plan';
import { ok, type Result } from '../../src/core/result';
import { existsIn, paragraphText, type Snapshot } from '../../src/core/snapshot';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyPlan, readDocx, type DocxDocument } from '../../src/docx';
import { WordHost } from '../../src/word/word-host';
import { by, seed, snapshotIo } from '../core/fix/helpers';
import { FakeWord, type FakeWordOptions } from './fake-word';
import { flatOpc } from './flat-opc';
import { PERSONALITIES, WEB, type Personality } from './personalities';
import { hostOn } from './host-on';

/**
 * Every adapter scenario on every Word, on documents holding what proposals hold: tracked deletions and
 * insertions by another author, footnotes, comments, automatic numbering, non-breaking hyphens. A change
 * either lands exactly (the current view as the in-memory applier gives it, the original view untouched,
 * every text write tracked, no one's deletion inside a written range) or is refused with a reason and
 * nothing changed.
 */

/** A MOD of Resolution 52 that another delegate has half revised. */
const PROPOSAL = [
  'MOD\tAPT/44A14/1',
  'RESOLUTION 52 (Rev. Dubai, 2012)',
  'Countering and combating spam',
  // Another author corrected 2007 to 2008 inside the token the retag inserts after.
  '(Florianópolis, 2004; Johannesburg, 20[-07-]{+08+}; Dubai, 2012)',
  // Another author's deletion inside the tag the retag replaces.
  'The World Telecommunication Standardization Assembly (Du[-bay-]bai, 2012),',
  'considering',
  '#n:1:0:a) that spam[^1] is a growing problem for e\u2011mail users;',
  '#n:1:0:b) that [-the old -]measures help;',
  'resolves',
  '1\tto continue work on spam;',
  // Misnumbered (3 for 2), with a footnote and another author's insertion.
  '3\tto report[^2] on {+progress in +}spam regularly;',
  '4\tto [-keep -]invite Member States to cooperate.',
  'Reasons:\tThe resolution needs updating.',
  '[^1]: Unsolicited electronic messages.',
  '[^2]: To the Council.',
].join('\n');

/** The same proposal without its reasons and with a second resolution lacking its proposal line. */
const UNFINISHED = PROPOSAL.replace('Reasons:\tThe resolution needs updating.', '')
  .split('\n')
  .filter((l) => l !== '')
  .concat(['RESOLUTION 64 (Rev. Dubai, 2012)', 'IP address allocation', 'resolves', '1\tto act [-now-];'])
  .join('\n');

const CASES: readonly { name: string; markup: string }[] = [
  { name: 'a proposal half revised by another delegate', markup: PROPOSAL },
  { name: 'the English seed', markup: seed('en-resolution-52') },
  { name: 'the French seed', markup: seed('fr-resolution-52') },
];

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

/**
 * A Word to run the scenarios on: a personality, and the fake's options for what no source settles or
 * what only some Words do (embedded Word on the web, #6016; #240's form of the refusal).
 */
type Variant = Personality & { readonly label: string; readonly options: FakeWordOptions };

const VARIANTS: readonly Variant[] = [
  ...PERSONALITIES.map((p) => ({ ...p, label: p.name, options: {} })),
  { ...WEB, label: 'web, embedded by a WOPI host (#6016)', options: { embedded: true } },
  {
    ...WEB,
    label: 'web, refusing as in #240, a deleted paragraph mark alone accepted',
    options: { ooxmlRefusal: 'debugInfo', deletedMarkRefuses: false },
  },
];

function setUp(
  personality: Personality | Variant,
  markup: string,
  comments: readonly [number, number][] = [],
  word = new FakeWord(fromMarkup(markup), {
    personality,
    user: 'Amend user',
    ooxml: flatOpc,
    ...('options' in personality ? personality.options : {}),
  }),
) {
  for (const [paragraph, offset] of comments) word.addComment(paragraph, offset);
  const host = hostOn(word, { platform: personality.platform, officeVersion: '16.0' });
  return { word, host };
}

const viewOf = (s: Snapshot, v: 'current' | 'original') =>
  s.paragraphs.filter((p) => existsIn(p, v)).map((p) => paragraphText(p, v));

/** Apply through Word and hold the outcome to the rule: lands exactly, or refused with nothing changed. */
async function landsOrRefuses(word: FakeWord, host: WordHost, s: Snapshot, plan: EditPlan) {
  const current = word.texts('current');
  const original = word.texts('original');
  const writes = word.writes.length;
  const r = await host.apply(plan);
  if (!r.ok) {
    expect(r.reason).toMatch(/\S/);
    expect(word.texts('current')).toEqual(current);
    expect(word.texts('original')).toEqual(original);
    expect(word.writes.length).toBe(writes);
    return r;
  }
  const expected = value(applyPlanToSnapshot(s, plan, by));
  expect(word.texts('current')).toEqual(viewOf(expected, 'current'));
  expect(word.texts('original')).toEqual(viewOf(expected, 'original'));
  const texts = word.writes.slice(writes).filter((w) => w.op === 'insertText' || w.op === 'delete');
  expect(texts.every((w) => w.tracked)).toBe(true);
  expect(word.touchedDeletions).toBe(0);
  expect(word.touchedMarks).toBe(0);
  return r;
}

describe.each(VARIANTS)('Word ($label)', (personality) => {
  describe.each(CASES)('$name', ({ markup }) => {
    it('reads the document as its file holds it, and says which way it was read', async () => {
      const { word, host } = setUp(personality, markup, [[9, 5]]);
      const r = await host.read();
      const s = value(r);
      expect(viewOf(s, 'current')).toEqual(word.texts('current'));
      expect(viewOf(s, 'original')).toEqual(word.texts('original'));
      expect(check(s).diagnostics.map((d) => d.message)).toEqual(
        check(word.snapshot()).diagnostics.map((d) => d.message),
      );
      // #3898: only Word on the web refuses the OOXML of a document with tracked deletions.
      expect(host.diagnostics().readPath).toBe(personality.ooxmlRefusesDeletions ? 'file' : 'ooxml');
      expect(word.officeDocument.open).toBe(0);
    });

    it('fixes every finding, pass by pass, as the in-memory fixer does', async () => {
      const { word, host } = setUp(personality, markup, [[9, 5]]);
      const original = word.texts('original');
      const outcome = await fixAllAsync(host, {
        read: (h) => h.read(),
        apply: async (h, plan) => {
          const r = await h.apply(plan);
          return r.ok ? ok(h) : r;
        },
      });
      const memory = value(fixAll(fromMarkup(markup), snapshotIo));
      const done = value(outcome);
      expect(word.texts('current')).toEqual(viewOf(memory.doc, 'current'));
      expect(word.texts('original')).toEqual(original);
      expect(done.remaining.map((d) => d.message)).toEqual(memory.remaining.map((d) => d.message));
      expect(word.touchedDeletions).toBe(0);
      expect(word.touchedMarks).toBe(0);
      expect(
        word.writes.every(
          (w) => w.op === 'style' || w.op === 'styleBuiltIn' || w.tracked || w.op === 'insertParagraph',
        ),
      ).toBe(true);
    });

    it('fixes one finding at a time, each landing exactly or refused', async () => {
      const { word, host } = setUp(personality, markup, [[9, 5]]);
      const s = value(await host.read());
      const fixable = check(s).diagnostics.filter((d) => d.fix && d.fix.length > 0);
      for (const d of fixable.slice(0, 3)) {
        const fresh = value(await host.read());
        const again = check(fresh).diagnostics.find((x) => x.message === d.message && x.fix?.length);
        if (!again) continue;
        await landsOrRefuses(word, host, fresh, planFixes(fresh, [again]).plan);
      }
    });

    it('retags to another conference', async () => {
      const { word, host } = setUp(personality, markup, [[9, 5]]);
      const s = value(await host.read());
      const plan = value(retagPlan(s, parse(s), value(parseConference('WTSA-24'))));
      const r = await landsOrRefuses(word, host, s, plan);
      expect(r).toEqual({ ok: true, value: undefined });
    });

    it('renumbers the operative clauses', async () => {
      const { word, host } = setUp(personality, markup, [[9, 5]]);
      const s = value(await host.read());
      const plan = renumberPlan(s, parse(s), { proposal: 0, section: 'resolves' });
      if (!plan.ok) return expect(plan.reason).toMatch(/\S/);
      expect((await landsOrRefuses(word, host, s, plan.value)).ok).toBe(true);
    });

    it('selects exactly the characters of a finding, touching one paragraph', async () => {
      const { word, host } = setUp(personality, markup, [[9, 5]]);
      const s = value(await host.read());
      const d = check(s).diagnostics.find((x) => x.length && x.length > 0);
      if (!d) return;
      const bytes = word.bytes;
      const syncs = word.syncs;
      expect(await host.select({ paragraph: d.paragraph, offset: d.offset, length: d.length })).toEqual(
        ok(undefined),
      );
      // The selection runs from the finding's first character to its last, over any deletion between.
      const want = paragraphText(s.paragraphs[d.paragraph]).slice(d.offset!, d.offset! + d.length!);
      const letters = (t: string) => t.replace(/[^\p{L}\p{N}]/gu, '');
      const selected = letters(word.selection?.text ?? '');
      expect(selected.startsWith(letters(want).slice(0, 3))).toBe(true);
      expect(selected.endsWith(letters(want).slice(-3))).toBe(true);
      expect(word.selection?.paragraph).toBe(
        word.texts('current').indexOf(paragraphText(s.paragraphs[d.paragraph])),
      );
      expect(word.syncs - syncs).toBeLessThanOrEqual(3);
      expect(word.bytes - bytes).toBeLessThan(
        paragraphText(s.paragraphs[d.paragraph], 'original').length * 4 + 400,
      );
    });
  });

  it.each(['Off', 'TrackAll', 'TrackMineOnly'] as const)(
    'tracks every change whatever the user set (%s), and gives the setting back',
    async (trackingMode) => {
      const word = new FakeWord(fromMarkup(PROPOSAL), {
        personality,
        user: 'Amend user',
        ooxml: flatOpc,
        trackingMode,
        ...personality.options,
      });
      const { host } = setUp(personality, '', [], word);
      const s = value(await host.read());
      const plan = value(renumberPlan(s, parse(s), { proposal: 0, section: 'resolves' }));
      expect(await landsOrRefuses(word, host, s, plan)).toEqual(ok(undefined));
      expect(word.writes.length).toBeGreaterThan(0);
      expect(word.trackingMode).toBe(trackingMode);
    },
  );

  describe('a proposal a delegate has not finished', () => {
    it('adds the missing reasons as a tracked paragraph', async () => {
      const { word, host } = setUp(personality, UNFINISHED, [[9, 5]]);
      const s = value(await host.read());
      const plan = value(reasonsPlan(s, parse(s), 0));
      expect((await landsOrRefuses(word, host, s, plan)).ok).toBe(true);
    });

    it('marks the resolution that has no proposal line, untracked as proposal lines are', async () => {
      const { word, host } = setUp(personality, UNFINISHED, [[9, 5]]);
      const s = value(await host.read());
      const plan = value(markPlan(s, parse(s), { id: 'APT/44A14' }));
      expect((await landsOrRefuses(word, host, s, plan)).ok).toBe(true);
      expect(word.texts('current')).toContain('MOD\tAPT/44A14/2');
    });
  });

  describe('what Word reports differently from the file', () => {
    it("fixes a clause label next to a comment, a footnote and another author's insertion", async () => {
      // The comment ends right after "to report": Windows and Mac put U+0005 there (#2114, #2258).
      const { word, host } = setUp(personality, PROPOSAL, [[10, 11]]);
      const s = value(await host.read());
      const plan = value(renumberPlan(s, parse(s), { proposal: 0, section: 'resolves' }));
      expect(plan.edits.length).toBeGreaterThan(0);
      expect(await landsOrRefuses(word, host, s, plan)).toEqual(ok(undefined));
      expect(word.texts('current')[10]).toBe('2\tto report on progress in spam regularly;');
    });

    it('replaces text across a non-breaking hyphen and a footnote, leaving the reference in place', async () => {
      const { word, host } = setUp(personality, PROPOSAL);
      const s = value(await host.read());
      const text = paragraphText(s.paragraphs[6]);
      const at = text.indexOf('spam is a growing problem for e\u2011mail');
      const plan: EditPlan = {
        title: 'Reword',
        edits: [
          {
            kind: 'text',
            paragraph: 6,
            offset: at,
            length: 36,
            expected: text.slice(at, at + 36),
            text: 'junk mail',
          },
        ],
        anchors: [{ paragraph: 6, text }],
      };
      expect(await landsOrRefuses(word, host, s, plan)).toEqual(ok(undefined));
      expect(word.snapshot().paragraphs[6].runs.some((r) => r.footnote === '1')).toBe(true);
      expect(word.texts('current')[6]).toBe('that junk mail users;');
    });

    it('never replaces a range holding a footnote reference or a comment anchor (#2749 erases them)', async () => {
      // The comment ends inside "to report", right before "report"; the footnote follows "report".
      const { word, host } = setUp(personality, PROPOSAL, [[10, 5]]);
      const s = value(await host.read());
      const text = paragraphText(s.paragraphs[10]);
      const plan: EditPlan = {
        title: 'Reword',
        edits: [
          { kind: 'text', paragraph: 10, offset: 2, length: 12, expected: 'to report on', text: 'to tell' },
        ],
        anchors: [{ paragraph: 10, text }],
      };
      const r = await landsOrRefuses(word, host, s, plan);
      // Windows and the Mac show the anchor (U+0005), so the edit goes in pieces around both marks; the
      // web shows no anchor, so the needle "to report" runs into it, finds nothing, and is refused.
      expect(r.ok).toBe(personality.commentMark !== '');
      expect(word.snapshot().paragraphs[10].runs.some((x) => x.footnote === '2')).toBe(true);
      expect(word.paragraphs[10].chars.some((c) => c.comment && c.del === undefined)).toBe(true);
    });

    it('replaces a long stretch in chunks, so no joined range holds a comment anchor Word does not show', async () => {
      const items = Array.from({ length: 30 }, (_, i) => `item ${i + 10}`).join(', ');
      const markup = PROPOSAL.replace('resolves', `resolves to ${items} now.`);
      // The comment ends in the middle of the 200 characters replaced, far from either end.
      const { word, host } = setUp(personality, markup, [[8, 110]]);
      const s = value(await host.read());
      const text = paragraphText(s.paragraphs[8]);
      const plan: EditPlan = {
        title: 'Shorten',
        edits: [
          { kind: 'text', paragraph: 8, offset: 12, length: 200, expected: text.slice(12, 212), text: 'act' },
        ],
        anchors: [{ paragraph: 8, text }],
      };
      const r = await landsOrRefuses(word, host, s, plan);
      expect(r.ok).toBe(personality.commentMark !== '');
      expect(word.paragraphs[8].chars.some((c) => c.comment && c.del === undefined)).toBe(true);
    });

    it("never writes over another author's deletion: a stretch around it is replaced in pieces", async () => {
      const { word, host } = setUp(personality, PROPOSAL);
      const s = value(await host.read());
      const text = paragraphText(s.paragraphs[11]);
      const plan: EditPlan = {
        title: 'Reword',
        edits: [
          { kind: 'text', paragraph: 11, offset: 2, length: 9, expected: text.slice(2, 11), text: 'to ask' },
        ],
        anchors: [{ paragraph: 11, text }],
      };
      expect(await landsOrRefuses(word, host, s, plan)).toEqual(ok(undefined));
      expect(word.texts('original')[11]).toBe('4\tto keep invite Member States to cooperate.');
      expect(word.texts('current')[11]).toBe('4\tto ask Member States to cooperate.');
    });
  });
});

describe.each(PERSONALITIES)('examples/ in Word ($name)', (personality) => {
  it.each(['en-resolution-52.docx', 'fr-resolution-52.docx'])(
    '%s: the findings and the fixes of the command line',
    async (file) => {
      const doc = value(readDocx(readFileSync(path.join(__dirname, '../../examples', file)), file));
      const word = new FakeWord(doc.snapshot, { personality, user: 'Amend user', ooxml: flatOpc });
      const { host } = setUp(personality, '', [], word);
      const said = (x: Snapshot) => check(x).diagnostics.map((d) => `${d.paragraph} ${d.message}`);
      expect(said(value(await host.read()))).toEqual(said(doc.snapshot));
      const outcome = value(
        await fixAllAsync(host, {
          read: (h) => h.read(),
          apply: async (h, plan) => {
            const r = await h.apply(plan);
            return r.ok ? ok(h) : r;
          },
        }),
      );
      // What `amend fix` writes: the same loop over the .docx writer.
      const cli = value(
        fixAll<DocxDocument>(doc, {
          read: (d) => d.snapshot,
          apply: (d, plan) => {
            const written = applyPlan(d, plan, by);
            return written.ok ? readDocx(written.value, file) : written;
          },
        }),
      );
      expect(outcome.applied.length).toBe(cli.applied.length);
      expect(word.texts('current')).toEqual(viewOf(cli.doc.snapshot, 'current'));
      expect(word.texts('original')).toEqual(viewOf(doc.snapshot, 'original'));
      expect(word.touchedDeletions).toBe(0);
      expect(word.touchedMarks).toBe(0);
    },
  );
});

describe('the fake keeps what Word is documented to do', () => {
  it('erases the footnote references of a range replaced with tracking off (#2749)', async () => {
    const word = new FakeWord(fromMarkup(PROPOSAL));
    await word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs.load('text');
      await context.sync();
      const p = paragraphs.items[6];
      const head = p.search('spam', { matchCase: true }).load('text');
      const tail = p.search('is a', { matchCase: true }).load('text');
      await context.sync();
      head.items[0].expandTo(tail.items[0]).insertText('junk is a', 'Replace');
      await context.sync();
    });
    expect(word.touchedMarks).toBe(1);
    expect(word.snapshot().paragraphs[6].runs.some((r) => r.footnote !== undefined)).toBe(false);
    expect(word.texts('current')[6]).toBe('that junk is a growing problem for e\u2011mail users;');
  });

  it('finds nothing for a needle holding a raw tab or line break, and refuses an empty one (#2331, #2413)', async () => {
    const word = new FakeWord(fromMarkup(PROPOSAL));
    const found = await word.run(async (context) => {
      const paragraphs = context.document.body.paragraphs.load('text');
      await context.sync();
      const raw = paragraphs.items[9].search('1\tto', { matchCase: true }).load('text');
      const coded = paragraphs.items[9].search('1^tto', { matchCase: true }).load('text');
      await context.sync();
      return [raw.items.length, coded.items.length];
    });
    expect(found).toEqual([0, 1]);
    await expect(
      word.run(async (context) => {
        const paragraphs = context.document.body.paragraphs.load('text');
        await context.sync();
        paragraphs.items[0].search('', { matchCase: true });
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('reading when Word refuses the OOXML', () => {
  it("falls back to the whole file on a GeneralException (#6059) and reports Word's own details", async () => {
    const word = new FakeWord(fromMarkup(PROPOSAL), { ooxmlFails: 'GeneralException' });
    const host = new WordHost({
      run: word.run,
      requirements: { isSetSupported: () => true },
      readOoxml: () => {
        throw new Error('not called');
      },
      file: word.officeDocument,
      readDocx: (bytes) => {
        const r = readDocx(bytes, 'proposal.docx');
        return r.ok ? ok(r.value.snapshot) : r;
      },
    });
    const s = value(await host.read());
    expect(viewOf(s, 'current')).toEqual(word.texts('current'));
    const d = host.diagnostics();
    expect(d.readPath).toBe('file');
    expect(d.lastError).toMatchObject({ code: 'GeneralException', debugInfo: 'at Body.getOoxml' });
    expect(d.lastRead?.ok).toBe(true);
    expect(d.lastRead?.roundTrips).toBeGreaterThanOrEqual(4);
    expect(word.officeDocument.open).toBe(0);
  });

  it('closes the file when a slice fails, and says both what Word refused and why the file failed', async () => {
    const word = new FakeWord(fromMarkup(PROPOSAL), { personality: PERSONALITIES[0] });
    word.officeDocument.failSlice = 0;
    const host = new WordHost({
      run: word.run,
      requirements: { isSetSupported: () => true },
      readOoxml: (xml) => ok(fromMarkup(xml)),
      file: word.officeDocument,
      readDocx: () => {
        throw new Error('not called');
      },
    });
    const r = await host.read();
    expect(r.ok ? '' : r.reason).toMatch(
      /^Could not read the document: .*\[ooxmlIsMalformated; at Body\.getOoxml\] Reading the whole file instead failed too: Word could not hand out part 1 of \d+ of the document file/,
    );
    expect(word.officeDocument.open).toBe(0);
    expect(host.diagnostics().lastError).toMatchObject({
      code: 'ooxmlIsMalformated',
      debugInfo: 'at Body.getOoxml',
    });
  });

  it('without a file reader, reports the refusal with its debugInfo', async () => {
    const word = new FakeWord(fromMarkup(PROPOSAL), { personality: PERSONALITIES[0] });
    const host = new WordHost({
      run: word.run,
      requirements: { isSetSupported: () => true },
      readOoxml: (xml) => ok(fromMarkup(xml)),
    });
    const r = await host.read();
    expect(r.ok ? '' : r.reason).toMatch(/\[ooxmlIsMalformated; at Body\.getOoxml\]$/);
  });
});

describe('styles', () => {
  const markup = ['MOD\tAPT/44A14/1', '<<heading 1>> RESOLUTION 52', 'resolves', '1\tto act.'].join('\n');

  it.each(['en', 'fr'] as const)(
    'gives a new paragraph a built-in style in a Word whose style names are in %s',
    async (locale) => {
      const word = new FakeWord(fromMarkup(markup), { locale, user: 'Amend user' });
      const host = new WordHost({
        run: word.run,
        requirements: { isSetSupported: () => true },
        readOoxml: (xml) => ok(fromMarkup(xml)),
      });
      const s = value(await host.read());
      const r = await host.apply({
        title: 'Heading',
        edits: [{ kind: 'paragraph', before: 2, text: 'RESOLUTION 53', styleFrom: 1, tracked: true }],
        anchors: [{ paragraph: 2, text: 'resolves' }],
      });
      expect(r).toEqual(ok(undefined));
      expect(word.snapshot().paragraphs[2].styleName).toBe('heading 1');
      expect(word.writes.map((w) => w.op)).toContain('styleBuiltIn');
      void s;
    },
  );

  it('keeps the edits when Word does not know a custom style, and says so', async () => {
    const word = new FakeWord(fromMarkup(markup.replace('resolves', '<<Call>> resolves')), {
      user: 'Amend user',
    });
    const host = new WordHost({
      run: word.run,
      requirements: { isSetSupported: () => true },
      readOoxml: (xml) => ok(fromMarkup(xml)),
    });
    value(await host.read());
    const r = await host.apply({
      title: 'Heading',
      edits: [{ kind: 'paragraph', before: 3, text: 'resolves further', styleId: 'Missing', tracked: true }],
      anchors: [{ paragraph: 3, text: '1\tto act.' }],
    });
    expect(r.ok ? '' : r.reason).toMatch(
      /^"Heading" was applied, but the new paragraph keeps Word's default style instead of "Missing"/,
    );
    expect(word.texts('current')[3]).toBe('resolves further');
    expect(word.trackingMode).toBe('Off');
  });
});
