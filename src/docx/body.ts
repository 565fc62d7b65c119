import type { SaxesTagNS } from 'saxes';
import type { Revision } from '../core/snapshot';
import type { ParagraphLayout, RunAtom, RunLayout, Span, Wrapper } from './types';
import { isOn, isW, MC, wAttr, type XmlSink } from './xml';

/** A body paragraph as read, before styles and numbering are resolved. */
export interface RawParagraph {
  readonly layout: ParagraphLayout;
  readonly inTable: boolean;
  readonly styleId?: string;
  readonly numId?: string;
  readonly ilvl?: number;
  readonly mark?: Revision;
  /** `w:pPr/w:rPr/w:i` on the paragraph mark. */
  readonly markItalic?: boolean;
  /** Direct `w:i` of each layout run (undefined: inherited). */
  readonly runItalic: readonly (boolean | undefined)[];
}

/** Elements whose `w:id` shares the revision id space (new revisions must not reuse one). */
const ID_BEARING = new Set([
  'ins', 'del', 'moveFrom', 'moveTo', 'moveFromRangeStart', 'moveFromRangeEnd', 'moveToRangeStart',
  'moveToRangeEnd', 'bookmarkStart', 'bookmarkEnd', 'commentRangeStart', 'commentRangeEnd', 'commentReference',
  'rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'tblGridChange',
  'tblPrExChange', 'numberingChange', 'cellIns', 'cellDel', 'cellMerge', 'customXmlInsRangeStart',
  'customXmlDelRangeStart', 'permStart', 'permEnd',
]);

/** Subtrees that hold no body text of their own paragraph: graphics (and their text boxes), old properties. */
const SKIPPED = new Set(['drawing', 'pict', 'object', 'instrText', 'delInstrText', 'fldData', 'rPrChange', 'pPrChange', 'sectPr']);

/** Run children that stand for one character. */
const CHAR: Record<string, string> = { tab: '\t', ptab: '\t', br: '\n', cr: '\n', noBreakHyphen: '\u2011' };

interface Tracked {
  readonly revision: Revision;
  readonly depth: number;
  /** Shared with the runs it wraps; `close` is filled in when the end tag is read. */
  readonly wrapper: { local: Wrapper['local']; open: Span; close: [number, number] };
}

interface ParagraphState {
  readonly depth: number;
  readonly start: number;
  readonly openEnd: number;
  readonly inTable: boolean;
  pPrStart: number;
  pPrDepth: number;
  pPr?: Span;
  pStyle?: Span;
  styleId?: string;
  numId?: string;
  ilvl?: number;
  markRPrDepth: number;
  markRPrStart: number;
  markRPrOpenEnd: number;
  markRPr?: { span: Span; openEnd: number };
  mark?: Revision;
  markItalic?: boolean;
  strip: Span[];
  runs: RunLayout[];
  runItalic: (boolean | undefined)[];
}

interface RunState {
  readonly depth: number;
  readonly start: number;
  readonly openEnd: number;
  rPrStart: number;
  rPr?: Span;
  italic?: boolean;
  atoms: RunAtom[];
  footnote?: string;
  childStart: number;
  childChars: string;
  childIsText: boolean;
}

/** Reads document.xml (or its Flat OPC copy) in one streaming pass. */
export class BodyReader implements XmlSink {
  readonly paragraphs: RawParagraph[] = [];
  maxId = 0;
  private depth = 0;
  private skipFrom = -1;
  private stripStart = -1;
  private tables = 0;
  private readonly tracked: Tracked[] = [];
  private p: ParagraphState | null = null;
  private r: RunState | null = null;
  private collecting = false;
  /** Open fields, true while in their instruction part (before `separate`). */
  private readonly fields: boolean[] = [];
  private inInstruction = 0;

  constructor(private readonly xml: string) {}

  private startOf(end: number): number {
    return this.xml.lastIndexOf('<', end - 1);
  }

