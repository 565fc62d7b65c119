import type { EditPlan, ParagraphEdit, TextEdit } from '../core/plan';
import { overlaps } from '../core/plan';
import { untracked } from '../core/apply';
import { fail, ok, type Result } from '../core/result';
import { fieldAt, fieldReason, paragraphText } from '../core/snapshot';
import { runContent } from './build';
import type { DocxDocument, ParagraphLayout, RunLayout, Span } from './types';
import { decodeXml, encodeXml, esc, W as W_NS } from './xml';
import { streamInflate, writeZip } from './portable';
import { inflateEntry } from './zip';
import { RevisionIds } from './revision-ids';

/** Who makes the tracked changes, and when (ISO 8601; milliseconds are dropped). */
export interface ApplyOptions {
  readonly author: string;
  readonly date: string;
}

/** A replacement of `[start, end)` of document.xml; equal starts keep creation order. */
interface Splice {
  readonly start: number;
  readonly end: number;
  readonly xml: string;
}

/**
 * Writes an edit plan into the package as real tracked changes and returns the new .docx.
 * The whole plan is refused (no output) when the document changed since the plan was made. Only the
 * touched runs of document.xml are rewritten; every other byte of it and every other part is kept.
 */
export function applyPlan(doc: DocxDocument, plan: EditPlan, options: ApplyOptions): Result<Uint8Array> {
  if (doc.source.kind !== 'package')
    return fail(`${doc.name}: this document was read from Word's OOXML; apply the plan through Word`);
  const checked = validate(doc, plan);
  if (!checked.ok) return checked;
  // Every part but document.xml is copied as it is: inflated (its CRC-32 checked) and stored again.
  const source = doc.source;
  const others: [string, Uint8Array][] = [];
  for (const entry of source.zip.entries) {
    if (entry.name === source.documentPart) continue;
    const bytes = inflateEntry(entry, doc.name, streamInflate, source.crc32);
    if (!bytes.ok) return bytes;
    others.push([entry.name, bytes.value]);
  }
  const ids = new RevisionIds(doc.documentXml, doc.maxId, xmlPartsOf(others));
  const writer = new SpliceWriter(doc, options, ids);
  const textEdits = new Map<number, TextEdit[]>();
  for (const e of plan.edits) {
    if (e.kind === 'paragraph') writer.paragraph(e);
    else textEdits.set(e.paragraph, [...(textEdits.get(e.paragraph) ?? []), e]);
  }
  for (const [index, edits] of textEdits) writer.text(index, edits);
  const xml = writer.result();

  const files: [string, Uint8Array][] = [];
  let k = 0;
  for (const entry of source.zip.entries) {
    if (entry.name === source.documentPart) files.push([entry.name, encodeXml(xml, source.encoding)]);
    else files.push(others[k++]);
  }
  return ok(writeZip(files));
}

/** The text of the XML parts among `files` (those that do not decode are not XML the ids live in). */
function* xmlPartsOf(files: readonly (readonly [string, Uint8Array])[]): Iterable<string> {
  for (const [name, bytes] of files) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const decoded = decodeXml(bytes, name);
    if (decoded.ok) yield decoded.value.text;
  }
}

function validate(doc: DocxDocument, plan: EditPlan): Result<void> {
  const paragraphs = doc.snapshot.paragraphs;
  const stale = (i: number) =>
    fail(`${doc.name}: paragraph ${i + 1} changed since the document was checked; check it again`);
  for (const a of plan.anchors) {
    if (
      a.paragraph < 0 ||
      a.paragraph >= paragraphs.length ||
      paragraphText(paragraphs[a.paragraph]) !== a.text
    )
      return stale(a.paragraph);
  }
  for (const e of plan.edits) {
    if (e.kind === 'paragraph') {
      if (
        e.before < 0 ||
        e.before > paragraphs.length ||
        (e.styleFrom !== undefined && !paragraphs[e.styleFrom])
      )
        return stale(e.before);
      if (paragraphs.length === 0)
        return fail(`${doc.name}: the document has no paragraph to insert next to`);
      continue;
    }
    const p = paragraphs[e.paragraph];
    if (
      !p ||
      e.offset < 0 ||
      paragraphText(p).slice(e.offset, e.offset + e.length) !== e.expected ||
      e.expected.length !== e.length
    ) {
      return stale(e.paragraph);
    }
    // Text written into a field's result is lost the next time Word updates the field.
    const field = fieldAt(p, e.offset, e.length);
    if (field !== undefined)
      return fail(
        `${doc.name}: the change in paragraph ${e.paragraph + 1} would edit ${fieldReason(field)}; nothing was written`,
      );
    if (e.restore !== undefined && !untracked(p, e))
      return fail(
        `${doc.name}: the plan shows text of paragraph ${e.paragraph + 1} that is already a tracked change`,
      );
  }
  // Text edits of one paragraph must not overlap; new paragraphs at one place go in plan order.
  const text = plan.edits
    .filter((e): e is TextEdit => e.kind === 'text')
    .sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset);
  for (let i = 1; i < text.length; i++) {
    if (overlaps(text[i - 1], text[i])) {
      return fail(
        `${doc.name}: the plan "${plan.title}" has overlapping edits in paragraph ${text[i].paragraph + 1}; nothing was changed`,
      );
    }
  }
  return ok(undefined);
}

