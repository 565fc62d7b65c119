import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { fromMarkup } from '../../src/core/markup';
import { buildDocx } from '../../src/docx';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process, capturing what it prints. */
export async function amend(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

export const tmpDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'amend-test-'));

/** A real .docx built from markup (src/core/markup.ts), written to a fresh temporary folder. */
export function docxFromMarkup(markup: string, name = 'proposal.docx', dir = tmpDir()): string {
  const file = path.join(dir, name);
  writeFileSync(file, buildDocx(fromMarkup(markup)));
  return file;
}

export const seedMarkup = (name: 'fr-resolution-52' | 'en-resolution-52'): string =>
  readFileSync(path.join(__dirname, '..', 'fixtures', 'seeds', `${name}.txt`), 'utf8');

export const seedDocx = (name: 'fr-resolution-52' | 'en-resolution-52', dir = tmpDir()): string =>
  docxFromMarkup(seedMarkup(name), `${name}.docx`, dir);
