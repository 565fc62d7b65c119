import { HEADINGS, type Language } from '../lexicon';
import type { Clause, Proposal, Section } from '../model';
import { textEdit } from '../plan';
import type { Rule, RuleContext } from '../rule';
import { fieldAdvice, fieldAt, hidden, type Paragraph } from '../snapshot';

/**
 * cross-reference: references to a clause of the same resolution (`recognizing further c) above`,
 * `considering a)`, `resolves 2`, `au point c) du reconnaissant en outre ci-dessus`,
 * `del reconociendo c)`) point to a clause that exists in the current view.
 *
 * Inserting a clause re-letters the ones after it, and a reference left behind then names the wrong
 * text. A reference whose text the author did not touch means what it meant in the original: it names
 * the clause's ORIGINAL label, and when that clause now carries another label the reference gets a
 * token-minimal fix (`c` → `d`). So after the renumbering is fixed, the next fix pass updates the
 * references. A reference the author edited is read in the current view. References followed by
 * another text's name (`resolves 2 of Resolution 130`) are not this resolution's and are skipped.
 */
const rule: Rule = {
  meta: {
    id: 'cross-reference',
    description:
      'References such as "considering c) above" point to a clause that exists, and follow renumbered clauses.',
    severity: 'error',
    fixable: true,
  },
  check(context) {
    const patterns = patternsFor(context.language);
    const proposals = context.outline.proposals;
    for (let p = 0; p < proposals.length; p++) {
      const proposal = proposals[p];
      for (let s = 0; s < proposal.sections.length; s++) {
        const section = proposal.sections[s];
        for (let k = 0; k < section.clauses.length; k++) {
          const clause = section.clauses[k];
          checkClause(context, patterns, proposal, section, clause);
          for (let j = 0; j < clause.children.length; j++)
            checkClause(context, patterns, proposal, section, clause.children[j]);
        }
      }
    }
  },
};
export default rule;

interface Patterns {
  /**
   * Any heading form: both reference patterns hold one. Few clauses name a heading, and this short
   * pattern rules the others out before the long ones are built or run (compiling those alone takes
   * milliseconds).
   */
  readonly anyName: RegExp;
  /** The heading forms as a pattern, longest first. */
  readonly forms: string;
  /** Heading form (lower case) → canonical key. */
  readonly keys: ReadonlyMap<string, string>;
  /** Built the first time a text may refer to a clause. */
  references?: ReferencePatterns;
}

