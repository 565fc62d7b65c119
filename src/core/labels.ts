/**
 * Clause label sequences: lettered (`a)` … `z)`, then `aa)`, `bb)` …; Russian texts letter with the
 * Cyrillic alphabet `а)`, `б)`, `в)`, Arabic ones in abjad order `أ)`, `ب)`, `ج)`), roman sub-items
 * (`i)`, `ii)` …), numbered operative clauses (`1`, `2` …) and decimal paragraph numbers (`1.1`, `1.2`,
 * `2.1`). A label may carry `bis`, `ter` or `quater`, which sits after its base and before the next one
 * (`b)`, `bbis)`, `bter)`, `c)`), the way inserted clauses are labelled without renumbering.
 */

/** The kinds of labels that form a sequence. */
export type LabelKind = 'letter' | 'number' | 'roman';

/** The alphabets letters are labelled with. */
export type Script = 'latin' | 'cyrillic' | 'arabic';

/** A label's place: `index` counts from 0 for letters and from 1 for numbers and romans. */
export interface LabelValue {
  readonly index: number;
  /** 0 plain, 1 bis, 2 ter, 3 quater. */
  readonly suffix: number;
  /** A letter's alphabet, when not Latin. */
  readonly script?: Script;
  /** A decimal paragraph number's parts: `2.1` → [2, 1] (`index` is the last part). */
  readonly path?: readonly number[];
}

/** Russian lists skip ё, й, ъ, ы, ь. */
const CYRILLIC = 'абвгдежзиклмнопрстуфхцчшщэюя';
/** The abjad order Arabic lists follow (hāʾ is written with a tatweel: `هـ`). */
const ARABIC = [
  'أ',
  'ب',
  'ج',
  'د',
  'هـ',
  'و',
  'ز',
  'ح',
  'ط',
  'ي',
  'ك',
  'ل',
  'م',
  'ن',
  'س',
  'ع',
  'ف',
  'ص',
  'ق',
  'ر',
  'ش',
  'ت',
  'ث',
  'خ',
  'ذ',
  'ض',
  'ظ',
  'غ',
];
/** Arabic letters as typed without their hamza or tatweel. */
const ARABIC_VARIANTS: Record<string, string> = { ا: 'أ', إ: 'أ', آ: 'أ', ه: 'هـ', ى: 'ي' };

const SUFFIXES = ['', 'bis', 'ter', 'quater'] as const;
const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;

function splitSuffix(token: string): [string, number] {
  for (let s = SUFFIXES.length - 1; s > 0; s--) {
    const suffix = SUFFIXES[s];
    if (token.length > suffix.length && token.endsWith(suffix)) return [token.slice(0, -suffix.length), s];
  }
  return [token, 0];
}

function letterBase(base: string): number | null {
  const cyrillic = CYRILLIC.indexOf(base);
  if (base.length === 1 && cyrillic >= 0) return cyrillic;
  if (!/^[a-z]{1,2}$/.test(base)) return null;
  if (base.length === 2 && base[0] !== base[1]) return null;
  return (base.length - 1) * 26 + (base.charCodeAt(0) - 97);
}

function romanBase(base: string): number | null {
  const m = ROMAN.exec(base);
  if (!m || base === '') return null;
  const ones: Record<string, number> = {
    '': 0,
    i: 1,
    ii: 2,
    iii: 3,
    iv: 4,
    v: 5,
    vi: 6,
    vii: 7,
    viii: 8,
    ix: 9,
  };
  return m[1].length * 10 + ones[m[2]];
}

/**
 * The value of a label token (the label without its `)`: `h`, `bbis`, `iv`, `12`), or null when the token
 * is not a label of that kind. Letters are read lower-case. Values are shared: a document has few
 * distinct tokens, read several times each, so they are computed once.
 */
export function labelValue(kind: LabelKind, token: string): LabelValue | null {
  const cache = VALUES[kind];
  let value = cache.get(token);
  if (value === undefined) {
    value = computeValue(kind, token);
    if (cache.size < MAX_CACHED) cache.set(token, value);
  }
  return value;
}

const VALUES: Record<LabelKind, Map<string, LabelValue | null>> = {
  letter: new Map(),
  number: new Map(),
  roman: new Map(),
};
/** Tokens are short (a label is at most eight letters or four digits), so this bounds the memory. */
const MAX_CACHED = 4096;

