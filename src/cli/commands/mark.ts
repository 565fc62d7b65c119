import type { Command } from 'commander';
import { ok } from '../../core/result';
import { usage, type CliIo } from '../io';
import type { Outline } from '../../core/model';
import type { Snapshot } from '../../core/snapshot';
import { writeOptions, type WriteFlags } from '../options';

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
  writeOptions(
    program
      .command('mark')
      .description('insert a proposal line (marker and identifier) before a resolution that has none')
      .argument('<file>', 'the .docx to mark'),
  )
    .option('--id <id>', 'proposal identifier, e.g. APT/44A14/3, or APT/44A14 for the next free number')
    .option('--marker <marker>', 'MOD, ADD, SUP, NOC … (default: suggested from the content)')
    .option('--resolution <number>', 'the resolution to mark (default: the only one without a proposal line)')
    .option('--renumber', "renumber the contribution's identifiers 1, 2, 3 … in document order")
    .action(async (file: string, flags: MarkFlags) => {
      const { id, renumber } = flags;
      if (id === undefined && !renumber) return usage(io, 'mark needs --id, --renumber or both');
      // Loaded only when mark runs: the plan builders and the writer are of no use to check.
      const [{ runPlan }, { markPlan, renumberIdsPlan }] = await Promise.all([
        import('./write'),
        import('../../core/commands/mark'),
      ]);
      return runPlan(
        io,
        file,
        flags,
        ...(id !== undefined ? [(s: Snapshot, o: Outline) => markPlan(s, o, { ...flags, id })] : []),
        ...(renumber ? [(s: Snapshot, o: Outline) => ok(renumberIdsPlan(s, o))] : []),
      );
    });
}
