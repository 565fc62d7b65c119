import {
  canonicalCity,
  conferencesAt,
  foldName,
  localCity,
  unknownVenueHint,
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

export type TagProblemKind =
  'separator' | 'revision-word' | 'case' | 'year-suffix' | 'venue' | 'form' | 'glued';

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

/**
 * Every Latin-order entry of a text, for history lines and for tags alike: its Unicode letter classes
 * take milliseconds to compile, so one pattern serves both. Callers set lastIndex before each search.
 */
export const LATIN_ENTRIES = new RegExp(LATIN_ENTRY, 'giu');
const CHINESE_TAG = new RegExp(String.raw`^\s*${CHINESE_ENTRY}\s*$`, 'u');
const PAREN = /[(（]([^()（）]*)[)）]/gu;

/** Short names that open WRC/RA tags (`WRC-15`): never a city. */
const NOT_CITIES = /^(?:wrc|rrc|ra|wtsa|wtsc|pp|wtdc|cmr|amnt|cmdt|ame|amr)$/i;

/** A resolution or recommendation cited just before the parenthesis: its tag may name an unknown venue. */
const CITATION_BEFORE =
  /(?:r[ée]solution|resoluci[óo]n|резолюци[яиюей]|recommendation|recommandation|recomendaci[óo]n|القرار|决议)\s*(?:ITU-[RTD]|UIT-[RTD])?\s*[\w.-]*\s*$/iu;

/** The year's digits as a number; Arabic-Indic digits (`٢٠١٦`) read as their values. */
function toYear(digits: string): number {
  let year = 0;
  for (let k = 0; k < digits.length; k++) {
    const code = digits.charCodeAt(k);
    year = year * 10 + (code >= 0x0660 ? code - 0x0660 : code - 0x30);
  }
  return year;
}

/** A group's match, before it is judged: its parts, and which order it is written in. */
export interface RawTag {
  readonly chinese: boolean;
  readonly parts: TagParts;
}

/** Where a match's first group starts in the paragraph, given the offset of the match's input. */
const groupStart = (m: RegExpExecArray, base: number): number =>
  base + m.index + (m[0].length - m[0].trimStart().length);

const span = (text: string | undefined, offset: number): Span | undefined =>
  text === undefined ? undefined : { offset, length: text.length, text };

/** A tag's parts, with no key for a part it lacks. */
function tagParts(
  revision: Span | undefined,
  revisionGap: Span | undefined,
  city: Span,
  separator: Span,
  year: Span,
  yearSuffix: Span | undefined,
): TagParts {
  const parts: { -readonly [K in keyof TagParts]: TagParts[K] } = {} as TagParts;
  if (revision) parts.revision = revision;
  if (revisionGap) parts.revisionGap = revisionGap;
  parts.city = city;
  parts.separator = separator;
  parts.year = year;
  if (yearSuffix) parts.yearSuffix = yearSuffix;
  return parts;
}

// Groups are contiguous pieces: each starts where the previous present one ended.

/** Read a Latin-order entry from a match of LATIN_ENTRY (groups 1–6). */
export function rawLatin(m: RegExpExecArray, base: number): RawTag {
  let at = groupStart(m, base);
  const revision = span(m[1], at);
  at += m[1]?.length ?? 0;
  const revisionGap = span(m[2], at);
  at += m[2]?.length ?? 0;
  const city = span(m[3], at)!;
  at += city.length;
  const separator = span(m[4], at)!;
  at += separator.length;
  const year = span(m[5], at)!;
  at += year.length;
  const yearSuffix = span(m[6], at);
  return { chinese: false, parts: tagParts(revision, revisionGap, city, separator, year, yearSuffix) };
}

/** Read a Chinese-order entry from a match of CHINESE_ENTRY (groups 1–6). */
export function rawChinese(m: RegExpExecArray, base: number): RawTag {
  let at = groupStart(m, base);
  const year = span(m[1], at)!;
  at += year.length;
  const yearSuffix = span(m[2], at);
  at += m[2]?.length ?? 0;
  const separator = span(m[3], at)!;
  at += separator.length;
  const city = span(m[4], at)!;
  at += city.length;
  const revisionGap = span(m[5], at);
  at += m[5]?.length ?? 0;
  const revision = span(m[6], at);
  return { chinese: true, parts: tagParts(revision, revisionGap, city, separator, year, yearSuffix) };
}

/**
 * Every revision tag in a paragraph's current text, malformed ones included (missing comma, a revision
 * word of another language, mixed case, a city/year where no ITU conference met). WRC/RA forms
 * (`(Rev.WRC-15)`, RA year histories) and parentheses that name no venue (`(IETF)`) are not tags.
 * Two city/year pairs run together in one parenthesis (`(Rev. Guadalajara, 2010Busan, 2014)`, left by
 * an edit made with tracking off where a tracked replacement was meant) are read as one tag whose newer
 * pair stands and whose other pair is a `glued` problem, fixed by deleting it.
 */
export function findTags(
  text: string,
  language: Language,
  options: {
    /** The paragraph's parenthesis names a venue by its position (a preamble): any city is read as one. */
    readonly venue?: boolean;
  } = {},
): TagMatch[] {
  const out: TagMatch[] = [];
  if (!mayHoldTag(text)) return out;
  PAREN.lastIndex = 0;
  for (let p = PAREN.exec(text); p !== null; p = PAREN.exec(text)) {
    const content = p[1];
    if (!FOUR_DIGITS.test(content)) continue;
    const base = p.index + 1;
    let raw: RawTag | undefined;
    const zh = CHINESE_TAG.exec(content);
    if (zh) raw = rawChinese(zh, base);
    else {
      const la = latinTag(content);
      if (la) raw = rawLatin(la, base);
      else {
        const glued = gluedTag(text, p, language);
        if (glued) out.push(glued);
        continue;
      }
    }
    if (!raw) continue;
    const { city, revision } = raw.parts;
    if (NOT_CITIES.test(city.text)) continue;
    // A bare parenthesis is a tag when it names a venue or follows a citation, or where a venue stands
    // by position (a preamble's, even misspelt: `New Dehli, 2024`); `(Rice, 2019)` in a clause is not.
    const known = options.venue || canonicalCity(city.text) !== undefined;
    if (!revision && !known && !CITATION_BEFORE.test(text.slice(Math.max(0, p.index - 60), p.index)))
      continue;
    out.push(judge(raw, language, p.index, p[0], 'tag'));
  }
  return out;
}

const FOUR_DIGITS = /[0-9٠-٩]{4}/;
const LIST_SEPARATOR = /[;；؛]/;

/**
 * A parenthesis holding two city/year pairs with nothing but blanks between them and around them: the
 * newer pair (the later one on a tie) is the tag, the other one a problem whose fix deletes it.
 */
function gluedTag(text: string, paren: RegExpExecArray, language: Language): TagMatch | null {
  const content = paren[1];
  const base = paren.index + 1;
  const found: RegExpExecArray[] = [];
  LATIN_ENTRIES.lastIndex = 0;
  for (let m = LATIN_ENTRIES.exec(content); m !== null && found.length < 3; m = LATIN_ENTRIES.exec(content))
    found.push(m);
  if (found.length !== 2) return null;
  const [a, b] = found;
  const between = content.slice(a.index + a[0].length, b.index);
  if (between.trim() !== '' || LIST_SEPARATOR.test(between)) return null;
  if (content.slice(0, a.index).trim() !== '' || content.slice(b.index + b[0].length).trim() !== '')
    return null;
  const [first, second] = [rawLatin(a, base), rawLatin(b, base)];
  // Both must be venues: `(Geneva, 2003 and Tunis, 2005)` is a phrase, not two tags run together.
  if (
    canonicalCity(first.parts.city.text) === undefined ||
    canonicalCity(second.parts.city.text) === undefined
  )
    return null;
  const firstYear = toYear(first.parts.year.text);
  const secondYear = toYear(second.parts.year.text);
  const standing = secondYear >= firstYear ? second : first;
  // The dropped pair goes with the blanks after it (before it, for the second), its revision word with
  // it unless the standing pair has none: `(Guadalajara, 2010Rev. Busan, 2014)` keeps `Rev.`.
  const dropFrom = standing === second ? base + a.index : base + a.index + a[0].length;
  const dropTo = standing === second ? base + b.index : base + b.index + b[0].length;
  let from = dropFrom;
  let judged = standing;
  if (standing === second && first.parts.revision && !second.parts.revision) {
    from = first.parts.city.offset;
    // The tag that stands is the first pair's revision word with the second pair.
    const { revision, revisionGap } = first.parts;
    const { city, separator, year, yearSuffix } = second.parts;
    judged = {
      chinese: false,
      parts: tagParts(revision, revisionGap, city, separator, year, yearSuffix),
    };
  }
  const dropped = text.slice(from, dropTo);
  const m = judge(judged, language, paren.index, paren[0], 'tag');
  const pair = (r: RawTag) =>
    text.slice(
      r.parts.city.offset,
      (r.parts.yearSuffix ?? r.parts.year).offset + (r.parts.yearSuffix ?? r.parts.year).length,
    );
  const glued: TagProblem = {
    kind: 'glued',
    message: `two city/year pairs run together, \`${pair(first)}\` and \`${pair(second)}\`: only \`${pair(standing)}\` should stand (a replacement is a tracked deletion and insertion)`,
    fix: [{ offset: from, length: dropped.length, expected: dropped, text: '' }],
  };
  return { ...m, problems: [glued, ...m.problems] };
}

/**
 * Whether a text may hold a tag: every tag is in parentheses, and most paragraphs hold none. Two plain
 * searches instead of a Unicode regex scan; a reader of every paragraph can skip the others outright.
 */
export const mayHoldTag = (text: string): boolean => text.includes('(') || text.includes('（');

/**
 * The entry a parenthesis holds when it holds nothing else but blanks: what `^\s*ENTRY\s*$` matches.
 * An entry cannot start with a blank, and every way of matching one at a place ends at or before the
 * first way tried, with an `г` or `.` in between; so the first entry found must start after the
 * leading blanks and leave only blanks after it.
 */
function latinTag(content: string): RegExpExecArray | null {
  LATIN_ENTRIES.lastIndex = 0;
  const m = LATIN_ENTRIES.exec(content);
  if (m === null) return null;
  const end = m.index + m[0].length;
  return m.index === content.length - content.trimStart().length && content.trimEnd().length === end
    ? m
    : null;
}

/**
 * Build the match for a raw entry written at `offset` as `text`, and find its problems. In a history
 * line the revision word is the history rule's business.
 */
export function judge(
  raw: RawTag,
  language: Language,
  offset: number,
  text: string,
  mode: 'tag' | 'history',
): TagMatch {
  const parts = raw.parts;
  const city = parts.city.text;
  const year = toYear(parts.year.text);
  const conferences = conferencesAt(city, year);
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
    chineseForm(parts, problems);
  } else {
    separatorForm(parts, language, problems);
    suffixForm(parts, language, problems);
    if (mode === 'tag') revisionForm(parts, language, problems);
    caseForm(parts, language, problems);
  }
  if (conferences.length === 0) {
    const known = canonicalCity(city) !== undefined;
    const hint = known ? '' : unknownVenueHint(city, year);
    problems.push({
      kind: 'venue',
      message: known
        ? `no ITU conference met in ${city} in ${year}`
        : `no ITU conference met in ${city}${hint ? `; ${hint}` : ''}`,
    });
  }
  return {
    offset,
    length: text.length,
    text,
    parts,
    city,
    year,
    revised: parts.revision !== undefined,
    conference: conferences[0] ?? null,
    conferences,
    problems,
  };
}

