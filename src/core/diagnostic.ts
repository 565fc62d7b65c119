import type { TextEdit, ParagraphEdit } from './plan';

export type Severity = 'error' | 'warning';

/** One finding of a rule. */
export interface Diagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** Snapshot index of the paragraph (0-based; shown to users as index + 1). */
  readonly paragraph: number;
  /** The clause in the user's words, e.g. "considérant i)"; absent outside clauses. */
  readonly clause?: string;
  /** A short piece of the current text around the problem. */
  readonly excerpt: string;
  /** Range of the problem in the paragraph's current text. */
  readonly offset?: number;
  readonly length?: number;
  /** For sequence-like findings: what was found and what was expected ("h)" / "i)"). */
  readonly actual?: string;
  readonly expected?: string;
  /** The edits that would fix it; absent when a person must decide. */
  readonly fix?: readonly (TextEdit | ParagraphEdit)[];
}

export const isFixable = (d: Diagnostic): boolean => d.fix !== undefined && d.fix.length > 0;
