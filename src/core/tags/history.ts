import type { Language } from '../conferences';
import { CHINESE_ENTRY, judge, LATIN_ENTRIES, rawChinese, rawLatin, type Span, type TagMatch } from './match';

/** A history line read into its entries: `(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012)`. */
export interface HistoryLine {
  /** The opening and closing parentheses; null when missing. */
  readonly open: Span | null;
  readonly close: Span | null;
  /** Every `City, Year` entry, in the order written, with its own problems (comma, case, venue). */
  readonly entries: readonly TagMatch[];
  /**
   * What separates the entries: `gaps[i]` is the text before `entries[i]` (from the opening
   * parenthesis), `gaps[entries.length]` the text after the last one (up to the closing parenthesis).
   */
  readonly gaps: readonly Span[];
}

/** The separator between entries in each language. */
export const HISTORY_SEPARATOR: Record<Language, string> = {
  en: '; ',
  fr: '; ',
  es: '; ',
  ru: '; ',
  ar: '؛ ',
  zh: '；',
};

// Built once; parseHistory starts them at 0, and nothing it calls uses them.
const CHINESE_ENTRIES = new RegExp(CHINESE_ENTRY, 'gu');
const OPENING = /^[(（]/;

/**
 * Read a history line's text into its entries with their offsets; null when the text holds no
 * `City, Year` entry at all (it is not a history line). An entry's revision word is kept in its
 * parts but not judged here: a history line has none, which is the history rule's finding.
 */
export function parseHistory(text: string, language: Language): HistoryLine | null {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const open = OPENING.test(trimmed) ? { offset: lead, length: 1, text: trimmed[0] } : null;
  const last = trimmed[trimmed.length - 1];
  const close =
    trimmed.length > 1 && (last === ')' || last === '）')
      ? { offset: lead + trimmed.length - 1, length: 1, text: last }
      : null;
  const start = open ? open.offset + 1 : lead;
  const end = close ? close.offset : lead + trimmed.length;
  const inner = text.slice(start, end);
  const chinese = language === 'zh';
  const entry = chinese ? CHINESE_ENTRIES : LATIN_ENTRIES;
  const entries: TagMatch[] = [];
  const gaps: Span[] = [];
  let at = start;
  entry.lastIndex = 0;
  for (let m = entry.exec(inner); m !== null; m = entry.exec(inner)) {
    const raw = chinese ? rawChinese(m, start) : rawLatin(m, start);
    const offset = start + m.index;
    gaps.push({ offset: at, length: offset - at, text: text.slice(at, offset) });
    entries.push(judge(raw, language, offset, m[0], 'history'));
    at = offset + m[0].length;
  }
  if (entries.length === 0) return null;
  gaps.push({ offset: at, length: end - at, text: text.slice(at, end) });
  return { open, close, entries, gaps };
}
