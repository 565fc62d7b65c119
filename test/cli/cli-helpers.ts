import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { fromMarkup, toMarkup } from '../../src/core/markup';
import type { Snapshot } from '../../src/core/snapshot';
import { buildDocx, readDocx } from '../../src/docx';
import { seed } from '../core/fix/helpers';

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

/** What `amend new` is given, by flag; `global` goes before the command (`--conferences FILE`). */
export interface NewFlags {
  readonly base: string;
  readonly out: string;
  readonly marker?: string;
  readonly id: string;
  readonly resolution?: string;
  readonly conference?: string;
  readonly author?: string;
  readonly global?: readonly string[];
}

/** Run `amend new` with these flags, in the order a user types them. */
export function amendNew(f: NewFlags): Promise<CliRun> {
  const flag = (name: string, value: string | undefined) => (value === undefined ? [] : [name, value]);
  return amend(
    ...(f.global ?? []),
    'new',
    ...flag('--base', f.base),
    ...flag('--resolution', f.resolution),
    ...flag('--marker', f.marker),
    ...flag('--id', f.id),
    ...flag('--conference', f.conference),
    '-o',
    f.out,
    ...flag('--author', f.author),
  );
}

/** `amend check --format json` output, as the tests read it. */
export interface CheckJson {
  files: {
    path: string;
    language: string;
    conference: { body: string; city: string; year: number } | null;
    diagnostics: {
      ruleId: string;
      severity: 'error' | 'warning';
      message: string;
      paragraph: number;
      clause: string | null;
      /** What the paragraph is when it is not a clause: "number line", "preamble" …; "clause" otherwise. */
      role: string | null;
      excerpt: string;
      fixable: boolean;
    }[];
  }[];
}

export const checkJson = (stdout: string): CheckJson => JSON.parse(stdout) as CheckJson;

export const tmpDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'amend-test-'));

/** A real .docx built from markup (src/core/markup.ts), written to a fresh temporary folder. */
export function docxFromMarkup(markup: string, name = 'proposal.docx', dir = tmpDir()): string {
  const file = path.join(dir, name);
  writeFileSync(file, buildDocx(fromMarkup(markup)));
  return file;
}

/** A seed contribution (test/fixtures/seeds) as a real .docx in a temporary folder. */
export const seedDocx = (name: 'fr-resolution-52' | 'en-resolution-52', dir = tmpDir()): string =>
  docxFromMarkup(seed(name), `${name}.docx`, dir);

/** What a .docx the CLI wrote reads as; a file that cannot be read fails the test. */
export function readSnapshot(file: string): Snapshot {
  const r = readDocx(new Uint8Array(readFileSync(file)), file);
  if (!r.ok) throw new Error(r.reason);
  return r.value.snapshot;
}

/** A .docx file's lines in markup: `{+inserted+}`, `[-deleted-]`. */
export const markupLines = (file: string): string[] => toMarkup(readSnapshot(file)).split('\n');
