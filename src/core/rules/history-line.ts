import { canonicalCity, describeConference } from '../conferences';
import type { Proposal } from '../model';
import type { TextEdit } from '../plan';
import type { Report, Rule, RuleContext } from '../rule';
import { formatHistoryEntry, HISTORY_SEPARATOR, namesConference, parseHistory, type HistoryLine } from '../tags';

/**
 * A history line lists every conference that adopted or revised the text: in parentheses, `City, Year`
 * entries oldest first, separated by `; `, without revision words or duplicates, and — for a MOD — ending
 * with the conference the proposal is for. Why: the history line is the text's provenance; a MOD that
 * forgets to append the target conference leaves the revised text claiming an older pedigree. Each
 * entry's own form (its comma, its venue) is the revision-tag rule's finding, not this one's.
 */
const rule: Rule = {
  meta: {
    id: 'history-line',
    description: 'History lines are well formed, oldest first, and a MOD ends with the target conference.',
    severity: 'error',
    fixable: true,
  },
  check(context: RuleContext): void {
    for (const proposal of context.outline.proposals) {
      if (!proposal.history) continue;
      const paragraph = proposal.history.paragraph;
      const text = context.text(paragraph);
      const report = (r: Omit<Report, 'paragraph' | 'excerpt'> & { excerpt?: string }) =>
        context.report({ paragraph, excerpt: text, ...r });
      const history = parseHistory(text, context.language);
      if (!history) {
        report({ message: 'The history line names no `City, Year`' });
        continue;
      }
      const duplicates = history.entries.map((e, k) =>
        history.entries.slice(0, k).some((x) => x.year === e.year && canonicalCity(x.city) === canonicalCity(e.city)),
      );
      checkShape(context, paragraph, history, duplicates, report);
      checkEntries(context, paragraph, history, duplicates, report);
      checkTarget(context, proposal, paragraph, history, report);
    }
  },
};

type Reporter = (r: Omit<Report, 'paragraph' | 'excerpt'> & { excerpt?: string }) => void;

const edit = (paragraph: number, offset: number, expected: string, text: string): TextEdit => ({
  kind: 'text',
  paragraph,
  offset,
  length: expected.length,
  expected,
  text,
});

function checkShape(
  context: RuleContext,
  paragraph: number,
  h: HistoryLine,
  duplicates: readonly boolean[],
  report: Reporter,
): void {
  const sep = HISTORY_SEPARATOR[context.language];
  const first = h.entries[0];
  const last = h.entries[h.entries.length - 1];
  const before = h.gaps[0];
  const after = h.gaps[h.gaps.length - 1];
  if (!h.open)
    report({
      message: 'The history line opens with `(`',
      offset: before.offset,
      length: 0,
      fix: before.text.trim() === '' ? [edit(paragraph, first.offset, '', '(')] : undefined,
    });
  if (before.text.trim() !== '')
    report({ message: `Unexpected \`${before.text.trim()}\` before the first entry`, offset: before.offset, length: before.length });
  if (!h.close)
    report({
      message: 'The history line closes with `)`',
      offset: last.offset + last.length,
      length: 0,
      fix: after.text.trim() === '' ? [edit(paragraph, last.offset + last.length, '', ')')] : undefined,
    });
  if (after.text.trim() !== '')
    report({ message: `Unexpected \`${after.text.trim()}\` after the last entry`, offset: after.offset, length: after.length });
  for (let k = 1; k < h.entries.length; k++) {
    const gap = h.gaps[k];
    // A duplicate's deletion takes the separator before it along.
    if (gap.text === sep || duplicates[k]) continue;
    // Only punctuation and spaces stand where the separator should: replacing them is certain.
    const certain = !/[\p{L}\p{N}]/u.test(gap.text);
    report({
      message: `Unexpected \`${gap.text}\` between \`${h.entries[k - 1].text}\` and \`${h.entries[k].text}\`, expected \`${sep}\``,
      offset: gap.offset,
      length: gap.length,
      actual: gap.text,
      expected: sep,
      fix: certain ? [edit(paragraph, gap.offset, gap.text, sep)] : undefined,
    });
  }
}

function checkEntries(
  context: RuleContext,
  paragraph: number,
  h: HistoryLine,
  duplicates: readonly boolean[],
  report: Reporter,
): void {
  h.entries.forEach((entry, k) => {
    const { revision, revisionGap } = entry.parts;
    if (revision) {
      const removed = revision.text + (revisionGap?.text ?? '');
      report({
        message: `Unexpected \`${revision.text}\` in the history line: it lists conferences, not revisions`,
        excerpt: entry.text,
        offset: revision.offset,
        length: removed.length,
        fix: [edit(paragraph, revision.offset, removed, '')],
      });
    }
    if (k === 0) return;
    if (duplicates[k]) {
      const gap = h.gaps[k];
      report({
        message: `Duplicate \`${entry.text}\` in the history line`,
        excerpt: entry.text,
        offset: entry.offset,
        length: entry.length,
        fix: [edit(paragraph, gap.offset, gap.text + entry.text, '')],
      });
      return;
    }
    const previous = h.entries[k - 1];
    if (entry.year < previous.year)
      report({
        message: `Unexpected \`${entry.text}\` after \`${previous.text}\`: the history line lists the oldest first`,
        excerpt: entry.text,
        offset: entry.offset,
        length: entry.length,
      });
  });
}

function checkTarget(context: RuleContext, proposal: Proposal, paragraph: number, h: HistoryLine, report: Reporter): void {
  const target = context.conference;
  if (!target || (proposal.marker !== 'MOD' && proposal.marker !== '(MOD)')) return;
  const last = h.entries[h.entries.length - 1];
  if (namesConference(last, target)) return;
  const entry = formatHistoryEntry(target, context.language);
  if (h.entries.some((e) => namesConference(e, target))) {
    report({
      message: `The history line ends with \`${last.text}\`, after the target conference ${describeConference(target)}`,
      excerpt: last.text,
      offset: last.offset,
      length: last.length,
    });
    return;
  }
  const at = last.offset + last.length;
  const inserted = `${HISTORY_SEPARATOR[context.language]}${entry}`;
  report({
    message: `The history line of a MOD ends with the target conference: expected \`${inserted}\` after \`${last.text}\``,
    excerpt: last.text,
    offset: at,
    length: 0,
    expected: entry,
    fix: [edit(paragraph, at, '', inserted)],
  });
}

export default rule;
