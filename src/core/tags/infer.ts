import { conferencesAt, type Conference } from '../conferences';
import { bodyOfPreamble } from '../lexicon';
import type { Outline } from '../model';
import { parseHistory } from './history';
import { findTags, type TagMatch } from './match';

/**
 * The target conference a document names: the newest venue its number lines, history lines' last
 * entries and preambles name (in the current view, so a MOD's inserted tags win over deleted ones),
 * with the body read from the preamble (`L'Assemblée mondiale de normalisation…` is WTSA), so that
 * Dubai 2012 under a WTSA preamble is WTSA-12, not WRC-12. Null when nothing names a conference.
 */
export function inferConference(outline: Outline, text: (paragraph: number) => string): Conference | null {
  let best: { match: TagMatch; preamble: string | null } | null = null;
  const consider = (match: TagMatch | undefined, preamble: string | null) => {
    if (match && match.conferences.length > 0 && (!best || match.year > best.match.year))
      best = { match, preamble };
  };
  const language = outline.language;
  for (const p of outline.proposals) {
    const preamble = p.preamble ? text(p.preamble.paragraph) : null;
    if (p.number) consider(findTags(text(p.number.paragraph), language).find(named), preamble);
    if (p.history)
      consider(parseHistory(text(p.history.paragraph), language)?.entries.filter(named).at(-1), preamble);
    if (p.preamble && preamble !== null) consider(findTags(preamble, language).find(named), preamble);
  }
  if (best === null) return null;
  const { match, preamble } = best as { match: TagMatch; preamble: string | null };
  const body = preamble === null ? null : bodyOfPreamble(preamble, language);
  const at = conferencesAt(match.city, match.year);
  return at.find((c) => c.body === body) ?? at[0] ?? null;
}

const named = (t: TagMatch): boolean => t.conferences.length > 0;
