import { parseProposalId } from '../identifier';
import { MARKERS, type Marker } from '../lexicon';
import type { Proposal } from '../model';
import { textEdit } from '../plan';
import type { Report, Rule, RuleContext } from '../rule';
import { isBlank, shorten } from './proposal-span';

/**
 * proposal-marker: every proposed resolution is preceded by its proposal line, a marker symbol
 * (`MOD`, `(MOD)`, `ADD`, `ADD*`, `SUP`, `SUP*`, `NOC`), a TAB and a well-formed identifier
 * `SUBMITTER/DOC[A<addendum>]/SEQ` (`XX` for the document before ITU assigns one).
 *
 * The secretariat sorts and compiles proposals by these lines, so a missing, translated or
 * misspelled marker, or an identifier it cannot read, loses the proposal. Marker symbols are never
 * translated, whatever the language of the text. Only a fix that cannot be wrong is offered: the
 * case of a marker (`mod` → `MOD`), stray punctuation after it (`MOD:`) and the separator (a TAB).
 */

const MARKER_LIST = MARKERS.join(', ');
const ID_FORM =
  'SUBMITTER/DOC[A<addendum>]/SEQ, such as `APT/44A14/1` (`XX` for the document until ITU numbers it)';

/**
 * Translations of the marker symbols seen in drafts, keyed without accents, in capitals. Used to name
 * the symbol that was meant; never to fix it, since `MODIF` may as well have meant `(MOD)`.
 */
const TRANSLATED: Readonly<Record<string, Marker>> = {
  MODIF: 'MOD',
  MODIFIE: 'MOD',
  MODIFIER: 'MOD',
  MODIFICATION: 'MOD',
  MODIFICAR: 'MOD',
  MODIFICACION: 'MOD',
  MODIFY: 'MOD',
  AMEND: 'MOD',
  AJOUT: 'ADD',
  AJOUTER: 'ADD',
  ANADIR: 'ADD',
  ADICION: 'ADD',
  AGREGAR: 'ADD',
  SUPPR: 'SUP',
  SUPPRIMER: 'SUP',
  SUPPRESSION: 'SUP',
  SUPRIMIR: 'SUP',
  SUPRESION: 'SUP',
  ИЗМ: 'MOD',
  ДОБ: 'ADD',
  ИСКЛ: 'SUP',
};

/** A proposal line cut into marker, separator and identifier, with offsets in the paragraph's text. */
interface LineParts {
  readonly marker: string;
  readonly markerOffset: number;
  readonly separator: string;
  readonly separatorOffset: number;
  /** The identifier part, trailing blanks excluded; '' when the marker stands alone. */
  readonly rest: string;
  readonly restOffset: number;
}

const MARKER_TOKEN = /^[\s\u00a0]*(\(?[\p{L}]+\)?\*?[.:]?)([ \t\u00a0\u2002-\u200b]*)(.*?)[\s\u00a0]*$/u;
/** A marker glued to its identifier (`MODAPT/44A14/1`), longest symbols first. */
const GLUED = /^([\s\u00a0]*)(\(MOD\)|MOD|ADD\*?|SUP\*?|NOC)(?=[A-Z]{1,8}\/)/i;

/** A marker glued to a well-formed identifier, read as marker and identifier rather than as one identifier. */
function splitGlued(text: string): LineParts | null {
  const glued = GLUED.exec(text);
  if (glued && parseProposalId(text.slice(glued[0].length))) {
    const markerOffset = glued[1].length;
    const restOffset = glued[0].length;
    return {
      marker: glued[2],
      markerOffset,
      separator: '',
      separatorOffset: restOffset,
      rest: text.slice(restOffset).trimEnd(),
      restOffset,
    };
  }
  return null;
}

function splitLine(text: string): LineParts | null {
  const glued = splitGlued(text);
  if (glued) return glued;
  const m = MARKER_TOKEN.exec(text);
  if (!m) return null;
  const markerOffset = text.length - text.trimStart().length;
  const separatorOffset = markerOffset + m[1].length;
  return {
    marker: m[1],
    markerOffset,
    separator: m[2],
    separatorOffset,
    rest: m[3],
    restOffset: separatorOffset + m[2].length,
  };
}

const normalise = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();

const isMarker = (s: string): s is Marker => (MARKERS as readonly string[]).includes(s);

