import type { Diagnostic } from '../../../src/core/diagnostic';
import { check } from '../../../src/core/engine';
import { fixAll, fixAllAsync, planFixes, type FixIo } from '../../../src/core/fix';
import { fromMarkup, toMarkup } from '../../../src/core/markup';
import { textEdit as text, type Edit, type EditPlan } from '../../../src/core/plan';
import { ok } from '../../../src/core/result';
import type { Snapshot } from '../../../src/core/snapshot';
import { currentView, frenchSeedUnrenumbered, originalView, seed, snapshotIo } from './helpers';

const finding = (ruleId: string, paragraph: number, fix?: Edit[]): Diagnostic => ({
  ruleId,
  severity: 'error',
  message: `${ruleId} at ${paragraph + 1}`,
  paragraph,
  excerpt: '',
  ...(fix ? { fix } : {}),
});

describe('planFixes', () => {
  const s = fromMarkup('a)\\tone,\nb)\\ttwo;\nd)\\tthree.');

  test('takes findings in document order, skips one overlapping an edit already taken, anchors what it touches', () => {
    const late = finding('clause-sequence', 2, [text(2, 0, 'd', 'c')]);
    const early = finding('list-punctuation', 0, [text(0, 6, ',', ';')]);
    const clash = finding('other', 0, [text(0, 5, 'e,', 'e;')]);
    const none = finding('marker-content', 1);
    const r = planFixes(s, [late, clash, none, early]);
    expect(r.fixed).toEqual([clash, late]);
    expect(r.skipped).toEqual([early]);
    expect(r.plan.edits).toEqual([clash.fix![0], late.fix![0]]);
    expect(r.plan.anchors).toEqual([
      { paragraph: 0, text: 'a)\tone,' },
      { paragraph: 2, text: 'd)\tthree.' },
    ]);
  });

  test("a finding's edits are taken all or none", () => {
    const both = finding('a', 0, [text(0, 0, 'a', 'x'), text(1, 0, 'b', 'y')]);
    const blocker = finding('b', 1, [text(1, 0, 'b)', 'c)')]);
    const r = planFixes(s, [blocker, both]);
    expect(r.fixed).toEqual([both]);
    expect(r.skipped).toEqual([blocker]);
    expect(r.plan.edits).toHaveLength(2);
  });

  test('a fix that does not fit the text it was computed on is never taken', () => {
    const wrong = finding('a', 0, [text(0, 0, 'z', 'x')]);
    expect(planFixes(s, [wrong])).toMatchObject({ fixed: [], skipped: [wrong], plan: { edits: [] } });
  });

  test('a new paragraph is anchored on its neighbours and conflicts only with another at the same place', () => {
    const add = finding('reasons', 2, [{ kind: 'paragraph', before: 3, text: 'Reasons:\t', tracked: false }]);
    const again = finding('reasons', 2, [
      { kind: 'paragraph', before: 3, text: 'Motifs:\t', tracked: false },
    ]);
    const r = planFixes(s, [add, again, finding('c', 2, [text(2, 0, 'd', 'c')])]);
    expect(r.skipped).toEqual([again]);
    expect(r.plan.anchors.map((a) => a.paragraph)).toEqual([2]);
  });
});

