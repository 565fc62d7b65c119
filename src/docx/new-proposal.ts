/**
 * A proposal started from the in-force text: the resolution taken out of the base (a single
 * resolution or a proceedings volume), made a proposal with tracked changes, Track Changes on. Pure
 * (no file system): the CLI's `amend new` and the preview's Draft tab both call it.
 */
import { markPlan, reasonsPlan, retagPlan, unconfirmedNotes, unconfirmedNotesIn } from '../core/commands';
import { draftSkeleton, type SkeletonRole } from '../core/compare';
import type { Conference } from '../core/conferences';
import { check } from '../core/engine';
import type { Outline, Proposal } from '../core/model';
import type { EditPlan } from '../core/plan';
import { fail, ok, type Result } from '../core/result';
import { resolutionRange } from '../core/rules/proposal-span';
import type { Snapshot } from '../core/snapshot';
import { excerptDocx, type ExcerptPiece } from './excerpt';
import { streamInflate } from './portable';
import { readPackage } from './read';
import type { DocxDocument } from './types';
import { applyPlan } from './write';
import type { Inflater } from './zip';

export interface NewProposalOptions {
  /** MOD, (MOD), SUP, SUP*, NOC, ADD or ADD*. */
  readonly marker: string;
  /** The proposal identifier, `APT/44A14/1`. */
  readonly id: string;
  /** The target conference: needed to retag a MOD and for an ADD's preamble. */
  readonly conference?: Conference;
  /** The resolution to start from; needed when the base holds several (an ADD takes the first as its model). */
  readonly resolution?: string;
  readonly author: string;
  readonly date: string;
  readonly inflate?: Inflater;
  /** The new document's name, in messages. */
  readonly name?: string;
}

export interface NewProposal {
  readonly bytes: Uint8Array;
  /** The resolution it was made from, as numbered. */
  readonly resolution: string;
  readonly marker: string;
  /** What the user should check: city names written in a form no ITU text has yet confirmed. */
  readonly notes: readonly string[];
}

const MARKERS = ['MOD', '(MOD)', 'SUP', 'SUP*', 'NOC', 'ADD', 'ADD*'];

/** The resolution of the base to start from: the one named, or the only one. */
function chosen(
  outline: Outline,
  file: string,
  resolution: string | undefined,
  add: boolean,
): Result<Proposal> {
  const all = outline.proposals.filter((p) => p.number !== null);
  if (all.length === 0) return fail(`${file} holds no resolution to start from`);
  const numbers = all.map((p) => p.number!.resolution).join(', ');
  if (resolution === undefined) {
    if (all.length === 1 || add) return ok(all[0]);
    return fail(`${file} holds ${all.length} resolutions (${numbers}): name the one to start from`);
  }
  const wanted = resolution.trim().toUpperCase();
  const found = all.find((p) => p.number!.resolution.toUpperCase() === wanted);
  return found ? ok(found) : fail(`${file} holds no Resolution ${resolution} (it holds ${numbers})`);
}

/** Which paragraph of the in-force resolution a line of a draft new resolution is shaped like. */
function model(p: Proposal, role: SkeletonRole): number {
  const first = p.sections[0];
  const plain = p.preamble?.paragraph ?? p.title?.paragraph ?? p.number!.paragraph;
  switch (role) {
    case 'number':
      return p.number!.paragraph;
    case 'title':
      return p.title?.paragraph ?? p.number!.paragraph;
    case 'heading':
      return first?.paragraph ?? plain;
    case 'item':
      return first?.clauses[0]?.paragraph ?? plain;
    default:
      return plain;
  }
}

/** The body of the new document: the whole resolution, its short form, or a skeleton shaped like it. */
function pieces(
  p: Proposal,
  options: NewProposalOptions,
  marker: string,
  language: Outline['language'],
): Result<ExcerptPiece[]> {
  const number = p.number!.paragraph;
  if (marker === 'ADD' || marker === 'ADD*') {
    if (!options.conference) return fail('say which conference the new resolution is for');
    const skeleton = draftSkeleton(language, options.conference, marker, options.id);
    if (!skeleton.ok) return skeleton;
    return ok(
      skeleton.value.map((l) => ({
        kind: 'like',
        paragraph: model(p, l.role),
        text: l.text,
        ...(l.role === 'item' ? { typedLabel: true } : {}),
      })),
    );
  }
  if (marker === 'SUP' || marker === 'SUP*' || marker === 'NOC') {
    const title = p.title?.paragraph ?? number;
    return ok([{ kind: 'copy', from: number, to: Math.max(title, number) + 1 }]);
  }
  return ok([{ kind: 'copy', from: number, to: resolutionRange(p)[1] }]);
}

