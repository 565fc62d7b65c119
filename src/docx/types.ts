import type { Revision, Snapshot } from '../core/snapshot';
import type { ZipArchive } from './zip';

/** A `[start, end)` range of UTF-16 offsets in document.xml. */
export type Span = readonly [number, number];

/**
 * A child of a run as the writer sees it: its XML range and the current-view characters it stands for.
 * `text` pieces (w:t, w:delText) are regenerated when a run is split; every other child (tab, break,
 * symbol, field character, footnote reference…) is copied verbatim.
 */
export interface RunAtom {
  readonly span: Span;
  readonly chars: string;
  readonly isText: boolean;
}

/** A tracked-change element wrapping runs directly (`<w:ins>…<w:r/>…</w:ins>`). */
export interface Wrapper {
  readonly local: 'ins' | 'del' | 'moveFrom' | 'moveTo';
  /** The start tag, `<w:ins …>`. */
  readonly open: Span;
  /** The end tag, `</w:ins>`. */
  readonly close: Span;
}

export interface RunLayout {
  readonly span: Span;
  /** The `<w:r …>` start tag (Word puts rsid attributes there). */
  readonly openTag: Span;
  /** The run's `w:rPr`, if any. */
  readonly rPr?: Span;
  readonly atoms: readonly RunAtom[];
  /** All characters of the run, current and deleted alike. */
  readonly text: string;
  readonly revision?: Revision;
  /** Inserted by someone and deleted later (`revision.inserted` is set): absent from both views. */
  readonly insertedThenDeleted?: boolean;
  /** The run's direct tracked-change parent, when it has one. */
  readonly wrapper?: Wrapper;
  readonly footnote?: string;
}

export interface ParagraphLayout {
  readonly span: Span;
  /** `<w:p/>` written as an empty element. */
  readonly selfClosing: boolean;
  /** Offset where run content may start: after `w:pPr`, or after the start tag. */
  readonly contentStart: number;
  readonly pPr?: Span;
  readonly pStyle?: Span;
  /** `w:pPr/w:rPr` (the paragraph mark's properties) and the end of its start tag. */
  readonly markRPr?: { readonly span: Span; readonly openEnd: number };
  /** Parts of `w:pPr` a copied paragraph must not inherit: section breaks, changes, mark revisions. */
  readonly pPrStrip: readonly Span[];
  readonly runs: readonly RunLayout[];
}

/** Where a DocxDocument came from: a zip package (writable) or Word's Flat OPC XML (read only). */
export type DocxSource =
  | { readonly kind: 'package'; readonly zip: ZipArchive; readonly documentPart: string }
  | { readonly kind: 'flat' };

/** A read .docx: the engine's snapshot plus what the writer needs to splice tracked changes in. */
export interface DocxDocument {
  /** The file name given to the reader, used in messages. */
  readonly name: string;
  readonly snapshot: Snapshot;
  readonly source: DocxSource;
  /** The main document part as read (for Flat OPC, the whole package XML). */
  readonly documentXml: string;
  /** One layout per snapshot paragraph, same order; run layouts include runs the snapshot leaves out. */
  readonly layout: readonly ParagraphLayout[];
  /** The highest numeric `w:id` in the document part: new revision ids start above it. */
  readonly maxId: number;
}
