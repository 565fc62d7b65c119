/*
 * What the commands that write a .docx do (fix, retag, mark). Their register functions load this module
 * only when one of them runs: check and outline never need the writer, the fix loop or the plan builders.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Conference } from '../../core/conferences';
import type { Diagnostic } from '../../core/diagnostic';
import { check } from '../../core/engine';
import { fixAll, type FixIo } from '../../core/fix';
import type { Outline } from '../../core/model';
import type { Edit, EditPlan } from '../../core/plan';
import { fail, ok, type Result } from '../../core/result';
import type { Snapshot } from '../../core/snapshot';
import { readPackage } from '../../docx/read';
import type { DocxDocument } from '../../docx/types';
import { applyPlan } from '../../docx/write';
import { loadDocx, nativeCrc32, nativeInflate, usage, writeAtomic, type CliIo } from '../io';
import type { WriteFlags } from '../options';

/** Now, as tracked changes record it: ISO 8601 without milliseconds. */
const revisionDate = (now = new Date()): string => now.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Where a command may write: `-o` (never the input itself unless `--in-place`), or the input with
 * `--in-place`; nothing with `--dry-run` alone.
 */
async function outputPath(input: string, flags: WriteFlags): Promise<Result<string | null>> {
  if (flags.inPlace && flags.output !== undefined && !(await samePath(flags.output, input)))
    return fail('give either -o FILE or --in-place, not both');
  if (flags.inPlace) return ok(input);
  if (flags.output === undefined)
    return flags.dryRun
      ? ok(null)
      : fail('say where to write: -o OUT.docx (or --in-place to overwrite the input)');
  if (await samePath(flags.output, input))
    return fail(`-o ${flags.output} is the input file: use --in-place to overwrite it`);
  return ok(flags.output);
}

/** Whether two paths name the same file, following symbolic links when the file exists. */
async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  return (await real(a)) === (await real(b));
}

/** A .docx being changed: its reading, and the bytes it was read from (what is written in the end). */
interface Docx {
  readonly docx: DocxDocument;
  readonly bytes: Uint8Array | null;
}

/** Apply a plan to a .docx as tracked changes and read the result back. */
function applyToDocx(
  doc: Docx,
  plan: EditPlan,
  name: string,
  by: { author: string; date: string },
): Result<Docx> {
  const bytes = applyPlan(doc.docx, plan, by);
  if (!bytes.ok) return bytes;
  const docx = readPackage(bytes.value, name, { inflate: nativeInflate, crc32: nativeCrc32 });
  // The reader's reason already names the file.
  if (!docx.ok) return fail(`the changed document cannot be read back: ${docx.reason}`);
  return ok({ docx: docx.value, bytes: bytes.value });
}

/** Write the changed document (or not, on a dry run); reports its own failure and sets exit code 2. */
async function finish(
  io: CliIo,
  input: string,
  target: string | null,
  doc: Docx,
  dryRun: boolean | undefined,
): Promise<void> {
  if (dryRun || target === null) {
    io.stdout(`dry run: nothing written${target ? ` (would write ${target})` : ''}\n`);
    return;
  }
  const bytes = doc.bytes ?? new Uint8Array(await fs.readFile(input));
  const written = await writeAtomic(target, bytes);
  if (!written.ok) return usage(io, written.reason);
  io.stdout(`wrote ${target}\n`);
}

/**
 * What `retag` and `mark` share: load the input, make one plan from its outline, apply it as tracked
 * changes, say what it changes, write. Every user's mistake is one line and exit code 2.
 */
