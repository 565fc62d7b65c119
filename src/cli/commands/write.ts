/*
 * What the commands that write a .docx do (fix, retag, mark). Their register functions load this module
 * only when one of them runs: check and outline never need the writer, the fix loop or the plan builders.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Conference } from '../../core/conferences';
import type { Diagnostic } from '../../core/diagnostic';
import { unconfirmedNotes } from '../../core/commands/unconfirmed';
import { check } from '../../core/engine';
import { fixAll, type FixIo } from '../../core/fix';
import type { Outline } from '../../core/model';
import type { Edit, EditPlan } from '../../core/plan';
import { fail, ok, type Result } from '../../core/result';
import { paragraphText, type Snapshot } from '../../core/snapshot';
import { cannotCompare, loadBases } from '../bases';
import { readPackage } from '../../docx/read';
import type { DocxDocument } from '../../docx/types';
import { applyPlan } from '../../docx/write';
import { loadDocx, nativeCrc32, nativeInflate, usage, writeAtomic, type CliIo } from '../io';
import type { WriteFlags } from '../options';

/** Now, as tracked changes record it: ISO 8601 without milliseconds. */
const revisionDate = (now = new Date()): string => now.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Where a command may write: `-o` (never the input itself unless `--in-place`), or the input with
 * `--in-place`; nothing with `--dry-run` alone. A target that cannot be written is refused here, before
 * any work is done, so a failing run never prints a list of fixes it then cannot keep.
 */
async function outputPath(input: string, flags: WriteFlags): Promise<Result<string | null>> {
  if (flags.inPlace && flags.output !== undefined && !(await samePath(flags.output, input)))
    return fail('give either -o FILE or --in-place, not both');
  if (flags.inPlace) return writable(input);
  if (flags.output === undefined)
    return flags.dryRun
      ? ok(null)
      : fail('say where to write: -o OUT.docx (or --in-place to overwrite the input)');
  if (await samePath(flags.output, input))
    return fail(`-o ${flags.output} is the input file: use --in-place to overwrite it`);
  return writableDocx(flags.output);
}

/** An `-o` target for a Word document: a .docx name in a folder that exists and can be written to. */
export async function writableDocx(output: string): Promise<Result<string>> {
  if (path.extname(output).toLowerCase() !== '.docx')
    return fail(
      `-o ${output}: the output is a Word document; give it a .docx name (-o ${path.basename(output, path.extname(output))}.docx)`,
    );
  return writable(output);
}

/** A target whose folder exists and can be written to (a dry run needs none of that, but is told early too). */
async function writable(file: string): Promise<Result<string>> {
  const dir = path.dirname(path.resolve(file));
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory()) return fail(`cannot write ${file}: ${path.dirname(file)} is not a directory`);
    await fs.access(dir, fsConstants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail(`cannot write ${file}: no such directory ${path.dirname(file)}`);
    if (code === 'EACCES' || code === 'EPERM')
      return fail(`cannot write ${file}: permission denied in ${path.dirname(file)}`);
    return fail(`cannot write ${file}: ${(e as Error).message}`);
  }
  try {
    if ((await fs.stat(file)).isDirectory()) return fail(`cannot write ${file}: it is a directory`);
  } catch {
    // No such file yet: it will be created.
  }
  return ok(file);
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

/**
 * Write the changed document, or say why not: a dry run, or a run that changed nothing (the input is
 * already what the output would be, so no copy is made). Reports its own failure and sets exit code 2.
 */
async function finish(
  io: CliIo,
  target: string | null,
  doc: Docx,
  dryRun: boolean | undefined,
): Promise<void> {
  if (dryRun || target === null) {
    const would = doc.bytes === null ? 'nothing to write' : target ? `would write ${target}` : '';
    io.stdout(`dry run: nothing written${would ? ` (${would})` : ''}\n`);
    return;
  }
  if (doc.bytes === null) {
    io.stdout('nothing written: the document needs no change\n');
    return;
  }
  const written = await writeAtomic(target, doc.bytes);
  if (!written.ok) return usage(io, written.reason);
  io.stdout(`wrote ${target}\n`);
}

/** A plan, and what the user should be told about choices made for them (the marker mark suggested). */
export type NotedPlan = EditPlan & { readonly notes?: readonly string[] };

/**
 * What `retag` and `mark` share: load the input, make one plan from its outline, apply it as tracked
 * changes, say what it changes, write. Every user's mistake is one line and exit code 2.
 */
