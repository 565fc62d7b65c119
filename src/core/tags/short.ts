import { conferenceOf, type Body, type Conference, type Language } from '../conferences';
import { isUpper, revisionWord, type Span, type TagEdit, type TagProblem } from './match';

/**
 * The short forms WRC and RA texts are tagged with instead of a venue: `Resolution 28 (Rev.WRC-15)`,
 * `(REV.WRC-19)`, French `(RÉV.CMR-19)`, Spanish `(REV.CMR-19)`, Russian `(Пересм. ВКР-19)`, Chinese
 * `（WRC-19，修订版）`. The body's abbreviation is the language's: WRC is CMR in French and Spanish and
 * ВКР in Russian; RA is AR and АР. Arabic and Chinese texts keep the Latin abbreviation *(unverified)*.
 */
const ABBREVIATIONS: Record<'WRC' | 'RA' | 'WARC', Record<Language, string>> = {
  WRC: { en: 'WRC', fr: 'CMR', es: 'CMR', ru: 'ВКР', ar: 'WRC', zh: 'WRC' },
  RA: { en: 'RA', fr: 'AR', es: 'AR', ru: 'АР', ar: 'RA', zh: 'RA' },
  WARC: { en: 'WARC', fr: 'CAMR', es: 'CAMR', ru: 'ВАКР', ar: 'WARC', zh: 'WARC' },
};

/** Every abbreviation, in any language, with the body it names. */
const BODY_OF: ReadonlyMap<string, { readonly key: keyof typeof ABBREVIATIONS; readonly body: Body }> =
  new Map(
    (Object.keys(ABBREVIATIONS) as (keyof typeof ABBREVIATIONS)[]).flatMap((key) =>
      Object.values(ABBREVIATIONS[key]).map(
        (a) => [a.toUpperCase(), { key, body: key === 'RA' ? 'RA' : 'WRC' }] as const,
      ),
    ),
  );

/** A short-form tag found in a paragraph's text. */
export interface ShortTag {
  /** The whole tag, parentheses included. */
  readonly offset: number;
  readonly length: number;
  readonly text: string;
  readonly parts: {
    readonly revision?: Span;
    /** The abbreviation, `WRC`, `CMR`, `ВКР`. */
    readonly name: Span;
    /** The year as written, two or four digits. */
    readonly year: Span;
  };
  readonly body: Body;
  readonly year: number;
  readonly revised: boolean;
  /** Written in capitals (`(REV.WRC-19)`, or a number line in capitals): the case of a revision word added. */
  readonly upper: boolean;
  /** The conference the body and year name; null when that body did not meet that year. */
  readonly conference: Conference | null;
  readonly problems: readonly TagProblem[];
}

const SHORT =
  /[(（]\s*(?:((?:r[ée]v|пересм)\.?|المراج[\u064b-\u0652]?ع\s+في)\s*)?([A-Za-zА-Яа-я]{2,4})-(\d{2}|\d{4})(?:\s*[，,]\s*(修订版))?\s*[)）]/giu;

/** A two-digit year as ITU writes it: 95 is 1995, 03 is 2003. */
const fullYear = (digits: string): number => {
  const n = Number(digits);
  return digits.length === 4 ? n : n > 60 ? 1900 + n : 2000 + n;
};

