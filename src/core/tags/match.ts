import {
  canonicalCity,
  conferencesAt,
  foldName,
  localCity,
  type Conference,
  type Language,
} from '../conferences';
import { REVISED_WORD } from '../lexicon';
import { textEdit, type TextEdit } from '../plan';

/** A piece of a paragraph's current text. */
export interface Span {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

/** A replacement inside a paragraph's current text (a TextEdit without its paragraph). */
export interface TagEdit {
  readonly offset: number;
  readonly length: number;
  /** The text the edit removes; '' for an insertion. */
  readonly expected: string;
  readonly text: string;
}

/** A tag's edit as an edit of the paragraph the tag was found in. */
export const paragraphEdit = (paragraph: number, e: TagEdit): TextEdit =>
  textEdit(paragraph, e.offset, e.expected, e.text);

export type TagProblemKind = 'separator' | 'revision-word' | 'case' | 'year-suffix' | 'venue' | 'form';

/** Something wrong with a tag, with the token-minimal edits that fix it when the fix is certain. */
export interface TagProblem {
  readonly kind: TagProblemKind;
  /** One clause for a message: "no comma between city and year". */
  readonly message: string;
  readonly fix?: readonly TagEdit[];
}

/** Where each part of a tag sits. Chinese tags put the year first and the revision word last. */
export interface TagParts {
  readonly revision?: Span;
  /** Between the revision word and the city (Chinese: between the city and the revision word). */
  readonly revisionGap?: Span;
  readonly city: Span;
  /** Between city and year (Chinese: between year and city). */
  readonly separator: Span;
  readonly year: Span;
  /** Russian ` г.`, Chinese `年`. */
  readonly yearSuffix?: Span;
}

/** A revision tag (or a history-line entry) found in a paragraph's text. */
export interface TagMatch {
  /** The whole tag, parentheses included (for a history entry: the entry alone). */
  readonly offset: number;
  readonly length: number;
  readonly text: string;
  readonly parts: TagParts;
  /** The city as written. */
  readonly city: string;
  readonly year: number;
  readonly revised: boolean;
  /** The conference the city/year names, the first in registry order when several met there (Dubai 2012). */
  readonly conference: Conference | null;
  /** Every conference that met at this city in this year. */
  readonly conferences: readonly Conference[];
  readonly problems: readonly TagProblem[];
}

const REV = String.raw`((?:rév|rev|пересм)(?:\.|(?=\s))|المراج[\u064b-\u0652]?ع\s+في)(\s*)`;
const CITY = String.raw`(\p{L}(?:[\p{L}\p{M}'’.\- ]*[\p{L}\p{M}])?)`;
const SEP = String.raw`(\s*[,،，]\s*|\s+)`;
const YEAR = String.raw`([0-9]{4}|[٠-٩]{4})(?![0-9٠-٩])`;
const SUFFIX = String.raw`(\s*[гГ](?:\.|(?!\p{L})))?`;
/** City, comma, year: the European, Russian and Arabic order. */
export const LATIN_ENTRY = String.raw`(?:${REV})?${CITY}${SEP}${YEAR}${SUFFIX}`;
/** Year, comma, city (, revision word): the Chinese order. */
export const CHINESE_ENTRY = String.raw`${YEAR}(\s*年)?(\s*[，,、]\s*)([^\s，,、;；()（）0-9]+)(?:(\s*[，,、]\s*)(修订版))?`;

const LATIN_TAG = new RegExp(String.raw`^\s*${LATIN_ENTRY}\s*$`, 'iu');
const CHINESE_TAG = new RegExp(String.raw`^\s*${CHINESE_ENTRY}\s*$`, 'u');
const PAREN = /[(（]([^()（）]*)[)）]/gu;

/** Short names that open WRC/RA tags (`WRC-15`): never a city. */
const NOT_CITIES = /^(?:wrc|rrc|ra|wtsa|wtsc|pp|wtdc|cmr|amnt|cmdt|ame|amr)$/i;

/** A resolution or recommendation cited just before the parenthesis: its tag may name an unknown venue. */
const CITATION_BEFORE =
  /(?:r[ée]solution|resoluci[óo]n|резолюци[яиюей]|recommendation|recommandation|recomendaci[óo]n|القرار|决议)\s*(?:ITU-[RTD]|UIT-[RTD])?\s*[\w.-]*\s*$/iu;

const toYear = (digits: string): number =>
  Number(digits.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)));

