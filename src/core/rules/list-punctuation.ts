import { LIST_MARK_ROLE, LIST_MARKS, type ListMarkRole } from '../lexicon';
import type { Clause, Proposal, Section } from '../model';
import { textEdit } from '../plan';
import type { Rule, RuleContext } from '../rule';
import { shorten } from './proposal-span';

/**
 * list-punctuation: the closing mark of every item of a resolution. Items end with `;`, the last item
 * of a section with `,` (a section's single unlabelled item too), the very last item of the resolution
 * with `.`, and an item that introduces sub-items with `:`; in the marks of the document's language
 * (`；，。：` in Chinese, `؛ ، .` in Arabic, see LIST_MARKS), so a mark of another script is reported and
 * replaced, never doubled. ITU texts put no space before the mark, French ones included. Blanks after
 * the mark are fine.
 *
 * A resolution is one long sentence, so the marks tell where an item or a section ends; appending a
 * clause after a former last item must turn its `,` into `;`. Real texts break the convention (sub-items
 * without any punctuation), so findings are warnings. The fix touches only the mark: replace `,` with
 * `;`, or insert `;` after the last character. Texts kept unchanged (NOC, SUP, SUP*) are not checked.
 */

type Role = ListMarkRole;
/** The spaces, no-break and narrow no-break spaces just before `end` (a regex anchored at `$` is tried at every offset). */
function spaceBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && SPACES.includes(text[start - 1])) start--;
  return text.slice(start, end);
}
const SPACES = ' \u00a0\u202f';
/** Abbreviations whose full stop is not the item's closing mark (`… etc.;`). */
const ABBREVIATION = /(?:^|[^\p{L}])(?:etc|e\.g|i\.e|cf|al|No|Nos|Rev|Add|Corr|Vol|pp?)\.$/u;

/**
 * Markers whose text is reproduced as it stands: its punctuation is not up for change in this proposal,
 * and a fix would contradict the marker.
 */
const UNCHANGED = new Set<string>(['NOC', 'SUP', 'SUP*']);

const NAMES: Record<Role, string> = {
  item: 'semicolon',
  last: 'comma',
  end: 'full stop',
  introduces: 'colon',
};

/** The mark an item should end with, and why: one constant per case, so no item allocates its own. */
interface Closing {
  readonly role: Role;
  readonly why: string;
}

const INTRODUCES: Closing = { role: 'introduces', why: 'it introduces sub-items' };
const ENDS: Closing = { role: 'end', why: 'it ends the resolution' };
const SINGLE: Closing = { role: 'last', why: "it is its section's single item" };
const LAST: Closing = { role: 'last', why: "it is its section's last item" };
const FOLLOWED: Closing = { role: 'item', why: 'another item follows' };

function closing(lastInSection: boolean, lastSection: boolean, single: boolean): Closing {
  if (lastInSection && lastSection) return ENDS;
  if (lastInSection) return single ? SINGLE : LAST;
  return FOLLOWED;
}

/** Index of the last clause not deleted, -1 when all are. */
function lastLive(clauses: readonly Clause[]): number {
  for (let k = clauses.length - 1; k >= 0; k--) if (clauses[k].change !== 'deleted') return k;
  return -1;
}

/**
 * Check every item of a proposal, in document order. It runs for every clause of the document: index
 * loops over the clauses as they stand, not filtered copies of them.
 */
function checkProposal(context: RuleContext, p: Proposal): void {
  const sections = p.sections;
  let lastSection = -1;
  for (let s = sections.length - 1; s >= 0 && lastSection < 0; s--)
    if (lastLive(sections[s].clauses) >= 0) lastSection = s;
  for (let s = 0; s <= lastSection; s++) {
    const section = sections[s];
    const clauses = section.clauses;
    const lastClause = lastLive(clauses);
    for (let k = 0; k <= lastClause; k++) {
      const clause = clauses[k];
      if (clause.change === 'deleted') continue;
      const children = clause.children;
      const lastChild = lastLive(children);
      const last = k === lastClause;
      checkItem(
        context,
        section,
        clause,
        null,
        lastChild >= 0 ? INTRODUCES : closing(last, s === lastSection, clause.label === ''),
      );
      for (let j = 0; j <= lastChild; j++)
        if (children[j].change !== 'deleted')
          checkItem(
            context,
            section,
            clause,
            children[j],
            closing(last && j === lastChild, s === lastSection, false),
          );
    }
  }
}

/** The item as a user would cite it: "considering j)", "recognizing further c) ii)". */
function itemName(section: Section, clause: Clause, child: Clause | null): string {
  const name = clause.label ? `${section.name} ${clause.label}` : section.name;
  return child ? `${name} ${child.label}` : name;
}

/** Check the closing mark of `child` (of `clause` when null); most items are right, and build nothing. */
function checkItem(
  context: RuleContext,
  section: Section,
  clause: Clause,
  child: Clause | null,
  { role, why }: Closing,
): void {
  const expected = LIST_MARKS[context.language][role];
  const item = child ?? clause;
  if (item.text.trim() === '') return;
  const paragraph = item.paragraph;
  // trimEnd drops exactly what \s matches (no-break and narrow no-break spaces included), without a
  // regular expression tried at every offset of the text.
  const body = context.text(paragraph).trimEnd();
  const end = body.length;
  const last = body[end - 1];
  // An abbreviation's full stop closes the item only where a full stop is expected (`… etc.` at the end).
  const abbreviation = last === '.' && role !== 'end' && ABBREVIATION.test(body);
  const found = LIST_MARK_ROLE[last] !== undefined && !abbreviation ? last : null;
  const space = found ? spaceBefore(body, end - 1) : '';
  if (found === expected && space === '') return;
  const name = itemName(section, clause, child);
  const excerpt = shorten(body.slice(Math.max(0, end - 60)));

  if (found === expected) {
    const at = end - 1 - space.length;
    context.report({
      paragraph,
      clause: name,
      excerpt,
      expected,
      offset: at,
      length: space.length,
      actual: `${space}${found}`,
      message: `Unexpected space before \`${found}\` at the end of ${name}: ITU texts put no space before a ${NAMES[role]}`,
      fix: [textEdit(paragraph, at, space, '')],
    });
    return;
  }
  if (found) {
    // Take any space before the wrong mark along with it, so one fix leaves nothing to report.
    const at = end - 1 - space.length;
    const removed = `${space}${found}`;
    context.report({
      paragraph,
      clause: name,
      excerpt,
      expected,
      offset: at,
      length: removed.length,
      actual: found,
      message:
        LIST_MARK_ROLE[found] === role
          ? `Unexpected \`${found}\` at the end of ${name}, expected \`${expected}\`: the ${NAMES[role]} of the document's language`
          : `Unexpected \`${found}\` at the end of ${name}, expected \`${expected}\`: ${why}`,
      fix: [textEdit(paragraph, at, removed, expected)],
    });
    return;
  }
  context.report({
    paragraph,
    clause: name,
    excerpt,
    expected,
    offset: end,
    length: 0,
    actual: '',
    message: `Missing \`${expected}\` at the end of ${name}: ${why}`,
    fix: [textEdit(paragraph, end, '', expected)],
  });
}

const rule: Rule = {
  meta: {
    id: 'list-punctuation',
    description:
      "Items end with ';', a section's last item with ',', the resolution's last with '.', an item introducing sub-items with ':'.",
    severity: 'warning',
    fixable: true,
  },
  check(context) {
    for (const p of context.outline.proposals)
      if (p.marker === null || !UNCHANGED.has(p.marker)) checkProposal(context, p);
  },
};

export default rule;
