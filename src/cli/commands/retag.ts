import { Option, type Command } from 'commander';
import { describeConference, type Conference } from '../../core/conferences';
import { retagPlan } from '../../core/commands/retag';
import { check } from '../../core/engine';
import { loadDocx, type CliIo } from '../io';
import { conferenceOption } from '../options';
import { applyToDocx, describeEdit, finish, outputPath, revisionDate, usage, writeOptions, type WriteFlags } from './fix';

interface RetagFlags extends WriteFlags {
  conference: Conference;
}

/**
 * `amend retag IN.docx -o OUT.docx --conference WTSA-24`: prepare every resolution for a conference —
 * number line tag, history line and preamble, as token-minimal tracked changes.
 */
export function register(program: Command, io: CliIo): void {
  writeOptions(
    program
      .command('retag')
      .description('update revision tags, history line and preamble for a target conference, as tracked changes')
      .argument('<file>', 'the .docx to retag'),
  )
    .addOption(
      new Option('-c, --conference <conference>', 'target conference: WTSA-24 or "New Delhi, 2024"').argParser(conferenceOption).makeOptionMandatory(),
    )
    .action(async (file: string, flags: RetagFlags) => {
      const target = await outputPath(file, flags);
      if (!target.ok) return usage(io, target.reason);
      const loaded = await loadDocx(file);
      if (!loaded.ok) return usage(io, loaded.reason);
      const snapshot = loaded.value.snapshot;
      const plan = retagPlan(snapshot, check(snapshot, { rules: [] }).outline, flags.conference);
      if (!plan.ok) return usage(io, `${file}: ${plan.reason}`);
      const done = applyToDocx({ docx: loaded.value, bytes: null }, plan.value, file, { author: flags.author, date: revisionDate() });
      if (!done.ok) return usage(io, done.reason);
      io.stdout(`${file}: ${plan.value.title} for ${describeConference(flags.conference)}\n`);
      for (const e of plan.value.edits) io.stdout(`  ¶${(e.kind === 'text' ? e.paragraph : e.before) + 1}  ${describeEdit(e)}\n`);
      await finish(io, file, target.value, done.value, flags.dryRun);
    });
}
