import { canonicalCity, localCity, type Conference, type Language } from '../conferences';
import { isUpper, revisionWord, type TagEdit, type TagMatch } from './match';

export interface TagStyle {
  /** Write the revision word (`Rev.`): the text was revised at this conference, not first adopted. */
  readonly revised?: boolean;
  /** All capitals, as number lines often are: `REV. NEW DELHI, 2024`. */
  readonly upper?: boolean;
}

/**
 * A conference's city and year as the language writes them, without revision word or parentheses:
 * `New Delhi, 2024`, `Dubaï, 2012`, `Хаммамет, 2016 г.`, `الحمامات، 2016`, `2016年，哈马马特`.
 * This is also the part a retag replaces.
 */
export function formatVenue(conference: Conference, language: Language, upper = false): string {
  const city = localCity(conference.city, language);
  const year = String(conference.year);
  let s: string;
  switch (language) {
    case 'ru':
      s = `${city}, ${year} г.`;
      break;
    case 'ar':
      s = `${city}، ${year}`;
      break;
    case 'zh':
      s = `${year}年，${city}`;
      break;
    default:
      s = `${city}, ${year}`;
  }
  return upper ? s.toUpperCase() : s;
}

/**
 * A revision tag's text without its parentheses: `Rev. New Delhi, 2024`, `Rév. Hammamet, 2016`,
 * `Пересм. Хаммамет, 2016 г.`, `المراجَع في الحمامات، 2016`, `2016年，哈马马特，修订版`.
 */
export function formatTag(conference: Conference, language: Language, style: TagStyle = {}): string {
  const venue = formatVenue(conference, language, style.upper);
  if (!style.revised) return venue;
  const rev = revisionWord(language, style.upper);
  return language === 'zh' ? `${venue}，${rev}` : `${rev} ${venue}`;
}

/** One entry of a history line: `Hammamet, 2016` (never a revision word). */
export const formatHistoryEntry = (conference: Conference, language: Language): string =>
  formatVenue(conference, language);

/** The preamble's tag, parentheses included: `(Hammamet, 2016)`. */
export const formatPreambleTag = (conference: Conference, language: Language): string =>
  `(${formatVenue(conference, language)})`;

/**
 * The token-minimal edit that makes a tag or history entry name another conference, keeping its case:
 * `Dubai, 2012` → `New Delhi, 2024`; only the year when the city stays (`Geneva, 1996` → `Geneva, 2022`),
 * only the city when the year stays. Null when the tag already names the conference's venue and year.
 */
export function retagEdit(match: TagMatch, conference: Conference, language: Language): TagEdit | null {
  const { city, year, separator, yearSuffix } = match.parts;
  const upper = isUpper(city.text);
  const cased = (s: string) => (upper ? s.toUpperCase() : s);
  const sameCity = canonicalCity(city.text) === conference.city;
  const sameYear = match.year === conference.year;
  const replace = (from: number, to: number, text: string): TagEdit => {
    const all = match.text;
    const expected = all.slice(from - match.offset, to - match.offset);
    return { offset: from, length: to - from, expected, text };
  };
  if (sameCity && sameYear) return null;
  if (sameCity) return replace(year.offset, year.offset + year.length, String(conference.year));
  const newCity = cased(localCity(conference.city, language));
  if (sameYear) return replace(city.offset, city.offset + city.length, newCity);
  if (language === 'zh') {
    const between = `${yearSuffix?.text ?? ''}${separator.text}`;
    return replace(year.offset, city.offset + city.length, `${conference.year}${between}${newCity}`);
  }
  return replace(city.offset, year.offset + year.length, `${newCity}${separator.text}${conference.year}`);
}
