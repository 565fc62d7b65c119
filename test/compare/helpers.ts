import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../src/core/parse';
import { resolutionRange } from '../../src/core/rules/proposal-span';
import { existsIn, hidden, type Paragraph, type Snapshot, type View } from '../../src/core/snapshot';

export type SeedName = 'en-resolution-52' | 'fr-resolution-52';

export const seedMarkup = (name: SeedName): string =>
  readFileSync(path.join(__dirname, '../fixtures/seeds', `${name}.txt`), 'utf8');

/** A paragraph as a view shows it, with no tracked change left: what an in-force text downloaded from ITU holds. */
function clean(p: Paragraph, view: View, index: number): Paragraph {
  const runs = p.runs
    .filter((r) => !hidden(r, view))
    .map((r) => ({ text: r.text, ...(r.footnote !== undefined ? { footnote: r.footnote } : {}) }));
  const { styleId, styleName, numbering, inTable, italic } = p;
  return { index, runs, styleId, styleName, numbering, inTable, italic };
}

/** Another resolution, for a base that is a proceedings volume holding several. */
const OTHER = (resolution: string, title: string): Paragraph[] =>
  [
    `RESOLUTION ${resolution} (Rev. Hammamet, 2016)`,
    title,
    '(Geneva, 1996; Hammamet, 2016)',
    'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
    'considering',
    'that this text is here only to surround another one,',
    'resolves',
    'to keep it.',
  ].map((text, index) => ({ index, runs: [{ text }] }));

/**
 * An in-force text built from a proposal's view of its first resolution (number line to reasons), as
 * ITU publishes it: no tracked change, styles and numbering kept. `volume` surrounds it with other
 * resolutions, as a proceedings volume does.
 */
export function baseOf(proposal: Snapshot, view: View = 'original', volume = false): Snapshot {
  const outline = parse(proposal);
  const p = outline.proposals.find((q) => q.number !== null)!;
  const [from, to] = resolutionRange(p);
  const own = proposal.paragraphs.slice(from, to).filter((q) => existsIn(q, view));
  const all = volume
    ? [
        ...OTHER('50', 'Cybersecurity'),
        ...own,
        ...OTHER('58', 'Encourage the creation of national computer incident response teams'),
      ]
    : own;
  const paragraphs = all.map((q, i) => clean(q, view, i));
  return proposal.footnotes ? { paragraphs, footnotes: proposal.footnotes } : { paragraphs };
}

/** One way a proposal departs from the in-force text, and the findings it must give. */
export interface Variant {
  readonly name: string;
  /** The proposal's markup, from the seed's. */
  readonly proposal: (seed: string) => string;
  /** Which view of the seed the in-force text is built from. */
  readonly baseView: View;
  /** A change to the in-force text that the comparison must ignore. */
  readonly base?: (base: Snapshot) => Snapshot;
  /** Findings expected, by rule id. */
  readonly expected: Readonly<Record<'untracked-change' | 'base-version', number>>;
}

/** Replace exactly one occurrence of `from`; a seed that no longer holds it fails the test. */
export function once(text: string, from: string | RegExp, to: string): string {
  const count =
    typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from, 'g')) ?? []).length;
  if (count !== 1) throw new Error(`expected one ${String(from)} in the seed, found ${count}`);
  return text.replace(from, to);
}

const WORDS: Record<SeedName, [string, string]> = {
  'en-resolution-52': ['there are currently a variety', 'there are presently a variety'],
  'fr-resolution-52': ["qu'il existe actuellement diverses", "qu'il existe aujourd'hui diverses"],
};
const AFTER_G: Record<SeedName, [RegExp, string]> = {
  'en-resolution-52': [
    /(\ng\)\t[^\n]*\n)/,
    '$1gbis)\tthat spam varies from one region of the world to another;\n',
  ],
  'fr-resolution-52': [/(\ng\)\t[^\n]*\n)/, "$1gbis)\tque le spam varie d'une région à l'autre;\n"],
};
const DELETED: Record<SeedName, RegExp> = {
  'en-resolution-52': /\nf\)\tthat spamming is used for criminal[^\n]*/,
  'fr-resolution-52': /\nf\)\tque le spam est utilisé à des fins criminelles[^\n]*/,
};
const PUNCTUATION: Record<SeedName, [string, string]> = {
  'en-resolution-52': ['in order to find solutions;', 'in order to find solutions.'],
  'fr-resolution-52': ['afin de trouver des solutions;', 'afin de trouver des solutions.'],
};

/** Only differences the comparison ignores: blanks, a space for a tab, quotes, a soft hyphen. */
function normalisationsOnly(seed: string): string {
  return seed
    .replace(/\nb\)\t/, '\nb) ')
    .replace(/"spam"/, '\u201cspam\u201d')
    .replace(/ spam is a global problem| le spam est un problème mondial/, (m) =>
      m.replace(' a global', '  a  glo\u00adbal').replace(' un problème', '  un  pro\u00adblème'),
    );
}

export const VARIANTS: readonly Variant[] = [
  {
    name: '(a) a word changed with tracking off',
    proposal: (s) => once(s, WORDS[seedOf(s)][0], WORDS[seedOf(s)][1]),
    baseView: 'original',
    expected: { 'untracked-change': 1, 'base-version': 0 },
  },
  {
    name: '(b) a clause inserted with tracking off',
    proposal: (s) => once(s, AFTER_G[seedOf(s)][0], AFTER_G[seedOf(s)][1]),
    baseView: 'original',
    expected: { 'untracked-change': 1, 'base-version': 0 },
  },
  {
    name: '(c) a clause deleted with tracking off',
    proposal: (s) => once(s, DELETED[seedOf(s)], ''),
    baseView: 'original',
    expected: { 'untracked-change': 1, 'base-version': 0 },
  },
  {
    name: '(d) punctuation changed with tracking off',
    proposal: (s) => once(s, PUNCTUATION[seedOf(s)][0], PUNCTUATION[seedOf(s)][1]),
    baseView: 'original',
    expected: { 'untracked-change': 1, 'base-version': 0 },
  },
  {
    name: '(e) the outdated Dubai, 2012 text as its original',
    proposal: (s) => s,
    baseView: 'current',
    expected: { 'untracked-change': 0, 'base-version': 2 },
  },
  {
    name: '(f) only normalisation differences',
    proposal: normalisationsOnly,
    baseView: 'original',
    base: automaticLabels,
    expected: { 'untracked-change': 0, 'base-version': 0 },
  },
];

/** The in-force text with the lettered clauses of its first section numbered by Word instead of typed. */
export function automaticLabels(base: Snapshot): Snapshot {
  let state: 'before' | 'in' | 'after' = 'before';
  const paragraphs = base.paragraphs.map((p) => {
    const text = p.runs.map((r) => r.text).join('');
    const typed = /^([a-z])\)\t/.exec(text);
    if (state === 'before' && /^(recognizing|reconnaissant)$/.test(text.trim())) state = 'in';
    else if (state === 'in' && !typed) state = 'after';
    if (state !== 'in' || !typed || p.runs.length !== 1) return p;
    const numbering = { numId: '7', level: 0, label: `${typed[1]})` };
    return { ...p, runs: [{ text: text.slice(typed[0].length) }], numbering };
  });
  return { ...base, paragraphs };
}

function seedOf(markup: string): SeedName {
  return markup.startsWith('// English') ? 'en-resolution-52' : 'fr-resolution-52';
}