export async function runPlan(
  io: CliIo,
  file: string,
  flags: WriteFlags,
  ...makePlans: ((snapshot: Snapshot, outline: Outline) => Result<NotedPlan>)[]
): Promise<void> {
  const target = await outputPath(file, flags);
  if (!target.ok) return usage(io, target.reason);
  const loaded = await loadDocx(file);
  if (!loaded.ok) return usage(io, loaded.reason);
  // Each plan is made on the document as the previous one left it (mark, then renumber the identifiers).
  let doc: Docx = { docx: loaded.value, bytes: null };
  for (const makePlan of makePlans) {
    const snapshot = doc.docx.snapshot;
    const { outline } = check(snapshot, { rules: [] });
    const plan = makePlan(snapshot, outline);
    if (!plan.ok) return usage(io, `${file}: ${plan.reason}`);
    const n = plan.value.edits.length;
    if (n === 0) io.stdout(`${file}: nothing to change (${plan.value.title})\n`);
    else if (flags.dryRun) io.stdout(`${file}: ${plan.value.title}: would make ${plural(n, 'change')}\n`);
    else io.stdout(`${file}: ${plan.value.title}\n`);
    const notes = [...(plan.value.notes ?? []), ...unconfirmedNotes(plan.value.edits, outline.language)];
    for (const note of notes) io.stdout(`  ${note}\n`);
    for (const e of plan.value.edits)
      io.stdout(`  ¶${(e.kind === 'text' ? e.paragraph : e.before) + 1}  ${describeEdit(e)}\n`);
    if (plan.value.edits.length === 0) continue;
    const done = applyToDocx(doc, plan.value, file, { author: flags.author, date: revisionDate() });
    if (!done.ok) return usage(io, done.reason);
    doc = done.value;
  }
  await finish(io, target.value, doc, flags.dryRun);
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

const quote = (s: string) => `"${s.replace(/\t/g, '\\t')}"`;

/** One edit in the user's words: `"h" → "i"`, `inserted ","`, `deleted " et"`, `new paragraph "…"`. */
function describeEdit(e: Edit): string {
  if (e.kind === 'paragraph' && e.deleted)
    return `restored paragraph ${quote(e.text.length > 40 ? `${e.text.slice(0, 40)}…` : e.text)} as deleted`;
  if (e.kind === 'paragraph')
    return `new paragraph ${quote(e.text.length > 40 ? `${e.text.slice(0, 40)}…` : e.text)}`;
  if (e.restore !== undefined)
    return e.restore === ''
      ? `shown as inserted ${quote(e.expected)}`
      : e.expected === ''
        ? `restored ${quote(e.restore)} as deleted`
        : `restored ${quote(e.restore)} as deleted before ${quote(e.expected)}`;
  if (e.length === 0) return `inserted ${quote(e.text)}`;
  if (e.text === '') return `deleted ${quote(e.expected)}`;
  return `${quote(e.expected)} → ${quote(e.text)}`;
}

const where = (d: Diagnostic) => `¶${d.paragraph + 1}${d.clause ? ` ${d.clause}` : ''}`;

/** `fix`'s flags: where to write, and which conference and rules to check against. */
export interface FixFlags extends WriteFlags {
  conference?: Conference;
  rule?: string[];
  base?: string[];
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
  const bases = flags.base ? await loadBases(flags.base) : null;
  if (bases && !bases.ok) return usage(io, bases.reason);
  if (bases) {
    const snapshot = loaded.value.snapshot;
    const first = check(snapshot, { conference: flags.conference, rules: [] });
    const original = (i: number) => paragraphText(snapshot.paragraphs[i], 'original');
    const why = cannotCompare(
      file,
      first.outline,
      bases.value,
      flags.conference ?? first.conference,
      original,
    );
    if (why !== null) return usage(io, why);
  }

  const by = { author: flags.author, date: revisionDate() };
  const docIo: FixIo<Docx> = {
    read: (d) => d.docx.snapshot,
    apply: (d, plan) => applyToDocx(d, plan, file, by),
  };
  const fixed = fixAll<Docx>({ docx: loaded.value, bytes: null }, docIo, {
    conference: flags.conference,
    rules: flags.rule,
    ...(bases ? { bases: bases.value } : {}),
  });
  // Its reasons come from applying and reading back, which name the file already.
  if (!fixed.ok) return usage(io, fixed.reason);
  const { applied, remaining, passes, stoppedBy, language } = fixed.value;

  const verb = flags.dryRun ? 'would fix' : 'fixed';
  for (const d of applied)
    io.stdout(`  ${verb}  ${where(d)}  ${d.fix!.map(describeEdit).join(', ')}  (${d.ruleId})\n`);
  const summary =
    applied.length === 0
      ? 'nothing to fix'
      : `${verb} ${plural(applied.length, 'problem')} in ${plural(passes, 'pass', 'passes')}`;
  for (const note of unconfirmedNotes(
    applied.flatMap((d) => d.fix ?? []),
    language,
  ))
    io.stdout(`  ${note}\n`);
  io.stdout(
    `${file}: ${summary}${stoppedBy === 'done' ? '' : ` (stopped: ${stoppedBy === 'cycle' ? 'the same findings came back' : 'too many passes'})`}\n`,
  );
  if (remaining.length > 0) {
    io.stdout(`${flags.dryRun ? 'would still need a person' : 'needs a person'} (${remaining.length}):\n`);
    for (const d of remaining)
      io.stdout(
        `  ${d.severity === 'error' ? 'error  ' : 'warning'}  ${where(d)}  ${d.message}  (${d.ruleId})\n`,
      );
  }
  await finish(io, target.value, fixed.value.doc, flags.dryRun);
}
