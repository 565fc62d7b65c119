import type { Clause, Proposal, Section } from '../model';
import { textEdit } from '../plan';
import type { Rule, RuleContext } from '../rule';
import { shorten } from './proposal-span';

/**
 * list-punctuation: the closing mark of every item of a resolution. Items end with `;`, the last item
 * of a section with `,` (a section's single unlabelled item too), the very last item of the resolution
 * with `.`, and an item that introduces sub-items with `:`. ITU texts put no space before the mark,
 * French ones included. Blanks after the mark are fine.
 *
 * A resolution is one long sentence, so the marks tell where an item or a section ends; appending a
 * clause after a former last item must turn its `,` into `;`. Real texts break the convention (sub-items
 * without any punctuation), so findings are warnings. The fix touches only the mark: replace `,` with
 * `;`, or insert `;` after the last character. Texts kept unchanged (NOC, SUP, SUP*) are not checked.
 */

type Mark = ';' | ',' | '.' | ':';
const MARKS = new Set<string>([';', ',', '.', ':']);
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

const NAMES: Record<Mark, string> = { ';': 'semicolon', ',': 'comma', '.': 'full stop', ':': 'colon' };

interface Item {
  readonly clause: Clause;
  /** The clause as a user would cite it: "considering j)", "recognizing further c) ii)". */
  readonly name: string;
  readonly expected: Mark;
  readonly why: string;
}

const live = (clauses: readonly Clause[]): Clause[] => clauses.filter((c) => c.change !== 'deleted');

/** Every item of a proposal with the mark it should end with, in document order. */
function items(p: Proposal): Item[] {
  const out: Item[] = [];
  const sections = p.sections.filter((s) => live(s.clauses).length > 0);
  sections.forEach((section: Section, s) => {
    const clauses = live(section.clauses);
    const lastSection = s === sections.length - 1;
    clauses.forEach((clause, k) => {
      const children = live(clause.children);
      const lastClause = k === clauses.length - 1;
      const name = clause.label ? `${section.name} ${clause.label}` : section.name;
      if (children.length > 0) out.push({ clause, name, expected: ':', why: 'it introduces sub-items' });
      else out.push({ clause, name, ...closing(lastClause, lastSection, clause.label === '') });
      children.forEach((child, j) => {
        const last = lastClause && j === children.length - 1;
        out.push({ clause: child, name: `${name} ${child.label}`, ...closing(last, lastSection, false) });
      });
    });
  });
  return out;
}

function closing(
  lastInSection: boolean,
  lastSection: boolean,
  single: boolean,
): { expected: Mark; why: string } {
  if (lastInSection && lastSection) return { expected: '.', why: 'it ends the resolution' };
  if (lastInSection)
    return {
      expected: ',',
      why: single ? "it is its section's single item" : "it is its section's last item",
    };
  return { expected: ';', why: 'another item follows' };
}

function checkItem(context: RuleContext, item: Item): void {
  const paragraph = item.clause.paragraph;
  const text = context.text(paragraph);
  // trimEnd drops exactly what \s matches (no-break and narrow no-break spaces included), without a
  // regular expression tried at every offset of the text.
  const body = text.trimEnd();
  if (item.clause.text.trim() === '') return;
  const end = body.length;
  const last = body[end - 1];
  // An abbreviation's full stop closes the item only where a full stop is expected (`… etc.` at the end).
  const abbreviation = last === '.' && ABBREVIATION.test(body) && item.expected !== '.';
  const found = MARKS.has(last) && !abbreviation ? (last as Mark) : null;
  const space = found ? spaceBefore(body, end - 1) : '';
  const excerpt = shorten(body.slice(Math.max(0, end - 60)));
  const base = { paragraph, clause: item.name, excerpt, expected: item.expected };

  if (found === item.expected) {
    if (space === '') return;
    const at = end - 1 - space.length;
    context.report({
      ...base,
      offset: at,
      length: space.length,
      actual: `${space}${found}`,
      message: `Unexpected space before \`${found}\` at the end of ${item.name}: ITU texts put no space before a ${NAMES[found]}`,
      fix: [textEdit(paragraph, at, space, '')],
    });
    return;
  }
  if (found) {
    // Take any space before the wrong mark along with it, so one fix leaves nothing to report.
    const at = end - 1 - space.length;
    const removed = `${space}${found}`;
    context.report({
      ...base,
      offset: at,
      length: removed.length,
      actual: found,
      message: `Unexpected \`${found}\` at the end of ${item.name}, expected \`${item.expected}\`: ${item.why}`,
      fix: [textEdit(paragraph, at, removed, item.expected)],
    });
    return;
  }
  context.report({
    ...base,
    offset: end,
    length: 0,
    actual: '',
    message: `Missing \`${item.expected}\` at the end of ${item.name}: ${item.why}`,
    fix: [textEdit(paragraph, end, '', item.expected)],
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
      if (p.marker === null || !UNCHANGED.has(p.marker))
        for (const item of items(p)) checkItem(context, item);
  },
};

export default rule;