export async function runPlan(
  io: CliIo,
  file: string,
  flags: WriteFlags,
  ...makePlans: ((snapshot: Snapshot, outline: Outline) => Result<EditPlan>)[]
): Promise<void> {
  const target = await outputPath(file, flags);
  if (!target.ok) return usage(io, target.reason);
  const loaded = await loadDocx(file);
  if (!loaded.ok) return usage(io, loaded.reason);
  // Each plan is made on the document as the previous one left it (mark, then renumber the identifiers).
  let doc: Docx = { docx: loaded.value, bytes: null };
  for (const makePlan of makePlans) {
    const snapshot = doc.docx.snapshot;
    const plan = makePlan(snapshot, check(snapshot, { rules: [] }).outline);
    if (!plan.ok) return usage(io, `${file}: ${plan.reason}`);
    if (plan.value.edits.length === 0) io.stdout(`${file}: nothing to change (${plan.value.title})\n`);
    else io.stdout(`${file}: ${plan.value.title}\n`);
    for (const e of plan.value.edits)
      io.stdout(`  ¶${(e.kind === 'text' ? e.paragraph : e.before) + 1}  ${describeEdit(e)}\n`);
    if (plan.value.edits.length === 0) continue;
    const done = applyToDocx(doc, plan.value, file, { author: flags.author, date: revisionDate() });
    if (!done.ok) return usage(io, done.reason);
    doc = done.value;
  }
  await finish(io, file, target.value, doc, flags.dryRun);
}

const quote = (s: string) => `"${s.replace(/\t/g, '\\t')}"`;

/** One edit in the user's words: `"h" → "i"`, `inserted ","`, `deleted " et"`, `new paragraph "…"`. */
function describeEdit(e: Edit): string {
  if (e.kind === 'paragraph')
    return `new paragraph ${quote(e.text.length > 40 ? `${e.text.slice(0, 40)}…` : e.text)}`;
  if (e.length === 0) return `inserted ${quote(e.text)}`;
  if (e.text === '') return `deleted ${quote(e.expected)}`;
  return `${quote(e.expected)} → ${quote(e.text)}`;
}

const where = (d: Diagnostic) => `¶${d.paragraph + 1}${d.clause ? ` ${d.clause}` : ''}`;

/** `fix`'s flags: where to write, and which conference and rules to check against. */
export interface FixFlags extends WriteFlags {
  conference?: Conference;
  rule?: string[];
}

/**
 * `amend fix IN.docx -o OUT.docx`: apply every fixable finding as tracked changes, re-checking between
 * passes, then say what still needs a person. Every user's mistake is one line and exit code 2.
 */
export async function fixFile(io: CliIo, file: string, flags: FixFlags): Promise<void> {
  const target = await outputPath(file, flags);
  if (!target.ok) return usage(io, target.reason);
  const loaded = await loadDocx(file);
  if (!loaded.ok) return usage(io, loaded.reason);

  const by = { author: flags.author, date: revisionDate() };
  const docIo: FixIo<Docx> = {
    read: (d) => d.docx.snapshot,
    apply: (d, plan) => applyToDocx(d, plan, file, by),
  };
  const fixed = fixAll<Docx>({ docx: loaded.value, bytes: null }, docIo, {
    conference: flags.conference,
    rules: flags.rule,
  });
  // Its reasons come from applying and reading back, which name the file already.
  if (!fixed.ok) return usage(io, fixed.reason);
  const { applied, remaining, passes, stoppedBy } = fixed.value;

  for (const d of applied)
    io.stdout(`  fixed  ${where(d)}  ${d.fix!.map(describeEdit).join(', ')}  (${d.ruleId})\n`);
  const summary =
    applied.length === 0
      ? 'nothing to fix'
      : `fixed ${applied.length} problem${applied.length === 1 ? '' : 's'} in ${passes} pass${passes === 1 ? '' : 'es'}`;
  io.stdout(
    `${file}: ${summary}${stoppedBy === 'done' ? '' : ` (stopped: ${stoppedBy === 'cycle' ? 'the same findings came back' : 'too many passes'})`}\n`,
  );
  if (remaining.length > 0) {
    io.stdout(`needs a person (${remaining.length}):\n`);
    for (const d of remaining)
      io.stdout(
        `  ${d.severity === 'error' ? 'error  ' : 'warning'}  ${where(d)}  ${d.message}  (${d.ruleId})\n`,
      );
  }
  await finish(io, file, target.value, fixed.value.doc, flags.dryRun);
}
