import { check } from '../core/engine';
import type { EditPlan } from '../core/plan';
import { fail, ok, type Result } from '../core/result';
import type { Snapshot } from '../core/snapshot';
import { startProposal, type NewProposalOptions } from '../docx/new-proposal';
import { streamInflate } from '../docx/portable';
import type { DocxDocument } from '../docx/types';
import { flatOpcOf } from './flat-opc';

/** What the user chooses of a new proposal: the author and date of its changes are Word's own. */
export type NewProposalChoice = Omit<NewProposalOptions, 'author' | 'date'>;

/** The proposal made: from which resolution, with which marker. */
export interface NewProposalMade {
  readonly resolution: string;
  readonly marker: string;
}

/** What inserting a proposal needs of Word: the adapter's insert, read and apply. */
export interface ProposalTarget {
  insertIntoEmpty(ooxml: string): Promise<Result<void>>;
  read(): Promise<Result<Snapshot>>;
  apply(plan: EditPlan): Promise<Result<void>>;
}

/**
 * "New proposal from in-force text" in Word: the in-force text goes into the empty document untracked
 * (its original), Track Changes on, and the proposal line, retag and reasons are then applied as Word's
 * own tracked changes, each read back before the next, as the CLI's `amend new` writes them. The result
 * reads as `amend new`'s output, checked against its own base, does.
 */
export async function insertNewProposal(
  word: ProposalTarget,
  base: DocxDocument,
  options: NewProposalChoice,
  onStep?: () => void,
): Promise<Result<NewProposalMade>> {
  const inflate = options.inflate ?? streamInflate;
  const start = startProposal(base, { ...options, author: '', date: '' });
  if (!start.ok) return start;
  const ooxml = flatOpcOf(start.value.excerpt, base.name, inflate);
  if (!ooxml.ok) return ooxml;
  const inserted = await word.insertIntoEmpty(ooxml.value);
  if (!inserted.ok) return inserted;
  onStep?.();
  for (const step of start.value.steps) {
    const read = await word.read();
    if (!read.ok) return fail(`The in-force text was inserted, but reading it back failed: ${read.reason}`);
    const plan = step(read.value, check(read.value, { rules: [] }).outline);
    if (!plan.ok) return fail(`The in-force text was inserted, but ${plan.reason}`);
    if (plan.value.edits.length === 0) continue;
    const applied = await word.apply(plan.value);
    if (!applied.ok)
      return fail(`The in-force text was inserted, but "${plan.value.title}" failed: ${applied.reason}`);
    onStep?.();
  }
  return ok({ resolution: start.value.resolution, marker: start.value.marker });
}