// Each check below adds what it finds to `problems`: most tags are well formed, and a judgement that
// builds nothing for them runs for every tag and history entry of a document.

const COMMA: Record<Language, string> = { en: ',', fr: ',', es: ',', ru: ',', ar: '،', zh: '，' };
const ANY_COMMA = /[,،，]/;

function separatorForm(parts: TagParts, language: Language, problems: TagProblem[]): void {
  const sep = parts.separator;
  const comma = COMMA[language];
  const at = sep.text.search(ANY_COMMA);
  if (at < 0) {
    problems.push({
      kind: 'separator',
      message: 'no comma between city and year',
      fix: [insert(sep.offset, comma)],
    });
    return;
  }
  // The usual `, `: the language's comma first, blanks after it.
  if (at === 0 && sep.text[0] === comma && sep.text.length > 1) return;
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
  problems.push({ kind: 'separator', message: found.join(', '), fix: edits });
}

const BLANK_FIRST = /^\s/;

function suffixForm(parts: TagParts, language: Language, problems: TagProblem[]): void {
  const suffix = parts.yearSuffix;
  if (language !== 'ru') {
    if (suffix)
      problems.push({
        kind: 'year-suffix',
        message: '`г.` follows the year only in Russian',
        fix: [replace(suffix, '')],
      });
    return;
  }
  if (!suffix) {
    const end = parts.year.offset + parts.year.length;
    problems.push({
      kind: 'year-suffix',
      message: 'no `г.` after the year',
      fix: [insert(end, isUpper(parts.city.text) ? ' Г.' : ' г.')],
    });
    return;
  }
  const edits: TagEdit[] = [];
  if (!BLANK_FIRST.test(suffix.text)) edits.push(insert(suffix.offset, ' '));
  if (!suffix.text.endsWith('.')) edits.push(insert(suffix.offset + suffix.length, '.'));
  if (edits.length)
    problems.push({ kind: 'year-suffix', message: 'the year is followed by ` г.`', fix: edits });
}