/** What a token that stands where a marker should was meant to be, if anything. */
function markerIntent(token: string): { exact: boolean; marker?: Marker; certain: boolean } {
  if (isMarker(token)) return { exact: true, marker: token, certain: true };
  const upper = normalise(token);
  if (isMarker(upper)) return { exact: false, marker: upper, certain: token.toUpperCase() === upper };
  const bare = upper.replace(/[.:]$/, '');
  if (isMarker(bare)) return { exact: false, marker: bare, certain: true };
  const translated = TRANSLATED[bare.replace(/[()*]/g, '')];
  return { exact: false, marker: translated, certain: false };
}

/** Whether a line looks like an attempt at a proposal line: a token followed by something with slashes. */
const looksLikeId = (s: string): boolean =>
  parseProposalId(s) !== null || /^[\p{L}\d]+(\/[\p{L}\d-]+)+$/u.test(s);

type Candidate =
  | { kind: 'line'; paragraph: number; parts: LineParts }
  | { kind: 'marker'; paragraph: number; parts: LineParts }
  | { kind: 'id'; paragraph: number; text: string };

/** Classify a paragraph found where a proposal line should be. */
function classify(text: string, paragraph: number): Candidate | null {
  const trimmed = text.trim();
  if (!splitGlued(text) && parseProposalId(trimmed)) return { kind: 'id', paragraph, text: trimmed };
  const parts = splitLine(text);
  if (!parts) return null;
  if (parts.rest !== '' && looksLikeId(parts.rest)) return { kind: 'line', paragraph, parts };
  if (parts.rest === '' && markerIntent(parts.marker).marker !== undefined)
    return { kind: 'marker', paragraph, parts };
  return null;
}

function checkMarker(context: RuleContext, paragraph: number, parts: LineParts): void {
  const intent = markerIntent(parts.marker);
  if (intent.exact) return;
  const line = context.text(paragraph);
  const base: Report = {
    paragraph,
    excerpt: shorten(line),
    offset: parts.markerOffset,
    length: parts.marker.length,
    actual: parts.marker,
    message: '',
  };
  if (intent.marker && intent.certain) {
    const why =
      parts.marker.toUpperCase() === intent.marker
        ? 'marker symbols are written in capitals'
        : 'a marker symbol takes no punctuation';
    context.report({
      ...base,
      message: `Unexpected marker \`${parts.marker}\`, expected \`${intent.marker}\`: ${why}`,
      expected: intent.marker,
      fix: [textEdit(paragraph, parts.markerOffset, parts.marker, intent.marker)],
    });
  } else if (intent.marker) {
    context.report({
      ...base,
      message: `Unexpected marker \`${parts.marker}\`, expected \`${intent.marker}\` or another of ${MARKER_LIST}: marker symbols are never translated`,
      expected: intent.marker,
    });
  } else {
    context.report({
      ...base,
      message: `Unknown marker \`${parts.marker}\`, expected one of ${MARKER_LIST}`,
    });
  }
}

function checkSeparator(context: RuleContext, paragraph: number, parts: LineParts): void {
  if (parts.separator === '\t' || parts.rest === '') return;
  const found =
    parts.separator === ''
      ? 'nothing'
      : parts.separator === ' '
        ? 'a space'
        : /^\t+$/.test(parts.separator)
          ? `${parts.separator.length} TABs`
          : 'spaces';
  context.report({
    paragraph,
    excerpt: shorten(context.text(paragraph)),
    offset: parts.separatorOffset,
    length: parts.separator.length,
    message: `Expected a TAB between the marker \`${parts.marker}\` and the identifier \`${parts.rest}\`, found ${found}`,
    actual: parts.separator,
    expected: '\t',
    fix: [textEdit(paragraph, parts.separatorOffset, parts.separator, '\t')],
  });
}

function checkIdentifier(context: RuleContext, paragraph: number, text: string, offset: number): void {
  if (parseProposalId(text)) return;
  context.report({
    paragraph,
    excerpt: shorten(context.text(paragraph)),
    offset,
    length: text.length,
    actual: text,
    message: `Malformed identifier \`${text}\`, expected ${ID_FORM}`,
  });
}

function missingIdentifier(context: RuleContext, paragraph: number, parts: LineParts): void {
  context.report({
    paragraph,
    excerpt: shorten(context.text(paragraph)),
    offset: parts.markerOffset,
    length: parts.marker.length,
    message: `The marker \`${parts.marker}\` has no identifier, expected a TAB and ${ID_FORM}`,
  });
}

