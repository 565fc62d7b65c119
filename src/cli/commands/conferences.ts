import type { Command } from 'commander';
import {
  BODIES,
  conferenceRecord,
  isCityNameVerified,
  localCity,
  type Conference,
} from '../../core/conferences';
import { LANGUAGES } from '../../core/lexicon';
import type { CliIo } from '../io';
import { formatOption, helpFooter } from '../options';

interface ConferencesFlags {
  format: 'text' | 'json';
}

/**
 * One line per conference: short names, venue and year, what the body was then called, and the city in
 * each language, a name no ITU text has yet been seen to use marked `?`.
 */
function line(c: Conference): string {
  const names = LANGUAGES.filter((l) => l !== 'en')
    .map((l) => `${localCity(c.city, l)}${isCityNameVerified(c.city, l) ? '' : '?'}`)
    .join(' · ');
  const extra = [c.name, c.scheduled ? 'scheduled' : undefined].filter(Boolean).join('; ');
  return `  ${c.short.join(', ').padEnd(22)} ${`${c.city}, ${c.year}`.padEnd(28)} ${names}${extra ? `  (${extra})` : ''}`;
}

/**
 * `amend conferences [--format json]`: the record of ITU conferences the checker knows, with what
 * `--conferences FILE` added; the JSON is the shape such a file takes.
 */
export function register(program: Command, io: CliIo): void {
  const command = program
    .command('conferences')
    .description('list the ITU conferences the checker knows (venue, year, the city in six languages)')
    .addOption(formatOption(['text', 'json'], 'text'))
    .action((flags: ConferencesFlags) => {
      const record = conferenceRecord();
      if (flags.format === 'json') {
        io.stdout(`${JSON.stringify(record, null, 2)}\n`);
        return;
      }
      const out: string[] = [];
      for (const body of BODIES) {
        out.push(body);
        for (const c of record.conferences) if (c.body === body) out.push(line(c));
      }
      if (Object.values(record.cities).some((names) => names.unverified?.length))
        out.push(
          '',
          '? not yet seen in an ITU text: accepted when reading, written by retag for want of a better form; check it',
        );
      io.stdout(`${out.join('\n')}\n`);
    });
  helpFooter(
    command,
    ['amend conferences --format json > record.json', 'amend --conferences extra.json conferences'],
    '0 listed, 2 a usage mistake or an unreadable --conferences file (one line)',
  );
}
