import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyPlanToSnapshot } from '../../../src/core/apply';
import { fromMarkup, toMarkup } from '../../../src/core/markup';
import { textEdit as replace, type Edit, type EditPlan } from '../../../src/core/plan';
import { paragraphText, type Snapshot } from '../../../src/core/snapshot';

const by = { author: 'Amend', date: '2024-10-01T12:00:00Z' };
const texts = (s: Snapshot, view: 'current' | 'original' = 'current') =>
  s.paragraphs.filter((p) => view === 'current' || p.mark?.kind !== 'ins').map((p) => paragraphText(p, view));

/** A plan whose anchors are the current texts of the paragraphs its text edits touch. */
function plan(s: Snapshot, edits: Edit[]): EditPlan {
  const touched = [...new Set(edits.flatMap((e) => (e.kind === 'text' ? [e.paragraph] : [])))];
  return {
    title: 'test',
    edits,
    anchors: touched.map((i) => ({ paragraph: i, text: paragraphText(s.paragraphs[i]) })),
  };
}

function applied(markup: string, edits: (s: Snapshot) => Edit[]): Snapshot {
  const s = fromMarkup(markup);
  const frozen = JSON.stringify(s);
  const r = applyPlanToSnapshot(s, plan(s, edits(s)), by);
  expect(JSON.stringify(s)).toBe(frozen);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe('applyPlanToSnapshot', () => {
  test('a one-letter replacement is one deleted and one inserted letter', () => {
    const out = applied('h)\\tthat spam varies;', () => [replace(0, 0, 'h', 'i')]);
    expect(toMarkup(out)).toBe('[-h-]{+i+})\tthat spam varies;');
    expect(out.paragraphs[0].runs[0].revision).toEqual({ kind: 'del', ...by });
    expect(out.paragraphs[0].runs[1].revision).toEqual({ kind: 'ins', ...by });
  });

  test('splits runs and keeps earlier tracked changes, offsets counting the current view only', () => {
    // Current text: "(Rev. HAMMAMET 2016)"; insert the missing comma after the city.
    const out = applied('(Rev.[- Dubai, 2012-]{+ HAMMAMET 2016+})', () => [
      { kind: 'text', paragraph: 0, offset: 14, length: 0, expected: '', text: ',' },
    ]);
    expect(toMarkup(out)).toBe('(Rev.[- Dubai, 2012-]{+ HAMMAMET+}{+,+}{+ 2016+})');
    expect(paragraphText(out.paragraphs[0])).toBe('(Rev. HAMMAMET, 2016)');
    expect(paragraphText(out.paragraphs[0], 'original')).toBe('(Rev. Dubai, 2012)');
  });

  test("deleting someone's insertion keeps it, deleted by us, out of both views", () => {
    const out = applied('Dubaï, 2012{+; Hammamet 2016+})', () => [replace(0, 11, '; Hammamet 2016', '')]);
    const run = out.paragraphs[0].runs[1];
    expect(run.text).toBe('; Hammamet 2016');
    expect(run.revision).toMatchObject({
      kind: 'del',
      author: 'Amend',
      inserted: { kind: 'ins', author: 'Delegate' },
    });
    expect(paragraphText(out.paragraphs[0])).toBe('Dubaï, 2012)');
    expect(paragraphText(out.paragraphs[0], 'original')).toBe('Dubaï, 2012)');
  });

  test('a replacement spanning plain and inserted text, with a deletion inside, leaves that deletion alone', () => {
    const out = applied('ab[-XY-]{+cd+}ef', () => [replace(0, 1, 'bcde', 'Z')]);
    expect(
      out.paragraphs[0].runs.map((r) => [r.text, r.revision?.kind ?? '', r.revision?.author ?? '']),
    ).toEqual([
      ['a', '', ''],
      ['b', 'del', 'Amend'],
      ['XY', 'del', 'Delegate'],
      ['cd', 'del', 'Amend'],
      ['e', 'del', 'Amend'],
      ['Z', 'ins', 'Amend'],
      ['f', '', ''],
    ]);
    expect(paragraphText(out.paragraphs[0])).toBe('aZf');
    expect(paragraphText(out.paragraphs[0], 'original')).toBe('abXYef');
  });

  test('an insertion at a footnote reference goes after it; at a deletion, after the deletion', () => {
    const out = applied('countries[^1], need[-,-]', (s) => {
      const end = paragraphText(s.paragraphs[0]).length;
      return [
        { kind: 'text', paragraph: 0, offset: 9, length: 0, expected: '', text: ' (LDCs)' },
        { kind: 'text', paragraph: 0, offset: end, length: 0, expected: '', text: ';' },
      ];
    });
    expect(toMarkup(out)).toBe('countries[^1]{+ (LDCs)+}, need[-,-]{+;+}');
  });

  test('several edits in one paragraph all land, whatever their order in the plan', () => {
    const markup = 'h)\\tone;\ni)\\ttwo;\nj)\\tthree,';
    const out = applied(markup, () => [
      replace(2, 0, 'j', 'k'),
      replace(0, 0, 'h', 'i'),
      replace(1, 0, 'i', 'j'),
      replace(0, 6, ';', ','),
    ]);
    expect(texts(out)).toEqual(['i)\tone,', 'j)\ttwo;', 'k)\tthree,']);
  });

  test('paragraph edits insert tracked or untracked paragraphs and renumber indices', () => {
    const out = applied('<<Call>> considérant\ng)\\tque le spam;\n[-h-]{+i+})\\tqu’il est urgent', () => [
      { kind: 'paragraph', before: 2, text: 'h)\tque les caractéristiques;', styleFrom: 1, tracked: true },
      { kind: 'paragraph', before: 0, text: 'MOD\tAPT/44A14/3', tracked: false, styleId: 'Proposal' },
      { kind: 'paragraph', before: 3, text: 'Reasons:\t…', tracked: true },
    ]);
    expect(toMarkup(out).split('\n')).toEqual([
      'MOD\tAPT/44A14/3',
      '<<Call>> considérant',
      'g)\tque le spam;',
      '+¶ {+h)\tque les caractéristiques;+}',
      '[-h-]{+i+})\tqu’il est urgent',
      '+¶ {+Reasons:\t…+}',
    ]);
    expect(out.paragraphs.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(out.paragraphs[0]).toMatchObject({ styleId: 'Proposal' });
    expect(out.paragraphs[0].mark).toBeUndefined();
    expect(out.paragraphs[3].mark).toEqual({ kind: 'ins', ...by });
  });

  test('refuses a stale anchor, a misplaced expected text and overlapping edits, changing nothing', () => {
    const s = fromMarkup('a)\\tone;\nb)\\ttwo.');
    const stale = applyPlanToSnapshot(
      s,
      { title: 't', edits: [], anchors: [{ paragraph: 1, text: 'b)\ttwo,' }] },
      by,
    );
    expect(stale).toEqual({
      ok: false,
      reason: expect.stringMatching(/changed since it was read \(paragraph 2\)/),
    });
    const moved = applyPlanToSnapshot(s, { title: 't', edits: [replace(0, 1, 'a', 'b')], anchors: [] }, by);
    expect(moved.ok).toBe(false);
    const beyond = applyPlanToSnapshot(s, { title: 't', edits: [replace(5, 0, 'a', 'b')], anchors: [] }, by);
    expect(beyond.ok).toBe(false);
    const overlapping = applyPlanToSnapshot(
      s,
      { title: 't', edits: [replace(0, 0, 'a)', 'b)'), replace(0, 1, ')', '.')], anchors: [] },
      by,
    );
    expect(overlapping).toEqual({ ok: false, reason: expect.stringMatching(/overlapping/) });
  });

  test('on the French seed, the original view survives a dozen scattered edits', () => {
    const seed = readFileSync(path.join(__dirname, '../../fixtures/seeds/fr-resolution-52.txt'), 'utf8');
    const s = fromMarkup(seed);
    const edits: Edit[] = [];
    s.paragraphs.forEach((p, i) => {
      const t = paragraphText(p);
      if (i % 5 === 0 && t.length > 3) edits.push(replace(i, 1, t.slice(1, 3), 'XYZ'));
    });
    const r = applyPlanToSnapshot(s, plan(s, edits), by);
    if (!r.ok) throw new Error(r.reason);
    expect(texts(r.value, 'original')).toEqual(texts(s, 'original'));
    r.value.paragraphs.forEach((p, i) => {
      const t = paragraphText(s.paragraphs[i]);
      expect(paragraphText(p)).toBe(i % 5 === 0 && t.length > 3 ? t[0] + 'XYZ' + t.slice(3) : t);
    });
  });
});
