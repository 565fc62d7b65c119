import { canonicalCity, localCity, type Conference, type Language } from '../conferences';
import { isUpper, revisionWord, tagIsUpper, type Span, type TagEdit, type TagMatch } from './match';

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

/** The separator between city and year each language writes (Chinese: between year and city). */
const SEPARATOR: Record<Language, string> = { en: ', ', fr: ', ', es: ', ', ru: ', ', ar: '، ', zh: '，' };

/**
 * Whether a separator as written is already the language's: its comma first, then some space (Chinese:
 * the full-width comma alone). Kept as written when it is, so a retag does not touch it.
 */
function separatorIsCanonical(text: string, language: Language): boolean {
  if (language === 'zh') return text === SEPARATOR.zh;
  return text.startsWith(SEPARATOR[language][0]) && text.length > 1 && /^\s+$/.test(text.slice(1));
}

/** What follows the year: Russian ` г.`, Chinese `年`, nothing elsewhere; kept as written when acceptable. */
function wantedSuffix(suffix: Span | undefined, language: Language, upper: boolean): string {
  if (language === 'ru')
    return suffix && /^\s/.test(suffix.text) && suffix.text.endsWith('.')
      ? suffix.text
      : upper
        ? ' Г.'
        : ' г.';
  if (language === 'zh') return suffix?.text ?? '年';
  return '';
}

/**
 * The token-minimal edit that makes a tag or history entry name another conference in the canonical
 * form of the document's language, keeping its case: `Dubai, 2012` → `New Delhi, 2024`; only the year
 * when the city stays (`Geneva, 1996` → `Geneva, 2022`), only the city when the year stays. Parts it
 * passes over are made right too, so the result is never half-formed: `Geneva 2022` → `New Delhi, 2024`
 * (comma added), `Дубай, 2012` → `Хаммамет, 2016 г.`. Null when the tag already names the conference's
 * venue and year: its form is then the `revision-tag` rule's business, not a retag's.
 */
export function retagEdit(match: TagMatch, conference: Conference, language: Language): TagEdit | null {
  const { city, year, separator, yearSuffix } = match.parts;
  const upper = tagIsUpper(match.parts);
  const sameCity = canonicalCity(city.text) === conference.city;
  if (sameCity && match.year === conference.year) return null;
  const yearFirst = year.offset < city.offset;
  const end: Span = yearSuffix ?? { offset: year.offset + year.length, length: 0, text: '' };
  if (yearFirst !== (language === 'zh')) {
    // The tag is in another language's order: rewrite the whole venue in this one's.
    const from = Math.min(city.offset, year.offset);
    const to = Math.max(city.offset + city.length, end.offset + end.length);
    return slice(match, from, to, formatVenue(conference, language, upper));
  }
  // A city already right but in the wrong case is rewritten with the rest (`Rév. HAMMAMET` → `Rév. Hammamet`).
  const keepCity = sameCity && isUpper(city.text) === upper;
  const newCity = keepCity ? city.text : localCity(conference.city, language);
  const newYear = match.year === conference.year ? year.text : String(conference.year);
  const sep = separatorIsCanonical(separator.text, language) ? separator.text : SEPARATOR[language];
  const pieces: readonly (readonly [Span, string])[] = yearFirst
    ? [
        [year, newYear],
        [end, wantedSuffix(yearSuffix, language, upper)],
        [separator, sep],
        [city, upper ? newCity.toUpperCase() : newCity],
      ]
    : [
        [city, upper ? newCity.toUpperCase() : newCity],
        [separator, sep],
        [year, newYear],
        [end, wantedSuffix(yearSuffix, language, upper)],
      ];
  // Replace the run of pieces from the first that changes to the last: the pieces are contiguous.
  const changed = pieces.map(([span, want]) => span.text !== want);
  const first = changed.indexOf(true);
  const last = changed.lastIndexOf(true);
  if (first < 0) return null;
  const from = pieces[first][0].offset;
  const to = pieces[last][0].offset + pieces[last][0].length;
  return slice(
    match,
    from,
    to,
    pieces
      .slice(first, last + 1)
      .map(([, want]) => want)
      .join(''),
  );
}

/**
 * The edit giving a tag the revision word it lacks, in the tag's case, where the language writes it:
 * before the city (`Rev. Dubai, 2012`), or after the city and a comma in Chinese (`2012年，迪拜，修订版`).
 */
export function revisionInsertion(match: TagMatch, language: Language): TagEdit {
  const { city } = match.parts;
  const word = revisionWord(language, tagIsUpper(match.parts));
  return language === 'zh'
    ? { offset: city.offset + city.length, length: 0, expected: '', text: `，${word}` }
    : { offset: city.offset, length: 0, expected: '', text: `${word} ` };
}

/** The edit replacing [from, to) of a tag's paragraph text with `text`. */
function slice(match: TagMatch, from: number, to: number, text: string): TagEdit {
  const expected = match.text.slice(from - match.offset, to - match.offset);
  return { offset: from, length: to - from, expected, text };
}
