import { looksLikeProposalId } from '../identifier';
import {
  BODY_NAMES,
  DRAFT_NEW_RESOLUTION,
  LANGUAGES,
  MARKERS,
  REASONS_LABEL,
  RESOLUTION_WORD,
  type Language,
  type Marker,
} from '../lexicon';

/** What a paragraph says about where a proposal starts. */
export type ProposalLineMatch =
  /** Marker with an identifier (or something in its place) on the same line. */
  | { readonly kind: 'full'; readonly marker: Marker; readonly idText: string }
  /** Marker alone: the older layout puts the identifier on its own line. */
  | { readonly kind: 'marker'; readonly marker: Marker }
  /** Identifier alone. */
  | { readonly kind: 'id'; readonly idText: string };

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Longest first so `ADD*` is not read as `ADD`. */
const MARKER_RE = new RegExp(
  `^(${[...MARKERS]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?:[\\t \\u00a0]+(\\S+))?$`,
);

/** Recognise a proposal line, a lone marker or a lone identifier (trimmed text). */
export function matchProposalLine(trimmed: string): ProposalLineMatch | null {
  if (trimmed.length > 80) return null;
  const m = MARKER_RE.exec(trimmed);
  if (m) {
    const marker = m[1] as Marker;
    return m[2] === undefined ? { kind: 'marker', marker } : { kind: 'full', marker, idText: m[2] };
  }
  if (looksLikeProposalId(trimmed)) return { kind: 'id', idText: trimmed };
  // A marker the list does not know (`Mod`, `MODIF`) before an identifier still opens a proposal, so the
  // marker rule can name the mistake instead of the proposal vanishing into the cover.
  const other = /^\(?[\p{L}]{1,12}\)?\*?[.:]?[\t \u00a0]+(\S+)$/u.exec(trimmed);
  if (other && looksLikeProposalId(other[1])) return { kind: 'id', idText: other[1] };
  return null;
}

/** A resolution's number line, with the language its word belongs to. */
export interface NumberLineMatch {
  readonly resolution: string;
  readonly languages: readonly Language[];
}

const DRAFT_NEW =
  '(?:(?:DRAFT\\s+NEW|PROJET\\s+DE\\s+NOUVELLE|PROYECTO\\s+DE\\s+NUEVA|ПРОЕКТ\\s+НОВОЙ)\\s+)?';
const NUMBER = '((?:ITU-R\\s+|UIT-R\\s+|МСЭ-R\\s+)?[\\p{L}\\p{N}\\[\\]\\-‑./]+)';
const TAG = '(?:\\s*[(（][^)）]*[)）])?';
/**
 * Draft new resolutions as the skeleton writes them, whose word is not always the number line's
 * (`ПРОЕКТ НОВОЙ РЕЗОЛЮЦИИ [APT-1]`: Russian puts it in the genitive).
 */
const DRAFT_LINES: readonly { readonly re: RegExp; readonly language: Language }[] = LANGUAGES.flatMap(
  (language) => {
    const draft = DRAFT_NEW_RESOLUTION[language];
    if (draft === undefined) return [];
    const words = draft.split(/\s+/).map(escape).join('\\s+');
    return [{ re: new RegExp(`^${words}\\s+${NUMBER}${TAG}\\s*\\*?$`, 'iu'), language }];
  },
);

const WORD_LINES: readonly { readonly re: RegExp; readonly language: Language }[] = LANGUAGES.filter(
  (l) => l !== 'zh',
).flatMap((language) =>
  RESOLUTION_WORD[language].map((w) => ({
    re: new RegExp(`^${DRAFT_NEW}${escape(w)}\\s+${NUMBER}${TAG}\\s*\\*?$`, 'iu'),
    language,
  })),
);
/** Chinese writes the number first: `第52号决议（2016年，哈马马特，修订版）`; a draft: `新决议草案[APT-1]`. */
const ZH_LINE =
  /^(?:第\s*([\p{N}A-Za-z\-‑]+)\s*号\s*)?新?决议(?:草案)?\s*(\[[^\]]*\])?\s*(?:[(（][^)）]*[)）])?\s*$/u;

/** A cheap first look, so most paragraphs of a large document skip the per-language patterns. */
const NUMBER_LINE_START = /^(?:draft|projet|proyecto|проект|r[eé]solu|резолюц|القرار|第|新|决议)/iu;

/** Recognise a number line in any of the six languages (trimmed text). */
export function matchNumberLine(trimmed: string): NumberLineMatch | null {
  if (trimmed.length > 160 || !NUMBER_LINE_START.test(trimmed)) return null;
  let resolution: string | undefined;
  const languages: Language[] = [];
  for (const { re, language } of WORD_LINES) {
    const m = re.exec(trimmed);
    if (m && !languages.includes(language)) {
      resolution ??= m[1];
      languages.push(language);
    }
  }
  if (resolution === undefined)
    for (const { re, language } of DRAFT_LINES) {
      const m = re.exec(trimmed);
      if (m) return { resolution: m[1], languages: [language] };
    }
  if (resolution === undefined && trimmed.includes('决议')) {
    const m = ZH_LINE.exec(trimmed);
    const number = m?.[1] ?? m?.[2];
    if (number !== undefined) return { resolution: number, languages: ['zh'] };
  }
  return resolution === undefined ? null : { resolution, languages };
}

/** A history line: a parenthesised list of venues and years. */
export const isHistoryLine = (trimmed: string): boolean =>
  /^[(（][^()（）]*\d{4}[^()（）]*[)）]$/u.test(trimmed);

const BODY_STARTS: readonly string[] = LANGUAGES.flatMap((l) =>
  Object.values(BODY_NAMES[l]).map((n) => (n as string).toLowerCase()),
);

/**
 * A preamble: names the body and ends with a comma. Lenient, since drafts abbreviate the body or forget
 * the comma: either signal is enough.
 */
export function isPreamble(trimmed: string): boolean {
  if (/[,،，]$/u.test(trimmed)) return true;
  const lower = trimmed.toLowerCase().replace(/’/g, "'");
  return BODY_STARTS.some((b) => lower.startsWith(b));
}

const REASON_WORDS = [
  ...new Set(LANGUAGES.flatMap((l) => REASONS_LABEL[l].map((r) => r.replace(/\s*[:：]$/u, '')))),
].sort((a, b) => b.length - a.length);
const REASONS_RE = new RegExp(`^(?:${REASON_WORDS.map(escape).join('|')})\\s*[:：]`, 'iu');

/** A reasons paragraph (`Reasons:`, `Motifs:`, `Motivos:` …), in any language. */
export const isReasons = (trimmed: string): boolean => REASONS_RE.test(trimmed);
