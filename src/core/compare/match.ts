import type { Conference, Language } from '../conferences';
import { LANGUAGE_NAMES } from '../lexicon';
import type { Outline, Proposal } from '../model';
import { COMPARED_MARKERS, findBase, proposalBodies, type BaseResolution, type ComparisonBase } from './base';

/** The in-force text a proposal is compared with; null when it is not compared or none was given. */
export function baseFor(
  p: Proposal,
  bases: readonly ComparisonBase[],
  language: Language,
  conference: Conference | null,
  original: (paragraph: number) => string,
): BaseResolution | null {
  if (p.marker === null || !COMPARED_MARKERS.has(p.marker) || p.number === null) return null;
  return findBase(bases, language, p.number.resolution, proposalBodies(p, original, language, conference));
}

/**
 * Why a document cannot be compared with the bases given, in one line: no base in its language, or a
 * proposal whose resolution none of them holds. Null when every compared proposal has its in-force text.
 */
export function missingBases(
  outline: Outline,
  bases: readonly ComparisonBase[],
  conference: Conference | null,
  original: (paragraph: number) => string,
): string | null {
  const language = outline.language;
  const compared = outline.proposals.filter(
    (p) => p.marker !== null && COMPARED_MARKERS.has(p.marker) && p.number !== null,
  );
  if (compared.length === 0) return null;
  if (!bases.some((b) => b.language === language))
    return `the in-force text${bases.length === 1 ? '' : 's'} ${bases.map((b) => `${b.name} (${LANGUAGE_NAMES[b.language]})`).join(', ')} ${bases.length === 1 ? 'is' : 'are'} not in the proposal's language (${LANGUAGE_NAMES[language]}): compare with the ${LANGUAGE_NAMES[language]} text`;
  for (const p of compared) {
    if (baseFor(p, bases, language, conference, original) !== null) continue;
    const held = bases
      .filter((b) => b.language === language)
      .flatMap((b) => b.resolutions.map((r) => r.resolution));
    const body = conference ? ` of ${conference.body}` : '';
    return `no in-force text of Resolution ${p.number!.resolution}${body} among ${bases.map((b) => b.name).join(', ')} (${held.length === 0 ? 'it holds no resolution' : `it holds Resolution${held.length === 1 ? '' : 's'} ${[...new Set(held)].slice(0, 8).join(', ')}${held.length > 8 ? ', …' : ''}`})`;
  }
  return null;
}
