import { applyPlanToSnapshot } from '../../../src/core/apply';
import { retagPlan } from '../../../src/core/commands';
import { allConferences, describeConference, type Conference } from '../../../src/core/conferences';
import type { Diagnostic } from '../../../src/core/diagnostic';
import { check } from '../../../src/core/engine';
import { fromMarkup } from '../../../src/core/markup';
import { parse } from '../../../src/core/parse';
import { paragraphText, type Snapshot } from '../../../src/core/snapshot';
import { parseHistory } from '../../../src/core/tags';
import { by } from '../fix/helpers';
import { CONTRIBUTIONS } from '../fixtures';

const RULES = ['revision-tag', 'history-line', 'conference-consistency'];

/** A finding as it stays put across a retag: which rule, where, about what. */
const key = (d: Diagnostic): string => `${d.ruleId} ¶${d.paragraph} ${d.excerpt}`;
const errors = (s: Snapshot, conference: Conference): Diagnostic[] =>
  check(s, { conference, rules: RULES }).diagnostics.filter((d) => d.severity === 'error');

/**
 * Whatever retag writes is what check expects: for every conference of the record and every
 * contribution (one per language), check after retag finds no tag, history-line or consistency error
 * that was not there before (a citation's malformed tag stays the revision-tag rule's finding), and
 * retagging the result again changes nothing.
 */
describe.each(CONTRIBUTIONS.map((c) => [c.name, c] as const))('retag then check: %s', (_, c) => {
  const snapshot = fromMarkup(c.markup);
  // The text's last revision: retag refuses any conference older than the history line's newest entry.
  const history = parse(snapshot).proposals[0].history;
  const entries = history
    ? (parseHistory(paragraphText(snapshot.paragraphs[history.paragraph]), c.language)?.entries ?? [])
    : [];
  const newest = Math.max(-Infinity, ...entries.map((e) => e.year));
  test.each(allConferences().map((x) => [describeConference(x), x] as const))('%s', (_name, conference) => {
    const plan = retagPlan(snapshot, parse(snapshot), conference);
    if (conference.year < newest) {
      expect(plan.ok).toBe(false);
      return;
    }
    if (!plan.ok) throw new Error(plan.reason);
    const applied = applyPlanToSnapshot(snapshot, plan.value, by);
    if (!applied.ok) throw new Error(applied.reason);
    const retagged = applied.value;
    const before = new Set(errors(snapshot, conference).map(key));
    const introduced = errors(retagged, conference).filter((d) => !before.has(key(d)));
    expect(introduced.map((d) => `¶${d.paragraph} ${d.message}`)).toEqual([]);
    const again = retagPlan(retagged, parse(retagged), conference);
    expect(again.ok && again.value.edits).toEqual([]);
  });
});
