import { REASONS_LABEL } from '../lexicon';
import type { Outline, Proposal } from '../model';
import type { EditPlan } from '../plan';
import { anchorsOf } from '../fix';
import { fail, ok, type Result } from '../result';
import { paragraphText, type Snapshot } from '../snapshot';

/** How a proposal is named to users: "Resolution 52 (APT/44A14/1)". */
export function describeProposal(p: Proposal, index: number): string {
  const what = p.number ? `Resolution ${p.number.resolution}` : `proposal ${index + 1}`;
  return p.id ? `${what} (${p.id.text})` : what;
}

/**
 * Add the reasons paragraph a proposal lacks: the localised label and a tab, after the proposal's last
 * non-empty paragraph, for a person to complete. Like the proposal line, it belongs to the contribution,
 * not to the amended text, so it is not a tracked change; it takes its style from another proposal's
 * reasons paragraph when there is one.
 */
export function reasonsPlan(snapshot: Snapshot, outline: Outline, proposal: number): Result<EditPlan> {
  const p = outline.proposals[proposal];
  if (p === undefined) return fail(`the document has no proposal ${proposal + 1} (it has ${outline.proposals.length})`);
  const name = describeProposal(p, proposal);
  if (p.reasons) return fail(`${name} already has its reasons (paragraph ${p.reasons.paragraph + 1})`);
  let after = p.end - 1;
  while (after > p.start && paragraphText(snapshot.paragraphs[after]).trim() === '') after--;
  const model = outline.proposals.find((q) => q.reasons)?.reasons?.paragraph;
  const edits = [
    {
      kind: 'paragraph' as const,
      before: after + 1,
      text: `${REASONS_LABEL[outline.language][0]}\t`,
      tracked: false,
      ...(model !== undefined ? { styleFrom: model } : {}),
    },
  ];
  return ok({ title: `Add reasons to ${name}`, edits, anchors: anchorsOf(snapshot, edits) });
}
