import { anchorsOf } from './anchors';
import { firstValue, follows, labelToken, labelValue, nextValue, type LabelValue } from '../labels';
import type { Clause, Outline } from '../model';
import { textEdit, type EditPlan, type TextEdit } from '../plan';
import { fail, ok, type Result } from '../result';
import { paragraphText, type Snapshot } from '../snapshot';
import { describeProposal } from './reasons';

export interface RenumberTarget {
  /** Index of the proposal in the outline. */
  readonly proposal: number;
  /** Index of the section in the proposal, or its heading as written or its English key ("considérant", "considering"). */
  readonly section: number | string;
}

/**
 * Renumber a section's clauses into an unbroken sequence in the current view (`a)`, `b)`, `c)` …;
 * `1`, `2` …; roman sub-items under each clause): each label that must change gets one token-minimal
 * edit replacing just its letters (`h` → `i`). Deleted clauses do not count; `bis`/`ter` labels right
 * after their base are kept; automatic labels count but are Word's to change.
 */
export function renumberPlan(snapshot: Snapshot, outline: Outline, target: RenumberTarget): Result<EditPlan> {
  const p = outline.proposals[target.proposal];
  if (p === undefined)
    return fail(`the document has no proposal ${target.proposal + 1} (it has ${outline.proposals.length})`);
  const wanted = typeof target.section === 'string' ? target.section.trim().toLowerCase() : undefined;
  const section =
    wanted === undefined
      ? p.sections[target.section as number]
      : p.sections.find(
          (s) => s.name.toLowerCase() === wanted || s.key === wanted || s.heading.toLowerCase() === wanted,
        );
  if (section === undefined)
    return fail(
      `${describeProposal(p, target.proposal)} has no section ${typeof target.section === 'number' ? target.section + 1 : `"${target.section}"`}`,
    );
  const edits: TextEdit[] = [];
  renumber(snapshot, section.clauses, edits);
  return ok({ title: `Renumber ${section.name}`, edits, anchors: anchorsOf(snapshot, edits) });
}

function renumber(snapshot: Snapshot, clauses: readonly Clause[], edits: TextEdit[]): void {
  let previous: LabelValue | null = null;
  for (const c of clauses) {
    if (c.change === 'deleted') continue;
    renumber(snapshot, c.children, edits);
    if (c.kind === 'none') continue;
    const token = c.label.replace(/\)$/, '');
    const value = labelValue(c.kind, token);
    const expected: LabelValue =
      previous === null
        ? firstValue(c.kind, value)
        : value !== null && value.suffix > 0 && follows(previous, value)
          ? value
          : nextValue(previous);
    previous = expected;
    const text = labelToken(c.kind, expected);
    if (text === token || c.automatic || c.labelOffset === undefined || c.labelLength === undefined) continue;
    const current = paragraphText(snapshot.paragraphs[c.paragraph]).slice(
      c.labelOffset,
      c.labelOffset + c.labelLength,
    );
    edits.push(textEdit(c.paragraph, c.labelOffset, current, text));
  }
}
