import type { Field, Revision, Snapshot } from '../core/snapshot';
import type { RootBinding } from './body';
import type { XmlEncoding } from './xml';
import type { Checksum, ZipArchive } from './zip';

/** A `[start, end)` range of UTF-16 offsets in document.xml. */
export type Span = readonly [number, number];

/**
 * The children of runs as the writer sees them, four numbers per child in one array shared by the
 * document: start and end offsets of its XML, how many current-view characters it stands for, and 1
 * when it is a text element (w:t, w:delText; regenerated when a run is split) or 0 for any other
 * child (tab, break, symbol, field character, footnote reference…: copied verbatim).
 */
export type RunAtoms = readonly number[];

/** A tracked-change element wrapping runs directly (`<w:ins …>…<w:r/>…</w:ins>`): offsets of its tags. */
export interface Wrapper {
  readonly local: 'ins' | 'del' | 'moveFrom' | 'moveTo';
  readonly openStart: number;
  readonly openEnd: number;
  readonly closeStart: number;
  readonly closeEnd: number;
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
  readonly revision: Revision | undefined;
  /** Inserted by someone and deleted later (`revision.inserted` is set): absent from both views. */
  readonly insertedThenDeleted: boolean;
  /** The run's direct tracked-change parent, when it has one. */
  readonly wrapper: Wrapper | undefined;
  readonly footnote: string | undefined;
  /** Direct `w:i` (undefined: inherited from the style). */
  readonly italic: boolean | undefined;
  /** The field whose result the run's text is (see Run.field). */
  readonly field: Field | undefined;
}

/**
 * A paragraph's place in document.xml. Offsets are flat numbers (-1 when the element is absent): a
 * large document has one of these per paragraph, and fewer objects read faster.
 */
export interface ParagraphLayout {
  readonly start: number;
  readonly end: number;
  /** `<w:p/>` written as an empty element. */
  readonly selfClosing: boolean;
  readonly pPrStart: number;
  readonly pPrEnd: number;
  readonly pStyleStart: number;
  readonly pStyleEnd: number;
  /** `w:pPr/w:rPr`, the paragraph mark's properties, and the end of its start tag. */
  readonly markRPrStart: number;
  readonly markRPrOpenEnd: number;
  readonly markRPrEnd: number;
  /** Parts of `w:pPr` a copied paragraph must not inherit (section breaks, changes, mark revisions): start, end pairs. */
  readonly pPrStrip: readonly number[];
  readonly runs: readonly RunLayout[];
}

/** Where a DocxDocument came from: a zip package (writable) or Word's Flat OPC XML (read only). */
export type DocxSource =
  | {
      readonly kind: 'package';
      readonly zip: ZipArchive;
      readonly documentPart: string;
      /** How document.xml was encoded: the writer encodes it the same way. */
      readonly encoding: { readonly encoding: XmlEncoding; readonly bom: boolean };
      /** The CRC-32 the reader checked parts with; the writer checks the parts it copies with it too. */
      readonly crc32: Checksum;
    }
  | { readonly kind: 'flat' };

/** A .docx read for the engine only (`readPackage(…, { layout: false })`): nothing to write through. */
export interface DocxReading {
  /** The file name given to the reader, used in messages. */
  readonly name: string;
  readonly snapshot: Snapshot;
}

/** A read .docx: the engine's snapshot plus what the writer needs to splice tracked changes in. */
export interface DocxDocument extends DocxReading {
  readonly source: DocxSource;
  /** The main document part as read (for Flat OPC, the whole package XML). */
  readonly documentXml: string;
  /** One layout per snapshot paragraph, same order; run layouts include runs the snapshot leaves out. */
  readonly layout: readonly ParagraphLayout[];
  readonly atoms: RunAtoms;
  /** The highest numeric `w:id` in the document part: new revision ids start above it. */
  readonly maxId: number;
  /** How document.xml's root binds WordprocessingML (undefined when it has no root element). */
  readonly root: RootBinding | undefined;
}
