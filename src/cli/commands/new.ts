import { Option, type Command } from 'commander';
import type { Conference } from '../../core/conferences';
import type { CliIo } from '../io';
import { conferenceFlag, helpFooter, WRITE_EXIT_CODES } from '../options';

export interface NewFlags {
  base: string;
  resolution?: string;
  marker: string;
  id: string;
  conference?: Conference;
  output: string;
  author: string;
}

/**
 * `amend new --base IN-FORCE.docx --resolution 52 --marker MOD --id APT/44A14/1 --conference WTSA-24
 * -o PROPOSAL.docx`: start a proposal from the text in force, in its language and styles, with Track
 * Changes on. The work lives in ./new-proposal, loaded only when new runs.
 */
export function register(program: Command, io: CliIo): void {
  const command = program
    .command('new')
    .description('start a proposal from the in-force text of a resolution, with Track Changes on')
    .requiredOption('-b, --base <file>', 'the in-force text (.docx), one resolution or a proceedings volume')
    .option('--resolution <number>', 'the resolution to amend (needed when the base holds several)')
    .addOption(
      new Option('--marker <marker>', 'what the proposal does')
        .choices(['MOD', '(MOD)', 'SUP', 'SUP*', 'NOC', 'ADD', 'ADD*'])
        .default('MOD'),
    )
    .requiredOption('--id <id>', 'the proposal identifier, e.g. APT/44A14/1')
    .addOption(conferenceFlag())
    .requiredOption('-o, --output <file>', 'where to write the new proposal')
    .option('--author <name>', 'author of the tracked changes', 'Amend')
    .action(async (flags: NewFlags) => (await import('./new-proposal')).newProposal(io, flags));
  helpFooter(
    command,
    [
      'amend new --base res52.docx --marker MOD --id APT/44A14/1 --conference WTSA-24 -o proposal.docx',
      'amend new --base proceedings.docx --resolution 52 --marker SUP --id AFCP/42A25/3 -o sup52.docx',
    ],
    WRITE_EXIT_CODES,
  );
}
