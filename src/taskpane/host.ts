import type { EditPlan } from '../core/plan';
import type { Result } from '../core/result';
import type { Snapshot } from '../core/snapshot';

/** What the pane selects in the document: a paragraph, or a range of its current text. */
export interface Target {
  readonly paragraph: number;
  readonly offset?: number;
  readonly length?: number;
}

/**
 * The document the pane works on, injected into the components: Word through Office.js, or the
 * browser preview's .docx in memory. Components never touch Word themselves.
 */
export interface DocumentHost {
  readonly kind: 'word' | 'preview';
  /** A short name for the document ("Sample proposal", the file name). */
  readonly title: string;
  /** Read the document; `onProgress` gets a fraction 0..1 while a large document is read. */
  read(onProgress?: (fraction: number) => void): Promise<Result<Snapshot>>;
  /** Apply a plan as tracked changes; refuses a stale plan (a paragraph changed since it was read) with no partial change. */
  apply(plan: EditPlan): Promise<Result<void>>;
  /** Select the target in the document (the preview scrolls its text view to it). */
  select(target: Target): Promise<Result<void>>;
}
