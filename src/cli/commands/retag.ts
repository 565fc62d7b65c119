import type { Command } from 'commander';
import type { Conference } from '../../core/conferences';
import type { CliIo } from '../io';
import { conferenceFlag, writeOptions, type WriteFlags } from '../options';

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
      .description(
        'update revision tags, history line and preamble for a target conference, as tracked changes',
      )
      .argument('<file>', 'the .docx to retag'),
  )
    .addOption(conferenceFlag(true))
    .action(async (file: string, flags: RetagFlags) => {
      // Loaded only when retag runs: the plan builder and the writer are of no use to check.
      const [{ runPlan }, { retagPlan }] = await Promise.all([
        import('./write'),
        import('../../core/commands/retag'),
      ]);
      return runPlan(io, file, flags, (snapshot, outline) => retagPlan(snapshot, outline, flags.conference));
    });
}