/** A group's match, before it is judged: its parts, and which order it is written in. */
export interface RawTag extends TagParts {
  readonly chinese: boolean;
}

/** Spans of a regex match's groups, in order, given the offset of the match's input in the paragraph. */
function spans(m: RegExpExecArray, base: number, first: number, count: number): (Span | undefined)[] {
  // Groups are contiguous pieces: each starts where the previous present one ended.
  const out: (Span | undefined)[] = [];
  let at = base + m.index + (m[0].length - m[0].trimStart().length);
  for (let g = first; g < first + count; g++) {
    const t = m[g];
    if (t === undefined) {
      out.push(undefined);
      continue;
    }
    out.push({ offset: at, length: t.length, text: t });
    at += t.length;
  }
  return out;
}

/** Read a Latin-order entry from a match of LATIN_ENTRY (groups 1–6). */
export function rawLatin(m: RegExpExecArray, base: number): RawTag {
  const [revision, revisionGap, city, separator, year, yearSuffix] = spans(m, base, 1, 6);
  return {
    chinese: false,
    revision,
    revisionGap,
    city: city!,
    separator: separator!,
    year: year!,
    yearSuffix,
  };
}

/** Read a Chinese-order entry from a match of CHINESE_ENTRY (groups 1–6). */
export function rawChinese(m: RegExpExecArray, base: number): RawTag {
  const [year, yearSuffix, separator, city, revisionGap, revision] = spans(m, base, 1, 6);
  return {
    chinese: true,
    revision,
    revisionGap,
    city: city!,
    separator: separator!,
    year: year!,
    yearSuffix,
  };
}

/**
 * Every revision tag in a paragraph's current text, malformed ones included (missing comma, a revision
 * word of another language, mixed case, a city/year where no ITU conference met). WRC/RA forms
 * (`(Rev.WRC-15)`, RA year histories) and parentheses that name no venue (`(IETF)`) are not tags.
 * A group whose text goes on after the year (`(Rev. Guadalajara, 2010Busan, 2014)`, deleted and
 * inserted text run together) is not read as a tag: nothing certain can be said about it.
 */
export function findTags(text: string, language: Language): TagMatch[] {
  const out: TagMatch[] = [];
  // Most paragraphs hold no parenthesis at all: two plain searches instead of a Unicode regex scan.
  if (!text.includes('(') && !text.includes('（')) return out;
  for (const p of text.matchAll(PAREN)) {
    const content = p[1];
    if (!/[0-9٠-٩]{4}/.test(content)) continue;
    const base = p.index + 1;
    let raw: RawTag | undefined;
    const zh = CHINESE_TAG.exec(content);
    if (zh) raw = rawChinese(zh, base);
    else {
      const la = LATIN_TAG.exec(content);
      if (la) raw = rawLatin(la, base);
    }
    if (!raw || NOT_CITIES.test(raw.city.text)) continue;
    const known = canonicalCity(raw.city.text) !== undefined;
    if (!raw.revision && !known && !CITATION_BEFORE.test(text.slice(Math.max(0, p.index - 60), p.index)))
      continue;
    out.push(judge(raw, language, { offset: p.index, length: p[0].length, text: p[0] }, 'tag'));
  }
  return out;
}

/** Build the match for a raw entry and find its problems. In a history line the revision word is the history rule's business. */
export function judge(raw: RawTag, language: Language, whole: Span, mode: 'tag' | 'history'): TagMatch {
  const year = toYear(raw.year.text);
  const conferences = conferencesAt(raw.city.text, year);
  const problems: TagProblem[] = [];
  const chineseLanguage = language === 'zh';
  if (raw.chinese !== chineseLanguage) {
    problems.push({
      kind: 'form',
      message: chineseLanguage
        ? 'a Chinese tag puts the year first: `2016年，哈马马特`'
        : 'the year comes after the city',
    });
  } else if (raw.chinese) {
    problems.push(...chineseForm(raw));
  } else {
    problems.push(...separatorForm(raw, language));
    problems.push(...suffixForm(raw, language));
    if (mode === 'tag') problems.push(...revisionForm(raw, language));
    problems.push(...caseForm(raw, language));
  }
  if (conferences.length === 0) {
    const city = canonicalCity(raw.city.text);
    problems.push({
      kind: 'venue',
      message:
        city === undefined
          ? `no ITU conference met in ${raw.city.text}`
          : `no ITU conference met in ${raw.city.text} in ${year}`,
    });
  }
  return {
    offset: whole.offset,
    length: whole.length,
    text: whole.text,
    parts: {
      ...(raw.revision ? { revision: raw.revision } : {}),
      ...(raw.revisionGap ? { revisionGap: raw.revisionGap } : {}),
      city: raw.city,
      separator: raw.separator,
      year: raw.year,
      ...(raw.yearSuffix ? { yearSuffix: raw.yearSuffix } : {}),
    },
    city: raw.city.text,
    year,
    revised: raw.revision !== undefined,
    conference: conferences[0] ?? null,
    conferences,
    problems,
  };
}

