import { LANGUAGES, type Language } from '../lexicon';
import { matchHeading } from './headings';
import { matchNumberLine } from './lines';

/** Once a language leads by this much, more paragraphs cannot change the answer in any real document. */
const DECISIVE_LEAD = 30;

/** A number line weighs more than a heading: it is one per proposal and its word is distinctive. */
const NUMBER_LINE_WEIGHT = 3;

/**
 * The document's language, from its number lines and section headings (trimmed paragraph texts).
 * English when nothing speaks: the default the rules' messages fall back on.
 */
export function detectLanguage(trimmed: readonly string[]): Language {
  const score: Record<Language, number> = { en: 0, fr: 0, es: 0, ru: 0, ar: 0, zh: 0 };
  for (const t of trimmed) {
    if (t.length === 0 || t.length > 250) continue;
    const number = matchNumberLine(t);
    if (number) for (const l of number.languages) score[l] += NUMBER_LINE_WEIGHT;
    for (const l of LANGUAGES) if (matchHeading(t, l)) score[l] += 1;
    if (number !== null && leader(score).lead >= DECISIVE_LEAD) break;
  }
  return leader(score).best;
}

function leader(score: Record<Language, number>): { best: Language; lead: number } {
  let best: Language = 'en';
  for (const l of LANGUAGES) if (score[l] > score[best]) best = l;
  let second = 0;
  for (const l of LANGUAGES) if (l !== best && score[l] > second) second = score[l];
  return { best, lead: score[best] - second };
}
