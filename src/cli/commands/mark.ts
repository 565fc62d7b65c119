import type { Command } from 'commander';
import type { EditPlan } from '../../core/plan';
import { ok, type Result } from '../../core/result';
import { usage, type CliIo } from '../io';
import { MARKERS } from '../../core/lexicon';
import type { Outline } from '../../core/model';
import type { Snapshot } from '../../core/snapshot';
import { helpFooter, writeOptions, WRITE_EXIT_CODES, type WriteFlags } from '../options';
import type { NotedPlan } from './write';

interface MarkFlags extends WriteFlags {
  id?: string;
  renumber?: boolean;
  marker?: string;
  resolution?: string;
}

/**
 * `amend mark IN.docx -o OUT.docx --id APT/44A14/3 [--marker MOD] [--resolution 52] [--renumber]`: insert
 * the proposal line before a resolution that has none; the marker is suggested from the content when not
 * given, and `--id APT/44A14` takes the series' next free sequence. `--renumber` (with or without --id)
 * renumbers the contribution's identifiers 1, 2, 3 … in document order.
 */
export function register(program: Command, io: CliIo): void {
  const command = writeOptions(
    program
      .command('mark')
      .description(
        'insert a proposal line (marker and identifier) before a resolution that has none (--id), renumber the identifiers (--renumber), or both; one of them is required',
      )
      .argument('<file>', 'the .docx to mark'),
  )
    .option('--id <id>', 'proposal identifier, e.g. APT/44A14/3, or APT/44A14 for the next free number')
    .option(
      '--marker <marker>',
      `${MARKERS.join(', ')} (default: suggested from the content — MOD when it has tracked changes, ADD when all its text is new, NOC when unchanged — and said)`,
    )
    .option('--resolution <number>', 'the resolution to mark (default: the only one without a proposal line)')
    .option('--renumber', "renumber the contribution's identifiers 1, 2, 3 … in document order")
    .action(async (file: string, flags: MarkFlags) => {
      const { id, renumber } = flags;
      if (id === undefined && !renumber)
        return usage(
          io,
          'mark needs --id APT/44A14[/3] to insert a proposal line, --renumber to renumber the identifiers, or both',
        );
      // Loaded only when mark runs: the plan builders and the writer are of no use to check.
      const [{ runPlan }, { markPlan, renumberIdsPlan }] = await Promise.all([
        import('./write'),
        import('../../core/commands/mark'),
      ]);
      return runPlan(
        io,
        file,
        flags,
        ...(id !== undefined
          ? [(s: Snapshot, o: Outline) => withMarkerNote(markPlan(s, o, { ...flags, id }), flags.marker)]
          : []),
        ...(renumber ? [(s: Snapshot, o: Outline) => ok(renumberIdsPlan(s, o))] : []),
      );
    });
  helpFooter(
    command,
    [
      'amend mark proposal.docx -o marked.docx --id APT/44A14',
      'amend mark proposal.docx -o marked.docx --id APT/44A14/3 --marker MOD --resolution 52',
      'amend mark proposal.docx --in-place --renumber',
    ],
    WRITE_EXIT_CODES,
  );
}

/** Why a marker is suggested, in the words of suggestMarker's rule (core/commands/suggest-marker). */
const WHY: Partial<Record<string, string>> = {
  MOD: 'it has tracked changes that keep some of the original text',
  ADD: 'its text is all new',
  NOC: 'it has no tracked changes',
};

/** When the marker was not given, say which one was chosen, why, and how to choose another. */
function withMarkerNote(plan: Result<EditPlan>, given: string | undefined): Result<NotedPlan> {
  if (!plan.ok || given !== undefined) return plan;
  const line = plan.value.edits.find((e) => e.kind === 'paragraph');
  const marker = line?.text.split('\t')[0];
  if (!marker) return plan;
  const why = WHY[marker];
  return ok({
    ...plan.value,
    notes: [`marker ${marker} suggested${why ? ` because ${why}` : ''}; give --marker to choose another`],
  });
}