  open(tag: SaxesTagNS, end: number): void {
    const d = ++this.depth;
    if (this.skipFrom >= 0) return;
    const r = this.r;
    if (r && d === r.depth + 1) {
      r.childStart = this.startOf(end);
      r.childChars = '';
      r.childIsText = false;
    }
    if (!isW(tag.uri)) {
      if (tag.uri === MC && tag.local === 'AlternateContent') this.skipFrom = d;
      return;
    }
    const local = tag.local;
    if (ID_BEARING.has(local)) {
      const id = Number(wAttr(tag, 'id'));
      if (id > this.maxId) this.maxId = id;
    }
    const p = this.p;
    if (SKIPPED.has(local)) {
      this.skipFrom = d;
      if (p && p.pPrDepth >= 0 && !r) this.stripStart = this.startOf(end);
      return;
    }
    switch (local) {
      case 'p':
        if (p) return;
        this.p = {
          depth: d, start: this.startOf(end), openEnd: end, inTable: this.tables > 0,
          pPrStart: -1, pPrDepth: -1, markRPrDepth: -1, markRPrStart: -1, markRPrOpenEnd: -1,
          strip: [], runs: [], runItalic: [],
        };
        return;
      case 'r':
        if (!p || r) return;
        this.r = {
          depth: d, start: this.startOf(end), openEnd: end, rPrStart: -1,
          atoms: [], childStart: -1, childChars: '', childIsText: false,
        };
        return;
      case 'tbl':
        this.tables++;
        return;
      case 'ins':
      case 'del':
      case 'moveFrom':
      case 'moveTo':
        if (p && p.markRPrDepth >= 0) {
          p.mark = revisionOf(tag, local);
          if (tag.isSelfClosing) p.strip.push([this.startOf(end), end]);
          else {
            this.skipFrom = d;
            this.stripStart = this.startOf(end);
          }
        } else if (!r && !(p && p.pPrDepth >= 0)) {
          // Inside w:pPr other than the mark (w:numPr/w:ins) these record property changes, not text.
          const wrapper = { local, open: [this.startOf(end), end] as Span, close: [-1, -1] as [number, number] };
          this.tracked.push({ revision: revisionOf(tag, local), depth: d, wrapper });
        }
        return;
    }
    if (r) this.openInRun(tag, local, r, d, end);
    else if (p) this.openInParagraph(tag, local, p, d, end);
  }

  private openInRun(tag: SaxesTagNS, local: string, r: RunState, d: number, end: number): void {
    if (r.rPrStart >= 0) {
      if (local === 'i') r.italic = isOn(tag);
      return;
    }
    if (d !== r.depth + 1) return;
    switch (local) {
      case 'rPr':
        r.rPrStart = this.startOf(end);
        return;
      case 't':
      case 'delText':
        if (this.inInstruction > 0) return;
        r.childIsText = true;
        this.collecting = true;
        return;
      case 'sym': {
        const code = parseInt(wAttr(tag, 'char') ?? '', 16);
        // Symbol-font characters live in the private-use block F000–F0FF.
        if (code > 0) r.childChars = String.fromCharCode(code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code);
        return;
      }
      case 'footnoteReference':
      case 'endnoteReference':
        r.footnote = wAttr(tag, 'id') ?? '';
        return;
      case 'fldChar':
        this.fieldChar(wAttr(tag, 'fldCharType'));
        return;
      default:
        if (local in CHAR && this.inInstruction === 0) r.childChars = CHAR[local];
    }
  }

  private fieldChar(type: string | undefined): void {
    if (type === 'begin') {
      this.fields.push(true);
      this.inInstruction++;
    } else if (type === 'separate' && this.fields[this.fields.length - 1]) {
      this.fields[this.fields.length - 1] = false;
      this.inInstruction--;
    } else if (type === 'end' && this.fields.length > 0) {
      if (this.fields.pop()) this.inInstruction--;
    }
  }

  private openInParagraph(tag: SaxesTagNS, local: string, p: ParagraphState, d: number, end: number): void {
    if (p.pPrDepth < 0) {
      if (local === 'pPr' && d === p.depth + 1) {
        p.pPrStart = this.startOf(end);
        p.pPrDepth = d;
      }
      return;
    }
    if (p.markRPrDepth >= 0) {
      if (local === 'i') p.markItalic = isOn(tag);
      return;
    }
    switch (local) {
      case 'pStyle':
        p.styleId = wAttr(tag, 'val');
        p.pStyle = [this.startOf(end), end];
        return;
      case 'numId':
        p.numId = wAttr(tag, 'val');
        return;
      case 'ilvl':
        p.ilvl = Number(wAttr(tag, 'val') ?? 0);
        return;
      case 'rPr':
        if (d === p.pPrDepth + 1) {
          p.markRPrDepth = d;
          p.markRPrStart = this.startOf(end);
          p.markRPrOpenEnd = end;
        }
        return;
    }
  }

