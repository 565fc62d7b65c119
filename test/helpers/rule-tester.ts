import { check } from '../../src/core/engine';
import { parseConference } from '../../src/core/conferences';
import type { Diagnostic } from '../../src/core/diagnostic';
import { fromMarkup } from '../../src/core/markup';
import { overlaps, type Edit } from '../../src/core/plan';
import type { Rule } from '../../src/core/rule';
import { paragraphText, type Snapshot } from '../../src/core/snapshot';

/**
 * ESLint's RuleTester, for Amend: tables of valid and invalid documents (in markup, see core/markup.ts)
 * for one rule, with the expected findings and the expected current text after its fixes.
 */
export interface ValidCase {
  readonly name?: string;
  readonly markup: string;
  /** Target conference as a user would type it. */
  readonly conference?: string;
}

export interface ExpectedFinding {
  /** 1-based paragraph of the markup (comment lines do not count). */
  readonly paragraph?: number;
  readonly message?: string | RegExp;
  readonly severity?: 'error' | 'warning';
  readonly actual?: string;
  readonly expected?: string;
  readonly clause?: string;
  readonly fixable?: boolean;
}

export interface InvalidCase extends ValidCase {
  readonly findings: readonly ExpectedFinding[];
  /** The current text of every paragraph after applying the fixes, one per line; omit when nothing is fixable. */
  readonly output?: string;
}

/** Apply non-overlapping fix edits to the current texts, ESLint style: sorted, an overlapping edit skipped. */
export function applyFixesToText(snapshot: Snapshot, findings: readonly Diagnostic[]): string[] {
  const lines: (string | string[])[] = snapshot.paragraphs.map((p) => paragraphText(p));
  const taken: Edit[] = [];
  for (const d of findings) {
    if (!d.fix || d.fix.some((e) => taken.some((t) => overlaps(t, e)))) continue;
    taken.push(...d.fix);
  }
  const before = new Map<number, string[]>();
  const byParagraph = new Map<number, Edit[]>();
  for (const e of taken) {
    if (e.kind === 'paragraph') before.set(e.before, [...(before.get(e.before) ?? []), e.text]);
    else byParagraph.set(e.paragraph, [...(byParagraph.get(e.paragraph) ?? []), e]);
  }
  for (const [i, edits] of byParagraph) {
    let s = lines[i] as string;
    for (const e of [...edits].sort(
      (a, b) => (b as { offset: number }).offset - (a as { offset: number }).offset,
    )) {
      if (e.kind !== 'text') continue;
      expect(s.slice(e.offset, e.offset + e.length)).toBe(e.expected);
      s = s.slice(0, e.offset) + e.text + s.slice(e.offset + e.length);
    }
    lines[i] = s;
  }
  const out: string[] = [];
  lines.forEach((l, i) => out.push(...(before.get(i) ?? []), l as string));
  out.push(...(before.get(lines.length) ?? []));
  return out;
}

export function runRuleTests(
  rule: Rule,
  cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] },
): void {
  const id = rule.meta.id;
  const run = (c: ValidCase) => {
    const snapshot = fromMarkup(c.markup);
    const frozen = JSON.stringify(snapshot);
    let conference;
    if (c.conference) {
      const r = parseConference(c.conference);
      if (!r.ok) throw new Error(r.reason);
      conference = r.value;
    }
    const result = check(snapshot, { rules: [id], conference });
    expect(JSON.stringify(snapshot)).toBe(frozen); // the rule did not mutate its input
    return { snapshot, diagnostics: result.diagnostics, conference };
  };
  describe(id, () => {
    test('has meta', () => {
      expect(rule.meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.meta.description.length).toBeGreaterThan(10);
    });
    for (const [i, c] of cases.valid.entries())
      test(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const { diagnostics } = run(c);
        expect(diagnostics.map((d) => `${d.paragraph + 1}: ${d.message}`)).toEqual([]);
      });
    for (const [i, c] of cases.invalid.entries())
      test(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const { snapshot, diagnostics, conference } = run(c);
        expect(diagnostics.map((d) => `${d.paragraph + 1}: ${d.message}`)).toHaveLength(c.findings.length);
        c.findings.forEach((f, k) => {
          const d = diagnostics[k];
          if (f.paragraph !== undefined) expect(d.paragraph + 1).toBe(f.paragraph);
          if (typeof f.message === 'string') expect(d.message).toBe(f.message);
          if (f.message instanceof RegExp) expect(d.message).toMatch(f.message);
          if (f.severity) expect(d.severity).toBe(f.severity);
          if (f.actual !== undefined) expect(d.actual).toBe(f.actual);
          if (f.expected !== undefined) expect(d.expected).toBe(f.expected);
          if (f.clause !== undefined) expect(d.clause).toBe(f.clause);
          if (f.fixable !== undefined) expect(d.fix !== undefined && d.fix.length > 0).toBe(f.fixable);
          if (d.fix)
            for (const e of d.fix)
              if (e.kind === 'text') expect(e.expected !== '' || e.text !== '').toBe(true);
        });
        const fixable = diagnostics.filter((d) => d.fix && d.fix.length > 0);
        if (c.output === undefined) {
          expect(fixable.map((d) => d.message)).toEqual([]);
          return;
        }
        const fixed = applyFixesToText(snapshot, diagnostics);
        expect(fixed.join('\n')).toBe(c.output);
        expect(fixed.join('\n')).not.toBe(snapshot.paragraphs.map((p) => paragraphText(p)).join('\n'));
        // The fixed document re-parses, and a second round of fixes changes nothing.
        const again = check(fromMarkup(fixed.map((l) => l.replace(/\t/g, '\\t')).join('\n')), {
          rules: [id],
          conference: conference,
        });
        expect(again.diagnostics.filter((d) => d.fix && d.fix.length > 0).map((d) => d.message)).toEqual([]);
      });
  });
}
