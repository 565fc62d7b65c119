import type { Command } from 'commander';
import { parse } from '../../core/parse';
import { formatOption, helpFooter } from '../options';
import { loadSnapshot, usage, type CliIo } from '../io';
import { outlineToJson, outlineToText } from '../format/outline';

/** `amend outline FILE`: the labelled structure, as the engine reads it. */
export function register(program: Command, io: CliIo): void {
  const command = program
    .command('outline')
    .description('show the labelled structure: proposals, number line and tag, sections, clauses')
    .argument('<file>', '.docx file')
    .addOption(formatOption(['text', 'json'], 'text'))
    .action(async (file: string, flags: { format: 'text' | 'json' }) => {
      const doc = await loadSnapshot(file);
      if (!doc.ok) return usage(io, doc.reason);
      const outline = parse(doc.value.snapshot);
      io.stdout(flags.format === 'json' ? outlineToJson(file, outline) : outlineToText(file, outline));
    });
  helpFooter(
    command,
    ['amend outline proposal.docx', 'amend outline proposal.docx --format json'],
    '0 shown, 2 a usage mistake or unreadable input (one line)',
  );
}
