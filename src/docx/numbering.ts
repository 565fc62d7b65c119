import type { AbstractNumDef, LevelDef, NumberingReader, StyleDef } from './parts';
import { labelToken } from '../core/labels';

/**
 * Word's automatic numbering, rendered as Word shows it. Counters belong to the abstract list, so two
 * list instances (w:num) of one definition continue each other unless an instance overrides its start;
 * using a level restarts the deeper levels (subject to w:lvlRestart).
 */
export class ListCounter {
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();

  constructor(
    private readonly numbering: NumberingReader,
    private readonly styles: ReadonlyMap<string, StyleDef>,
  ) {}

  /**
   * The label of a paragraph on list `numId`, level `ilvl`, or undefined when the list is unknown.
   * With `advance` false (a paragraph deleted in the current view) the label is the one the paragraph
   * would get, and the counters do not move: the next item takes that number.
   */
  label(numId: string, ilvl: number, advance: boolean): string | undefined {
    const num = this.numbering.nums.get(numId);
    if (!num || num.abstractId === undefined) return undefined;
    const abstractId = this.resolveAbstract(num.abstractId);
    const abstract = this.numbering.abstracts.get(abstractId);
    if (!abstract) return undefined;
    const level = (i: number): LevelDef => num.overrides.get(i)?.level ?? abstract.levels.get(i) ?? {};
    const startOf = (i: number) => num.overrides.get(i)?.start ?? level(i).start ?? 1;

    let counts = this.counters.get(abstractId);
    if (!counts) {
      counts = new Array<number>(9).fill(NaN);
      this.counters.set(abstractId, counts);
    }
    if (!this.started.has(numId)) {
      // A list instance's start overrides take effect where the instance is first used.
      this.started.add(numId);
      for (const [i, o] of num.overrides)
        if (o.start !== undefined || o.level?.start !== undefined) counts[i] = NaN;
    }
    // A deleted paragraph only peeks at the number it would take.
    const next = advance ? counts : counts.slice();
    next[ilvl] = Number.isNaN(next[ilvl]) ? startOf(ilvl) : next[ilvl] + 1;
    for (let j = ilvl + 1; j < 9; j++) {
      const restart = level(j).restart;
      if (restart === undefined ? true : restart !== 0 && ilvl < restart) next[j] = NaN;
    }

    const def = level(ilvl);
    if (def.numFmt === 'bullet' || def.numFmt === 'none') return '';
    let label = '';
    for (const part of template(def, ilvl)) {
      if (typeof part === 'string') {
        label += part;
        continue;
      }
      const value = Number.isNaN(next[part]) ? startOf(part) : next[part];
      label += formatNumber(value, def.isLgl && part < ilvl ? 'decimal' : (level(part).numFmt ?? 'decimal'));
    }
    return label;
  }

  /** Follows w:numStyleLink to the definition the linked style's list uses. */
  private resolveAbstract(abstractId: string): string {
    let id = abstractId;
    for (let hops = 0; hops < 4; hops++) {
      const a: AbstractNumDef | undefined = this.numbering.abstracts.get(id);
      const link = a?.numStyleLink;
      if (!link || a.levels.size > 0) return id;
      const numId = this.styles.get(link)?.numId;
      const target = numId !== undefined ? this.numbering.nums.get(numId)?.abstractId : undefined;
      if (target === undefined) return id;
      id = target;
    }
    return id;
  }
}

const TEMPLATES = new WeakMap<LevelDef, (string | number)[]>();

/** A level's w:lvlText split once into literal text and level indexes (`%1` → 0). */
function template(def: LevelDef, ilvl: number): (string | number)[] {
  let parts = TEMPLATES.get(def);
  if (!parts) {
    parts = [];
    for (const piece of (def.lvlText ?? `%${ilvl + 1}.`).split(/(%[1-9])/)) {
      if (/^%[1-9]$/.test(piece)) parts.push(Number(piece[1]) - 1);
      else if (piece !== '') parts.push(piece);
    }
    TEMPLATES.set(def, parts);
  }
  return parts;
}

const ROMAN: readonly [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

/** Roman numerals as Word writes them (lower case). */
export function toRoman(n: number): string {
  let s = '';
  for (const [v, r] of ROMAN)
    while (n >= v) {
      s += r;
      n -= v;
    }
  return s;
}

/** Word's letters: a…z, then aa…zz, aaa… (the letter repeats). */
export function toLetters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter value in a `w:numFmt`; formats the engine never needs fall back to decimal. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'lowerLetter':
      return toLetters(n);
    case 'upperLetter':
      return toLetters(n).toUpperCase();
    case 'lowerRoman':
      return n > 0 ? toRoman(n) : String(n);
    case 'upperRoman':
      return n > 0 ? toRoman(n).toUpperCase() : String(n);
    // Russian and Arabic lists lettered by Word: the alphabets the clause labels are read in.
    case 'russianLower':
    case 'russianUpper':
    case 'arabicAbjad': {
      const script = fmt === 'arabicAbjad' ? 'arabic' : 'cyrillic';
      const letter = n > 0 ? labelToken('letter', { index: n - 1, suffix: 0, script }) : '?';
      return fmt === 'russianUpper' ? letter.toUpperCase() : letter;
    }
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}