  close(tag: SaxesTagNS, end: number): void {
    const d = this.depth--;
    if (this.skipFrom >= 0) {
      if (d > this.skipFrom) return;
      this.skipFrom = -1;
      if (this.stripStart >= 0) {
        this.p?.strip.push([this.stripStart, end]);
        this.stripStart = -1;
        return;
      }
    }
    const r = this.r;
    const p = this.p;
    if (r && d === r.depth + 1) {
      if (tag.local === 'rPr' && isW(tag.uri)) {
        r.rPr = [r.rPrStart, end];
        r.rPrStart = -1;
        return;
      }
      this.collecting = false;
      r.atoms.push({ span: [r.childStart, end], chars: r.childChars, isText: r.childIsText });
      return;
    }
    if (!isW(tag.uri)) return;
    switch (tag.local) {
      case 'r':
        if (r && d === r.depth && p) {
          this.finishRun(r, p, end);
          this.r = null;
        }
        return;
      case 'p':
        if (p && d === p.depth) {
          this.finishParagraph(p, end, tag.isSelfClosing);
          this.p = null;
        }
        return;
      case 'pPr':
        if (p && d === p.pPrDepth) {
          p.pPr = [p.pPrStart, end];
          p.pPrDepth = -2; // closed: later elements are content
        }
        return;
      case 'rPr':
        if (p && d === p.markRPrDepth) {
          p.markRPr = { span: [p.markRPrStart, end], openEnd: p.markRPrOpenEnd };
          p.markRPrDepth = -1;
        }
        return;
      case 'tbl':
        this.tables--;
        return;
      case 'ins':
      case 'del':
      case 'moveFrom':
      case 'moveTo': {
        const top = this.tracked[this.tracked.length - 1];
        if (top && top.depth === d) {
          top.wrapper.close = [this.startOf(end), end];
          this.tracked.pop();
        }
        return;
      }
    }
  }

  text(t: string): void {
    if (this.collecting) this.r!.childChars += t;
  }

  private finishRun(r: RunState, p: ParagraphState, end: number): void {
    const n = this.tracked.length;
    const top = n > 0 ? this.tracked[n - 1] : undefined;
    let text = '';
    for (const a of r.atoms) text += a.chars;
    let revision = top?.revision;
    let insertedThenDeleted = false;
    if (top && top.revision.kind === 'del') {
      for (let i = n - 2; i >= 0; i--) {
        const below = this.tracked[i].revision;
        if (below.kind !== 'ins') continue;
        revision = { ...top.revision, inserted: below };
        insertedThenDeleted = true;
        break;
      }
    }
    const wrapper: Wrapper | undefined = top && top.depth === r.depth - 1 ? top.wrapper : undefined;
    const run: RunLayout = {
      span: [r.start, end],
      openTag: [r.start, r.openEnd],
      ...(r.rPr ? { rPr: r.rPr } : {}),
      atoms: r.atoms,
      text,
      ...(revision ? { revision } : {}),
      ...(insertedThenDeleted ? { insertedThenDeleted } : {}),
      ...(wrapper ? { wrapper } : {}),
      ...(r.footnote !== undefined ? { footnote: r.footnote } : {}),
    };
    p.runs.push(run);
    p.runItalic.push(r.italic);
  }

  private finishParagraph(p: ParagraphState, end: number, selfClosing: boolean): void {
    const layout: ParagraphLayout = {
      span: [p.start, end],
      selfClosing,
      contentStart: p.pPr ? p.pPr[1] : p.openEnd,
      ...(p.pPr ? { pPr: p.pPr } : {}),
      ...(p.pStyle ? { pStyle: p.pStyle } : {}),
      ...(p.markRPr ? { markRPr: p.markRPr } : {}),
      pPrStrip: p.strip,
      runs: p.runs,
    };
    this.paragraphs.push({
      layout,
      inTable: p.inTable,
      ...(p.styleId !== undefined ? { styleId: p.styleId } : {}),
      ...(p.numId !== undefined ? { numId: p.numId, ilvl: p.ilvl ?? 0 } : {}),
      ...(p.mark ? { mark: p.mark } : {}),
      ...(p.markItalic !== undefined ? { markItalic: p.markItalic } : {}),
      runItalic: p.runItalic,
    });
  }
}

function revisionOf(tag: SaxesTagNS, local: string): Revision {
  const author = wAttr(tag, 'author');
  const date = wAttr(tag, 'date');
  const id = wAttr(tag, 'id');
  return {
    kind: local === 'ins' || local === 'moveTo' ? 'ins' : 'del',
    ...(author !== undefined ? { author } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(id !== undefined ? { id } : {}),
    ...(local === 'moveFrom' || local === 'moveTo' ? { move: true } : {}),
  };
}
