import type { ComparisonBase } from './compare/base';
import type { Conference, Language } from './conferences';
import type { Diagnostic } from './diagnostic';
import type { Outline } from './model';
import { parse } from './parse';
import type { Report, Rule, RuleContext } from './rule';
import { RULES } from './rules';
import { paragraphText, type Snapshot } from './snapshot';
import { findTags, inferConference, parseHistory } from './tags';

export interface CheckOptions {
  /** The target conference; inferred from the document when absent. */
  readonly conference?: Conference;
  /** Only these rule ids (all rules when absent). */
  readonly rules?: readonly string[];
  /** In-force texts to compare the proposals with (untracked-change, base-version). */
  readonly bases?: readonly ComparisonBase[];
}

export interface CheckResult {
  readonly language: Language;
  readonly conference: Conference | null;
  readonly outline: Outline;
  /** Sorted by paragraph, then offset. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Text of every paragraph in one view, computed once per check. */
function viewCache(snapshot: Snapshot, view: 'current' | 'original'): (i: number) => string {
  const cache: (string | undefined)[] = new Array(snapshot.paragraphs.length);
  return (i) => (cache[i] ??= paragraphText(snapshot.paragraphs[i], view));
}

/**
 * One reading of a paragraph, made once per check for the paragraphs in `shared`: several rules read
 * the same number lines, history lines and preambles, and conference inference reads them first.
 * Other paragraphs are read by one rule only; keeping their readings would only hold memory.
 */
function memo<T>(read: (i: number) => T, shared: ReadonlySet<number>): (i: number) => T {
  const cache = new Map<number, T>();
  return (i) => {
    if (!shared.has(i)) return read(i);
    if (!cache.has(i)) cache.set(i, read(i));
    return cache.get(i) as T;
  };
}

/** The paragraphs more than one reader parses for tags: number lines, history lines, preambles. */
function tagLines(outline: Outline): Set<number> {
  const lines = new Set<number>();
  for (const p of outline.proposals)
    for (const line of [p.number, p.history, p.preamble]) if (line) lines.add(line.paragraph);
  return lines;
}

/** Read a snapshot into its outline and run the rules on it. Never throws on any document. */
export function check(snapshot: Snapshot, options: CheckOptions = {}): CheckResult {
  const text = viewCache(snapshot, 'current');
  const original = viewCache(snapshot, 'original');
  // The parser reads every paragraph's text through the same caches the rules then reuse.
  const outline = parse(snapshot, { text, original });
  const language = outline.language;
  const shared = tagLines(outline);
  // A preamble's parenthesis is its venue by position, whatever city it names (a misspelt one too).
  const preambles = new Set(outline.proposals.flatMap((p) => (p.preamble ? [p.preamble.paragraph] : [])));
  const tags = memo((i) => findTags(text(i), language, { venue: preambles.has(i) }), shared);
  const history = memo((i) => parseHistory(text(i), language), shared);
  const conference = options.conference ?? inferConference(outline, text, { tags, history }) ?? null;
  const diagnostics: Diagnostic[] = [];
  const rules: readonly Rule[] = options.rules
    ? RULES.filter((r) => options.rules!.includes(r.meta.id))
    : RULES;
  for (const rule of rules) {
    const context: RuleContext = {
      snapshot,
      outline,
      language: outline.language,
      conference,
      text,
      original,
      tags,
      history,
      report: (f: Report) =>
        diagnostics.push({ ...f, ruleId: rule.meta.id, severity: f.severity ?? rule.meta.severity }),
      ...(options.bases ? { bases: options.bases } : {}),
    };
    rule.check(context);
  }
  diagnostics.sort((a, b) => a.paragraph - b.paragraph || (a.offset ?? 0) - (b.offset ?? 0));
  return { language: outline.language, conference, outline, diagnostics };
}
