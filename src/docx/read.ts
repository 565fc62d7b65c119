import type { SaxesTagNS } from 'saxes';
import { fail, ok, type Result } from '../core/result';
import type { Paragraph, Run, Snapshot } from '../core/snapshot';
import { BodyReader, snapshotRun, tallyRun, type RawParagraph, type RunTally } from './body';
import { ListCounter } from './numbering';
import {
  ContentTypesReader,
  FootnotesReader,
  NumberingReader,
  roleOf,
  StylesReader,
  type PartRole,
  type StyleDef,
} from './parts';
import { StyleVisibility } from './styles-hidden';
import type { DocxDocument, DocxReading, DocxSource } from './types';
import { anyAttr, decodeXml, parseXml, PKG, type DecodedXml, type XmlSink } from './xml';
import {
  crc32,
  findEntry,
  inflateEntry,
  looksLikeZip,
  readZip,
  type Checksum,
  type Inflater,
  type ZipArchive,
} from './zip';

const DEFAULT_PARTS: Record<PartRole, string> = {
  document: 'word/document.xml',
  styles: 'word/styles.xml',
  numbering: 'word/numbering.xml',
  footnotes: 'word/footnotes.xml',
};

/** How readPackage reads a package. */
export interface ReadOptions {
  /**
   * Inflates the package's parts: the CLI passes Node's native zlib; `readDocx` (portable.ts) passes
   * fflate, streamed, for the browser and Word.
   */
  readonly inflate: Inflater;
  /** The CRC-32 every part read is checked against (default: the portable one; the CLI passes zlib's). */
  readonly crc32?: Checksum;
  /**
   * Whether to keep what the writer needs: document.xml and the offsets of every paragraph and run
   * (default true). `false` reads the snapshot alone, for callers that never write (check, outline):
   * less to allocate, and document.xml is garbage as soon as it is parsed.
   */
  readonly layout?: boolean;
  /**
   * Whether to read the footnotes part into `snapshot.footnotes` (default true). No rule reads
   * footnote texts, so check and outline skip the part: on a proceedings volume it is a twentieth of
   * the XML to parse.
   */
  readonly footnotes?: boolean;
}

/**
 * Reads a .docx package into the engine's snapshot. `name` is only used in messages. Never throws on
 * any input: an empty, damaged, encrypted or legacy file, a DOCTYPE or a zip bomb is a failure.
 */
export function readPackage(
  bytes: Uint8Array,
  name: string,
  options: ReadOptions & { readonly layout?: true },
): Result<DocxDocument>;
export function readPackage(bytes: Uint8Array, name: string, options: ReadOptions): Result<DocxReading>;
export function readPackage(bytes: Uint8Array, name: string, options: ReadOptions): Result<DocxReading> {
  if (bytes.length === 0) return fail(`${name}: the file is empty`);
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return fail(`${name}: ${describeOle2(bytes)}`);
  }
  if (!looksLikeZip(bytes)) return fail(`${name}: not a .docx file (it is not a zip package)`);
  const zip = readZip(bytes, name);
  if (!zip.ok) return zip;
  const checksum = options.crc32 ?? crc32;
  const paths = partPaths(zip.value, name, options.inflate, checksum);
  if (!paths.ok) return paths;
  const documentPath = paths.value.document;
  if (!documentPath || !zip.value.byName.has(documentPath)) {
    return fail(`${name}: not a Word document (no ${documentPath ?? DEFAULT_PARTS.document} in the package)`);
  }
  const text = (role: PartRole): Result<DecodedXml | undefined> => {
    const path = paths.value[role];
    const entry = path ? zip.value.byName.get(path) : undefined;
    if (!entry) return ok(undefined);
    const bytes = inflateEntry(entry, name, options.inflate, checksum);
    return bytes.ok ? decodeXml(bytes.value, `${name} (${path})`) : bytes;
  };
  const documentXml = text('document');
  if (!documentXml.ok) return documentXml;
  const decoded = documentXml.value!;
  const xml = decoded.text;
  const layout = options.layout !== false;
  const readers = new Readers(layout ? xml : null);
  for (const role of ['styles', 'numbering', 'footnotes'] as const) {
    if (role === 'footnotes' && options.footnotes === false) continue;
    const part = text(role);
    if (!part.ok) return part;
    if (part.value === undefined) continue;
    const parsed = parseXml(part.value.text, `${name} (${paths.value[role]})`, readers.sink(role));
    if (!parsed.ok) return parsed;
  }
  const parsed = parseXml(xml, `${name} (${documentPath})`, readers.body);
  if (!parsed.ok) return parsed;
  if (!layout) return ok({ name, snapshot: readers.snapshot() });
  const source: DocxSource = {
    kind: 'package',
    zip: zip.value,
    documentPart: documentPath,
    encoding: { encoding: decoded.encoding, bom: decoded.bom },
    crc32: checksum,
  };
  return ok(readers.finish(name, source, xml));
}