/** Every short-form tag of a text, with its problems: another language's word, a body that did not meet that year. */
export function findShortTags(text: string, language: Language): ShortTag[] {
  const out: ShortTag[] = [];
  if (!text.includes('-')) return out;
  SHORT.lastIndex = 0;
  for (let m = SHORT.exec(text); m !== null; m = SHORT.exec(text)) {
    const found = BODY_OF.get(m[2].toUpperCase());
    if (!found) continue;
    const revText = m[1] ?? m[4];
    const revAt = m[1] !== undefined ? m.index + m[0].indexOf(m[1]) : m.index + m[0].lastIndexOf('修订版');
    const nameAt = m.index + m[0].indexOf(m[2], m[1] ? m[0].indexOf(m[1]) + m[1].length : 0);
    const name: Span = { offset: nameAt, length: m[2].length, text: m[2] };
    const year: Span = { offset: nameAt + m[2].length + 1, length: m[3].length, text: m[3] };
    const revision: Span | undefined =
      revText === undefined ? undefined : { offset: revAt, length: revText.length, text: revText };
    const y = fullYear(m[3]);
    const conference = conferenceOf(found.body, y) ?? null;
    const problems: TagProblem[] = [];
    // Abbreviations are always in capitals: the case is the revision word's, or the number line's.
    const upper = revision ? isUpperWord(revision.text) : isUpper(text.slice(0, m.index));
    const wantName = ABBREVIATIONS[found.key][language];
    if (name.text.toUpperCase() !== wantName.toUpperCase())
      problems.push({
        kind: 'form',
        message: `\`${name.text}\` instead of \`${wantName}\``,
        fix: [replace(name, wantName)],
      });
    if (revision && language !== 'zh' && revision.text !== '修订版') {
      const want = revisionWord(language, upper);
      const accepted =
        revision.text === want ||
        revision.text.toUpperCase() === want.toUpperCase() ||
        (language === 'fr' && revision.text === 'REV.');
      if (!accepted)
        problems.push({
          kind: 'revision-word',
          message: `\`${revision.text}\` instead of \`${want}\``,
          fix: [replace(revision, want)],
        });
    }
    if (!conference)
      problems.push({
        kind: 'venue',
        message: `no ${found.key === 'RA' ? 'RA' : 'WRC'} met in ${y}`,
      });
    out.push({
      offset: m.index,
      length: m[0].length,
      text: m[0],
      parts: revision ? { revision, name, year } : { name, year },
      body: found.body,
      year: y,
      revised: revision !== undefined,
      upper,
      conference,
      problems,
    });
  }
  return out;
}

const isUpperWord = (s: string): boolean => s === s.toUpperCase() && s !== s.toLowerCase();

/**
 * A WRC or RA conference's short tag as the language writes it, without parentheses: `Rev.WRC-19`,
 * `RÉV.CMR-19` (upper), `Пересм. ВКР-19`, `WRC-19，修订版`.
 */
export function formatShortTag(
  conference: Conference,
  language: Language,
  style: { readonly revised?: boolean; readonly upper?: boolean } = {},
): string {
  const key = conference.short[0].startsWith('WARC') ? 'WARC' : conference.body === 'RA' ? 'RA' : 'WRC';
  const yy = conference.short[0].replace(/^.*-/, '');
  const name = `${ABBREVIATIONS[key][language]}-${yy}`;
  if (!style.revised) return name;
  if (language === 'zh') return `${name}，修订版`;
  const word = revisionWord(language, style.upper);
  return language === 'ru' || language === 'ar' ? `${word} ${name}` : `${word}${name}`;
}

/**
 * The edit making a short tag name another conference of its body: the year's digits alone
 * (`WRC-19` → `WRC-23`); null when it names it already, or when the conference has no short form of
 * this kind (a WTSA, named by its venue).
 */
export function retagShortEdit(tag: ShortTag, conference: Conference): TagEdit | null {
  if (conference.body !== tag.body) return null;
  if (tag.year === conference.year) return null;
  const yy = conference.short[0].replace(/^.*-/, '');
  const want = tag.parts.year.text.length === 4 ? String(conference.year) : yy;
  return want === tag.parts.year.text ? null : replace(tag.parts.year, want);
}

/**
 * The edit giving a short tag the revision word it lacks (`(WRC-15)` → `(Rev.WRC-15)`, Chinese
 * `（WRC-15，修订版）`), or taking away one it should not have; null when it is as wanted.
 */
export function shortRevisionEdit(tag: ShortTag, language: Language, revised: boolean): TagEdit | null {
  const { revision, name, year } = tag.parts;
  if (revised === (revision !== undefined)) return null;
  const yearEnd = year.offset + year.length;
  if (revised) {
    if (language === 'zh') return { offset: yearEnd, length: 0, expected: '', text: '，修订版' };
    const word = revisionWord(language, tag.upper);
    const text = language === 'ru' || language === 'ar' ? `${word} ` : word;
    return { offset: name.offset, length: 0, expected: '', text };
  }
  const [from, to] =
    revision!.offset > name.offset
      ? [yearEnd, revision!.offset + revision!.length]
      : [revision!.offset, name.offset];
  return {
    offset: from,
    length: to - from,
    expected: tag.text.slice(from - tag.offset, to - tag.offset),
    text: '',
  };
}

const replace = (span: Span, text: string): TagEdit => ({
  offset: span.offset,
  length: span.length,
  expected: span.text,
  text,
});
