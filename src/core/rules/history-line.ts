import { canonicalCity, describeConference } from '../conferences';
import type { Proposal } from '../model';
import { textEdit } from '../plan';
import type { Report, Rule, RuleContext } from '../rule';
import { formatHistoryEntry, HISTORY_SEPARATOR, namesConference, type HistoryLine } from '../tags';

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
      const report: Reporter = (r) => context.report({ paragraph, excerpt: text, ...r });
      const h = context.history(paragraph);
      if (!h) {
        report({ message: 'The history line names no `City, Year`' });
        continue;
      }
      const duplicates = h.entries.map((e, k) =>
        h.entries
          .slice(0, k)
          .some((x) => x.year === e.year && canonicalCity(x.city) === canonicalCity(e.city)),
      );
      const line: Checked = { paragraph, h, duplicates, report };
      checkShape(line, HISTORY_SEPARATOR[context.language]);
      checkEntries(line);
      checkTarget(context, proposal, line);
    }
  },
};

type Reporter = (r: Omit<Report, 'paragraph' | 'excerpt'> & { excerpt?: string }) => void;

/** The history line being checked, as each check reads it. */
interface Checked {
  readonly paragraph: number;
  readonly h: HistoryLine;
  /** Whether each entry repeats an earlier one (the same city and year). */
  readonly duplicates: readonly boolean[];
  readonly report: Reporter;
}

/** Opening and closing parentheses, stray text around the entries, and the separators between them. */
function checkShape({ paragraph, h, duplicates, report }: Checked, sep: string): void {
  const first = h.entries[0];
  const last = h.entries[h.entries.length - 1];
  const before = h.gaps[0];
  const after = h.gaps[h.gaps.length - 1];
  if (!h.open)
    report({
      message: 'The history line opens with `(`',
      offset: before.offset,
      length: 0,
      fix: before.text.trim() === '' ? [textEdit(paragraph, first.offset, '', '(')] : undefined,
    });
  if (before.text.trim() !== '')
    report({
      message: `Unexpected \`${before.text.trim()}\` before the first entry`,
      offset: before.offset,
      length: before.length,
    });
  if (!h.close)
    report({
      message: 'The history line closes with `)`',
      offset: last.offset + last.length,
      length: 0,
      fix: after.text.trim() === '' ? [textEdit(paragraph, last.offset + last.length, '', ')')] : undefined,
    });
  if (after.text.trim() !== '')
    report({
      message: `Unexpected \`${after.text.trim()}\` after the last entry`,
      offset: after.offset,
      length: after.length,
    });
  for (let k = 1; k < h.entries.length; k++) {
    const gap = h.gaps[k];
    // A duplicate's deletion takes the separator before it along.
    if (gap.text === sep || duplicates[k]) continue;
    // Only punctuation and spaces stand where the separator should: replacing them is certain.
    const certain = !/[\p{L}\p{N}]/u.test(gap.text);
    report({
      message:
        gap.text === ''
          ? `\`${h.entries[k - 1].text}\` and \`${h.entries[k].text}\` run together, expected \`${sep}\` between them`
          : `Unexpected \`${gap.text}\` between \`${h.entries[k - 1].text}\` and \`${h.entries[k].text}\`, expected \`${sep}\``,
      offset: gap.offset,
      length: gap.length,
      actual: gap.text,
      expected: sep,
      fix: certain ? [textEdit(paragraph, gap.offset, gap.text, sep)] : undefined,
    });
  }
}

/** Revision words in entries, duplicate entries, entries out of date order. */
function checkEntries({ paragraph, h, duplicates, report }: Checked): void {
  h.entries.forEach((entry, k) => {
    const { revision, revisionGap } = entry.parts;
    if (revision) {
      const removed = revision.text + (revisionGap?.text ?? '');
      report({
        message: `Unexpected \`${revision.text}\` in the history line: it lists conferences, not revisions`,
        excerpt: entry.text,
        offset: revision.offset,
        length: removed.length,
        fix: [textEdit(paragraph, revision.offset, removed, '')],
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
        fix: [textEdit(paragraph, gap.offset, gap.text + entry.text, '')],
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

/** A MOD's history line ends with the target conference. */
function checkTarget(context: RuleContext, proposal: Proposal, { paragraph, h, report }: Checked): void {
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
    fix: [textEdit(paragraph, at, '', inserted)],
  });
}

export default rule;
