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
  /**
   * Apply a plan as tracked changes; refuses a stale plan (a paragraph changed since it was read) with no
   * partial change. A refusal may be a `PlacementRefusal` (core/fix) naming the edits the host cannot
   * place, nothing written, so that Fix all can set their findings aside and make the rest.
   */
  apply(plan: EditPlan): Promise<Result<void>>;
  /** Select the target in the document (the preview scrolls its text view to it). */
  select(target: Target): Promise<Result<void>>;
}

/** How the last read reached the document: Word's OOXML of the body, or the whole file. */
export type ReadPath = 'ooxml' | 'file' | 'preview';

/** An operation's record for the Diagnostics view: how long it took and how many host round trips. */
export interface OperationRecord {
  readonly name: 'read' | 'apply' | 'select';
  readonly milliseconds: number;
  readonly roundTrips?: number;
  readonly ok: boolean;
}

/**
 * What a delegate pastes into a support mail: where the pane runs and what happened last. Built on the
 * machine from what the host already knows; nothing is sent anywhere.
 */
export interface HostDiagnostics {
  /** "Word", "Preview". */
  readonly host: string;
  /** Office's platform (`PC`, `Mac`, `OfficeOnline`, `iOS`), or the browser's user agent in the preview. */
  readonly platform?: string;
  readonly officeVersion?: string;
  /** Requirement sets checked, each with whether this host supports it. */
  readonly requirementSets: readonly { readonly name: string; readonly supported: boolean }[];
  readonly readPath?: ReadPath;
  readonly lastRead?: OperationRecord;
  readonly lastApply?: OperationRecord;
  /** The last error, with the Office error's `debugInfo` when it had one. */
  readonly lastError?: { readonly message: string; readonly code?: string; readonly debugInfo?: string };
}

/** A host that can describe itself for the Diagnostics view. */
export interface DiagnosableHost {
  diagnostics(): HostDiagnostics;
}
