import { anchorsOf } from './anchors';
import type { Outline, Proposal } from '../model';
import type { EditPlan } from '../plan';
import { fail, ok, type Result } from '../result';
import { reasonsEdit } from '../rules/reasons';
import type { Snapshot } from '../snapshot';

/** How a proposal is named to users: "Resolution 52 (APT/44A14/1)". */
export function describeProposal(p: Proposal, index: number): string {
  const what = p.number ? `Resolution ${p.number.resolution}` : `proposal ${index + 1}`;
  return p.id ? `${what} (${p.id.text})` : what;
}

/**
 * Add the reasons paragraph a proposal lacks — the localised label and a TAB, for a person to complete —
 * the same tracked paragraph the `reasons` rule's fix adds.
 */
export function reasonsPlan(snapshot: Snapshot, outline: Outline, proposal: number): Result<EditPlan> {
  const p = outline.proposals[proposal];
  if (p === undefined)
    return fail(`the document has no proposal ${proposal + 1} (it has ${outline.proposals.length})`);
  const name = describeProposal(p, proposal);
  if (p.reasons) return fail(`${name} already has its reasons (paragraph ${p.reasons.paragraph + 1})`);
  const edits = [reasonsEdit(snapshot, outline, p, outline.language)];
  return ok({ title: `Add reasons to ${name}`, edits, anchors: anchorsOf(snapshot, edits) });
}
