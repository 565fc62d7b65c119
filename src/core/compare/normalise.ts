/**
 * What a comparison with the in-force text ignores. Only differences that change what the text says
 * count; these do not, so each is folded away before paragraphs and tokens are compared:
 *
 * 1. **Whitespace runs**: spaces, tabs, line breaks, no-break and narrow no-break spaces (any Unicode
 *    space) in a row read as one space; leading and trailing whitespace is dropped.
 * 2. **Tab or space after a label**: `a)<TAB>text` and `a) text` are the same clause (a consequence of 1,
 *    kept as a rule of its own because it is the most common difference between Word copies).
 * 3. **Straight and typographic quotes**: `‘ ’ ‚ ‛` read as `'`, `“ ” „ ‟` as `"`.
 * 4. **Soft hyphens and invisible characters**: the soft hyphen (U+00AD), zero-width space, joiners,
 *    word joiner and byte-order mark are dropped; a non-breaking hyphen (`ITU‑T`, Word's
 *    `w:noBreakHyphen`) reads as a hyphen.
 * 5. **Field codes**: a field (a cross-reference, a sequence number) reads as the result Word shows; its
 *    instruction is never part of a paragraph's text (the .docx reader leaves it out), so a typed `c)` and
 *    a `REF` field showing `c)` are the same.
 * 6. **Automatic and typed numbering**: a label Word's numbering produces (`a)` from `w:numPr`) reads as
 *    if it were typed before the text, followed by one space, so an automatic and a typed `a)` agree.
 */

/** A paragraph's text as compared, and where each of its characters came from. */
export interface Normalised {
  readonly text: string;
  /**
   * `map[i]`: the offset in the raw text of normalised character `i`; `map[text.length]` is the raw
   * offset just after the last character kept. Characters of an automatic label map to -1.
   */
  readonly map: readonly number[];
  /** How many leading normalised characters are an automatic label and its space (not in the raw text). */
  readonly labelLength: number;
}

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b]/;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f]/;
const INVISIBLE = new Set(['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);
const SPACE = /\s/u;

/** One character as compared: '' when it is dropped. */
function fold(ch: string): string {
  if (SPACE.test(ch)) return ' ';
  if (INVISIBLE.has(ch)) return '';
  if (SINGLE_QUOTES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  if (ch === '\u2011') return '-';
  return ch;
}

/**
 * A paragraph's text as compared (see the module's list), with the automatic label (`a)`) the
 * paragraph's numbering shows, if any, read as typed in front of it.
 */
export function normalise(raw: string, automaticLabel = ''): Normalised {
  let text = '';
  const map: number[] = [];
  let labelLength = 0;
  if (automaticLabel.trim() !== '') {
    text = `${automaticLabel.trim()} `;
    labelLength = text.length;
    for (let k = 0; k < labelLength; k++) map.push(-1);
  }
  for (let k = 0; k < raw.length; k++) {
    const ch = fold(raw[k]);
    if (ch === '') continue;
    // A run of blanks is one space, and none at the start.
    if (ch === ' ' && (text.length === labelLength || text[text.length - 1] === ' ')) continue;
    text += ch;
    map.push(k);
  }
  if (text.length > labelLength && text.endsWith(' ')) {
    text = text.slice(0, -1);
    map.pop();
  }
  const last = map.length > labelLength ? map[map.length - 1] : -1;
  map.push(last >= 0 ? last + 1 : raw.length);
  return { text, map, labelLength };
}

/** Words (letters, digits, marks), single blanks and single punctuation marks: what a redline replaces. */
const TOKEN = /[\p{L}\p{N}\p{M}]+|./gsu;

/** A normalised text's tokens with their offsets in it. */
export function tokens(text: string): { readonly text: string; readonly offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) out.push({ text: m[0], offset: m.index });
  return out;
}
