import { conferencesAt, type Conference } from '../conferences';
import { bodyOfPreamble } from '../lexicon';
import type { Outline } from '../model';
import { parseHistory, type HistoryLine } from './history';
import { findTags, type TagMatch } from './match';

/** How inference reads a paragraph's tags and history line; check passes the readings it caches. */
export interface TagReadings {
  tags(paragraph: number): readonly TagMatch[];
  history(paragraph: number): HistoryLine | null;
}

/**
 * The target conference a document names: the newest venue its number lines, history lines' last
 * entries and preambles name (in the current view, so a MOD's inserted tags win over deleted ones),
 * with the body read from the preamble (`L'Assemblée mondiale de normalisation…` is WTSA), so that
 * Dubai 2012 under a WTSA preamble is WTSA-12, not WRC-12. Null when nothing names a conference.
 */
export function inferConference(
  outline: Outline,
  text: (paragraph: number) => string,
  read: TagReadings = {
    tags: (i) => findTags(text(i), outline.language),
    history: (i) => parseHistory(text(i), outline.language),
  },
): Conference | null {
  let best: { match: TagMatch; preamble: string | null } | null = null;
  const consider = (match: TagMatch | undefined, preamble: string | null) => {
    if (match && match.conferences.length > 0 && (!best || match.year > best.match.year))
      best = { match, preamble };
  };
  const language = outline.language;
  for (const p of outline.proposals) {
    const preamble = p.preamble ? text(p.preamble.paragraph) : null;
    if (p.number) consider(read.tags(p.number.paragraph).find(named), preamble);
    if (p.history) consider(lastNamed(read.history(p.history.paragraph)?.entries), preamble);
    if (p.preamble && preamble !== null) consider(read.tags(p.preamble.paragraph).find(named), preamble);
  }
  if (best === null) return null;
  const { match, preamble } = best as { match: TagMatch; preamble: string | null };
  const body = preamble === null ? null : bodyOfPreamble(preamble, language);
  const at = conferencesAt(match.city, match.year);
  return at.find((c) => c.body === body) ?? at[0] ?? null;
}

const named = (t: TagMatch): boolean => t.conferences.length > 0;

/** The last entry of a history line that names a conference. */
function lastNamed(entries: readonly TagMatch[] | undefined): TagMatch | undefined {
  if (entries) for (let k = entries.length - 1; k >= 0; k--) if (named(entries[k])) return entries[k];
  return undefined;
}
