/** The drafting commands: each turns a user's request into an edit plan for any applier. */
export { markPlan, nextProposalId, renumberIdsPlan, resolveId } from './mark';
export type { IdSeries, MarkOptions } from './mark';
export { reasonsPlan, describeProposal } from './reasons';
export { renumberPlan } from './renumber';
export type { RenumberTarget } from './renumber';
export { retagPlan } from './retag';
export { suggestMarker } from './suggest-marker';
export { unconfirmedNames, unconfirmedNotes, unconfirmedNotesIn } from './unconfirmed';
