import type { Revision, Snapshot } from '../core/snapshot';
import type { ZipArchive } from './zip';

/** A `[start, end)` range of UTF-16 offsets in document.xml. */
export type Span = readonly [number, number];

/**
 * The children of runs as the writer sees them, four numbers per child in one array shared by the
 * document: start and end offsets of its XML, how many current-view characters it stands for, and 1
 * when it is a text element (w:t, w:delText; regenerated when a run is split) or 0 for any other
 * child (tab, break, symbol, field character, footnote reference…: copied verbatim).
 */
export type RunAtoms = readonly number[];

/** A tracked-change element wrapping runs directly (`<w:ins>…<w:r/>…</w:ins>`). */
export interface Wrapper {
  readonly local: 'ins' | 'del' | 'moveFrom' | 'moveTo';
  /** The start tag, `<w:ins …>`. */
  readonly open: Span;
  /** The end tag, `</w:ins>`. */
  readonly close: Span;
}

export interface RunLayout {
  readonly start: number;
  readonly end: number;
  /** End of the `<w:r …>` start tag (Word puts rsid attributes there). */
  readonly openEnd: number;
  /** The run's `w:rPr`, or -1. */
  readonly rPrStart: number;
  readonly rPrEnd: number;
  /** The run's children: indexes `[atomFrom, atomTo)` into DocxDocument.atoms, four numbers per child. */
  readonly atomFrom: number;
  readonly atomTo: number;
  /** All characters of the run, current and deleted alike. */
  readonly text: string;
  readonly revision?: Revision;
  /** Inserted by someone and deleted later (`revision.inserted` is set): absent from both views. */
  readonly insertedThenDeleted?: boolean;
  /** The run's direct tracked-change parent, when it has one. */
  readonly wrapper?: Wrapper;
  readonly footnote?: string;
  /** Direct `w:i` (undefined: inherited from the style). */
  readonly italic?: boolean;
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
  readonly atoms: RunAtoms;
  /** The highest numeric `w:id` in the document part: new revision ids start above it. */
  readonly maxId: number;
}