describe('fixAll over snapshots', () => {
  test('a finding the document cannot take (canFix) stays reported, and the others are fixed around it', () => {
    const input = fromMarkup(frenchSeedUnrenumbered());
    const all = fixAll(input, snapshotIo);
    if (!all.ok) throw new Error(all.reason);
    const held = all.value.applied.find((d) => d.ruleId !== 'clause-sequence')!.ruleId;
    const r = fixAll(input, snapshotIo, { canFix: (d) => d.ruleId !== held });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.applied.map((d) => d.ruleId)).not.toContain(held);
    expect(r.value.applied.map((d) => d.ruleId)).toContain('clause-sequence');
    expect(r.value.remaining.filter((d) => d.ruleId === held).length).toBeGreaterThan(0);
    expect(r.value.stoppedBy).toBe('done');
  });

  test('the French seed with its re-lettering undone: h)–k) become i)–l) as four one-letter tracked replacements', () => {
    const input = fromMarkup(frenchSeedUnrenumbered());
    const r = fixAll(input, snapshotIo, { rules: ['clause-sequence'] });
    if (!r.ok) throw new Error(r.reason);
    const out = toMarkup(r.value.doc).split('\n');
    const relettered = out.filter((l) => /^\[-[h-k]-\]\{\+[i-l]\+\}\)\t/.test(l));
    expect(relettered.map((l) => l.slice(0, 11))).toEqual([
      '[-h-]{+i+})',
      '[-i-]{+j+})',
      '[-j-]{+k+})',
      '[-k-]{+l+})',
    ]);
    expect(toMarkup(r.value.doc)).toBe(toMarkup(fromMarkup(seed('fr-resolution-52'))));
    expect(r.value.applied.map((d) => d.ruleId)).toEqual(Array(4).fill('clause-sequence'));
    expect(r.value.stoppedBy).toBe('done');
  });

  test.each(['fr-resolution-52', 'en-resolution-52', 'fr-unrenumbered'])(
    '%s: nothing lost, nothing fixable left, and fixing again changes nothing',
    (name) => {
      const input = fromMarkup(
        name === 'fr-unrenumbered' ? frenchSeedUnrenumbered() : seed(name as 'en-resolution-52'),
      );
      const frozen = JSON.stringify(input);
      const r = fixAll(input, snapshotIo);
      if (!r.ok) throw new Error(r.reason);
      expect(JSON.stringify(input)).toBe(frozen);
      const out = r.value.doc;
      expect(originalView(out)).toEqual(originalView(input));
      expect(
        check(out, { conference: r.value.conference ?? undefined }).diagnostics.filter((d) => d.fix),
      ).toEqual([]);
      expect(r.value.remaining.filter((d) => d.fix)).toEqual([]);
      const again = fixAll(out, snapshotIo);
      if (!again.ok) throw new Error(again.reason);
      expect(again.value).toMatchObject({ passes: 0, applied: [], stoppedBy: 'done' });
      expect(again.value.doc).toBe(out);
    },
  );

  test('the French seed: its comma-less tags are fixed with one inserted comma each', () => {
    const r = fixAll(fromMarkup(seed('fr-resolution-52')), snapshotIo, { rules: ['revision-tag'] });
    if (!r.ok) throw new Error(r.reason);
    const lines = currentView(r.value.doc);
    expect(
      lines.filter((l) => /HAMMAMET, 2016|Hammamet, 2016|Busan, 2014/.test(l)).length,
    ).toBeGreaterThanOrEqual(4);
    expect(lines.some((l) => /HAMMAMET 2016|Hammamet 2016|Busan 2014/.test(l))).toBe(false);
  });

  test('a document that ignores the edits is a cycle, stopped after one pass; maxPasses bounds the loop', () => {
    const input = fromMarkup(frenchSeedUnrenumbered());
    const stuck = fixAll(
      input,
      { read: (s: Snapshot) => s, apply: (s) => ok(s) },
      { rules: ['clause-sequence'] },
    );
    expect(stuck).toMatchObject({ ok: true, value: { passes: 1, stoppedBy: 'cycle' } });
    const bounded = fixAll(input, snapshotIo, { rules: ['clause-sequence'], maxPasses: 0 });
    expect(bounded).toMatchObject({ ok: true, value: { passes: 0, stoppedBy: 'max-passes', doc: input } });
  });

  test('a failing read or apply fails the loop with its reason', () => {
    const input = fromMarkup(frenchSeedUnrenumbered());
    expect(fixAll(input, { read: () => ({ ok: false, reason: 'gone' }), apply: (s) => ok(s) })).toEqual({
      ok: false,
      reason: 'gone',
    });
    expect(
      fixAll(input, { read: (s: Snapshot) => s, apply: () => ({ ok: false, reason: 'stale' }) }),
    ).toEqual({ ok: false, reason: 'stale' });
  });

  test('fixAllAsync gives what fixAll gives', async () => {
    const input = fromMarkup(frenchSeedUnrenumbered());
    const sync = fixAll(input, snapshotIo);
    const async = await fixAllAsync(input, {
      read: async (s) => ok(s),
      apply: async (s, plan) => snapshotIo.apply(s, plan),
    });
    expect(async).toEqual(sync);
  });
});

