import { canonicalCity, type Language } from '../conferences';
import type { Proposal } from '../model';
import { resolutionRange } from '../rules/proposal-span';
import type { Snapshot } from '../snapshot';
import { findTags, parseHistory, type TagMatch } from '../tags';
import { clauseNames, comparedParagraphs, type BaseResolution, type ComparedParagraph } from './base';
import { heaviestPairs, lcs } from './diff';
import { tokens } from './normalise';

/** A line of the proposal's original view naming another version than the one in force. */
export interface VersionMismatch {
  readonly line: 'number line' | 'history line';
  readonly paragraph: number;
  /** What the proposal's original view says, and what the in-force text says. */
  readonly proposal: string;
  readonly inForce: string;
}

const venue = (t: TagMatch) => `${canonicalCity(t.city) ?? t.city.toLowerCase()} ${t.year}`;
const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toUpperCase();

/** The versions a tag or a history line names, comparable across spelling and case. */
function tagKey(text: string, language: Language): string {
  const tag = findTags(text, language)[0];
  return tag ? `${tag.revised ? 'rev ' : ''}${venue(tag)}` : fold(text);
}
function historyKey(text: string, language: Language): string {
  const history = parseHistory(text, language);
  return history && history.entries.length > 0 ? history.entries.map(venue).join('; ') : fold(text);
}

/**
 * Where the proposal's original view names another version than the in-force text: its number line's
 * tag (`(Rev. Dubai, 2012)` where `(Rev. Hammamet, 2016)` is in force), or its history line.
 */
export function versionMismatches(
  p: Proposal,
  original: (paragraph: number) => string,
  language: Language,
  base: BaseResolution,
): VersionMismatch[] {
  const out: VersionMismatch[] = [];
  if (p.number) {
    const mine = original(p.number.paragraph).trim();
    if (tagKey(mine, language) !== tagKey(base.numberLine, language))
      out.push({
        line: 'number line',
        paragraph: p.number.paragraph,
        proposal: mine,
        inForce: base.numberLine,
      });
  }
  if (p.history && base.history !== null) {
    const mine = original(p.history.paragraph).trim();
    if (historyKey(mine, language) !== historyKey(base.history, language))
      out.push({
        line: 'history line',
        paragraph: p.history.paragraph,
        proposal: mine,
        inForce: base.history,
      });
  }
  return out;
}

/** One difference between the in-force text and the proposal's original view. */
export type Difference =
  | {
      /** Words of a paragraph both have: in-force `inForce`, the proposal's original view `proposal`. */
      readonly kind: 'changed';
      readonly paragraph: ComparedParagraph;
      readonly inForce: string;
      readonly proposal: string;
      /** The range `[from, to)` of the proposal's words in the paragraph's original-view text. */
      readonly from: number;
      readonly to: number;
      /** The in-force words as written there (what a fix restores); null when an automatic label is involved. */
      readonly restore: string | null;
    }
  /** A paragraph the proposal's original view has and the in-force text does not. */
  | { readonly kind: 'inserted'; readonly paragraph: ComparedParagraph }
  /** An in-force paragraph the original view lacks; it would sit before proposal paragraph `before`. */
  | { readonly kind: 'deleted'; readonly inForce: ComparedParagraph; readonly before: number };

/**
 * The proposal's paragraphs compared with the in-force text, in its original view: the whole resolution,
 * or only its title for the short form of a SUP or NOC. Number and history lines are base-version's.
 */
export function proposalParagraphs(snapshot: Snapshot, p: Proposal, whole: boolean): ComparedParagraph[] {
  const [from, to] = resolutionRange(p);
  const all = comparedParagraphs(snapshot, from, to, 'original', clauseNames(p));
  if (!whole) return all.filter((c) => c.index === p.title?.paragraph);
  return all.filter((c) => c.index !== p.number?.paragraph && c.index !== p.history?.paragraph);
}

/** The in-force paragraphs compared: the same span. */
export function inForceParagraphs(base: BaseResolution, whole: boolean): ComparedParagraph[] {
  const all = base.paragraphs();
  if (!whole) return all.filter((c) => c.index === base.titleParagraph);
  return all.filter((c) => c.index !== base.numberParagraph && c.index !== base.historyParagraph);
}

/** Whether a proposal reproduces the whole resolution, or only the short form a SUP or NOC may take. */
export const reproducesWhole = (p: Proposal): boolean =>
  !(p.marker === 'SUP' || p.marker === 'SUP*' || p.marker === 'NOC') || p.sections.length > 0;

