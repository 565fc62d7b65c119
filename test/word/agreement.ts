import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isFixable, type Diagnostic } from '../../src/core/diagnostic';
import { fromMarkup } from '../../src/core/markup';
import { type Result } from '../../src/core/result';
import { existsIn, paragraphText, type Snapshot } from '../../src/core/snapshot';
import { buildDocx, readDocx } from '../../src/docx';
import { frenchSeedUnrenumbered } from '../core/fix/helpers';
import { FakeWord, type FakeWordOptions } from './fake-word';
import { flatOpc } from './flat-opc';
import { PERSONALITIES, WEB, type Personality } from './personalities';
import { hostOn } from './host-on';

/**
 * What the agreement tests share: the inputs (every file in examples/, every fixture with tracked
 * changes), the Words to open them in, the pane's Word door over the fake, and the real command line's
 * answers for each input, run once per input and target and kept.
 */
export const ROOT = path.resolve(__dirname, '../..');
const AMEND = path.join(ROOT, 'bin', 'amend.js');

export interface Input {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const docxIn = (dir: string): Input[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.docx'))
    .sort()
    .map((f) => ({ name: `examples/${f}`, bytes: new Uint8Array(readFileSync(path.join(dir, f))) }));

/** A markup fixture as Word would open it: the .docx the project's builder writes for it. */
const markupIn = (dir: string, label: string): Input[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: `${label}/${f}`,
      bytes: buildDocx(fromMarkup(readFileSync(path.join(dir, f), 'utf8'))),
    }));

export const INPUTS: readonly Input[] = [
  ...docxIn(path.join(ROOT, 'examples')),
  ...markupIn(path.join(ROOT, 'test/fixtures/seeds'), 'seeds'),
  // The fix tests' French seed before its author re-lettered: relettering runs beside their deletions.
  {
    name: 'seeds/fr-resolution-52.txt, not re-lettered',
    bytes: buildDocx(fromMarkup(frenchSeedUnrenumbered())),
  },
  ...markupIn(path.join(ROOT, 'test/fixtures/languages'), 'languages'),
];

/** A Word: a personality, and the fake's options for the web variants personalities.test.ts runs too. */
export type Variant = Personality & { readonly label: string; readonly options: FakeWordOptions };

export const VARIANTS: readonly Variant[] = [
  ...PERSONALITIES.map((p) => ({ ...p, label: p.name, options: {} })),
  { ...WEB, label: 'web, embedded by a WOPI host (#6016)', options: { embedded: true } },
  {
    ...WEB,
    label: 'web, refusing as in #240, a deleted paragraph mark alone accepted',
    options: { ooxmlRefusal: 'debugInfo', deletedMarkRefuses: false },
  },
];

/** One finding as both doors state it: the paragraph counted from 1, as the pane's "¶ n" and the JSON. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: string;
  readonly paragraph: number;
  readonly clause: string | null;
  readonly message: string;
  readonly excerpt: string;
  readonly fixable: boolean;
}

export interface CliOutcome {
  /** `amend check --format json` on the file. */
  readonly findings: Finding[];
  /** The file `amend fix` writes, as read back. */
  readonly fixed: Snapshot;
  /** `amend check --format json` on that file. */
  readonly remaining: Finding[];
}

export const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

/** The newest modification time of the files under a folder. */
function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const at = path.join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(at) : statSync(at).mtimeMs);
  }, 0);
}

let compiled = false;

/**
 * The command line as installed: bin/amend.js runs lib/, which `npm ci` and `npm run build` compile.
 * A lib/ older than the sources it is compiled from would hold the pane to an old command line.
 */
function checkCompiled(): void {
  if (compiled) return;
  const main = path.join(ROOT, 'lib', 'cli', 'main.js');
  const sources = Math.max(...['cli', 'core', 'docx'].map((d) => newest(path.join(ROOT, 'src', d))));
  if (!existsSync(main) || newest(path.join(ROOT, 'lib')) < sources)
    throw new Error(
      'The compiled command line (lib/) is missing or older than src/: run `npm run build:cli`.',
    );
  compiled = true;
}

function amend(...args: string[]): string {
  checkCompiled();
  const run = spawnSync(process.execPath, [AMEND, ...args], { encoding: 'utf8' });
  // check exits 1 when it finds an error; 2 is bad input, which no input here is.
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`amend ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

/** `--conference` as both doors take it: none (what the document names), or a short name. */
const flag = (target: string | undefined) => (target ? ['--conference', target] : []);

/** The findings of `amend check --format json`'s one file, in the shape both doors share. */
export function fromJson(json: string): Finding[] {
  const report = JSON.parse(json) as { files: { diagnostics: Finding[] }[] };
  expect(report.files).toHaveLength(1);
  return report.files[0].diagnostics.map(
    ({ ruleId, severity, paragraph, clause, message, excerpt, fixable }) => ({
      ruleId,
      severity,
      paragraph,
      clause,
      message,
      excerpt,
      fixable,
    }),
  );
}

const cliFindings = (file: string, target: string | undefined): Finding[] =>
  fromJson(amend('check', '--format', 'json', ...flag(target), file));

let dir = '';
const cli = new Map<string, CliOutcome>();

/** The command line's answers for an input and a target conference, run once and kept. */
export function cliOf(input: Input, target: string | undefined): CliOutcome {
  const key = `${input.name} ${target ?? ''}`;
  const known = cli.get(key);
  if (known) return known;
  const stem = `${input.name}-${target ?? 'named'}`.replace(/[/., ]/g, '-');
  dir ||= mkdtempSync(path.join(os.tmpdir(), 'amend-agree-'));
  const file = path.join(dir, `${stem}.docx`);
  const out = path.join(dir, `${stem}-fixed.docx`);
  writeFileSync(file, input.bytes);
  const findings = cliFindings(file, target);
  const said = amend('fix', ...flag(target), file, '-o', out);
  // A document with nothing to fix is left as it is: `amend fix` says so and writes nothing.
  const written = existsSync(out);
  expect(written).toBe(findings.some((f) => f.fixable));
  if (!written) expect(said).toMatch(/nothing to fix/);
  const result = written ? out : file;
  const fixed = value(readDocx(new Uint8Array(readFileSync(result)), result)).snapshot;
  const outcome = { findings, fixed, remaining: written ? cliFindings(out, target) : findings };
  cli.set(key, outcome);
  return outcome;
}

export const viewOf = (s: Snapshot, v: 'current' | 'original') =>
  s.paragraphs.filter((p) => existsIn(p, v)).map((p) => paragraphText(p, v));

export const asFinding = (d: Diagnostic): Finding => ({
  ruleId: d.ruleId,
  severity: d.severity,
  paragraph: d.paragraph + 1,
  clause: d.clause ?? null,
  message: d.message,
  excerpt: d.excerpt,
  fixable: isFixable(d),
});

/** The pane's Word door: the Word host over a fake Word that opened the file, as the pane builds it. */
export function inWord(variant: Variant, input: Input) {
  const opened = value(readDocx(input.bytes, input.name)).snapshot;
  const word = new FakeWord(opened, {
    personality: variant,
    user: 'Amend user',
    ooxml: flatOpc,
    ...variant.options,
  });
  const host = hostOn(word, { platform: variant.platform, officeVersion: '16.0', name: input.name });
  return { word, host, opened };
}

/** A folder for files the command line reads and writes, removed by {@link removeWorkDir}. */
export function workDir(): string {
  dir ||= mkdtempSync(path.join(os.tmpdir(), 'amend-agree-'));
  return dir;
}

export function removeWorkDir(): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
  cli.clear();
}