function computeValue(kind: LabelKind, token: string): LabelValue | null {
  const [base, suffix] = splitSuffix(token.toLowerCase());
  let index: number | null = null;
  if (kind === 'letter') {
    const arabic = ARABIC.indexOf(ARABIC_VARIANTS[base] ?? base);
    if (arabic >= 0) return Object.freeze({ index: arabic, suffix, script: 'arabic' as const });
    index = letterBase(base);
    if (index !== null && /^[а-я]/.test(base))
      return Object.freeze({ index, suffix, script: 'cyrillic' as const });
  } else if (kind === 'number' && /^\d{1,3}(?:\.\d{1,3}){1,3}$/.test(base)) {
    const path = base.split('.').map(Number);
    if (path.includes(0)) return null;
    return Object.freeze({ index: path[path.length - 1], suffix, path: Object.freeze(path) });
  }
  if (kind === 'roman') index = romanBase(base);
  else if (kind === 'number') index = /^\d{1,4}$/.test(base) ? Number(base) : null;
  if (index === null || (kind === 'number' && index === 0)) return null;
  return Object.freeze({ index, suffix });
}

/** The token of a label value: `(letter, 7)` → `h`, `(letter, 27)` → `bb`, `(roman, 4)` → `iv`. */
export function labelToken(kind: LabelKind, value: LabelValue): string {
  let base: string;
  if (value.path) base = [...value.path.slice(0, -1), value.index].join('.');
  else if (kind === 'letter' && value.script === 'cyrillic') base = CYRILLIC[value.index] ?? '?';
  else if (kind === 'letter' && value.script === 'arabic') base = ARABIC[value.index] ?? '?';
  else if (kind === 'letter') {
    const letter = String.fromCharCode(97 + (value.index % 26));
    base = letter.repeat(Math.floor(value.index / 26) + 1);
  } else if (kind === 'roman') {
    const n = value.index;
    base =
      'x'.repeat(Math.floor(n / 10)) + ['', 'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix'][n % 10];
  } else base = String(value.index);
  return base + (SUFFIXES[value.suffix] ?? '');
}

/**
 * The first value of a sequence: `a`, `i`, `1`; `like` gives the script of its letters (`а`, `أ`) and
 * the parts of its decimal numbers (`2.3` opens as `2.1`).
 */
export function firstValue(kind: LabelKind, like?: LabelValue | null): LabelValue {
  const index = kind === 'letter' ? 0 : 1;
  if (like?.path) return { index: 1, suffix: 0, path: [...like.path.slice(0, -1), 1] };
  if (like?.script) return { index, suffix: 0, script: like.script };
  return { index, suffix: 0 };
}

/** The plain label that comes after a value: after `h` (or `hbis`) comes `i`, after `2.1` comes `2.2`. */
export function nextValue(value: LabelValue): LabelValue {
  const index = value.index + 1;
  if (value.path) return { index, suffix: 0, path: [...value.path.slice(0, -1), index] };
  if (value.script) return { index, suffix: 0, script: value.script };
  return { index, suffix: 0 };
}

/**
 * Whether `value` may follow `previous` without gap or disorder: the next base, or the next suffix of the
 * same base. A decimal number goes on to the next at its depth (`1.1` → `1.2`), a new part below
 * (`1.2` → `1.2.1`) or the next above, starting again at 1 (`1.2` → `2.1`).
 */
export function follows(previous: LabelValue, value: LabelValue): boolean {
  if (previous.path || value.path) return followsPath(previous.path ?? [previous.index], value);
  if (value.index === previous.index + 1) return value.suffix === 0;
  return value.index === previous.index && value.suffix === previous.suffix + 1;
}

function followsPath(previous: readonly number[], value: LabelValue): boolean {
  const path = value.path ?? [value.index];
  if (value.suffix !== 0) return false;
  const ones = (from: number) => path.slice(from).every((n) => n === 1);
  if (path.length > previous.length) return previous.every((n, k) => path[k] === n) && ones(previous.length);
  for (let k = 0; k < path.length; k++) {
    if (path[k] === previous[k]) continue;
    return path[k] === previous[k] + 1 && ones(k + 1);
  }
  return false;
}

/** Whether a value may open a sequence (`a`, `а`, `أ`, `i`, `1`; a decimal number ending in `.1`). */
export const opens = (kind: LabelKind, value: LabelValue): boolean =>
  value.path
    ? value.path.slice(1).every((n) => n === 1)
    : value.index === firstValue(kind).index && value.suffix === 0;

/** The script a letter label is written in. */
export const scriptOf = (value: LabelValue | null): Script => value?.script ?? 'latin';

/** The 0-based position of a plain label in its sequence: `a` → 0, `iii` → 2, `3` → 2. */
export function labelIndex(kind: LabelKind, token: string): number | null {
  const v = labelValue(kind, token);
  return v === null ? null : v.index - firstValue(kind).index;
}

/** The plain token at a 0-based position: `(letter, 8)` → `i`. */
export const labelAt = (kind: LabelKind, position: number): string =>
  labelToken(kind, { index: position + firstValue(kind).index, suffix: 0 });
