/*
 * What `amend new` does, loaded only when it runs: take the resolution out of the in-force text, make
 * it a proposal with tracked changes, switch Track Changes on, write.
 */
import { markPlan, reasonsPlan, retagPlan } from '../../core/commands';
import { draftSkeleton, type SkeletonRole } from '../../core/compare';
import { describeConference } from '../../core/conferences';
import { check } from '../../core/engine';
import type { Outline, Proposal } from '../../core/model';
import type { EditPlan } from '../../core/plan';
import { fail, ok, type Result } from '../../core/result';
import { resolutionRange } from '../../core/rules/proposal-span';
import type { Snapshot } from '../../core/snapshot';
import { excerptDocx, type ExcerptPiece } from '../../docx/excerpt';
import { readPackage } from '../../docx/read';
import type { DocxDocument } from '../../docx/types';
import { applyPlan } from '../../docx/write';
import { loadDocx, nativeInflate, usage, writeAtomic, type CliIo } from '../io';
import type { NewFlags } from './new';

const revisionDate = (now = new Date()): string => now.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The resolution of the base to start from: the one named, or the only one. */
function chosen(
  outline: Outline,
  file: string,
  resolution: string | undefined,
  add: boolean,
): Result<Proposal> {
  const all = outline.proposals.filter((p) => p.number !== null);
  if (all.length === 0) return fail(`${file}: holds no resolution to start from`);
  if (resolution === undefined) {
    if (all.length === 1 || add) return ok(all[0]);
    return fail(
      `${file} holds ${all.length} resolutions (${all.map((p) => p.number!.resolution).join(', ')}): name one with --resolution`,
    );
  }
  const wanted = resolution.trim().toUpperCase();
  const found = all.find((p) => p.number!.resolution.toUpperCase() === wanted);
  if (!found)
    return fail(
      `${file} holds no Resolution ${resolution} (it holds ${all.map((p) => p.number!.resolution).join(', ')})`,
    );
  return ok(found);
}

/** Which paragraph of the in-force resolution a line of a draft new resolution is shaped like. */
function model(p: Proposal, role: SkeletonRole): number {
  const first = p.sections[0];
  const item = first?.clauses[0]?.paragraph;
  const plain = p.preamble?.paragraph ?? p.title?.paragraph ?? p.number!.paragraph;
  switch (role) {
    case 'number':
      return p.number!.paragraph;
    case 'title':
      return p.title?.paragraph ?? p.number!.paragraph;
    case 'heading':
      return first?.paragraph ?? plain;
    case 'item':
      return item ?? plain;
    default:
      return plain;
  }
}

/** The body of the new document: the whole resolution, its short form, or a skeleton shaped like it. */
function pieces(p: Proposal, flags: NewFlags, language: Outline['language']): Result<ExcerptPiece[]> {
  const marker = flags.marker;
  const number = p.number!.paragraph;
  if (marker === 'ADD' || marker === 'ADD*') {
    if (!flags.conference)
      return fail('say which conference the new resolution is for: --conference WTSA-24');
    const skeleton = draftSkeleton(language, flags.conference, marker, flags.id);
    if (!skeleton.ok) return skeleton;
    return ok(skeleton.value.map((l) => ({ kind: 'like', paragraph: model(p, l.role), text: l.text })));
  }
  if (marker === 'SUP' || marker === 'SUP*' || marker === 'NOC') {
    const title = p.title?.paragraph ?? number;
    return ok([{ kind: 'copy', from: number, to: Math.max(title, number) + 1 }]);
  }
  return ok([{ kind: 'copy', from: number, to: resolutionRange(p)[1] }]);
}

/** The document being made: its reading and the bytes it was read from. */
interface Made {
  readonly doc: DocxDocument;
  readonly bytes: Uint8Array;
}

/** Read what was written, to go on from it. */
function made(bytes: Uint8Array, name: string): Result<Made> {
  const doc = readPackage(bytes, name, { inflate: nativeInflate });
  return doc.ok
    ? ok({ doc: doc.value, bytes })
    : fail(`${name}: the new proposal cannot be read back: ${doc.reason}`);
}

/** Apply one plan as tracked changes to the document being made. */
function apply(m: Made, plan: EditPlan, name: string, author: string): Result<Made> {
  if (plan.edits.length === 0) return ok(m);
  const bytes = applyPlan(m.doc, plan, { author, date: revisionDate() });
  return bytes.ok ? made(bytes.value, name) : bytes;
}

export async function newProposal(io: CliIo, flags: NewFlags): Promise<void> {
  const marker = flags.marker.toUpperCase();
  if ((marker === 'MOD' || marker === '(MOD)') && !flags.conference)
    return usage(io, 'say which conference the proposal is for: --conference WTSA-24');
  const base = await loadDocx(flags.base);
  if (!base.ok) return usage(io, base.reason);
  const outline = check(base.value.snapshot, { rules: [] }).outline;
  const resolution = chosen(outline, flags.base, flags.resolution, marker.startsWith('ADD'));
  if (!resolution.ok) return usage(io, resolution.reason);
  const body = pieces(resolution.value, { ...flags, marker }, outline.language);
  if (!body.ok) return usage(io, `${flags.base}: ${body.reason}`);
  const excerpt = excerptDocx(base.value, body.value, { trackRevisions: true, inflate: nativeInflate });
  if (!excerpt.ok) return usage(io, excerpt.reason);
  const first = made(excerpt.value, flags.output);
  if (!first.ok) return usage(io, first.reason);
  let current = first.value;

  if (marker !== 'ADD' && marker !== 'ADD*') {
    const steps: ((s: Snapshot, o: Outline) => Result<EditPlan>)[] = [
      (s, o) => markPlan(s, o, { id: flags.id, marker, resolution: resolution.value.number!.resolution }),
      ...(marker === 'MOD' || marker === '(MOD)'
        ? [(s: Snapshot, o: Outline) => retagPlan(s, o, flags.conference!)]
        : []),
      (s, o) => reasonsPlan(s, o, 0),
    ];
    for (const step of steps) {
      const snapshot = current.doc.snapshot;
      const plan = step(snapshot, check(snapshot, { rules: [] }).outline);
      if (!plan.ok) return usage(io, `${flags.base}: ${plan.reason}`);
      const done = apply(current, plan.value, flags.output, flags.author);
      if (!done.ok) return usage(io, done.reason);
      current = done.value;
    }
  }
  // The plans were written into the excerpt, whose settings already have Track Changes on.
  const written = await writeAtomic(flags.output, current.bytes);
  if (!written.ok) return usage(io, written.reason);
  const target = flags.conference ? ` for ${describeConference(flags.conference)}` : '';
  io.stdout(
    `${flags.base}: ${marker} ${flags.id} of Resolution ${resolution.value.number!.resolution}${target}, Track Changes on\nwrote ${flags.output}\n`,
  );
}
