import { applyPlan, buildDocx, readDocx, type DocxDocument } from '../../docx';
import { fromMarkup } from '../../core/markup';
import type { EditPlan } from '../../core/plan';
import { fail, ok, type Result } from '../../core/result';
import type { Snapshot } from '../../core/snapshot';
import type { DiagnosableHost, DocumentHost, HostDiagnostics, OperationRecord, Target } from '../host';
import { SAMPLE_FILE_NAME, SAMPLE_MARKUP, SAMPLE_TITLE } from './sample';

/** What the preview's document view shows: the document as last read and the selected target. */
export interface PreviewView {
  readonly snapshot: Snapshot;
  readonly selection?: Target;
  /** Bumped when the document is replaced by Open .docx, so the pane re-reads it. */
  readonly generation: number;
}

/**
 * The browser preview's document: a .docx kept as bytes in memory. Every change goes through the same
 * .docx writer and reader the CLI uses, so the preview shows exactly what a file would contain.
 */
export interface PreviewHost extends DocumentHost, DiagnosableHost {
  readonly kind: 'preview';
  /** The current .docx bytes, for Download .docx. */
  bytes(): Uint8Array;
  /** The file name Download .docx offers. */
  fileName(): string;
  /** Replace the document with a user's file; a file that is not a readable .docx changes nothing. */
  open(bytes: Uint8Array, name: string): Result<void>;
  view(): PreviewView;
  /** Called after every change of document or selection; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** ISO date without milliseconds, as Word writes w:date. */
const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Let the browser paint the progress indicator before a synchronous parse. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function createPreviewHost(initial: {
  bytes: Uint8Array;
  name: string;
  title?: string;
}): Result<PreviewHost> {
  const first = readDocx(initial.bytes, initial.name);
  if (!first.ok) return first;
  let doc: DocxDocument = first.value;
  let bytes = initial.bytes;
  let name = initial.name;
  let title = initial.title ?? initial.name;
  let selection: Target | undefined;
  let generation = 0;
  let view: PreviewView = { snapshot: doc.snapshot, generation };
  const listeners = new Set<() => void>();
  // What the Diagnostics view shows: the preview reads its own bytes, so no round trips to count.
  let lastRead: OperationRecord | undefined;
  let lastApply: OperationRecord | undefined;
  let lastError: HostDiagnostics['lastError'];
  const clock = () => globalThis.performance?.now() ?? Date.now();
  const record = (name: 'read' | 'apply', start: number, r: Result<unknown>): void => {
    const op: OperationRecord = { name, milliseconds: Math.round(clock() - start), roundTrips: 0, ok: r.ok };
    if (name === 'read') lastRead = op;
    else lastApply = op;
    if (!r.ok) lastError = { message: r.reason };
  };
  const changed = () => {
    view = { snapshot: doc.snapshot, selection, generation };
    for (const l of listeners) l();
  };

  const host: PreviewHost = {
    kind: 'preview',
    get title() {
      return title;
    },
    async read(onProgress) {
      onProgress?.(0);
      await nextFrame();
      const start = clock();
      // The bytes are the truth: read them again, as Word would be read again, rather than trust a cache.
      const r = readDocx(bytes, name);
      record('read', start, r);
      onProgress?.(1);
      if (!r.ok) return r;
      doc = r.value;
      changed();
      return ok(doc.snapshot);
    },
    async apply(plan: EditPlan) {
      const start = clock();
      const written = applyPlan(doc, plan, { author: 'Amend', date: now() });
      if (!written.ok) {
        record('apply', start, written);
        return written;
      }
      const reread = readDocx(written.value, name);
      if (!reread.ok) {
        const failed = fail(`the edited document could not be read back: ${reread.reason}`);
        record('apply', start, failed);
        return failed;
      }
      record('apply', start, reread);
      bytes = written.value;
      doc = reread.value;
      changed();
      return ok(undefined);
    },
    async select(target) {
      if (target.paragraph < 0 || target.paragraph >= doc.snapshot.paragraphs.length)
        return fail(`paragraph ${target.paragraph + 1} is no longer in the document: re-check`);
      selection = target;
      changed();
      return ok(undefined);
    },
    diagnostics: () => ({
      host: 'Preview',
      ...(typeof navigator !== 'undefined' ? { platform: navigator.userAgent } : {}),
      requirementSets: [],
      readPath: 'preview',
      ...(lastRead ? { lastRead } : {}),
      ...(lastApply ? { lastApply } : {}),
      ...(lastError ? { lastError } : {}),
    }),
    bytes: () => bytes,
    fileName: () => name,
    open(newBytes, newName) {
      const r = readDocx(newBytes, newName);
      if (!r.ok) return r;
      doc = r.value;
      bytes = newBytes;
      name = newName;
      title = newName;
      selection = undefined;
      generation += 1;
      changed();
      return ok(undefined);
    },
    view: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return ok(host);
}

/** The built-in sample, written to a .docx by the same builder the tests use, then opened like any file. */
export function createSampleHost(): Result<PreviewHost> {
  const bytes = buildDocx(fromMarkup(SAMPLE_MARKUP, 'APT', '2022-02-01T00:00:00Z'));
  return createPreviewHost({ bytes, name: SAMPLE_FILE_NAME, title: SAMPLE_TITLE });
}