/**
 * Reads the Flat OPC XML (`pkg:package`) that Word's `body.getOoxml()` returns, with the same part
 * readers in a single pass. The result is read-only: plans are applied through Word itself.
 */
export function readFlatOpc(xml: string, name = 'Word document'): Result<DocxDocument> {
  if (xml.trim() === '') return fail(`${name}: the OOXML is empty`);
  const readers = new Readers(xml);
  // Whether a run is hidden depends on the styles, and Word hands out the document part first: the
  // styles part is read before the body, so that the pane reads what the CLI reads from the package.
  const styles = readFlatStyles(xml, name);
  if (!styles.ok) return styles;
  readers.styles = styles.value;
  const router = new FlatRouter(readers, 'styles');
  const parsed = parseXml(xml, name, router);
  if (!parsed.ok) return parsed;
  if (!router.sawDocument) return fail(`${name}: no main document part in the OOXML package`);
  return ok(readers.finish(name, { kind: 'flat' }, xml));
}

/** Where each part lives: from [Content_Types].xml, else Word's usual paths. */
function partPaths(
  zip: ZipArchive,
  name: string,
  inflate: Inflater,
  checksum: Checksum,
): Result<Partial<Record<PartRole, string>>> {
  const paths: Partial<Record<PartRole, string>> = {};
  const entry = findEntry(zip, '[Content_Types].xml');
  if (entry) {
    const bytes = inflateEntry(entry, name, inflate, checksum);
    if (!bytes.ok) return bytes;
    const label = `${name} ([Content_Types].xml)`;
    const decoded = decodeXml(bytes.value, label);
    if (!decoded.ok) return decoded;
    const types = new ContentTypesReader();
    const parsed = parseXml(decoded.value.text, label, types);
    if (!parsed.ok) return parsed;
    for (const [part, type] of types.overrides) {
      const role = roleOf(type, part);
      if (!role) continue;
      // Content types name parts in any case; the entry is what is read and written.
      const named = findEntry(zip, part)?.name ?? part;
      if (paths[role] === undefined) paths[role] = named;
      else if (role === 'document' && paths.document !== named)
        return fail(
          `${name}: two main document parts (${paths.document}, ${named}); readers disagree on which is the document`,
        );
    }
  }
  for (const role of Object.keys(DEFAULT_PARTS) as PartRole[]) {
    if (paths[role] === undefined) paths[role] = findEntry(zip, DEFAULT_PARTS[role])?.name;
  }
  return ok(paths);
}

/** OLE2 compound files are legacy .doc files or encrypted OOXML; the directory names tell which. */
function describeOle2(bytes: Uint8Array): string {
  const has = (s: string) => {
    const utf16 = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) utf16[i * 2] = s.charCodeAt(i);
    outer: for (let i = 0; i + utf16.length <= Math.min(bytes.length, 1 << 22); i++) {
      for (let j = 0; j < utf16.length; j++) if (bytes[i + j] !== utf16[j]) continue outer;
      return true;
    }
    return false;
  };
  if (has('EncryptionInfo'))
    return 'the document is encrypted or rights-protected; remove the protection and save it as .docx';
  if (has('WordDocument')) return 'this is a legacy Word 97-2003 .doc file; save it as .docx';
  return 'encrypted or a legacy .doc (OLE2) file; save it as an unprotected .docx';
}

/** The part readers of one document and the assembly of their results into a snapshot. */
class Readers {
  readonly body: BodyReader;
  /** Replaced before any part is read when the styles are read apart (Flat OPC). */
  styles = new StylesReader();
  readonly numbering = new NumberingReader();
  readonly footnotes = new FootnotesReader();
  /** Paragraphs assembled as the body is read (snapshot only), else by snapshot(). */
  private readonly paragraphs: Paragraph[] = [];
  private assembly: Assembly | undefined;

