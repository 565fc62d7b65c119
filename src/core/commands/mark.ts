import { formatProposalId, parseProposalId } from '../identifier';
import { MARKERS, type Marker } from '../lexicon';
import type { Outline, ProposalId } from '../model';
import { textEdit, type EditPlan, type TextEdit } from '../plan';
import { anchorsOf } from './anchors';
import { fail, ok, type Result } from '../result';
import { paragraphText, type Snapshot } from '../snapshot';
import { describeProposal } from './reasons';
import { suggestMarker } from './suggest-marker';

/** Which document a proposal identifier belongs to; sequences run 1, 2, 3 … within it. */
export interface IdSeries {
  readonly submitter: string;
  readonly document: string;
  readonly addendum?: string;
}

const sameSeries = (id: ProposalId, s: IdSeries): boolean =>
  id.submitter.toUpperCase() === s.submitter.toUpperCase() &&
  id.document.toUpperCase() === s.document.toUpperCase() &&
  (id.addendum ?? '') === (s.addendum ?? '');

/**
 * The next free identifier of a series in the contribution: one past the highest sequence it uses,
 * zero-padded like the series' existing identifiers (`ACP/12/01`).
 */
export function nextProposalId(outline: Outline, series: IdSeries): ProposalId {
  const used = outline.proposals.flatMap((p) => (p.id && sameSeries(p.id, series) ? [p.id] : []));
  const sequence = Math.max(0, ...used.map((id) => id.sequence)) + 1;
  const width = used.some((id) => id.sequenceText.startsWith('0')) ? used[0].sequenceText.length : 1;
  const sequenceText = String(sequence).padStart(width, '0');
  const id = {
    submitter: series.submitter,
    document: series.document,
    ...(series.addendum ? { addendum: series.addendum } : {}),
    sequence,
    sequenceText,
  };
  return { ...id, text: formatProposalId(id) };
}

export interface MarkOptions {
  /** The identifier: `APT/44A14/3`, or `APT/44A14` to take the series' next free sequence. */
  readonly id: string;
  /** The marker; suggested from the content when absent. */
  readonly marker?: string;
  /** The resolution number to mark; when absent, the only resolution without a proposal line. */
  readonly resolution?: string;
}

/**
 * Insert the proposal line (`MOD<TAB>APT/44A14/3`) before a resolution that has none. It is not a
 * tracked change (proposal lines never are); it takes its style from another proposal line when the
 * contribution has one.
 */
export function markPlan(snapshot: Snapshot, outline: Outline, options: MarkOptions): Result<EditPlan> {
  const marker = options.marker?.trim().toUpperCase();
  if (marker !== undefined && !(MARKERS as readonly string[]).includes(marker))
    return fail(`unknown marker "${options.marker}": use one of ${MARKERS.join(', ')}`);

  const unmarked = outline.proposals
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.paragraph === null && p.number);
  let target;
  if (options.resolution !== undefined) {
    const wanted = options.resolution.trim().toUpperCase();
    const found = outline.proposals
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.number?.resolution.toUpperCase() === wanted);
    if (found.length === 0) return fail(`the document has no Resolution ${options.resolution}`);
    target = found.find(({ p }) => p.paragraph === null);
    if (!target)
      return fail(
        `${describeProposal(found[0].p, found[0].i)} already has a proposal line (paragraph ${found[0].p.paragraph! + 1})`,
      );
  } else {
    if (unmarked.length === 0) return fail('every resolution in the document already has a proposal line');
    if (unmarked.length > 1)
      return fail(
        `several resolutions have no proposal line (${unmarked.map(({ p, i }) => describeProposal(p, i)).join(', ')}): name one with --resolution`,
      );
    target = unmarked[0];
  }

  const id = resolveId(outline, options.id);
  if (!id.ok) return id;
  const taken = outline.proposals.find(
    (p) => p.id && p.id.text.toUpperCase() === id.value.text.toUpperCase(),
  );
  if (taken) return fail(`${id.value.text} is already used (paragraph ${taken.paragraph! + 1})`);

  const chosen = (marker as Marker | undefined) ?? suggestMarker(snapshot, target.p);
  const before = target.p.number!.paragraph;
  const model = outline.proposals.find((p) => p.paragraph !== null)?.paragraph ?? undefined;
  const edits = [
    {
      kind: 'paragraph' as const,
      before,
      text: `${chosen}\t${id.value.text}`,
      tracked: false,
      ...(model !== undefined ? { styleFrom: model } : {}),
    },
  ];
  return ok({
    title: `Mark ${describeProposal(target.p, target.i)} as ${chosen} ${id.value.text}`,
    edits,
    anchors: anchorsOf(snapshot, edits),
  });
}

/** A full identifier as given, or a series (`APT/44A14`) completed with its next free sequence. */
export function resolveId(outline: Outline, text: string): Result<ProposalId> {
  const trimmed = text.trim();
  const full = parseProposalId(trimmed);
  if (full) return ok(full);
  const series = parseProposalId(`${trimmed}/1`);
  if (series) return ok(nextProposalId(outline, series));
  return fail(
    `"${text}" is not a proposal identifier: write it as SUBMITTER/DOCUMENT/SEQUENCE, e.g. APT/44A14/1`,
  );
}

/**
 * Renumber every series of identifiers into 1, 2, 3 … in document order, replacing only the sequence
 * digits that change (zero padding kept). An empty plan when they already do.
 */
export function renumberIdsPlan(snapshot: Snapshot, outline: Outline): EditPlan {
  const counters = new Map<string, number>();
  const edits: TextEdit[] = [];
  for (const p of outline.proposals) {
    if (!p.id || p.paragraph === null) continue;
    const key = `${p.id.submitter}/${p.id.document}/${p.id.addendum ?? ''}`.toUpperCase();
    const sequence = (counters.get(key) ?? 0) + 1;
    counters.set(key, sequence);
    if (p.id.sequence === sequence) continue;
    const text = paragraphText(snapshot.paragraphs[p.paragraph]);
    const at = text.indexOf(p.id.text);
    if (at < 0) continue; // marker and identifier on separate lines: the identifier's paragraph is not known
    const offset = at + p.id.text.length - p.id.sequenceText.length;
    const wanted = String(sequence).padStart(
      p.id.sequenceText.startsWith('0') ? p.id.sequenceText.length : 1,
      '0',
    );
    edits.push(textEdit(p.paragraph, offset, p.id.sequenceText, wanted));
  }
  return { title: 'Renumber proposal identifiers', edits, anchors: anchorsOf(snapshot, edits) };
}