interface ReferencePatterns {
  /** `considering a)`, `resolves 2`, `del reconociendo c)`: heading form, then labels. */
  readonly nameFirst: RegExp;
  /** `c) du reconnaissant en outre`, `a) of considering`: label, then heading form. */
  readonly labelFirst: RegExp;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LABEL = '(?:[a-z]{1,2}(?:bis|ter|quater)?|[ivx]{1,6})\\)|\\d{1,3}(?:bis|ter|quater)?(?![\\p{L}\\p{N}])';
const SEP = '\\s*(?:,|and|or|et|ou|y|o|to|à|a|-|–)\\s*';
/** What follows a reference to another text's clause. */
const EXTERNAL =
  /^[\s,]*(?:of|de|du|del|de la)\s+(?:the\s+|la\s+|l['’]\s*)?(?:Resolution|Résolution|Resolución|Decision|Décision|Decisión|Recommendation|Recommandation|Recomendación|Article|Annex|Annexe|Anexo|Question|Opinion|Avis|Convention|Constitution|Constitución)/iu;

const cache = new Map<Language, Patterns>();
function patternsFor(language: Language): Patterns {
  const known = cache.get(language);
  if (known) return known;
  const keys = new Map<string, string>();
  for (const [key, forms] of Object.entries(HEADINGS[language]))
    for (const f of forms) keys.set(f.toLowerCase(), key);
  const forms = [...keys.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
  const patterns: Patterns = { anyName: new RegExp(`(?:${forms})`, 'giu'), forms, keys };
  cache.set(language, patterns);
  return patterns;
}

function referencePatterns(patterns: Patterns): ReferencePatterns {
  const forms = patterns.forms;
  return (patterns.references ??= {
    nameFirst: new RegExp(`(${forms})[ \\u00a0]+(${LABEL})((?:${SEP}(?:${LABEL}))*)`, 'giu'),
    labelFirst: new RegExp(
      `(${LABEL})[ \\u00a0]+(?:of|du|del|de la|de l['’]|de)[ \\u00a0]+(?:the[ \\u00a0]+)?(${forms})(?![\\p{L}])`,
      'giu',
    ),
  });
}

/** One label named by a reference, with its place in the paragraph's current text. */
interface Reference {
  /** The heading form as written. */
  readonly name: string;
  readonly key: string;
  readonly token: string;
  /** Offset and length of the label's token (`c` of `c)`). */
  readonly offset: number;
  readonly length: number;
  /** The whole reference's span, to tell whether the author edited it. */
  readonly start: number;
  readonly end: number;
}

/**
 * Whether a match at `start` begins inside a word. The patterns cannot say it themselves: a lookbehind
 * does not parse in Safari before 16.4 (Word for Mac and iPad on older systems), which would leave the
 * pane blank there.
 */
const INSIDE_WORD = /[\p{L}\p{N}]$/u;
const insideWord = (text: string, start: number): boolean =>
  start > 0 && INSIDE_WORD.test(text.slice(Math.max(0, start - 2), start));

/** The next match of a global pattern that does not begin inside a word, as a lookbehind would find it. */
function nextAtWordStart(pattern: RegExp, text: string): RegExpExecArray | null {
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (!insideWord(text, m.index)) return m;
    pattern.lastIndex = m.index + 1;
  }
  return null;
}

/** Every label after the first of a reference (`a), b) and c)`). */
const LABELS = new RegExp(LABEL, 'giu');

/**
 * Every label holds a `)` or an ASCII digit, every reference a heading form, and a reference is only
 * kept when it starts at `from` or later: a text without both from there on names no clause, and the
 * long patterns can be skipped.
 */
function mayRefer(text: string, from: number, patterns: Patterns): boolean {
  LABEL_CHAR.lastIndex = Math.max(0, from);
  if (!LABEL_CHAR.test(text)) return false;
  patterns.anyName.lastIndex = Math.max(0, from);
  return patterns.anyName.test(text);
}
const LABEL_CHAR = /[)0-9]/g;

/** What most clauses refer to; findReferences runs for every clause of the document. */
const NO_REFERENCES: readonly Reference[] = [];

function findReferences(text: string, from: number, patterns: Patterns): readonly Reference[] {
  if (!mayRefer(text, from, patterns)) return NO_REFERENCES;
  const found: Reference[] = [];
  const { nameFirst, labelFirst } = referencePatterns(patterns);
  nameFirst.lastIndex = 0;
  for (let m = nextAtWordStart(nameFirst, text); m !== null; m = nextAtWordStart(nameFirst, text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start < from || EXTERNAL.test(text.slice(end, end + 60))) continue;
    const name = m[1];
    const key = keyOf(patterns, name);
    // Walk the labels in order to find their offsets inside the match.
    let cursor = addLabel(found, text, m[2], start + name.length, name, key, start, end);
    LABELS.lastIndex = 0;
    while (cursor >= 0) {
      const label = LABELS.exec(m[3]);
      if (label === null) break;
      cursor = addLabel(found, text, label[0], cursor, name, key, start, end);
    }
  }
  labelFirst.lastIndex = 0;
  for (let m = nextAtWordStart(labelFirst, text); m !== null; m = nextAtWordStart(labelFirst, text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start < from || EXTERNAL.test(text.slice(end, end + 60))) continue;
    if (found.some((r) => r.start < end && start < r.end)) continue;
    const token = m[1].replace(/\)$/, '');
    found.push({
      name: m[2],
      key: keyOf(patterns, m[2]),
      token: token.toLowerCase(),
      offset: start,
      length: token.length,
      start,
      end,
    });
  }
  return found;
}

const keyOf = (patterns: Patterns, name: string): string => patterns.keys.get(name.toLowerCase()) ?? '';

/**
 * Add the reference to `label`, found at `cursor` or after inside the reference [start, end); the
 * cursor for the next label, or -1 when the label is not there (the labels after it are not read).
 */
function addLabel(
  found: Reference[],
  text: string,
  label: string,
  cursor: number,
  name: string,
  key: string,
  start: number,
  end: number,
): number {
  const at = text.indexOf(label, cursor);
  if (at < 0 || at >= end) return -1;
  const token = label.replace(/\)$/, '');
  found.push({ name, key, token: token.toLowerCase(), offset: at, length: token.length, start, end });
  return at + label.length;
}