/** One piece of a rewritten run: kept or deleted characters `[from, to)`, or inserted text. */
type Piece =
  | { readonly kind: 'keep' | 'del' | 'mark'; readonly from: number; readonly to: number }
  | { readonly kind: 'ins'; readonly text: string }
  | { readonly kind: 'restore'; readonly text: string };

class SpliceWriter {
  private readonly splices: Splice[] = [];
  private readonly attrs: string;
  private readonly xml: string;
  /** `w:`, or whatever prefix the part binds WordprocessingML to, for all the markup written here. */
  private readonly w: string;
  /** A declaration of that prefix for the root element, when the part binds none. */
  private readonly declare: string;

  constructor(
    private readonly doc: DocxDocument,
    options: ApplyOptions,
    private readonly ids: RevisionIds,
  ) {
    this.xml = doc.documentXml;
    const root = doc.root;
    let prefix = root?.prefix;
    this.declare = '';
    if (prefix === undefined) {
      // WordprocessingML as the default namespace (or bound below the root): its attributes still need
      // a prefix (they are qualified), so declare one on the root that nothing there uses.
      const taken = new Set(root?.taken ?? []);
      prefix = 'w';
      for (let i = 0; taken.has(prefix); i++) prefix = `w${i}`;
      this.declare = ` xmlns:${prefix}="${esc(root?.uri ?? W_NS)}"`;
    }
    this.w = `${prefix}:`;
    const date = options.date.replace(/\.\d+(?=Z$|[+-]\d\d:?\d\d$|$)/, '');
    this.attrs = ` ${this.w}author="${esc(options.author)}" ${this.w}date="${esc(date)}"`;
  }

  private rev(kind: 'ins' | 'del'): string {
    return `<${this.w}${kind} ${this.w}id="${this.ids.next()}"${this.attrs}>`;
  }

  private end(local: string): string {
    return `</${this.w}${local}>`;
  }

  /** Generated markup (written with `w:`) in the part's prefix. */
  private ours(markup: string): string {
    return this.w === 'w:' ? markup : markup.replace(/<(\/?)w:/g, `<$1${this.w}`);
  }

