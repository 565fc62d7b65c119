import {
  firstValue,
  follows,
  labelToken,
  labelValue,
  nextValue,
  opens,
  type LabelKind,
  type LabelValue,
} from '../labels';
import type { Clause, Section } from '../model';
import { textEdit, type TextEdit } from '../plan';
import type { Rule, RuleContext } from '../rule';
import { fieldAdvice, fieldAt, type Field } from '../snapshot';

/**
 * clause-sequence: in each section, lettered (`a)`, `b)` …, Cyrillic `а)`, `б)` …, Arabic `أ)`, `ب)` …),
 * numbered (`1`, `2` …), decimal (`1.1`, `1.2`, `2.1` …) and roman (`i)`, `ii)` …) labels run without gap,
 * duplicate or disorder in the current view; `bis`/`ter` labels sit between their base and the next one.
 *
 * Inserting a clause re-letters everything after it, and a proposal that inserts `h)` but leaves the old
 * `h)`–`k)` unrenumbered reads wrong to every delegation. Each clause is compared with the label it
 * should have once the ones before it are right, so an unrenumbered run reports every clause with its
 * own token-minimal fix (`h` → `i`) and fixing all renumbers the whole run. Deleted clauses do not count.
 * Automatic (Word-numbered) labels are reported without a fix: no text edit can change them.
 * References to renumbered clauses are the cross-reference rule's business.
 */
const rule: Rule = {
  meta: {
    id: 'clause-sequence',
    description:
      'Clause labels in each section run a), b), c) … / 1, 2, 3 … / i), ii) … without gap, duplicate or disorder.',
    severity: 'error',
    fixable: true,
  },
  check(context) {
    const proposals = context.outline.proposals;
    for (let p = 0; p < proposals.length; p++) {
      const sections = proposals[p].sections;
      for (let s = 0; s < sections.length; s++) {
        const section = sections[s];
        const clauses = section.clauses;
        checkRun(context, section, clauses);
        for (let k = 0; k < clauses.length; k++)
          if (clauses[k].change !== 'deleted') checkRun(context, section, clauses[k].children);
      }
    }
  },
};
export default rule;

/** The token of a clause label: `h)` → `h`, `3.` → `3`. */
const tokenOf = (label: string): string => label.replace(/[.)]$/, '');

function checkRun(context: RuleContext, section: Section, clauses: readonly Clause[]): void {
  if (clauses.length === 0) return;
  const previous: Partial<Record<LabelKind, LabelValue>> = {};
  for (let k = 0; k < clauses.length; k++) {
    const clause = clauses[k];
    if (clause.change === 'deleted' || clause.kind === 'none') continue;
    const kind = clause.kind;
    const token = tokenOf(clause.label);
    const value = labelValue(kind, token);
    const before = previous[kind];
    if (value !== null && (before === undefined ? opens(kind, value) : follows(before, value))) {
      previous[kind] = value;
      continue;
    }
    // The expected label is written like the one found: in its alphabet (`б)` wants `а)`), at its depth.
    const want = before === undefined ? firstValue(kind, value) : nextValue(before);
    const wantToken = labelToken(kind, want);
    // A label is its token and its closing mark: `h)` wants `i)`, `3.` wants `4.`.
    report(context, section, clause, token, wantToken, wantToken + clause.label.slice(token.length));
    // Carry on as if this one were fixed, so the clauses after it are asked for their renumbered labels.
    previous[kind] = want;
  }
}

function report(
  context: RuleContext,
  section: Section,
  clause: Clause,
  token: string,
  wantToken: string,
  expected: string,
): void {
  const text = context.text(clause.paragraph);
  let fix: TextEdit[] | undefined;
  // A label Word computes (a SEQ or LISTNUM field) is renumbered by updating the field, not by an edit.
  let field: Field | undefined;
  if (!clause.automatic && clause.labelOffset !== undefined && clause.labelLength !== undefined) {
    const found = text.slice(clause.labelOffset, clause.labelOffset + clause.labelLength);
    field = fieldAt(context.snapshot.paragraphs[clause.paragraph], clause.labelOffset, clause.labelLength);
    if (found.toLowerCase() === token && field === undefined)
      fix = [textEdit(clause.paragraph, clause.labelOffset, found, wantToken)];
  }
  context.report({
    message: `Unexpected \`${clause.label}\`, expected \`${expected}\`${field ? ` (${fieldAdvice(field)})` : ''}`,
    paragraph: clause.paragraph,
    clause: `${section.name} ${clause.label}`,
    excerpt: text.length > 60 ? `${text.slice(0, 59)}…` : text,
    ...(clause.labelOffset !== undefined ? { offset: clause.labelOffset, length: clause.labelLength } : {}),
    actual: clause.label,
    expected,
    ...(fix ? { fix } : {}),
  });
}
