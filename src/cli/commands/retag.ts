import type { Command } from 'commander';
import type { Conference } from '../../core/conferences';
import type { CliIo } from '../io';
import { conferenceFlag, helpFooter, writeOptions, WRITE_EXIT_CODES, type WriteFlags } from '../options';

interface RetagFlags extends WriteFlags {
  conference: Conference;
}

/**
 * `amend retag IN.docx -o OUT.docx --conference WTSA-24`: prepare every resolution for a conference —
 * number line tag, history line and preamble, as token-minimal tracked changes.
 */
export function register(program: Command, io: CliIo): void {
  const command = writeOptions(
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
  helpFooter(
    command,
    [
      'amend retag proposal.docx -o retagged.docx --conference WTSA-24',
      'amend retag proposal.docx --dry-run --conference "New Delhi, 2024"',
    ],
    WRITE_EXIT_CODES,
  );
}
