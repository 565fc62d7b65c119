import type { Conference } from '../conferences';
import { bodyOfPreamble } from '../lexicon';
import type { Outline } from '../model';
import { parseHistory, type HistoryLine } from './history';
import { findTags, type TagMatch } from './match';
import { findShortTags } from './short';

/** How inference reads a paragraph's tags and history line; check passes the readings it caches. */
export interface TagReadings {
  tags(paragraph: number): readonly TagMatch[];
  history(paragraph: number): HistoryLine | null;
}

/**
 * The target conference a document names: the newest venue its number lines, history lines' last
 * entries and preambles name (in the current view, so a MOD's inserted tags win over deleted ones),
 * the number line read first, so that it wins a tie; with the body read from the preamble
 * (`L'Assemblée mondiale de normalisation…` is WTSA), so that Dubai 2012 under a WTSA preamble is
 * WTSA-12, not WRC-12. A WRC or RA number line names its conference by short form (`(REV.WRC-19)`),
 * which names the body too. Null when nothing names a conference.
 */
export function inferConference(
  outline: Outline,
  text: (paragraph: number) => string,
  read: TagReadings = {
    tags: (i) => findTags(text(i), outline.language),
    history: (i) => parseHistory(text(i), outline.language),
  },
): Conference | null {
  let best: { year: number; at: readonly Conference[]; preamble: string | null } | null = null;
  const consider = (at: readonly Conference[] | undefined, year: number, preamble: string | null) => {
    if (at && at.length > 0 && (!best || year > best.year)) best = { year, at, preamble };
  };
  const language = outline.language;
  for (const p of outline.proposals) {
    const preamble = p.preamble ? text(p.preamble.paragraph) : null;
    if (p.number) {
      const tag = read.tags(p.number.paragraph).find(named);
      if (tag) consider(tag.conferences, tag.year, preamble);
      else {
        const short = findShortTags(text(p.number.paragraph), language).find((t) => t.conference);
        if (short?.conference) consider([short.conference], short.year, null);
      }
    }
    if (p.history) {
      const last = lastNamed(read.history(p.history.paragraph)?.entries);
      if (last) consider(last.conferences, last.year, preamble);
    }
    if (p.preamble && preamble !== null) {
      const tag = read.tags(p.preamble.paragraph).find(named);
      if (tag) consider(tag.conferences, tag.year, preamble);
    }
  }
  if (best === null) return null;
  const { at, preamble } = best as { at: readonly Conference[]; preamble: string | null };
  const body = preamble === null ? null : bodyOfPreamble(preamble, language);
  return at.find((c) => c.body === body) ?? at[0] ?? null;
}
const named = (t: TagMatch): boolean => t.conferences.length > 0;

/** The last entry of a history line that names a conference. */
function lastNamed(entries: readonly TagMatch[] | undefined): TagMatch | undefined {
  if (entries) for (let k = entries.length - 1; k >= 0; k--) if (named(entries[k])) return entries[k];
  return undefined;
}