function chineseForm(parts: TagParts, problems: TagProblem[]): void {
  if (!parts.yearSuffix)
    problems.push({
      kind: 'year-suffix',
      message: 'no `年` after the year',
      fix: [insert(parts.year.offset + parts.year.length, '年')],
    });
  chineseSeparator(parts.separator, problems);
  chineseSeparator(parts.revisionGap, problems);
}

function chineseSeparator(sep: Span | undefined, problems: TagProblem[]): void {
  if (sep && sep.text !== '，')
    problems.push({
      kind: 'separator',
      message: `\`${sep.text}\` instead of \`，\``,
      fix: [replace(sep, '，')],
    });
}

/** The revision word a language writes: `Rev.`, `Rév.`, `Пересм.`, `المراجَع في`, `修订版`. */
export function revisionWord(language: Language, upper = false): string {
  const word = REVISED_WORD[language][0];
  return upper ? word.toUpperCase() : word;
}

const ONE_SPACE = /^[ \u00a0\u202f]$/;

function revisionForm(parts: TagParts, language: Language, problems: TagProblem[]): void {
  const rev = parts.revision;
  if (!rev) return;
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
  const gap = parts.revisionGap;
  if (gap && !ONE_SPACE.test(gap.text))
    problems.push({
      kind: 'separator',
      message: gap.length === 0 ? `no space after \`${rev.text}\`` : `\`${want}\` is followed by one space`,
      fix: [replace(gap, ' ')],
    });
}

