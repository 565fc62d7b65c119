import { LANGUAGES, type Language } from '../lexicon';
import { matchHeading } from './headings';
import { matchNumberLine } from './lines';

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
  }
  let best: Language = 'en';
  for (const l of LANGUAGES) if (score[l] > score[best]) best = l;
  return best;
}
