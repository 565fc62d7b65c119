import { applyPlanToSnapshot } from '../../../src/core/apply';
import {
  markPlan,
  nextProposalId,
  reasonsPlan,
  renumberIdsPlan,
  renumberPlan,
  retagPlan,
  suggestMarker,
} from '../../../src/core/commands';
import { parseConference, type Conference } from '../../../src/core/conferences';
import { check } from '../../../src/core/engine';
import { parse } from '../../../src/core/parse';
import { fromMarkup, toMarkup } from '../../../src/core/markup';
import type { EditPlan } from '../../../src/core/plan';
import type { Result } from '../../../src/core/result';
import { existsIn, paragraphText, type Snapshot } from '../../../src/core/snapshot';
import { by, frenchSeedUnrenumbered, originalView, seed } from '../fix/helpers';

const conference = (name: string): Conference => {
  const r = parseConference(name);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const outline = (s: Snapshot) => parse(s);
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const apply = (s: Snapshot, plan: EditPlan) => value(applyPlanToSnapshot(s, plan, by));
const line = (s: Snapshot, pattern: RegExp) =>
  toMarkup(s)
    .split('\n')
    .find((l) => pattern.test(l));

const english = `MOD\tAPT/44A14/1
RESOLUTION 52 (REV. DUBAI, 2012)
Countering and combating spam
(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012)
The World Telecommunication Standardization Assembly (Dubai, 2012),
considering
a)\tthat spam is a problem;
b)\tthat it grows,
resolves
1\tto act.
Reasons:\tSpam grows.`;

describe('retagPlan', () => {
  test('refuses a conference older than the last one the history line names', () => {
    const s = fromMarkup(english);
    const r = retagPlan(s, outline(s), conference('WTSA-96'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/already names 2012: WTSC-96 \(Geneva, 1996\) is older/);
  });

  test("English, all caps number line: the three places name New Delhi, token-minimal, in the tags' case", () => {
    const s = fromMarkup(english);
    const out = apply(s, value(retagPlan(s, outline(s), conference('WTSA-24'))));
    expect(line(out, /^RESOLUTION/)).toBe('RESOLUTION 52 (REV. [-DUBAI, 2012-]{+NEW DELHI, 2024+})');
    expect(line(out, /^\(Flor/)).toBe(
      '(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012{+; New Delhi, 2024+})',
    );
    expect(line(out, /^The World/)).toBe(
      'The World Telecommunication Standardization Assembly ([-Dubai, 2012-]{+New Delhi, 2024+}),',
    );
    expect(
      check(out, {
        conference: conference('WTSA-24'),
        rules: ['conference-consistency', 'history-line', 'revision-tag'],
      }).diagnostics,
    ).toEqual([]);
  });

  test('a first adoption gains the revision word; French writes Rév. and localised cities', () => {
    const s = fromMarkup(
      english
        .replace('RESOLUTION 52 (REV. DUBAI, 2012)', 'RÉSOLUTION 52 (Dubaï, 2012)')
        .replace('(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012)', '(Dubaï, 2012)')
        .replace(
          'The World Telecommunication Standardization Assembly (Dubai, 2012),',
          "L'Assemblée mondiale de normalisation des télécommunications (Dubaï, 2012),",
        )
        .replace('considering', 'considérant')
        .replace('resolves', 'décide')
        .replace('Reasons:', 'Motifs:'),
    );
    const out = apply(s, value(retagPlan(s, outline(s), conference('WTSA-22'))));
    expect(line(out, /^RÉSOLUTION/)).toBe('RÉSOLUTION 52 ([-Dubaï, 2012-]{+Rév. Genève, 2022+})');
    expect(line(out, /^\(Dub/)).toBe('(Dubaï, 2012{+; Genève, 2022+})');
  });

  test('a comma-less tag is rewritten in the canonical form, not with its missing comma', () => {
    const s = fromMarkup(english.replace('(REV. DUBAI, 2012)', '(Rev. Geneva 2022)'));
    const out = apply(s, value(retagPlan(s, outline(s), conference('WTSA-24'))));
    expect(line(out, /^RESOLUTION/)).toBe('RESOLUTION 52 (Rev. [-Geneva 2022-]{+New Delhi, 2024+})');
    expect(
      check(out, { conference: conference('WTSA-24'), rules: ['conference-consistency', 'revision-tag'] })
        .diagnostics,
    ).toEqual([]);
    const first = fromMarkup(english.replace('(REV. DUBAI, 2012)', '(Dubai 2012)'));
    const revised = apply(first, value(retagPlan(first, outline(first), conference('WTSA-24'))));
    expect(line(revised, /^RESOLUTION/)).toBe('RESOLUTION 52 ([-Dubai 2012-]{+Rev. New Delhi, 2024+})');
  });

  test('retagging for the conference already named changes nothing', () => {
    const s = fromMarkup(english);
    const once = apply(s, value(retagPlan(s, outline(s), conference('WTSA-24'))));
    expect(value(retagPlan(once, outline(once), conference('WTSA-24'))).edits).toEqual([]);
    // The French seed is already for Hammamet 2016 (in its current view).
    const fr = fromMarkup(seed('fr-resolution-52'));
    expect(value(retagPlan(fr, outline(fr), conference('WTSA-16'))).edits).toEqual([]);
  });

  test('refuses a text with no tag to retag', () => {
    const s = fromMarkup('Introduction\nSome text.');
    expect(retagPlan(s, outline(s), conference('WTSA-24')).ok).toBe(false);
  });
});

describe('markPlan, suggestMarker, nextProposalId', () => {
  const unmarked = english.replace('MOD\tAPT/44A14/1\n', '');

  test('inserts an untracked proposal line before the number line, marker suggested from the content', () => {
    const clean = fromMarkup(unmarked);
    expect(suggestMarker(clean, outline(clean).proposals[0])).toBe('NOC');
    const edited = fromMarkup(
      unmarked.replace('a)\tthat spam is a problem;', 'a)\tthat spam is a [-small-]{+big+} problem;'),
    );
    expect(suggestMarker(edited, outline(edited).proposals[0])).toBe('MOD');
    const out = apply(edited, value(markPlan(edited, outline(edited), { id: 'APT/44A14/3' })));
    expect(out.paragraphs[0].runs).toEqual([{ text: 'MOD\tAPT/44A14/3' }]);
    expect(out.paragraphs[0].mark).toBeUndefined();
    expect(paragraphText(out.paragraphs[1])).toMatch(/^RESOLUTION 52/);
    expect(originalView(out).slice(1)).toEqual(originalView(edited));
    expect(outline(out).proposals[0]).toMatchObject({ marker: 'MOD', id: { text: 'APT/44A14/3' } });
  });

  test('all-new text suggests ADD; an explicit marker wins; a series takes its next free number', () => {
    const allNew = fromMarkup(
      unmarked
        .split('\n')
        .map((l) => `+¶ {+${l}+}`)
        .join('\n'),
    );
    expect(suggestMarker(allNew, outline(allNew).proposals[0])).toBe('ADD');
    const two = fromMarkup(`${english}\n${unmarked.replace('52', '64')}`);
    const o = outline(two);
    expect(nextProposalId(o, { submitter: 'APT', document: '44', addendum: '14' }).text).toBe('APT/44A14/2');
    expect(nextProposalId(o, { submitter: 'EUR', document: 'XX' }).text).toBe('EUR/XX/1');
    const plan = value(markPlan(two, o, { id: 'APT/44A14', marker: 'sup' }));
    expect(plan.edits).toEqual([
      expect.objectContaining({ kind: 'paragraph', text: 'SUP\tAPT/44A14/2', tracked: false, styleFrom: 0 }),
    ]);
  });

  test('refuses what a person must fix: an unknown marker, a used identifier, a resolution already marked', () => {
    const s = fromMarkup(`${english}\n${unmarked.replace('52', '64')}`);
    const o = outline(s);
    expect(markPlan(s, o, { id: 'APT/44A14/2', marker: 'MODIF' })).toEqual({
      ok: false,
      reason: expect.stringMatching(/unknown marker "MODIF"/),
    });
    expect(markPlan(s, o, { id: 'APT/44A14/1' })).toEqual({
      ok: false,
      reason: expect.stringMatching(/already used/),
    });
    expect(markPlan(s, o, { id: 'APT/44A14/2', resolution: '52' })).toEqual({
      ok: false,
      reason: expect.stringMatching(/already has a proposal line/),
    });
    expect(markPlan(s, o, { id: 'APT/44A14/2', resolution: '99' })).toEqual({
      ok: false,
      reason: expect.stringMatching(/no Resolution 99/),
    });
    expect(markPlan(s, o, { id: 'nonsense' })).toEqual({
      ok: false,
      reason: expect.stringMatching(/not a proposal identifier/),
    });
  });

  test('renumberIdsPlan makes identifiers run 1, 2, 3, replacing only the digits', () => {
    const s = fromMarkup(`${english}\n${english.replace('APT/44A14/1', 'APT/44A14/4').replace('52', '64')}`);
    const plan = renumberIdsPlan(s, outline(s));
    expect(plan.edits).toEqual([expect.objectContaining({ expected: '4', text: '2', length: 1 })]);
    const out = apply(s, plan);
    expect(renumberIdsPlan(out, outline(out)).edits).toEqual([]);
  });
});

describe('renumberPlan and reasonsPlan', () => {
  test("renumbers the French seed's considérant after its new h), one letter per clause", () => {
    const s = fromMarkup(frenchSeedUnrenumbered());
    const o = outline(s);
    const plan = value(renumberPlan(s, o, { proposal: 0, section: 'considérant' }));
    expect(plan.edits.map((e) => (e.kind === 'text' ? `${e.expected}→${e.text}` : ''))).toEqual([
      'h→i',
      'i→j',
      'j→k',
      'k→l',
    ]);
    const out = apply(s, plan);
    expect(toMarkup(out)).toBe(toMarkup(fromMarkup(seed('fr-resolution-52'))));
    expect(value(renumberPlan(out, outline(out), { proposal: 0, section: 'considering' })).edits).toEqual([]);
    expect(renumberPlan(s, o, { proposal: 0, section: 'resolves further' }).ok).toBe(false);
    expect(renumberPlan(s, o, { proposal: 3, section: 0 }).ok).toBe(false);
  });

  test('adds the localised reasons label after the last paragraph as a tracked insertion, and only once', () => {
    const s = fromMarkup(seed('fr-resolution-52'));
    const plan = value(reasonsPlan(s, outline(s), 0));
    const out = apply(s, plan);
    const added = out.paragraphs.find((p) => paragraphText(p) === 'Motifs:\t');
    expect(added).toBeDefined();
    expect(added!.mark?.kind).toBe('ins');
    expect(added!.runs.map((r) => r.revision?.kind)).toEqual(['ins']);
    // Tracked, it is absent from the original view: rejecting every change gives the text as received.
    expect(existsIn(added!, 'original')).toBe(false);
    expect(paragraphText(out.paragraphs[added!.index - 1])).toMatch(/propagation\.$/);
    expect(reasonsPlan(out, outline(out), 0)).toEqual({
      ok: false,
      reason: expect.stringMatching(/already has its reasons/),
    });
  });
});
