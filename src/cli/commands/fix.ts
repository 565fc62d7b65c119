import type { Command } from 'commander';
import type { CliIo } from '../io';
import { conferenceFlag, helpFooter, ruleOption, writeOptions, WRITE_EXIT_CODES } from '../options';
import { baseOption } from '../bases';
import type { FixFlags } from './write';

/**
 * `amend fix IN.docx -o OUT.docx`: apply every fixable finding as tracked changes, re-checking between
 * passes, then say what still needs a person. Exit 0 when the file was written (or would be), 2 for a
 * user's mistake, with nothing written. The work lives in ./write, loaded only when fix runs.
 */
export function register(program: Command, io: CliIo): void {
  const command = writeOptions(
    program
      .command('fix')
      .description('apply every fixable finding as tracked changes; exit 0 when written, 2 on bad input')
      .argument('<file>', 'the .docx to fix'),
  )
    .addOption(conferenceFlag())
    .addOption(ruleOption())
    .addOption(baseOption())
    .action(async (file: string, flags: FixFlags) => (await import('./write')).fixFile(io, file, flags));
  helpFooter(
    command,
    [
      'amend fix proposal.docx -o fixed.docx',
      'amend fix proposal.docx --dry-run',
      'amend fix proposal.docx --in-place --rule clause-sequence --author "A. Delegate"',
    ],
    WRITE_EXIT_CODES,
  );
}
