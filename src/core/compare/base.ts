import type { Body, Conference, Language } from '../conferences';
import type { Outline, Proposal } from '../model';
import { parse } from '../parse';
import { resolutionRange } from '../rules/proposal-span';
import { existsIn, paragraphText, type Snapshot, type View } from '../snapshot';
import { findTags, parseHistory, type TagMatch } from '../tags';
import { normalise, type Normalised } from './normalise';

/** A paragraph of a resolution as compared: where it is, what it says, and the clause it is. */
export interface ComparedParagraph {
  /** Snapshot index in its own document. */
  readonly index: number;
  /** The paragraph's text in the view compared (without an automatic label). */
  readonly raw: string;
  /** The automatic label Word's numbering shows, or ''. */
  readonly label: string;
  readonly norm: Normalised;
  /** The clause in the user's words ("considering a)"), when the paragraph is one. */
  readonly clause?: string;
}

/** One resolution of an in-force text: its number, which body adopted it, its version, its paragraphs. */
export interface BaseResolution {
  /** The document it comes from, as named to the user. */
  readonly source: string;
  /** The resolution's number as written ("52"). */
  readonly resolution: string;
  readonly numberLine: string;
  /** Where its number line, history line and title are in the in-force document. */
  readonly numberParagraph: number;
  readonly historyParagraph: number | null;
  readonly titleParagraph: number | null;
  /** The number line's revision tag, or null. */
  readonly tag: TagMatch | null;
  readonly history: string | null;
  /** The bodies its tag and history line can name (WTSA for a Hammamet, 2016 text); empty when unknown. */
  readonly bodies: readonly Body[];
  /** Its paragraphs from the number line to its end, empty ones left out (read once, when first compared). */
  paragraphs(): readonly ComparedParagraph[];
}

/** An in-force text ready to be compared with: a single resolution or a proceedings volume of many. */
export interface ComparisonBase {
  readonly name: string;
  readonly language: Language;
  readonly resolutions: readonly BaseResolution[];
}

/** The clause each paragraph of a proposal is, in the user's words. */
export function clauseNames(p: Proposal): Map<number, string> {
  const names = new Map<number, string>();
  for (const s of p.sections)
    for (const c of s.clauses) {
      const name = c.label ? `${s.name} ${c.label}` : s.name;
      names.set(c.paragraph, name);
      for (const child of c.children) names.set(child.paragraph, `${name} ${child.label}`);
    }
  return names;
}

/** The paragraphs `[from, to)` of a snapshot that exist in a view and say something, as compared. */
export function comparedParagraphs(
  snapshot: Snapshot,
  from: number,
  to: number,
  view: View,
  names: ReadonlyMap<number, string>,
): ComparedParagraph[] {
  const out: ComparedParagraph[] = [];
  for (let i = from; i < to; i++) {
    const p = snapshot.paragraphs[i];
    if (!existsIn(p, view)) continue;
    const raw = paragraphText(p, view);
    const label = p.numbering?.label ?? '';
    const norm = normalise(raw, label);
    if (norm.text === '') continue;
    const clause = names.get(i);
    out.push({ index: i, raw, label, norm, ...(clause !== undefined ? { clause } : {}) });
  }
  return out;
}

/** The bodies a number line's tag and a history line agree on: every entry must be one of theirs. */
export function bodiesOf(tag: TagMatch | null, history: string | null, language: Language): Body[] {
  let bodies: Set<Body> | null =
    tag && tag.conferences.length > 0 ? new Set(tag.conferences.map((c) => c.body)) : null;
  for (const entry of history ? (parseHistory(history, language)?.entries ?? []) : []) {
    if (entry.conferences.length === 0) continue;
    const here = new Set(entry.conferences.map((c) => c.body));
    bodies = bodies === null ? here : new Set([...bodies].filter((b) => here.has(b)));
  }
  return bodies === null ? [] : [...bodies];
}

/**
 * Read an in-force text for comparison: every resolution it holds (a proceedings volume holds many),
 * each in its current view. Pure: the caller reads the file.
 */
export function prepareBase(
  snapshot: Snapshot,
  name: string,
  outline: Outline = parse(snapshot),
): ComparisonBase {
  const language = outline.language;
  const text = (i: number) => paragraphText(snapshot.paragraphs[i], 'current').trim();
  const resolutions: BaseResolution[] = [];
  for (const p of outline.proposals) {
    if (p.number === null) continue;
    const [from, to] = resolutionRange(p);
    const tag = findTags(text(p.number.paragraph), language)[0] ?? null;
    const history = p.history ? text(p.history.paragraph) : null;
    let read: readonly ComparedParagraph[] | null = null;
    resolutions.push({
      source: name,
      resolution: p.number.resolution,
      numberLine: text(p.number.paragraph),
      numberParagraph: p.number.paragraph,
      historyParagraph: p.history?.paragraph ?? null,
      titleParagraph: p.title?.paragraph ?? null,
      tag,
      history,
      bodies: bodiesOf(tag, history, language),
      paragraphs: () => (read ??= comparedParagraphs(snapshot, from, to, 'current', clauseNames(p))),
    });
  }
  return { name, language, resolutions };
}

/** The bodies a proposal's resolution belongs to: the target conference's, else what its original number line names. */
export function proposalBodies(
  p: Proposal,
  original: (paragraph: number) => string,
  language: Language,
  conference: Conference | null,
): Body[] {
  if (conference) return [conference.body];
  if (p.number === null) return [];
  const tag = findTags(original(p.number.paragraph), language)[0] ?? null;
  const history = p.history ? original(p.history.paragraph) : null;
  return bodiesOf(tag, history, language);
}

const sameNumber = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').toUpperCase() === b.replace(/\s+/g, ' ').toUpperCase();

/**
 * The in-force text of a resolution among the bases in its language: same number, and a body in common
 * when both are known. When several versions are given, the newest is the one in force.
 */
export function findBase(
  bases: readonly ComparisonBase[],
  language: Language,
  resolution: string,
  bodies: readonly Body[],
): BaseResolution | null {
  let best: BaseResolution | null = null;
  for (const base of bases) {
    if (base.language !== language) continue;
    for (const r of base.resolutions) {
      if (!sameNumber(r.resolution, resolution)) continue;
      if (bodies.length > 0 && r.bodies.length > 0 && !r.bodies.some((b) => bodies.includes(b))) continue;
      if (best === null || (r.tag?.year ?? 0) > (best.tag?.year ?? 0)) best = r;
    }
  }
  return best;
}

/** The markers whose text must read as in force in their original view. */
export const COMPARED_MARKERS: ReadonlySet<string> = new Set(['MOD', '(MOD)', 'SUP', 'SUP*', 'NOC']);
