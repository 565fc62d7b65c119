/**
 * Clause label sequences: lettered (`a)` … `z)`, then `aa)`, `bb)` …), roman sub-items (`i)`, `ii)` …)
 * and numbered operative clauses (`1`, `2` …). A label may carry `bis`, `ter` or `quater`, which sits
 * after its base and before the next one (`b)`, `bbis)`, `bter)`, `c)`), the way inserted clauses are
 * labelled without renumbering.
 */

/** The kinds of labels that form a sequence. */
export type LabelKind = 'letter' | 'number' | 'roman';

/** A label's place: `index` counts from 0 for letters and from 1 for numbers and romans. */
export interface LabelValue {
  readonly index: number;
  /** 0 plain, 1 bis, 2 ter, 3 quater. */
  readonly suffix: number;
}

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
  let index: number | null;
  if (kind === 'letter') index = letterBase(base);
  else if (kind === 'roman') index = romanBase(base);
  else index = /^\d{1,4}$/.test(base) ? Number(base) : null;
  if (index === null || (kind === 'number' && index === 0)) return null;
  return Object.freeze({ index, suffix });
}

/** The token of a label value: `(letter, 7)` → `h`, `(letter, 27)` → `bb`, `(roman, 4)` → `iv`. */
export function labelToken(kind: LabelKind, value: LabelValue): string {
  let base: string;
  if (kind === 'letter') {
    const letter = String.fromCharCode(97 + (value.index % 26));
    base = letter.repeat(Math.floor(value.index / 26) + 1);
  } else if (kind === 'roman') {
    const n = value.index;
    base =
      'x'.repeat(Math.floor(n / 10)) + ['', 'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix'][n % 10];
  } else base = String(value.index);
  return base + (SUFFIXES[value.suffix] ?? '');
}

/** The first value of a sequence: `a`, `i`, `1`. */
export const firstValue = (kind: LabelKind): LabelValue => ({ index: kind === 'letter' ? 0 : 1, suffix: 0 });

/** The plain label that comes after a value: after `h` (or `hbis`) comes `i`. */
export const nextValue = (value: LabelValue): LabelValue => ({ index: value.index + 1, suffix: 0 });

/** Whether `value` may follow `previous` without gap or disorder: the next base, or the next suffix of the same base. */
export function follows(previous: LabelValue, value: LabelValue): boolean {
  if (value.index === previous.index + 1) return value.suffix === 0;
  return value.index === previous.index && value.suffix === previous.suffix + 1;
}

/** Whether a value may open a sequence (`a`, `i`, `1`). */
export const opens = (kind: LabelKind, value: LabelValue): boolean =>
  value.index === firstValue(kind).index && value.suffix === 0;

/** The 0-based position of a plain label in its sequence: `a` → 0, `iii` → 2, `3` → 2. */
export function labelIndex(kind: LabelKind, token: string): number | null {
  const v = labelValue(kind, token);
  return v === null ? null : v.index - firstValue(kind).index;
}

/** The plain token at a 0-based position: `(letter, 8)` → `i`. */
export const labelAt = (kind: LabelKind, position: number): string =>
  labelToken(kind, { index: position + firstValue(kind).index, suffix: 0 });