/** A proposal line the parser recognised: its marker, separator and identifier (maybe on another line). */
function checkProposalLine(context: RuleContext, p: Proposal, paragraph: number): void {
  const text = context.text(paragraph);
  const neighbours = () =>
    [paragraph + 1, paragraph - 1]
      .filter((i) => i >= 0 && i < context.snapshot.paragraphs.length)
      .map((i) => classify(context.text(i), i));
  if (!splitGlued(text) && parseProposalId(text.trim())) {
    // Older layout, identifier first: the marker is on the line next to it.
    const marker = neighbours().find((c) => c?.kind === 'marker');
    if (marker?.kind === 'marker') checkMarker(context, marker.paragraph, marker.parts);
    else noMarker(context, paragraph, text.trim());
    return;
  }
  const parts = splitLine(text);
  if (!parts) return;
  checkMarker(context, paragraph, parts);
  if (parts.rest !== '') {
    checkSeparator(context, paragraph, parts);
    checkIdentifier(context, paragraph, parts.rest, parts.restOffset);
    return;
  }
  // Older layout, marker first: the identifier is on the line next to it.
  if (p.id || neighbours().some((c) => c?.kind === 'id')) return;
  if (p.idText !== undefined) {
    const at = [paragraph + 1, paragraph - 1].find(
      (i) => i >= 0 && i < context.snapshot.paragraphs.length && context.text(i).includes(p.idText!),
    );
    if (at !== undefined) {
      checkIdentifier(context, at, p.idText, context.text(at).indexOf(p.idText));
      return;
    }
  }
  missingIdentifier(context, paragraph, parts);
}

function noMarker(context: RuleContext, paragraph: number, id: string): void {
  context.report({
    paragraph,
    excerpt: shorten(id),
    offset: context.text(paragraph).indexOf(id),
    length: id.length,
    message: `The identifier \`${id}\` has no marker, expected one of ${MARKER_LIST} and a TAB before it`,
  });
}

/**
 * A resolution the parser found no proposal line for: look at the nearest lines above its number
 * line for a proposal line it could not read (`mod`, `MODIF`, an unknown symbol, a marker without
 * identifier or the reverse) before saying the line is missing.
 */
function checkWithoutLine(context: RuleContext, p: Proposal, floor: number): void {
  const numberParagraph = p.number!.paragraph;
  const above: number[] = [];
  for (let i = numberParagraph - 1; i >= Math.max(floor, numberParagraph - 4) && above.length < 2; i--)
    if (!isBlank(context.text(i))) above.push(i);
  const [first, second] = above.map((i) => classify(context.text(i), i));
  const found = first ?? null;
  if (found?.kind === 'line') {
    checkMarker(context, found.paragraph, found.parts);
    checkSeparator(context, found.paragraph, found.parts);
    checkIdentifier(context, found.paragraph, found.parts.rest, found.parts.restOffset);
    return;
  }
  if (found?.kind === 'marker') {
    checkMarker(context, found.paragraph, found.parts);
    if (second?.kind !== 'id') missingIdentifier(context, found.paragraph, found.parts);
    return;
  }
  if (found?.kind === 'id') {
    if (second?.kind === 'marker') {
      checkMarker(context, second.paragraph, second.parts);
      return;
    }
    noMarker(context, found.paragraph, found.text);
    return;
  }
  context.report({
    paragraph: numberParagraph,
    excerpt: shorten(p.number!.text),
    message: `No proposal line before \`${shorten(p.number!.text, 40)}\`, expected a marker (${MARKER_LIST}), a TAB and ${ID_FORM}`,
  });
}

const rule: Rule = {
  meta: {
    id: 'proposal-marker',
    description:
      'Every proposed resolution is preceded by a marker symbol, a TAB and a well-formed proposal identifier.',
    severity: 'error',
    fixable: true,
  },
  check(context) {
    const proposals = context.outline.proposals;
    proposals.forEach((p, k) => {
      if (p.paragraph !== null) checkProposalLine(context, p, p.paragraph);
      else if (p.number !== null) {
        // Never look back into the previous proposal's resolution text.
        const previous = k > 0 ? proposals[k - 1] : null;
        const floor = previous ? Math.max(lastStructural(previous) + 1, 0) : 0;
        checkWithoutLine(context, p, floor);
      }
    });
  },
};

/** The last paragraph the parser placed in a proposal (reasons, a clause, a heading or a line). */
function lastStructural(p: Proposal): number {
  let last = Math.max(p.paragraph ?? -1, p.number?.paragraph ?? -1, p.title?.paragraph ?? -1);
  last = Math.max(last, p.history?.paragraph ?? -1, p.preamble?.paragraph ?? -1, p.reasons?.paragraph ?? -1);
  for (const s of p.sections) {
    last = Math.max(last, s.paragraph);
    for (const c of s.clauses) {
      last = Math.max(last, c.paragraph);
      for (const child of c.children) last = Math.max(last, child.paragraph);
    }
  }
  return last;
}

export default rule;
