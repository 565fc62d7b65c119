import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { CONFERENCES, extendConferences, parseConference, type Conference } from '../core/conferences';
import { RULES } from '../core/rules';

/** The package's version (the same relative path holds from src/cli and from the compiled lib/cli). */
export const VERSION: string = (
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
).version;

/** `--conference` as users type it; an unknown one is a usage error (exit 2). */
function parseConferenceArg(value: string): Conference {
  const r = parseConference(value);
  if (!r.ok) throw new InvalidArgumentError(r.reason.replace(/^unknown conference "[^"]*": /, ''));
  return r.value;
}

/**
 * `-c, --conference`: the target conference, WTSA-24 or "New Delhi, 2024". Optional for commands that
 * can take it from the document (`check`, `fix`), mandatory for those that cannot (`retag`).
 */
export function conferenceFlag(mandatory = false): Option {
  const option = new Option(
    '-c, --conference <conference>',
    `target conference: a short name (${latestShortNames().join(', ')} …) or "City, Year" ("New Delhi, 2024")${mandatory ? '' : ' (default: what the document names)'}`,
  ).argParser(parseConferenceArg);
  return mandatory ? option.makeOptionMandatory() : option;
}

/** Read a `--conferences` file into the record in use; a missing or malformed file is a usage error. */
function loadConferences(file: string): string {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InvalidArgumentError(
      `${file}: ${code === 'ENOENT' ? 'no such file' : e instanceof SyntaxError ? `not JSON: ${e.message}` : String(e)}`,
    );
  }
  const record = extendConferences(data);
  if (!record.ok) throw new InvalidArgumentError(`${file}: ${record.reason}`);
  return file;
}

/**
 * `--conferences FILE`: conferences and city names to add to the record, or to replace (same body and
 * year), in the shape `amend conferences --format json` prints. A program option, so that it is read
 * before any command's `--conference` is parsed, wherever it stands on the command line.
 */
export const conferencesOption = (): Option =>
  new Option(
    '--conferences <file>',
    'JSON file of conferences to add or override (the shape of `amend conferences --format json`)',
  ).argParser(loadConferences);

/** Each body's most recent conference by its usual short name, from the registry (so new ones appear). */
function latestShortNames(): string[] {
  const latest = new Map<string, Conference>();
  for (const c of CONFERENCES) if ((latest.get(c.body)?.year ?? 0) < c.year) latest.set(c.body, c);
  return [...latest.values()].map((c) => c.short[0]);
}

/**
 * What `--help` ends with: examples to copy and the exit codes. Commander lists each option's choices
 * (formats, rule ids) itself.
 */
export function helpFooter(command: Command, examples: readonly string[], exitCodes: string): Command {
  return command.addHelpText(
    'after',
    `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n\nExit codes: ${exitCodes}\n`,
  );
}

/** The exit codes of a command that writes a .docx. */
export const WRITE_EXIT_CODES =
  '0 written (or nothing to change, or a dry run), 2 a usage mistake or unreadable input (one line, nothing written)';

/** `--format`, checked by commander. */
export const formatOption = (formats: string[], fallback: string): Option =>
  new Option('-f, --format <format>', 'output format').choices(formats).default(fallback);

/** `--rule ID...`: only these rules; an unknown id is a usage error. */
export const ruleOption = (): Option =>
  new Option('-r, --rule <ids...>', 'only these rules').choices(RULES.map((r) => r.meta.id));

/** Options every command that writes a document shares. */
export interface WriteFlags {
  output?: string;
  inPlace?: boolean;
  dryRun?: boolean;
  author: string;
}

/** Add `-o`, `--in-place`, `--dry-run` and `--author` to a command that writes a .docx. */
export function writeOptions(command: Command): Command {
  return command
    .option(
      '-o, --output <file>',
      'where to write the changed document (a .docx name, in an existing folder)',
    )
    .option('--in-place', 'overwrite the input file')
    .option('--dry-run', 'say what would change; write nothing')
    .option('--author <name>', 'author of the tracked changes', 'Amend');
}
