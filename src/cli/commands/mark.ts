import type { Command } from 'commander';
import { markPlan } from '../../core/commands/mark';
import type { CliIo } from '../io';
import { runPlan, writeOptions, type WriteFlags } from './fix';

interface MarkFlags extends WriteFlags {
  id: string;
  marker?: string;
  resolution?: string;
}

/**
 * `amend mark IN.docx -o OUT.docx --id APT/44A14/3 [--marker MOD] [--resolution 52]`: insert the
 * proposal line before a resolution that has none; the marker is suggested from the content when not
 * given, and `--id APT/44A14` takes the series' next free sequence.
 */
export function register(program: Command, io: CliIo): void {
  writeOptions(
    program
      .command('mark')
      .description('insert a proposal line (marker and identifier) before a resolution that has none')
      .argument('<file>', 'the .docx to mark'),
  )
    .requiredOption(
      '--id <id>',
      'proposal identifier, e.g. APT/44A14/3, or APT/44A14 for the next free number',
    )
    .option('--marker <marker>', 'MOD, ADD, SUP, NOC … (default: suggested from the content)')
    .option('--resolution <number>', 'the resolution to mark (default: the only one without a proposal line)')
    .action((file: string, flags: MarkFlags) =>
      runPlan(io, file, flags, (snapshot, outline) => markPlan(snapshot, outline, flags)),
    );
}