/** One step that turns the in-force copy into the proposal: a plan made from the document as it stands. */
export type ProposalStep = (snapshot: Snapshot, outline: Outline) => Result<EditPlan>;

/**
 * Where a proposal starts: the in-force text copied out of the base untracked (Track Changes on in its
 * settings), and the steps that make it a proposal, each applied to the document the one before left.
 * The .docx writer applies them here; in Word the add-in inserts `excerpt` and applies them as Word's own
 * tracked changes.
 */
export interface ProposalStart {
  readonly excerpt: Uint8Array;
  readonly steps: readonly ProposalStep[];
  /** The resolution it was made from, as numbered. */
  readonly resolution: string;
  readonly marker: string;
  /** What the user should check in the text the copy itself writes (an ADD skeleton's city). */
  readonly notes: readonly string[];
}

/** The in-force copy and the steps of a proposal (see {@link newProposalDocx}). */
export function startProposal(base: DocxDocument, options: NewProposalOptions): Result<ProposalStart> {
  const marker = options.marker.trim().toUpperCase();
  if (!MARKERS.includes(marker))
    return fail(`unknown marker "${options.marker}": use one of ${MARKERS.join(', ')}`);
  if ((marker === 'MOD' || marker === '(MOD)') && !options.conference)
    return fail('say which conference the proposal is for');
  const inflate = options.inflate ?? streamInflate;
  const outline = check(base.snapshot, { rules: [] }).outline;
  const resolution = chosen(outline, base.name, options.resolution, marker.startsWith('ADD'));
  if (!resolution.ok) return resolution;
  const body = pieces(resolution.value, options, marker, outline.language);
  if (!body.ok) return fail(`${base.name}: ${body.reason}`);
  const excerpt = excerptDocx(base, body.value, { trackRevisions: true, inflate });
  if (!excerpt.ok) return excerpt;
  const number = resolution.value.number!.resolution;
  const steps: ProposalStep[] = marker.startsWith('ADD')
    ? []
    : [
        (s, o) => markPlan(s, o, { id: options.id, marker, resolution: number }),
        ...(marker === 'MOD' || marker === '(MOD)'
          ? [(s: Snapshot, o: Outline) => retagPlan(s, o, options.conference!)]
          : []),
        (s, o) => reasonsPlan(s, o, 0),
      ];
  // The pieces made `like` a paragraph of the base are Amend's own text: its city names are to check.
  const written = body.value.flatMap((piece) => (piece.kind === 'like' ? [piece.text] : []));
  const notes = unconfirmedNotesIn(written.join('\n'), outline.language);
  return ok({ excerpt: excerpt.value, steps, resolution: number, marker, notes });
}

/**
 * The proposal: for a MOD the whole resolution with the proposal line (untracked, as proposal lines
 * are), the number line, history line and preamble retagged for the conference and a reasons paragraph
 * as tracked changes; SUP and NOC their short form (proposal line, number line, title, reasons); ADD a
 * draft new resolution skeleton in the base's language. Word's Track Changes is on in every case.
 */
export function newProposalDocx(base: DocxDocument, options: NewProposalOptions): Result<NewProposal> {
  const start = startProposal(base, options);
  if (!start.ok) return start;
  const name = options.name ?? 'proposal.docx';
  const inflate = options.inflate ?? streamInflate;
  let bytes = start.value.excerpt;
  const notes = [...start.value.notes];
  for (const step of start.value.steps) {
    const doc = readPackage(bytes, name, { inflate });
    if (!doc.ok) return fail(`${name}: the new proposal cannot be read back: ${doc.reason}`);
    const snapshot = doc.value.snapshot;
    const { outline } = check(snapshot, { rules: [] });
    const plan = step(snapshot, outline);
    if (!plan.ok) return fail(`${base.name}: ${plan.reason}`);
    if (plan.value.edits.length === 0) continue;
    notes.push(...unconfirmedNotes(plan.value.edits, outline.language));
    const written = applyPlan(doc.value, plan.value, { author: options.author, date: options.date });
    if (!written.ok) return written;
    bytes = written.value;
  }
  return ok({ bytes, resolution: start.value.resolution, marker: start.value.marker, notes });
}