/** A paragraph's words (blanks left out), counted; read once per paragraph. */
const wordCounts = new WeakMap<ComparedParagraph, { counts: Map<string, number>; total: number }>();
function wordsOf(c: ComparedParagraph): { counts: Map<string, number>; total: number } {
  let words = wordCounts.get(c);
  if (words === undefined) {
    const counts = new Map<string, number>();
    let total = 0;
    for (const t of tokens(c.norm.text))
      if (t.text.trim() !== '') {
        counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
        total++;
      }
    words = { counts, total };
    wordCounts.set(c, words);
  }
  return words;
}

/** How alike two paragraphs are: the share of words they have in common (Dice over word tokens). */
function likeness(a: ComparedParagraph, b: ComparedParagraph): number {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  if (wa.total + wb.total === 0) return 1;
  let common = 0;
  for (const [word, n] of wb.counts) common += Math.min(n, wa.counts.get(word) ?? 0);
  return (2 * common) / (wa.total + wb.total);
}

/** Two paragraphs this alike are one paragraph edited, not one deleted and another inserted. */
const SAME_PARAGRAPH = 0.5;

/**
 * Every difference between the in-force paragraphs and the proposal's, in the proposal's order:
 * paragraphs aligned on their normalised text (a longest common subsequence), then, between two aligned
 * ones, proposal paragraphs paired with in-force ones alike enough, in order, so that the pairs are as
 * alike as can be in all (a clause removed next to an edited one must not take the edited one's place),
 * and compared token by token; what pairs with nothing was inserted or deleted.
 */
export function differences(
  inForce: readonly ComparedParagraph[],
  proposal: readonly ComparedParagraph[],
  after: number,
): Difference[] {
  const out: Difference[] = [];
  const pairs = lcs(inForce, proposal, (a, b) => a.norm.text === b.norm.text);
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [inForce.length, proposal.length] as [number, number]]) {
    const end = pj < proposal.length ? proposal[pj].index : after;
    // One paragraph in place of one other is that paragraph edited, however much.
    const edited: [number, number][] =
      pi - i === 1 && pj - j === 1
        ? [[0, 0]]
        : heaviestPairs(pi - i, pj - j, (x, y) => {
            const alike = likeness(inForce[i + x], proposal[j + y]);
            return alike >= SAME_PARAGRAPH ? alike : null;
          });
    const partner = new Map(edited.map(([x, y]) => [j + y, i + x]));
    let k = i;
    for (; j < pj; j++) {
      const match = partner.get(j);
      if (match === undefined) {
        out.push({ kind: 'inserted', paragraph: proposal[j] });
        continue;
      }
      for (; k < match; k++) out.push({ kind: 'deleted', inForce: inForce[k], before: proposal[j].index });
      out.push(...changes(inForce[k], proposal[j]));
      k++;
    }
    for (; k < pi; k++) out.push({ kind: 'deleted', inForce: inForce[k], before: end });
    i = pi + 1;
    j = pj + 1;
  }
  return out;
}

/** The token differences of two paragraphs alike enough to be one, as ranges of the proposal's text. */
function changes(inForce: ComparedParagraph, proposal: ComparedParagraph): Difference[] {
  const a = tokens(inForce.norm.text);
  const b = tokens(proposal.norm.text);
  const pairs = lcs(a, b, (x, y) => x.text === y.text);
  const out: Difference[] = [];
  const end = (list: typeof a, text: string, k: number) => (k < list.length ? list[k].offset : text.length);
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    if (pi > i || pj > j) {
      const [as, ae] = [end(a, inForce.norm.text, i), end(a, inForce.norm.text, pi)];
      const [bs, be] = [end(b, proposal.norm.text, j), end(b, proposal.norm.text, pj)];
      const pm = proposal.norm;
      const im = inForce.norm;
      const labelled = bs < pm.labelLength || as < im.labelLength;
      out.push({
        kind: 'changed',
        paragraph: proposal,
        inForce: inForce.norm.text.slice(as, ae),
        proposal: proposal.norm.text.slice(bs, be),
        from: Math.max(0, pm.map[bs]),
        to: Math.max(0, pm.map[be]),
        restore: labelled ? null : inForce.raw.slice(im.map[as], im.map[ae]),
      });
    }
    i = pi + 1;
    j = pj + 1;
  }
  return out;
}
