import type { Command } from 'commander';
import { markPlan } from '../../core/commands/mark';
import { check } from '../../core/engine';
import { loadDocx, type CliIo } from '../io';
import { applyToDocx, describeEdit, finish, outputPath, revisionDate, usage, writeOptions, type WriteFlags } from './fix';

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
    .requiredOption('--id <id>', 'proposal identifier, e.g. APT/44A14/3, or APT/44A14 for the next free number')
    .option('--marker <marker>', 'MOD, ADD, SUP, NOC … (default: suggested from the content)')
    .option('--resolution <number>', 'the resolution to mark (default: the only one without a proposal line)')
    .action(async (file: string, flags: MarkFlags) => {
      const target = await outputPath(file, flags);
      if (!target.ok) return usage(io, target.reason);
      const loaded = await loadDocx(file);
      if (!loaded.ok) return usage(io, loaded.reason);
      const snapshot = loaded.value.snapshot;
      const plan = markPlan(snapshot, check(snapshot, { rules: [] }).outline, flags);
      if (!plan.ok) return usage(io, `${file}: ${plan.reason}`);
      const done = applyToDocx({ docx: loaded.value, bytes: null }, plan.value, file, { author: flags.author, date: revisionDate() });
      if (!done.ok) return usage(io, done.reason);
      io.stdout(`${file}: ${plan.value.title}\n`);
      for (const e of plan.value.edits) io.stdout(`  ¶${(e.kind === 'text' ? e.paragraph : e.before) + 1}  ${describeEdit(e)}\n`);
      await finish(io, file, target.value, done.value, flags.dryRun);
    });
}