  /**
   * `xml` null: read the snapshot only, assembling each paragraph as soon as it ends (see BodyReader).
   * That needs styles and numbering first, so it is for packages, whose parts are read in that order.
   */
  constructor(xml: string | null) {
    let visibility: StyleVisibility | undefined;
    this.body = new BodyReader(
      xml,
      xml === null ? (raw, runs, tally) => this.paragraphs.push(this.paragraph(raw, runs, tally)) : null,
      // Made at the first run, when the styles have been read (they are read before the body).
      (p, c) => (visibility ??= new StyleVisibility(this.styles)).hidden(p, c),
    );
  }

  sink(role: PartRole): XmlSink {
    return role === 'document'
      ? this.body
      : role === 'styles'
        ? this.styles
        : role === 'numbering'
          ? this.numbering
          : this.footnotes;
  }

  finish(name: string, source: DocxSource, documentXml: string): DocxDocument {
    return {
      name,
      snapshot: this.snapshot(),
      source,
      documentXml,
      layout: this.body.paragraphs,
      atoms: this.body.atoms,
      maxId: Math.max(this.body.maxId, this.footnotes.maxId),
      root: this.body.root,
    };
  }

  /** The snapshot the parts read into: styles and automatic numbers resolved. */
  snapshot(): Snapshot {
    const paragraphs = this.paragraphs;
    for (const raw of this.body.paragraphs) {
      const runs: Run[] = [];
      const tally: RunTally = { textRuns: 0, italicOn: 0, italicInherited: 0 };
      for (const r of raw.runs) {
        const run = snapshotRun(r.text, r.revision, r.footnote, r.field);
        if (run === null) continue;
        runs.push(run);
        tallyRun(tally, r.text, r.revision, r.italic);
      }
      paragraphs.push(this.paragraph(raw, runs, tally));
    }
    const notes = this.footnotes.notes;
    return Object.keys(notes).length > 0 ? { paragraphs, footnotes: notes } : { paragraphs };
  }

  /** The next paragraph of the snapshot: its style's formatting and its automatic number resolved. */
  private paragraph(raw: RawParagraph, runs: Run[], tally: RunTally): Paragraph {
    const a = (this.assembly ??= {
      styles: this.styles.styles,
      chains: new Map<string, StyleDef[]>(),
      counter: new ListCounter(this.numbering, this.styles.styles),
    });
    const styles = a.styles;
    const styleId = raw.styleId ?? this.styles.defaultStyle;
    let chain = styleId !== undefined ? a.chains.get(styleId) : NO_STYLE;
    if (!chain) {
      chain = styleChain(styles, styleId);
      a.chains.set(styleId!, chain);
    }
    const styleItalic = chain.find((s) => s.italic !== undefined)?.italic ?? this.styles.defaultItalic;
    const italicRuns = tally.italicOn + (styleItalic ? tally.italicInherited : 0);
    const italic = tally.textRuns > 0 ? italicRuns === tally.textRuns : (raw.markItalic ?? styleItalic);

    let numbering: Paragraph['numbering'];
    let numId = raw.numId;
    let ilvl = raw.ilvl;
    if (numId === undefined) {
      const withList = chain.find((s) => s.numId !== undefined);
      numId = withList?.numId;
      ilvl = withList?.ilvl ?? 0;
    }
    if (numId !== undefined && numId !== '0') {
      // A paragraph deleted in the current view does not take a number from the list (see ListCounter.label).
      const deleted = raw.mark?.kind === 'del' && tally.textRuns === 0;
      const label = a.counter.label(numId, ilvl, !deleted);
      if (label !== undefined) numbering = { label, numId, level: ilvl };
    }
    const paragraph: Mutable<Paragraph> = { index: this.paragraphs.length, runs };
    if (raw.styleId !== undefined) {
      paragraph.styleId = raw.styleId;
      paragraph.styleName = styles.get(raw.styleId)?.name ?? raw.styleId;
    }
    if (numbering) paragraph.numbering = numbering;
    if (raw.mark) paragraph.mark = raw.mark;
    if (raw.inTable) paragraph.inTable = true;
    if (italic) paragraph.italic = true;
    return paragraph;
  }
}

