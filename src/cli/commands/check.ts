import type { Command } from 'commander';
import type { Conference } from '../../core/conferences';
import { check } from '../../core/engine';
import { RULES } from '../../core/rules';
import { conferenceFlag, formatOption, helpFooter, ruleOption, VERSION } from '../options';
import { loadSnapshot, usage, type CliIo } from '../io';
import { paragraphRoles, toJson, toText, type FileReport } from '../format/report';
import { toSarif } from '../format/sarif';
import { baseOption, cannotCompare, loadBases } from '../bases';
import { paragraphText } from '../../core/snapshot';

interface CheckFlags {
  format: 'text' | 'json' | 'sarif';
  conference?: Conference;
  rule?: string[];
  color?: boolean;
  base?: string[];
}

/** `amend check FILE...`: exit 0 when no error, 1 when an error was found, 2 for usage or unreadable input. */
export function register(program: Command, io: CliIo): void {
  const command = program
    .command('check')
    .description(
      'check proposals for problems; exit 0 when no error, 1 when errors were found, 2 on bad input',
    )
    .argument('<files...>', '.docx files to check')
    .addOption(formatOption(['text', 'json', 'sarif'], 'text'))
    .addOption(conferenceFlag())
    .addOption(ruleOption())
    .option('--no-color', 'plain text output')
    .addOption(baseOption())
    .action(async (files: string[], flags: CheckFlags) => {
      const bases = flags.base ? await loadBases(flags.base) : null;
      if (bases && !bases.ok) return usage(io, bases.reason);
      const reports: FileReport[] = [];
      for (const file of files) {
        const doc = await loadSnapshot(file);
        if (!doc.ok) {
          usage(io, doc.reason);
          continue;
        }
        const result = check(doc.value.snapshot, {
          conference: flags.conference,
          rules: flags.rule,
          ...(bases ? { bases: bases.value } : {}),
        });
        if (bases) {
          const paragraphs = doc.value.snapshot.paragraphs;
          const original = (i: number) => paragraphText(paragraphs[i], 'original');
          const why = cannotCompare(file, result.outline, bases.value, result.conference, original);
          if (why !== null) {
            usage(io, why);
            continue;
          }
        }
        reports.push({
          path: file,
          language: result.language,
          conference: result.conference,
          diagnostics: result.diagnostics,
          roles: paragraphRoles(result.outline),
        });
        if (result.diagnostics.some((d) => d.severity === 'error')) io.setExitCode(1);
      }
      if (reports.length === 0) return;
      if (flags.format === 'json') io.stdout(toJson(reports));
      else if (flags.format === 'sarif') io.stdout(toSarif(reports, RULES, VERSION));
      else io.stdout(toText(reports, flags.color !== false && process.stdout.isTTY === true));
    });
  helpFooter(
    command,
    [
      'amend check proposal.docx',
      'amend check *.docx --format json --conference WTSA-24',
      'amend check proposal.docx --rule revision-tag history-line',
    ],
    '0 no error (warnings allowed), 1 at least one error found, 2 a usage mistake or unreadable input (one line)',
  );
}