/**
 * A pure function of a string, remembered: every tag of a document asks about the same few cities
 * and revision words. The bound keeps a long-lived process from keeping every string it was asked.
 */
function remembered<T>(compute: (s: string) => T): (s: string) => T {
  const known = new Map<string, T>();
  return (s) => {
    let value = known.get(s);
    if (value === undefined) {
      value = compute(s);
      if (known.size >= 512) known.clear();
      known.set(s, value);
    }
    return value;
  };
}

/** A word in capitals: at least two cased letters, none of them lower-case. */
export const isUpper = remembered((s: string): boolean => {
  const letters = s.replace(NOT_LETTER, '');
  if (letters !== letters.toUpperCase()) return false;
  // At least two letters that have a case (CJK and Arabic letters have none): count and stop at two
  // rather than build an array of every letter.
  let cased = 0;
  for (const ch of letters) if (ch.toLowerCase() !== ch.toUpperCase() && ++cased === 2) return true;
  return false;
});

const NOT_LETTER = /[^\p{L}]/gu;
const WORD_BREAK = /[\s-]+/;
const SMALL_LETTER = /\p{Ll}/u;
const CASED_LETTER = /\p{Lu}|\p{Ll}/u;

/** How many words of a city have letters with a case, and how many of those are in capitals. */
interface CityCase {
  readonly words: number;
  readonly upper: number;
}

const cityCase = remembered((city: string): CityCase => {
  let words = 0;
  let upper = 0;
  for (const w of city.split(WORD_BREAK)) {
    if (isUpper(w)) {
      words++;
      upper++;
    } else if (SMALL_LETTER.test(w)) words++;
  }
  return { words, upper };
});

/** The revision word when it has letters with a case (Arabic and Chinese words have none). */
const casedRevision = (parts: TagParts): Span | undefined =>
  parts.revision && CASED_LETTER.test(parts.revision.text) ? parts.revision : undefined;

/**
 * Whether a tag is written in capitals, as the case rule reads it: its revision word sets the case
 * (`Rév. HAMMAMET 2016` is not in capitals: its city is wrong), the city when it has none. Whatever
 * rewrites a tag writes in this case, so that check agrees with what was written.
 */
export function tagIsUpper(parts: TagParts): boolean {
  const rev = casedRevision(parts);
  return rev ? isUpper(rev.text) : isUpper(parts.city.text);
}

/**
 * The case rule: a tag is either all capitals (`REV. HAMMAMET, 2016`, by style or typed) or not at all.
 * The revision word sets the case; without one, a city half in capitals is reported but not fixed.
 */
function caseForm(parts: TagParts, language: Language, problems: TagProblem[]): void {
  const city = parts.city;
  const { words, upper } = cityCase(city.text);
  const rev = casedRevision(parts);
  let want: string | undefined;
  let message: string;
  if (rev) {
    const revUpper = isUpper(rev.text);
    if (revUpper && upper === words) return;
    if (!revUpper && upper === 0) return;
    want = revUpper ? city.text.toUpperCase() : properCity(city.text, language);
    message = `\`${city.text}\` does not match the case of \`${rev.text}\``;
  } else {
    if (upper === 0 || upper === words) return;
    message = `\`${city.text}\` mixes capitals and small letters`;
  }
  problems.push({
    kind: 'case',
    message,
    ...(want !== undefined && want !== city.text ? { fix: [replace(city, want)] } : {}),
  });
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
export function fixedText(match: Pick<TagMatch, 'text' | 'offset' | 'problems'>): string {
  let s = match.text;
  const edits = mergeEdits(match.problems.flatMap((p) => p.fix ?? []));
  for (const e of edits.reverse()) {
    const at = e.offset - match.offset;
    s = s.slice(0, at) + e.text + s.slice(at + e.length);
  }
  return s;
}
