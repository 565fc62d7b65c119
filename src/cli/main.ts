import { Command, CommanderError } from 'commander';
import { processOutput, type CliIo, type Output } from './io';
import { conferencesOption, VERSION } from './options';
import * as checkCommand from './commands/check';
import * as outlineCommand from './commands/outline';
import * as fixCommand from './commands/fix';
import * as retagCommand from './commands/retag';
import * as markCommand from './commands/mark';
import * as conferencesCommand from './commands/conferences';
import * as newCommand from './commands/new';

export function buildProgram(io: CliIo): Command {
  const program = new Command('amend')
    .description('Check and fix ITU proposals that amend resolutions (.docx with tracked changes).')
    .version(VERSION, '-v, --version')
    .addOption(conferencesOption())
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
    });
  for (const command of [
    checkCommand,
    outlineCommand,
    fixCommand,
    retagCommand,
    markCommand,
    conferencesCommand,
    newCommand,
  ])
    command.register(program, io);
  for (const sub of program.commands) sub.exitOverride().configureOutput(program.configureOutput());
  return program;
}

/** Run the CLI; resolves to the exit code. Never throws for a user's mistake. */
export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  let code = 0;
  const io: CliIo = { ...output, setExitCode: (c) => void (code = Math.max(code, c)) };
  const program = buildProgram(io);
  if (argv.length === 0) {
    io.stdout(program.helpInformation());
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit with 0; every other commander error is a usage error (it printed its line).
      return e.exitCode === 0 ? 0 : 2;
    }
    throw e;
  }
}
