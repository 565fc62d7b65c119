import { applyPlanToSnapshot } from '../../src/core/apply';
import { prepareBase } from '../../src/core/compare/base';
import { check } from '../../src/core/engine';
import { planFixes } from '../../src/core/fix';
import { fromMarkup } from '../../src/core/markup';
import { ok, type Result } from '../../src/core/result';
import type { Snapshot, View } from '../../src/core/snapshot';
import { baseOf, once, seedMarkup, VARIANTS, type SeedName } from '../compare/helpers';
import { by } from '../core/fix/helpers';
import { FakeWord } from './fake-word';
import { flatOpc } from './flat-opc';
import { PERSONALITIES } from './personalities';
import { hostOn } from './host-on';

/**
 * The fix of an untracked change, in Word: within a paragraph it lands exactly (the original view
 * becomes the in-force text, the current view does not move, nobody's revision is touched, the user's
 * tracking mode comes back); a paragraph added or removed with tracking off is refused, with the reason
 * and the CLI command, and nothing changed.
 */

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

const RULES = ['untracked-change', 'base-version'];

function setUp(
  snapshot: Snapshot,
  personality: (typeof PERSONALITIES)[number],
  mode: 'Off' | 'TrackMineOnly',
) {
  const word = new FakeWord(snapshot, { personality, ooxml: flatOpc, trackingMode: mode });
  const host = hostOn(word);
  return { word, host };
}

/** Within a paragraph: a word typed, a word removed, with tracking off (the other restore ops). */
const IN_PARAGRAPH: Record<SeedName, readonly [string, string, string][]> = {
  'en-resolution-52': [
    ['a word typed', 'there are currently a variety', 'there are currently quite a variety'],
    ['a word removed', 'there are currently a variety', 'there are a variety'],
  ],
  'fr-resolution-52': [
    ['a word typed', "qu'il existe actuellement diverses", "qu'il existe actuellement encore diverses"],
    ['a word removed', "qu'il existe actuellement diverses", "qu'il existe diverses"],
  ],
};

const viewOf = (s: Snapshot, view: View) => new FakeWord(s).texts(view);

describe.each(PERSONALITIES.map((p) => [p.name, p] as const))('Word (%s)', (_name, personality) => {
  describe.each<SeedName>(['en-resolution-52', 'fr-resolution-52'])('%s', (seed) => {
    const base = prepareBase(baseOf(fromMarkup(seedMarkup(seed)), 'original'), 'in-force.docx');
    const cases = [
      ...VARIANTS.slice(0, 4).map((v) => [v.name, v.proposal] as const),
      ...IN_PARAGRAPH[seed].map(([name, from, to]) => [name, (m: string) => once(m, from, to)] as const),
    ];
    test.each(cases)('%s', async (_v, proposal) => {
      for (const mode of ['Off', 'TrackMineOnly'] as const) {
        const { word, host } = setUp(fromMarkup(proposal(seedMarkup(seed))), personality, mode);
        const read = value(await host.read());
        const found = check(read, { bases: [base], rules: RULES }).diagnostics;
        expect(found.map((d) => d.ruleId)).toEqual(['untracked-change']);
        const plan = planFixes(read, found).plan;
        const before = { current: word.texts('current'), snapshot: word.snapshot() };
        const wholeParagraph = found[0].fix!.some(
          (e) => (e.kind === 'paragraph' && e.deleted) || (e.kind === 'text' && e.insertedMark),
        );
        const r = await host.apply(plan);
        expect(word.trackingMode).toBe(mode);
        if (wholeParagraph) {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.reason).toMatch(/paragraph.*`amend fix --base`.*Nothing was changed\.$/);
          expect(word.writes).toEqual([]);
          expect(word.snapshot()).toEqual(before.snapshot);
          continue;
        }
        expect(r).toEqual(ok(undefined));
        // As the in-memory applier gives it, in both views; the current view has not moved.
        const memory = value(applyPlanToSnapshot(read, plan, by));
        expect(word.texts('current')).toEqual(before.current);
        expect(word.texts('original')).toEqual(viewOf(memory, 'original'));
        expect(word.touchedDeletions).toBe(0);
        expect(word.touchedMarks).toBe(0);
        // The in-force text is now the original: the comparison finds nothing more.
        const after = value(await host.read());
        expect(check(after, { bases: [base], rules: RULES }).diagnostics).toEqual([]);
      }
    });
  });
});