const COMMA: Record<Language, string> = { en: ',', fr: ',', es: ',', ru: ',', ar: '،', zh: '，' };

function separatorForm(raw: RawTag, language: Language): TagProblem[] {
  const sep = raw.separator;
  const comma = COMMA[language];
  const at = sep.text.search(/[,،，]/);
  if (at < 0) {
    return [
      { kind: 'separator', message: 'no comma between city and year', fix: [insert(sep.offset, comma)] },
    ];
  }
  const edits: TagEdit[] = [];
  const found: string[] = [];
  if (at > 0) {
    edits.push({ offset: sep.offset, length: at, expected: sep.text.slice(0, at), text: '' });
    found.push('a space before the comma');
  }
  if (sep.text[at] !== comma) {
    edits.push({ offset: sep.offset + at, length: 1, expected: sep.text[at], text: comma });
    found.push(`\`${sep.text[at]}\` instead of \`${comma}\``);
  }
  if (at === sep.text.length - 1) {
    edits.push(insert(sep.offset + sep.text.length, ' '));
    found.push('no space after the comma');
  }
  return found.length ? [{ kind: 'separator', message: found.join(', '), fix: edits }] : [];
}

function suffixForm(raw: RawTag, language: Language): TagProblem[] {
  const suffix = raw.yearSuffix;
  const end = raw.year.offset + raw.year.length;
  if (language !== 'ru') {
    if (!suffix) return [];
    return [
      {
        kind: 'year-suffix',
        message: '`г.` follows the year only in Russian',
        fix: [replace(suffix, '')],
      },
    ];
  }
  const upper = isUpper(raw.city.text);
  if (!suffix)
    return [
      { kind: 'year-suffix', message: 'no `г.` after the year', fix: [insert(end, upper ? ' Г.' : ' г.')] },
    ];
  const edits: TagEdit[] = [];
  if (!/^\s/.test(suffix.text)) edits.push(insert(suffix.offset, ' '));
  if (!suffix.text.endsWith('.')) edits.push(insert(suffix.offset + suffix.length, '.'));
  return edits.length ? [{ kind: 'year-suffix', message: 'the year is followed by ` г.`', fix: edits }] : [];
}

function chineseForm(raw: RawTag): TagProblem[] {
  const problems: TagProblem[] = [];
  if (!raw.yearSuffix)
    problems.push({
      kind: 'year-suffix',
      message: 'no `年` after the year',
      fix: [insert(raw.year.offset + raw.year.length, '年')],
    });
  for (const sep of [raw.separator, raw.revisionGap]) {
    if (sep && sep.text !== '，')
      problems.push({
        kind: 'separator',
        message: `\`${sep.text}\` instead of \`，\``,
        fix: [replace(sep, '，')],
      });
  }
  return problems;
}

/** The revision word a language writes: `Rev.`, `Rév.`, `Пересм.`, `المراجَع في`, `修订版`. */
export function revisionWord(language: Language, upper = false): string {
  const word = REVISED_WORD[language][0];
  return upper ? word.toUpperCase() : word;
}

function revisionForm(raw: RawTag, language: Language): TagProblem[] {
  const rev = raw.revision;
  if (!rev) return [];
  const problems: TagProblem[] = [];
  const upper = isUpper(rev.text);
  const want = revisionWord(language, upper);
  const accepted =
    rev.text === want ||
    (language === 'ar' && foldName(rev.text) === foldName(want)) ||
    // French capitals may drop the accent: `REV.` in an all-caps number line.
    (language === 'fr' && upper && rev.text === 'REV.');
  if (!accepted)
    problems.push({
      kind: 'revision-word',
      message: `\`${rev.text}\` instead of \`${want}\``,
      fix: [replace(rev, want)],
    });
  // ITU texts often keep `Rev.` and the city together with a no-break space.
  if (raw.revisionGap && !/^[ \u00a0\u202f]$/.test(raw.revisionGap.text))
    problems.push({
      kind: 'separator',
      message:
        raw.revisionGap.length === 0
          ? `no space after \`${rev.text}\``
          : `\`${want}\` is followed by one space`,
      fix: [replace(raw.revisionGap, ' ')],
    });
  return problems;
}