/** Whether the current text [start, end) reads the same in the original view: no tracked change inside it. */
function untouched(p: Paragraph, start: number, end: number): boolean {
  let pos = 0;
  for (const run of p.runs) {
    if (hidden(run, 'current')) {
      if (pos > start && pos < end) return false;
      continue;
    }
    const next = pos + run.text.length;
    if (run.revision !== undefined && next > start && pos < end) return false;
    pos = next;
    if (pos >= end) break;
  }
  return true;
}

const tokenOf = (label: string): string => label.replace(/[.)]$/, '').toLowerCase();
const isNumber = (token: string): boolean => /^\d/.test(token);

function checkClause(
  context: RuleContext,
  patterns: Patterns,
  proposal: Proposal,
  section: Section,
  clause: Clause,
): void {
  if (clause.change === 'deleted') return;
  const text = context.text(clause.paragraph);
  const from = clause.labelOffset !== undefined ? clause.labelOffset + (clause.labelLength ?? 0) + 1 : 0;
  const paragraph = context.snapshot.paragraphs[clause.paragraph];
  const references = findReferences(text, from, patterns);
  for (let r = 0; r < references.length; r++) {
    const ref = references[r];
    const target = proposal.sections.find((s) => s.key === ref.key);
    if (target === undefined) continue;
    const labelled = target.clauses.filter((c) => c.kind !== 'none');
    // A number names an operative clause, letters a preambular one: another kind is not this kind of reference.
    if (!labelled.some((c) => isNumber(tokenOf(c.label)) === isNumber(ref.token))) continue;
    const shown = `${ref.name} ${text.slice(ref.offset, ref.offset + ref.length)}${isNumber(ref.token) ? '' : ')'}`;
    const where = clause.label === '' ? section.name : `${section.name} ${clause.label}`;
    const base = {
      paragraph: clause.paragraph,
      clause: where,
      excerpt: text.slice(Math.max(0, ref.start - 20), ref.end + 20),
      offset: ref.start,
      length: ref.end - ref.start,
    };
    const current = labelled.find((c) => c.change !== 'deleted' && tokenOf(c.label) === ref.token);
    if (untouched(paragraph, ref.start, ref.end)) {
      const meant = labelled.find(
        (c) => c.change !== 'inserted' && tokenOf(c.originalLabel ?? c.label) === ref.token,
      );
      if (meant !== undefined && meant.change === 'deleted') {
        context.report({ ...base, message: `Reference \`${shown}\` points to a deleted clause` });
        continue;
      }
      if (meant !== undefined && meant.originalLabel !== undefined && meant.originalLabel !== '') {
        const now = tokenOf(meant.label);
        if (now !== ref.token) {
          const expected = `${ref.name} ${now}${isNumber(now) ? '' : ')'}`;
          const found = text.slice(ref.offset, ref.offset + ref.length);
          // A cross-reference field (REF) shows what Word computes: updating it follows the clause.
          const field = fieldAt(paragraph, ref.offset, ref.length);
          context.report({
            ...base,
            message: `Reference \`${shown}\` should be \`${expected}\`: the clause was renumbered${field ? ` (${fieldAdvice(field)})` : ''}`,
            actual: shown,
            expected,
            ...(field ? {} : { fix: [textEdit(clause.paragraph, ref.offset, found, now)] }),
          });
        }
        continue;
      }
      if (meant !== undefined) continue;
    }
    if (current !== undefined) continue;
    const present = labelled.filter((c) => c.change !== 'deleted').map((c) => c.label);
    const range =
      present.length === 0 ? 'no labelled clauses' : `${present[0]} to ${present[present.length - 1]}`;
    context.report({
      ...base,
      message: `Reference \`${shown}\` points to no clause: ${target.name} has ${range}`,
    });
  }
}