/** What assembling paragraphs needs, made at the first paragraph (after styles and numbering are read). */
interface Assembly {
  readonly styles: ReadonlyMap<string, StyleDef>;
  readonly chains: Map<string, StyleDef[]>;
  readonly counter: ListCounter;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NO_STYLE: StyleDef[] = [];

/** A style and its ancestors (w:basedOn), nearest first, cycles cut. */
function styleChain(styles: ReadonlyMap<string, StyleDef>, id: string | undefined): StyleDef[] {
  const chain: StyleDef[] = [];
  for (
    let s = id !== undefined ? styles.get(id) : undefined;
    s && !chain.includes(s) && chain.length < 32;
    s = s.basedOn ? styles.get(s.basedOn) : undefined
  ) {
    chain.push(s);
  }
  return chain;
}

const STYLES_TYPE = 'wordprocessingml.styles+xml';

/**
 * Reads the styles part of a Flat OPC package, wherever it stands in the package: its `pkg:xmlData` is
 * found by its content type and parsed alone, which costs a search, not a second parse of the
 * document. When that slice does not parse on its own (a namespace declared on the package, say),
 * the whole package is parsed once more with only the styles part routed.
 */
function readFlatStyles(xml: string, name: string): Result<StylesReader> {
  for (let at = xml.indexOf(STYLES_TYPE); at >= 0; at = xml.indexOf(STYLES_TYPE, at + 1)) {
    const open = xml.lastIndexOf('<', at);
    const close = xml.indexOf('>', at);
    const tag = /^<(?:([\w.-]+):)?part\s/.exec(xml.slice(open, close));
    if (!tag) continue;
    const partName = /[\s:]name\s*=\s*["']\/?([^"']*)/.exec(xml.slice(open, close))?.[1] ?? '';
    const contentType = /contentType\s*=\s*["']([^"']*)/.exec(xml.slice(open, close))?.[1] ?? '';
    if (roleOf(contentType, partName) !== 'styles') continue;
    const data = `${tag[1] ? `${tag[1]}:` : ''}xmlData`;
    const dataOpen = xml.indexOf(`<${data}`, close);
    const partEnd = xml.indexOf(`</${tag[1] ? `${tag[1]}:` : ''}part`, close);
    const dataClose = xml.indexOf(`</${data}`, dataOpen);
    if (dataOpen < 0 || dataClose < 0 || (partEnd >= 0 && dataOpen > partEnd)) break;
    const start = xml.indexOf('>', dataOpen) + 1;
    const alone = new StylesReader();
    if (parseXml(xml.slice(start, dataClose), name, alone).ok) return ok(alone);
    break;
  }
  const styles = new StylesReader();
  if (!xml.includes(STYLES_TYPE)) return ok(styles);
  const parsed = parseXml(xml, name, new FlatRouter({ sink: (role) => (role === 'styles' ? styles : null) }));
  return parsed.ok ? ok(styles) : parsed;
}

/** Routes the events of each `pkg:xmlData` of a Flat OPC package to the reader of that part. */
class FlatRouter implements XmlSink {
  sawDocument = false;
  private role: PartRole | undefined;
  private target: XmlSink | null = null;
  private dataDepth = -1;
  private depth = 0;

  /** `readers.sink` null, or the role `skip`: the part is not read. */
  constructor(
    private readonly readers: { sink(role: PartRole): XmlSink | null },
    private readonly skip?: PartRole,
  ) {}

  open(tag: SaxesTagNS, end: number): void {
    this.depth++;
    if (this.target) return this.target.open(tag, end);
    if (tag.uri !== PKG) return;
    if (tag.local === 'part') {
      const partName = (anyAttr(tag, 'name') ?? '').replace(/^\//, '');
      this.role = roleOf(anyAttr(tag, 'contentType') ?? '', partName);
    } else if (tag.local === 'xmlData' && this.role) {
      if (this.role === 'document') {
        if (this.sawDocument) return;
        this.sawDocument = true;
      }
      if (this.role === this.skip) return;
      this.target = this.readers.sink(this.role);
      this.dataDepth = this.depth;
    }
  }

  close(tag: SaxesTagNS, end: number): void {
    if (this.target && this.depth === this.dataDepth) {
      this.target = null;
      this.role = undefined;
    }
    this.depth--;
    if (this.target) this.target.close(tag, end);
  }

  text(t: string): void {
    this.target?.text(t);
  }
}