describe('fixAll when the document cannot place some edits', () => {
  const input = fromMarkup(frenchSeedUnrenumbered());
  /** Whether the document cannot place an edit: here, any that replaces the letter j. */
  const blocked = (e: Edit) => e.kind === 'text' && e.expected === 'j';

  /**
   * Snapshots in memory that refuse, before writing anything, a plan holding an edit `cannot` says is
   * unplaceable, naming every such edit (as the Word host does); `plans` records every plan asked for.
   */
  function placing(cannot: (e: Edit, index: number) => boolean) {
    const plans: EditPlan[] = [];
    const io: FixIo<Snapshot> = {
      read: (s) => s,
      apply: (s, plan) => {
        plans.push(plan);
        const unplaced = plan.edits.flatMap((e, edit) =>
          cannot(e, edit) ? [{ edit, reason: `cannot find "${e.kind === 'text' ? e.expected : ''}"` }] : [],
        );
        if (unplaced.length > 0) return { ok: false, reason: 'refused as a whole', unplaced };
        return snapshotIo.apply(s, plan);
      },
    };
    return { io, plans };
  }

  test('the other findings are fixed, and the one set aside stays reported with the reason, planned no more', () => {
    const { io, plans } = placing(blocked);
    const r = fixAll(input, io, { rules: ['clause-sequence'] });
    if (!r.ok) throw new Error(r.reason);
    // The same document as when the finding is left out from the start.
    const without = fixAll(input, snapshotIo, {
      rules: ['clause-sequence'],
      canFix: (d) => !d.fix!.some(blocked),
    });
    if (!without.ok) throw new Error(without.reason);
    expect(toMarkup(r.value.doc)).toBe(toMarkup(without.value.doc));
    expect(r.value.applied.map((d) => d.message)).toEqual(without.value.applied.map((d) => d.message));
    expect(r.value.applied).toHaveLength(3);
    expect(r.value.remaining).toEqual(without.value.remaining);
    expect(r.value.setAside).toEqual([
      { finding: r.value.remaining.find((d) => d.fix?.some(blocked)), reason: 'cannot find "j"' },
    ]);
    expect(r.value.setAside[0].finding).toBeDefined();
    // One plan refused, then the pass planned again without it; no later pass tries it again.
    expect(plans.filter((p) => p.edits.some(blocked))).toHaveLength(1);
    expect(plans).toHaveLength(r.value.passes + 1);
    expect(r.value.stoppedBy).toBe('done');
  });

  test('a document that can place nothing is left as it was, one refusal per finding at most', () => {
    const { io, plans } = placing((_e, index) => index === 0);
    const r = fixAll(input, io, { rules: ['clause-sequence'] });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value).toMatchObject({ doc: input, passes: 0, applied: [], stoppedBy: 'done' });
    expect(r.value.setAside.map((a) => a.finding)).toEqual(r.value.remaining.filter((d) => d.fix));
    expect(r.value.setAside).toHaveLength(4);
    expect(plans).toHaveLength(4);
  });

  test('a refusal that names no edit of the plan, or none at all, fails the loop as before', () => {
    for (const unplaced of [[{ edit: 99, reason: 'elsewhere' }], []]) {
      const io: FixIo<Snapshot> = {
        read: (s) => s,
        apply: () => ({ ok: false, reason: 'refused as a whole', unplaced }),
      };
      expect(fixAll(input, io, { rules: ['clause-sequence'] })).toEqual({
        ok: false,
        reason: 'refused as a whole',
      });
    }
  });

  test('with nothing refused, nothing is set aside', () => {
    const r = fixAll(input, snapshotIo);
    expect(r).toMatchObject({ ok: true, value: { setAside: [] } });
  });
});
