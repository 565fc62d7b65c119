import { unzipSync } from 'fflate';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { existsIn, paragraphText, type Snapshot, type View } from '../../src/core/snapshot';
import { readDocx } from '../../src/docx';
import { decodeXml, parseXml } from '../../src/docx/xml';

/**
 * The fuzz suite's oracle: what must hold for any input to `amend check` and `amend fix`, run as the
 * command line runs them (in-process, so a throw is the stack trace a user would see).
 */

export const AUTHOR = 'Amend';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI; a throw is a failure of the oracle (a stack trace on the user's terminal). */
export async function amend(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

function fail(message: string): never {
  throw new Error(message);
}

/** Exit codes 0, 1, 2 only; a refusal is one line on stderr. */
function expectClean(what: string, r: CliRun): void {
  if (![0, 1, 2].includes(r.code)) fail(`${what}: exit code ${r.code}`);
  if (r.code === 2 && !/^amend: [^\n]+\n$/.test(r.stderr))
    fail(`${what}: refusal is not one line: ${r.stderr}`);
  if (r.code !== 2 && r.stderr !== '') fail(`${what}: wrote to stderr: ${r.stderr}`);
}

/**
 * Any bytes as a file: check and fix end cleanly; a refused file is refused by both with nothing
 * written and no temporary file left; a fixed one passes `verifyFix`. Returns the fixed bytes, if any.
 */
export async function checkAndFix(dir: string, input: Uint8Array): Promise<Uint8Array | undefined> {
  const file = path.join(dir, 'in.docx');
  const out = path.join(dir, 'out.docx');
  writeFileSync(file, input);
  try {
    const checked = await amend('check', file, '--format', 'json');
    expectClean('check', checked);
    const fixed = await amend('fix', file, '-o', out, '--author', AUTHOR);
    expectClean('fix', fixed);
    if (checked.code === 2 && fixed.code !== 2)
      fail(`check refused the file but fix did not: ${checked.stderr}`);
    const left = readdirSync(dir).filter((f) => f !== 'in.docx' && f !== 'out.docx');
    if (left.length > 0) fail(`left behind: ${left.join(', ')}`);
    if (fixed.code === 2) {
      if (existsSync(out)) fail(`fix refused (${fixed.stderr.trim()}) but wrote ${out}`);
      return undefined;
    }
    if (!existsSync(out)) {
      // Nothing to fix: nothing is written, and the run says so.
      if (!/nothing written/.test(fixed.stdout))
        fail(`fix wrote nothing and did not say so:\n${fixed.stdout}`);
      return input;
    }
    const output = new Uint8Array(readFileSync(out));
    verifyFix(input, output);
    // A second fix finds nothing to do: it writes nothing and says so.
    const again = path.join(dir, 'again.docx');
    const second = await amend('fix', out, '-o', again, '--author', AUTHOR);
    expectClean('second fix', second);
    if (second.code !== 0 || existsSync(again) || !/nothing written/.test(second.stdout))
      fail(`a second fix changed the document:\n${second.stdout}`);
    return output;
  } finally {
    for (const f of readdirSync(dir)) rmSync(path.join(dir, f), { force: true });
  }
}

const views = (s: Snapshot, v: View) =>
  s.paragraphs.filter((p) => existsIn(p, v)).map((p) => paragraphText(p, v));

/**
 * What fix must keep: the original view; everyone else's tracked changes (their text, in order, by
 * author, kind and date, however runs were split); every part but document.xml, byte for byte; every
 * XML part well formed; revision ids unique across the package.
 */
export function verifyFix(input: Uint8Array, output: Uint8Array): void {
  const before = readDocx(input, 'in.docx');
  const after = readDocx(output, 'out.docx');
  if (!before.ok) return fail(`fix wrote a file from one the reader refuses: ${before.reason}`);
  if (!after.ok) return fail(`the output cannot be read: ${after.reason}`);
  // What check reads (the snapshot alone) is what fix reads and writes through.
  for (const [bytes, doc] of [
    [input, before.value],
    [output, after.value],
  ] as const) {
    const lean = readDocx(bytes, 'lean.docx', { layout: false, footnotes: false });
    if (!lean.ok) return fail(`check refuses what fix reads: ${lean.reason}`);
    same('check’s snapshot and fix’s', lean.value.snapshot.paragraphs, doc.snapshot.paragraphs);
  }
  same('original view', views(before.value.snapshot, 'original'), views(after.value.snapshot, 'original'));
  same(
    'other authors’ revisions',
    othersRevisions(before.value.snapshot),
    othersRevisions(after.value.snapshot),
  );

  const documentPart = before.value.source.kind === 'package' ? before.value.source.documentPart : '';
  const a = unzipSync(input);
  const b = unzipSync(output);
  same('part names', Object.keys(a), Object.keys(b));
  for (const name of Object.keys(a)) {
    if (name !== documentPart && !Buffer.from(a[name]).equals(Buffer.from(b[name])))
      fail(`${name} changed, though only ${documentPart} is edited`);
  }
  // Every XML part fix wrote is well formed (a part it never read and copies as it is, damaged in the
  // input, stays as it was: fix with nothing to fix writes the input's bytes).
  for (const [name, bytes] of Object.entries(b)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const problem = xmlProblem(name, bytes);
    if (problem && (name === documentPart || !xmlProblem(name, a[name]))) fail(problem);
  }
  const doc = (parts: Record<string, Uint8Array>) => {
    const text = decodeXml(parts[documentPart], documentPart);
    return text.ok ? text.value.text : '';
  };
  same('hidden text', hiddenText(doc(a)), hiddenText(doc(b)));
  // Fix adds ids no part uses and copies none: no id is used more often than before (or than once).
  const count = (ids: string[]) =>
    ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());
  const times = count(revisionIds(a));
  const clash = [...count(revisionIds(b))].filter(([id, n]) => n > Math.max(1, times.get(id) ?? 0));
  if (clash.length > 0) fail(`revision ids used twice after fix: ${clash.map(([id]) => id).join(', ')}`);
}

function xmlProblem(name: string, bytes: Uint8Array): string | undefined {
  const text = decodeXml(bytes, name);
  if (!text.ok) return text.reason;
  const parsed = parseXml(text.value.text, name, { open() {}, close() {}, text() {} });
  return parsed.ok ? undefined : parsed.reason;
}

function same<T>(what: string, a: T, b: T): void {
  const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
  if (x !== y) fail(`${what} changed:\n  before ${x}\n  after  ${y}`);
}

/**
 * Everyone else's tracked changes as text by author, kind and date, consecutive pieces joined: a run
 * that fix splits, or partly deletes (someone's insertion deleted by us stays their insertion), reads
 * the same. Paragraph marks count too.
 */
function othersRevisions(s: Snapshot): string[] {
  const out: string[] = [];
  let lastKey = '';
  for (const p of s.paragraphs) {
    if (p.mark && p.mark.author !== AUTHOR) out.push(`¶ ${p.mark.kind} ${p.mark.author} ${p.mark.date}`);
    for (const r of p.runs) {
      const rev = r.revision;
      let key = '';
      if (rev && rev.author !== AUTHOR)
        key = `${rev.kind} ${rev.author} ${rev.date} ${rev.inserted ? `(inserted by ${rev.inserted.author})` : ''}`;
      else if (rev?.inserted && rev.inserted.author !== AUTHOR)
        key = `ins ${rev.inserted.author} ${rev.inserted.date} `;
      if (!key) {
        // Our own insertion between two pieces of someone's text does not separate them; any text that
        // was there before fix (plain, or deleted by fix) does.
        if (!(rev?.author === AUTHOR && rev.kind === 'ins')) lastKey = '';
        continue;
      }
      if (key === lastKey) out[out.length - 1] += r.text;
      else out.push(`${key}: ${r.text}`);
      lastKey = key;
    }
  }
  return out;
}

const REVISION_ID =
  /<(?:[\w.-]+:)?(?:ins|del|moveFrom|moveTo|rPrChange|pPrChange|sectPrChange|numberingChange)\s[^>]*?(?:[\w.-]+:)?id="(\d+)"/g;

/** The ids of tracked and formatting changes in every XML part. */
function revisionIds(parts: Record<string, Uint8Array>): string[] {
  const ids: string[] = [];
  for (const [name, bytes] of Object.entries(parts)) {
    if (!name.endsWith('.xml')) continue;
    const text = decodeXml(bytes, name);
    if (text.ok) for (const m of text.value.text.matchAll(REVISION_ID)) ids.push(m[1]);
  }
  return ids;
}

const RUN = /<(?:[\w.-]+:)?r\b[^>]*>((?:(?!<\/(?:[\w.-]+:)?r>).)*)<\/(?:[\w.-]+:)?r>/gs;
const VANISH = /<(?:[\w.-]+:)?vanish(?![^>]*val="(?:0|false|off)")[^>]*>/;
const TEXT = /<(?:[\w.-]+:)?t\b[^>]*>([^<]*)</g;

/** The text (w:t) of every run hidden with w:vanish: fix must neither write into it nor delete it. */
function hiddenText(xml: string): string[] {
  const out: string[] = [];
  for (const run of xml.matchAll(RUN))
    if (VANISH.test(run[1])) out.push([...run[1].matchAll(TEXT)].map((m) => m[1]).join(''));
  return out;
}
