import type { ComparisonBase } from './compare/base';
import type { Conference, Language } from './conferences';
import type { Diagnostic, Severity } from './diagnostic';
import type { Outline } from './model';
import type { Snapshot } from './snapshot';
import type { HistoryLine, TagMatch } from './tags';

export interface RuleMeta {
  /** The rule id, also its file name: `clause-sequence`. */
  readonly id: string;
  /** What it checks, one sentence. */
  readonly description: string;
  /** Default severity; a rule may report some findings as warnings (`reasons`). */
  readonly severity: Severity;
  readonly fixable: boolean;
}

/** What a finding is reported with: ruleId comes from the rule, severity defaults to meta.severity. */
export type Report = Omit<Diagnostic, 'ruleId' | 'severity'> & { readonly severity?: Severity };

export interface RuleContext {
  readonly snapshot: Snapshot;
  readonly outline: Outline;
  readonly language: Language;
  /** The target conference: given by the user or inferred from the document; null when neither. */
  readonly conference: Conference | null;
  /** Current-view text of a paragraph (cached). */
  text(paragraph: number): string;
  /** Original-view text of a paragraph (cached). */
  original(paragraph: number): string;
  /**
   * The revision tags of a paragraph's current text (`findTags` in the document's language, cached); a
   * preamble's parenthesis is read as a tag whatever city it names.
   */
  tags(paragraph: number): readonly TagMatch[];
  /** A paragraph's current text read as a history line (`parseHistory`, cached); null when it is none. */
  history(paragraph: number): HistoryLine | null;
  report(finding: Report): void;
  /** The in-force texts to compare proposals with (`--base`); absent when none were given. */
  readonly bases?: readonly ComparisonBase[];
}

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
}