  result(): string {
    if (this.declare && this.splices.length > 0 && this.doc.root) {
      const at = this.doc.root.openEnd - (this.xml[this.doc.root.openEnd - 2] === '/' ? 2 : 1);
      this.splices.push({ start: at, end: at, xml: this.declare });
    }
    const sorted = this.splices.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.i - b.i);
    let out = '';
    let at = 0;
    for (const { s } of sorted) {
      if (s.start < at) throw new Error(`overlapping splices at ${s.start}`);
      out += this.xml.slice(at, s.start) + s.xml;
      at = s.end;
    }
    return out + this.xml.slice(at);
  }

  /** A new paragraph before `e.before`, shaped like `e.styleFrom`. */
  paragraph(e: ParagraphEdit): void {
    const layout = this.doc.layout;
    const from = e.styleFrom !== undefined ? layout[e.styleFrom] : undefined;
    const at = e.before < layout.length ? layout[e.before].start : layout[layout.length - 1].end;
    const pPr = this.newPPr(from, e);
    let runs = '';
    if (e.text !== '') {
      const source = from?.runs.find((r) => visible(r) && r.text !== '');
      const run = `<${this.w}r>${source ? this.rPrOf(source) : ''}${this.content(e.text, e.deleted === true)}${this.end('r')}`;
      runs = e.deleted
        ? `${this.rev('del')}${run}${this.end('del')}`
        : e.tracked
          ? `${this.rev('ins')}${run}${this.end('ins')}`
          : run;
    }
    this.splices.push({ start: at, end: at, xml: `<${this.w}p>${pPr}${runs}${this.end('p')}` });
  }

  private newPPr(from: ParagraphLayout | undefined, e: ParagraphEdit): string {
    const w = this.w;
    const style = e.styleId !== undefined ? `<${w}pStyle ${w}val="${esc(e.styleId)}"/>` : '';
    const kind = e.deleted ? 'del' : 'ins';
    const mark = e.tracked || e.deleted ? `<${w}${kind} ${w}id="${this.ids.next()}"${this.attrs}/>` : '';
    const markRPr = `<${w}rPr>${mark}${this.end('rPr')}`;
    const fresh = style || mark ? `<${w}pPr>${style}${mark ? markRPr : ''}${this.end('pPr')}` : '';
    if (!from || from.pPrStart < 0) return fresh;
    // Edit the copied w:pPr in place: drop what must not be inherited, set the style, mark the insertion.
    const [start, end] = [from.pPrStart, from.pPrEnd];
    const edits: Splice[] = [];
    for (let k = 0; k < from.pPrStrip.length; k += 2)
      edits.push({ start: from.pPrStrip[k], end: from.pPrStrip[k + 1], xml: '' });
    if (style && from.pStyleStart >= 0)
      edits.push({ start: from.pStyleStart, end: from.pStyleEnd, xml: style });
    else if (style) {
      const openEnd = this.xml.indexOf('>', start) + 1;
      edits.push({ start: openEnd, end: openEnd, xml: style });
    }
    if (mark && from.markRPrStart >= 0 && from.markRPrOpenEnd === from.markRPrEnd) {
      edits.push({ start: from.markRPrStart, end: from.markRPrEnd, xml: markRPr });
    } else if (mark && from.markRPrStart >= 0)
      edits.push({ start: from.markRPrOpenEnd, end: from.markRPrOpenEnd, xml: mark });
    else if (mark) {
      const close = this.xml.lastIndexOf('<', end - 1);
      edits.push({ start: close, end: close, xml: markRPr });
    }
    // `<w:pPr/>`: nothing to copy but the edits themselves.
    if (this.xml[end - 2] === '/') return fresh;
    // An insertion at the start of a stripped range (the mark's old revision) goes before the cut.
    edits.sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
    let out = '';
    let at = start;
    for (const s of edits) {
      if (s.start < at) continue; // nested in a stripped range
      out += this.ids.renew(this.xml.slice(at, s.start)) + s.xml;
      at = s.end;
    }
    // What is copied keeps no one's revision id: a copy gets ids of its own.
    return out + this.ids.renew(this.xml.slice(at, end));
  }

  /** The children of a new run for its text, in the part's prefix. */
  private content(text: string, deleted = false): string {
    return this.ours(runContent(text, deleted));
  }

  /** A run's properties for new text: copied, without its own formatting-change history. */
  private rPrOf(r: RunLayout): string {
    if (r.rPrStart < 0) return '';
    return this.xml
      .slice(r.rPrStart, r.rPrEnd)
      .replace(/<([\w.-]+:)?rPrChange\b[\s\S]*?<\/([\w.-]+:)?rPrChange>/g, '')
      .replace(/<([\w.-]+:)?rPrChange\b[^>]*\/>/g, '');
  }

  /**
   * The text edits of one paragraph, run by run, placed as the in-memory applier places them: a
   * replacement's text right after the characters it removes; a pure insertion before the character
   * at its offset, so after any deleted text or footnote reference sitting there (at the very end,
   * after everything the paragraph holds).
   */
  text(index: number, edits: readonly TextEdit[]): void {
    const layout = this.doc.layout[index];
    const runs: { run: RunLayout; start: number; end: number }[] = [];
    let total = 0;
    for (const run of layout.runs) {
      if (!visible(run) || run.text === '') continue;
      runs.push({ run, start: total, end: total + run.text.length });
      total += run.text.length;
    }
    for (const e of edits) if (e.insertedMark) this.markParagraph(layout);
    for (const { run, start, end } of runs) {
      const cuts: [number, number][] = [];
      const marks: [number, number][] = [];
      const inserts: [number, string, boolean][] = [];
      for (const e of edits) {
        const a = Math.max(e.offset, start);
        const b = Math.min(e.offset + e.length, end);
        if (e.restore !== undefined) {
          // Shown, not changed: the characters become an insertion, the in-force words a deletion before them.
          if (a < b) marks.push([a - start, b - start]);
          if (e.restore !== '' && start <= e.offset && e.offset < end)
            inserts.push([e.offset - start, e.restore, true]);
          continue;
        }
        if (a < b) cuts.push([a - start, b - start]);
        if (e.text === '') continue;
        const q = e.offset + e.length;
        const here = e.length > 0 ? start < q && q <= end : start <= q && q < end;
        if (here) inserts.push([q - start, e.text, false]);
      }
      if (cuts.length > 0 || marks.length > 0 || inserts.length > 0)
        this.rewriteRun(run, piecesOf(end - start, cuts, inserts, marks));
    }
    const atEnd = edits
      .filter((e) => (e.restore ? e.restore : e.text) !== '' && e.length === 0 && e.offset === total)
      .map((e): [string, boolean] => (e.restore !== undefined ? [e.restore, true] : [e.text, false]));
    if (atEnd.length > 0)
      this.appendToParagraph(layout, atEnd, runs.length > 0 ? runs[runs.length - 1].run : undefined);
  }

  /** Mark a paragraph's own mark as a tracked insertion (`w:pPr/w:rPr/w:ins`). */
  private markParagraph(layout: ParagraphLayout): void {
    const w = this.w;
    const mark = `<${w}ins ${w}id="${this.ids.next()}"${this.attrs}/>`;
    const markRPr = `<${w}rPr>${mark}${this.end('rPr')}`;
    if (layout.markRPrStart >= 0 && layout.markRPrOpenEnd === layout.markRPrEnd)
      this.splices.push({ start: layout.markRPrStart, end: layout.markRPrEnd, xml: markRPr });
    else if (layout.markRPrStart >= 0)
      this.splices.push({ start: layout.markRPrOpenEnd, end: layout.markRPrOpenEnd, xml: mark });
    else if (layout.pPrStart >= 0 && this.xml[layout.pPrEnd - 2] !== '/') {
      const close = this.xml.lastIndexOf('<', layout.pPrEnd - 1);
      this.splices.push({ start: close, end: close, xml: markRPr });
    } else if (layout.pPrStart >= 0)
      this.splices.push({
        start: layout.pPrStart,
        end: layout.pPrEnd,
        xml: `<${w}pPr>${markRPr}${this.end('pPr')}`,
      });
    else {
      const openEnd = this.xml.indexOf('>', layout.start) + 1;
      this.splices.push({ start: openEnd, end: openEnd, xml: `<${w}pPr>${markRPr}${this.end('pPr')}` });
    }
  }

  /** Text inserted after everything a paragraph holds, formatted like its last text (if any); `true` marks restored in-force text, written as a deletion. */
  private appendToParagraph(
    layout: ParagraphLayout,
    texts: readonly [string, boolean][],
    like: RunLayout | undefined,
  ): void {
    const rPr = like ? this.rPrOf(like) : '';
    const content = texts
      .map(([t, deleted]) => {
        const kind = deleted ? 'del' : 'ins';
        return `${this.rev(kind)}<${this.w}r>${rPr}${this.content(t, deleted)}${this.end('r')}${this.end(kind)}`;
      })
      .join('');
    const { start, end } = layout;
    if (layout.selfClosing) {
      const open = this.xml.slice(start, end);
      const prefix = /^<([\w.-]+:)?/.exec(open)?.[1] ?? '';
      this.splices.push({ start, end, xml: `${open.replace(/\s*\/>$/, '>')}${content}</${prefix}p>` });
    } else {
      const close = this.xml.lastIndexOf('<', end - 1);
      this.splices.push({ start: close, end: close, xml: content });
    }
  }

  private rewriteRun(run: RunLayout, pieces: readonly Piece[]): void {
    const open = this.xml.slice(run.start, run.openEnd);
    const close = `</${/^<([\w.-]+:)?/.exec(open)?.[1] ?? ''}r>`;
    const rPr = run.rPrStart >= 0 ? this.xml.slice(run.rPrStart, run.rPrEnd) : '';
    // The run's properties may hold someone's formatting change (`w:rPrChange`) with its id: the first
    // piece keeps it, every other piece gets an id of its own.
    let copies = 0;
    const piece = (p: Piece): string => {
      if (p.kind === 'ins' || p.kind === 'restore') {
        const kind = p.kind === 'ins' ? 'ins' : 'del';
        return `${this.rev(kind)}<${this.w}r>${this.rPrOf(run)}${this.content(p.text, kind === 'del')}${this.end('r')}${this.end(kind)}`;
      }
      const props = copies++ === 0 ? rPr : this.ids.renew(rPr);
      const r = `${open}${props}${this.contentOf(run, p.from, p.to, p.kind === 'del')}${close}`;
      if (p.kind === 'mark') return `${this.rev('ins')}${r}${this.end('ins')}`;
      return p.kind === 'del' ? `${this.rev('del')}${r}${this.end('del')}` : r;
    };
    const w = run.wrapper;
    if (!w || (w.local !== 'ins' && w.local !== 'moveTo')) {
      this.splices.push({ start: run.start, end: run.end, xml: pieces.map(piece).join('') });
      return;
    }
    // Inside someone's insertion our insertion must not nest: close theirs around ours and reopen it.
    // Our deletions stay inside theirs, which is how Word records an insertion deleted later.
    const closeTag = this.xml.slice(w.closeStart, w.closeEnd);
    const openTag = this.xml.slice(w.openStart, w.openEnd);
    const firstInWrapper = run.start === w.openEnd;
    const lastInWrapper = run.end === w.closeStart;
    let start = run.start;
    let end = run.end;
    let out = '';
    pieces.forEach((p, i) => {
      if (p.kind !== 'ins') {
        out += piece(p);
      } else if (i === 0 && firstInWrapper) {
        start = w.openStart;
        out += piece(p) + openTag;
      } else if (i === pieces.length - 1 && lastInWrapper) {
        end = w.closeEnd;
        out += closeTag + piece(p);
      } else {
        out += closeTag + piece(p) + this.ids.renew(openTag);
      }
    });
    this.splices.push({ start, end, xml: out });
  }

  /** The children of `run` for its characters `[from, to)`, text regenerated, other children copied. */
  private contentOf(run: RunLayout, from: number, to: number, deleted: boolean): string {
    const atoms = this.doc.atoms;
    const total = run.text.length;
    let out = '';
    let pos = 0;
    for (let k = run.atomFrom; k < run.atomTo; k += 4) {
      const [start, end, len, isText] = [atoms[k], atoms[k + 1], atoms[k + 2], atoms[k + 3]];
      if (len === 0) {
        // A child without characters goes with the piece it stands in (the last piece at the very end).
        if ((pos >= from && pos < to) || (pos === total && to === total)) out += this.xml.slice(start, end);
      } else if (isText) {
        const a = Math.max(from, pos);
        const b = Math.min(to, pos + len);
        if (a < b) {
          const t = `${this.w}${deleted ? 'delText' : 't'}`;
          out += `<${t} xml:space="preserve">${esc(run.text.slice(a, b))}</${t}>`;
        }
      } else if (pos >= from && pos < to) {
        out += this.xml.slice(start, end);
      }
      pos += len;
    }
    return out;
  }
}

const visible = (r: RunLayout): boolean => r.revision?.kind !== 'del';

/**
 * Splits a run of `length` characters at its cuts, shown ranges and insertion points, in document
 * order; an insertion flagged `true` is restored in-force text, written as a deletion.
 */
function piecesOf(
  length: number,
  cuts: readonly Span[],
  inserts: readonly [number, string, boolean][],
  marks: readonly Span[] = [],
): Piece[] {
  const points = new Set<number>([0, length]);
  for (const [a, b] of [...cuts, ...marks]) points.add(a).add(b);
  for (const [q] of inserts) points.add(q);
  const sorted = [...points].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  const insertAt = (q: number) => {
    for (const [at, text, restored] of inserts)
      if (at === q) pieces.push({ kind: restored ? 'restore' : 'ins', text });
  };
  insertAt(0);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [from, to] = [sorted[i], sorted[i + 1]];
    const deleted = cuts.some(([a, b]) => a <= from && to <= b);
    const shown = marks.some(([a, b]) => a <= from && to <= b);
    pieces.push({ kind: deleted ? 'del' : shown ? 'mark' : 'keep', from, to });
    insertAt(to);
  }
  return pieces;
}
