/* What `amend new` does, loaded only when it runs: read the base, make the proposal, write it. */
import { describeConference } from '../../core/conferences';
import { newProposalDocx } from '../../docx/new-proposal';
import { loadDocx, nativeInflate, usage, writeAtomic, type CliIo } from '../io';
import type { NewFlags } from './new';
import { writableDocx } from './write';

const revisionDate = (now = new Date()): string => now.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The flag that answers what the message asks for. */
const hint = (reason: string): string =>
  /say which conference/.test(reason)
    ? ': --conference WTSA-24'
    : /name the one/.test(reason)
      ? ' with --resolution'
      : '';

export async function newProposal(io: CliIo, flags: NewFlags): Promise<void> {
  // Refused before any work, as fix and retag do.
  const target = await writableDocx(flags.output);
  if (!target.ok) return usage(io, target.reason);
  const base = await loadDocx(flags.base);
  if (!base.ok) return usage(io, base.reason);
  const made = newProposalDocx(base.value, {
    marker: flags.marker,
    id: flags.id,
    ...(flags.conference ? { conference: flags.conference } : {}),
    ...(flags.resolution !== undefined ? { resolution: flags.resolution } : {}),
    author: flags.author,
    date: revisionDate(),
    inflate: nativeInflate,
    name: flags.output,
  });
  if (!made.ok) return usage(io, `${made.reason}${hint(made.reason)}`);
  const written = await writeAtomic(flags.output, made.value.bytes);
  if (!written.ok) return usage(io, written.reason);
  const retagged = flags.conference ? ` for ${describeConference(flags.conference)}` : '';
  io.stdout(
    `${flags.base}: ${made.value.marker} ${flags.id} of Resolution ${made.value.resolution}${retagged}, Track Changes on\n`,
  );
  for (const note of made.value.notes) io.stdout(`  ${note}\n`);
  io.stdout(`wrote ${flags.output}\n`);
}