/** A word in capitals: at least two cased letters, none of them lower-case. */
export function isUpper(s: string): boolean {
  const letters = s.replace(NOT_LETTER, '');
  if (letters !== letters.toUpperCase()) return false;
  // At least two letters that have a case (CJK and Arabic letters have none). It runs for every word
  // of every tag: count and stop at two rather than build an array of every letter.
  let cased = 0;
  for (const ch of letters) if (ch.toLowerCase() !== ch.toUpperCase() && ++cased === 2) return true;
  return false;
}

const NOT_LETTER = /[^\p{L}]/gu;

const words = (s: string): string[] => s.split(/[\s-]+/).filter((w) => isUpper(w) || /\p{Ll}/u.test(w));

/**
 * The case rule: a tag is either all capitals (`REV. HAMMAMET, 2016`, by style or typed) or not at all.
 * The revision word sets the case; without one, a city half in capitals is reported but not fixed.
 */
function caseForm(raw: RawTag, language: Language): TagProblem[] {
  const city = raw.city;
  const cityWords = words(city.text);
  const upperWords = cityWords.filter(isUpper).length;
  const rev = raw.revision && /\p{Lu}|\p{Ll}/u.test(raw.revision.text) ? raw.revision : undefined;
  let want: string | undefined;
  let message: string;
  if (rev) {
    const revUpper = isUpper(rev.text);
    if (revUpper && upperWords === cityWords.length) return [];
    if (!revUpper && upperWords === 0) return [];
    want = revUpper ? city.text.toUpperCase() : properCity(city.text, language);
    message = `\`${city.text}\` does not match the case of \`${rev.text}\``;
  } else {
    if (upperWords === 0 || upperWords === cityWords.length) return [];
    message = `\`${city.text}\` mixes capitals and small letters`;
  }
  return [
    {
      kind: 'case',
      message,
      ...(want !== undefined && want !== city.text ? { fix: [replace(city, want)] } : {}),
    },
  ];
}

/** The usual spelling of a city written in capitals, when the registry knows it in this spelling. */
function properCity(written: string, language: Language): string | undefined {
  const canonical = canonicalCity(written);
  if (canonical === undefined) return undefined;
  const fold = foldName(written);
  return [localCity(canonical, language), canonical].find((n) => foldName(n) === fold);
}

const insert = (offset: number, text: string): TagEdit => ({ offset, length: 0, expected: '', text });
const replace = (span: Span, text: string): TagEdit => ({
  offset: span.offset,
  length: span.length,
  expected: span.text,
  text,
});

/** Whether a tag or entry names this conference's venue and year (the body is not part of a tag). */
export const namesConference = (match: TagMatch, conference: Conference): boolean =>
  match.year === conference.year && canonicalCity(match.city) === conference.city;

/**
 * A tag's fix edits as a list an applier can take: sorted, and edits that touch joined into one
 * (inserting `,` right after replacing `HAMMAMET` becomes one replacement by `Hammamet,`), because
 * appliers refuse edits that meet. The edits of one tag never overlap, they only touch.
 */
export function mergeEdits(edits: readonly TagEdit[]): TagEdit[] {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  const out: TagEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.offset === last.offset + last.length)
      out[out.length - 1] = {
        offset: last.offset,
        length: last.length + e.length,
        expected: last.expected + e.expected,
        text: last.text + e.text,
      };
    else out.push(e);
  }
  return out;
}

/** A tag's text with every certain fix applied (the text itself when nothing is fixable). */
export function fixedText(match: TagMatch): string {
  let s = match.text;
  const edits = mergeEdits(match.problems.flatMap((p) => p.fix ?? []));
  for (const e of edits.reverse()) {
    const at = e.offset - match.offset;
    s = s.slice(0, at) + e.text + s.slice(at + e.length);
  }
  return s;
}
