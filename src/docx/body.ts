import type { SaxesTagNS } from 'saxes';
import type { Field, Revision, Run } from '../core/snapshot';
import type { ParagraphLayout, RunLayout, Wrapper } from './types';
import { isOn, isW, MC, W, wAttr, type XmlSink } from './xml';

/**
 * How document.xml's root element binds WordprocessingML: the prefix bound to it (undefined when only
 * the default namespace is, or nothing), its URI (transitional or strict), the end of the root's start
 * tag (where a writer can declare a prefix), and the prefixes the root already declares.
 */
export interface RootBinding {
  readonly prefix: string | undefined;
  readonly uri: string;
  readonly openEnd: number;
  readonly taken: readonly string[];
}

/** A body paragraph as read, before styles and numbering are resolved: its layout and what it says. */
export interface RawParagraph extends ParagraphLayout {
  readonly inTable: boolean;
  readonly styleId: string | undefined;
  readonly numId: string | undefined;
  readonly ilvl: number;
  readonly mark: Revision | undefined;
  /** `w:pPr/w:rPr/w:i` on the paragraph mark. */
  readonly markItalic: boolean | undefined;
}

const NO_STRIP: readonly number[] = [];

/**
 * What a paragraph's runs say about its formatting, counted as they are read: enough to decide
 * whether the paragraph is italic once its style is known (see Readers.paragraph).
 */
export interface RunTally {
  /** Runs with visible text in the current view (not deleted, not blank). */
  textRuns: number;
  /** Of those, runs with `w:i` on, and runs without a `w:i` of their own (they take the style's). */
  italicOn: number;
  italicInherited: number;
}

/**
 * The snapshot's run for a run read from the XML, or null for one the snapshot leaves out (no text and
 * no footnote reference). Few shapes: most runs have text only.
 */
export function snapshotRun(
  text: string,
  revision: Revision | undefined,
  footnote: string | undefined,
  field?: Field,
): Run | null {
  if (text === '' && footnote === undefined) return null;
  const run: { text: string; revision?: Revision; footnote?: string; field?: Field } =
    revision === undefined ? { text } : { text, revision };
  if (footnote !== undefined) run.footnote = footnote;
  if (field !== undefined) run.field = field;
  return run;
}

/** Counts one run into `tally`. */
export function tallyRun(
  tally: RunTally,
  text: string,
  revision: Revision | undefined,
  italic: boolean | undefined,
): void {
  if (revision?.kind === 'del' || !NON_BLANK.test(text)) return;
  tally.textRuns++;
  if (italic === true) tally.italicOn++;
  else if (italic === undefined) tally.italicInherited++;
}

const NON_BLANK = /\S/;

/** Whether styles hide a run without direct `w:vanish`: paragraph style id, character style id. */
export type HiddenByStyle = (
  paragraphStyle: string | undefined,
  characterStyle: string | undefined,
) => boolean;

const NEVER_HIDDEN: HiddenByStyle = () => false;

/**
 * Receives each body paragraph as soon as its end tag is read, when the reader runs without the XML
 * (snapshot only): its properties, the runs the snapshot keeps (no empty ones), and their tally.
 */
export type ParagraphSink = (p: RawParagraph, runs: Run[], tally: RunTally) => void;

/** What an open element is, remembered by depth so its end tag needs no string comparison. */
const enum Code {
  Other,
  Paragraph,
  Run,
  RunChild,
  RunProps,
  ParagraphProps,
  MarkProps,
  Table,
  Tracked,
  SimpleField,
}

/** Run children that stand for one character. */
const CHAR: Record<string, string> = { tab: '\t', ptab: '\t', br: '\n', cr: '\n', noBreakHyphen: '\u2011' };

/** An open field: its instruction is read into `field` until the separator, then its result follows. */
interface OpenField {
  readonly field: { instruction: string };
  inInstruction: boolean;
  /** A w:fldSimple, closed by its end tag, not by a w:fldChar. */
  readonly simple: boolean;
}

interface Tracked {
  readonly revision: Revision;
  readonly depth: number;
  /** Shared with the runs it wraps; the end tag's offsets are filled in when it is read. */
  readonly wrapper: Mutable<Wrapper>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Reads document.xml (or its Flat OPC copy) in one streaming pass. It runs for every element of the
 * document, so it keeps the current run in plain fields, run children as numbers in one shared array
 * (`atoms`), and decides what an end tag closes from the depth, not from its name.
 *
 * Without the XML (`xml` null) it reads only what the snapshot needs: text, revisions, styles,
 * numbering. Offsets stay -1, `atoms` and `paragraphs` stay empty, and each paragraph goes to `sink`
 * when it ends, with snapshot runs made as each run ends: a reading that is never written through
 * (check, outline) keeps no layout at all and can drop document.xml as soon as it is parsed.
 */
export class BodyReader implements XmlSink {
  readonly paragraphs: RawParagraph[] = [];
  /** Run children, four numbers each: see RunAtoms. */
  readonly atoms: number[] = [];
  maxId = 0;
  /** The document element's WordprocessingML binding (see RootBinding). */
  root: RootBinding | undefined;
  private depth = 0;
  private codes: Code[] = [];
  private skipFrom = -1;
  private stripStart = -1;
  private tables = 0;
  private readonly tracked: Tracked[] = [];
  private p: Mutable<RawParagraph> | null = null;
  private pDepth = -1;
  private pOpenEnd = 0;
  /** Depth of the open w:pPr; -1 before it, -2 after it. */
  private pPrDepth = -1;
  private markRPrDepth = -1;
  private strip: number[] = [];
  private runs: RunLayout[] = [];
  /** Without the XML: the open paragraph's snapshot runs and their tally. */
  private leanRuns: Run[] = [];
  private tally: RunTally = { textRuns: 0, italicOn: 0, italicInherited: 0 };
  // The open run (rDepth -1 when none).
  private rDepth = -1;
  private rStart = 0;
  private rOpenEnd = 0;
  private rPrStart = -1;
  private rPrEnd = -1;
  private rInProps = false;
  private rItalic: boolean | undefined;
  /** Direct `w:vanish` (undefined: the styles decide), `w:specVanish`, `w:rStyle`; what they decide. */
  private rVanish: boolean | undefined;
  private rSpecVanish = false;
  private rStyle: string | undefined;
  private rHidden = false;
  private rFootnote: string | undefined;
  private rAtomFrom = 0;
  private rText = '';
  private childStart = 0;
  private childChars = '';
  private childIsText = false;
  private collecting = false;
  /** Open fields, outermost first; fields may span runs and paragraphs, and nest. */
  private readonly fields: OpenField[] = [];
  private inInstruction = 0;
  /** The field whose w:instrText is being read. */
  private instructionOf: { instruction: string } | undefined;
  /** The field whose result holds the open run's text. */
  private rField: Field | undefined;

  /**
   * `hiddenByStyle` says whether a run without direct `w:vanish` is hidden by its paragraph and
   * character styles (StyleVisibility): the styles must be read before the body.
   */
  constructor(
    private readonly xml: string | null,
    private readonly sink: ParagraphSink | null = null,
    private readonly hiddenByStyle: HiddenByStyle = NEVER_HIDDEN,
  ) {}

  private startOf(end: number): number {
    return this.xml === null ? -1 : this.xml.lastIndexOf('<', end - 1);
  }

  open(tag: SaxesTagNS, end: number): void {
    const d = ++this.depth;
    if (d === 1) this.noteRoot(tag, end);
    if (this.skipFrom >= 0) return;
    const runChild = this.rDepth >= 0 && d === this.rDepth + 1;
    if (runChild) {
      this.childStart = this.startOf(end);
      this.childChars = '';
      this.childIsText = false;
    }
    this.codes[d] = runChild ? Code.RunChild : Code.Other;
    if (!isW(tag.uri)) {
      if (tag.uri === MC && tag.local === 'AlternateContent') this.skipFrom = d;
      return;
    }
    const p = this.p;
    const local = tag.local;
    switch (local) {
      case 't':
      case 'delText':
        if (runChild && this.inInstruction === 0) {
          this.childIsText = true;
          this.collecting = true;
        }
        return;
      case 'p':
        if (p) return;
        this.codes[d] = Code.Paragraph;
        this.pDepth = d;
        this.pOpenEnd = end;
        this.pPrDepth = this.markRPrDepth = -1;
        if (this.xml === null) {
          this.leanRuns = [];
          this.tally = { textRuns: 0, italicOn: 0, italicInherited: 0 };
        } else {
          this.strip = [];
          this.runs = [];
        }
        // Every field set here, in one order, so all paragraphs share one object shape.
        this.p = {
          start: this.startOf(end),
          end: -1,
          selfClosing: false,
          pPrStart: -1,
          pPrEnd: -1,
          pStyleStart: -1,
          pStyleEnd: -1,
          markRPrStart: -1,
          markRPrOpenEnd: -1,
          markRPrEnd: -1,
          pPrStrip: NO_STRIP,
          runs: this.runs,
          inTable: this.tables > 0,
          styleId: undefined,
          numId: undefined,
          ilvl: 0,
          mark: undefined,
          markItalic: undefined,
        };
        return;
      case 'r':
        if (!p || this.rDepth >= 0) return;
        this.codes[d] = Code.Run;
        this.rDepth = d;
        this.rStart = this.startOf(end);
        this.rOpenEnd = end;
        this.rPrStart = this.rPrEnd = -1;
        this.rItalic = this.rFootnote = this.rVanish = this.rStyle = undefined;
        this.rSpecVanish = false;
        this.rField = undefined;
        this.rAtomFrom = this.atoms.length;
        this.rText = '';
        return;
      case 'rPr':
        if (runChild) {
          this.codes[d] = Code.RunProps;
          this.rPrStart = this.startOf(end);
          this.rInProps = true;
        } else if (p && this.pPrDepth >= 0 && d === this.pPrDepth + 1) {
          this.codes[d] = Code.MarkProps;
          this.markRPrDepth = d;
          p.markRPrStart = this.startOf(end);
          p.markRPrOpenEnd = end;
        }
        return;
      case 'i':
        if (this.rInProps) this.rItalic = isOn(tag);
        else if (p && this.markRPrDepth >= 0) p.markItalic = isOn(tag);
        return;
      case 'vanish':
        // Hidden text (§17.3.2.41): Word neither shows nor prints it, so no view holds it. Direct
        // formatting is absolute, on or off; without it the styles decide (see finishRun).
        if (this.rInProps) this.rVanish = isOn(tag);
        return;
      case 'specVanish':
        // "Always behave as if hidden" (§17.3.2.36), whatever w:vanish says. w:webHidden hides text in
        // Web layout only (§17.3.2.44), so it is not read: see styles-hidden.ts.
        if (this.rInProps) this.rSpecVanish = isOn(tag);
        return;
      case 'rStyle':
        if (this.rInProps) this.rStyle = wAttr(tag, 'val');
        return;
      case 'tab':
      case 'ptab':
      case 'br':
      case 'cr':
      case 'noBreakHyphen':
        if (runChild && this.inInstruction === 0) this.childChars = CHAR[local];
        return;
      case 'pPr':
        if (p && this.rDepth < 0 && this.pPrDepth === -1 && d === this.pDepth + 1) {
          this.codes[d] = Code.ParagraphProps;
          p.pPrStart = this.startOf(end);
          this.pPrDepth = d;
        }
        return;
      case 'pStyle':
        if (p && this.pPrDepth >= 0) {
          p.styleId = wAttr(tag, 'val');
          p.pStyleStart = this.startOf(end);
          p.pStyleEnd = end;
        }
        return;
      case 'numId':
        if (p && this.pPrDepth >= 0) p.numId = wAttr(tag, 'val');
        return;
      case 'ilvl':
        if (p && this.pPrDepth >= 0) p.ilvl = Number(wAttr(tag, 'val') ?? 0);
        return;
      case 'ins':
      case 'del':
      case 'moveFrom':
      case 'moveTo':
        this.noteId(tag);
        this.tracking(tag, local, p, d, end);
        return;
      case 'tbl':
        this.codes[d] = Code.Table;
        this.tables++;
        return;
      case 'fldChar':
        if (runChild) this.fieldChar(wAttr(tag, 'fldCharType'));
        return;
      case 'instrText':
      case 'delInstrText': {
        // A field's instruction (§17.16.23): read for the field's kind, never part of the text.
        const top = this.fields[this.fields.length - 1];
        if (runChild && top?.inInstruction) this.instructionOf = top.field;
        return;
      }
      case 'fldSimple':
        // §17.16.19: the runs inside are the result of the field its w:instr computes.
        if (p && this.rDepth < 0) {
          this.codes[d] = Code.SimpleField;
          const field = { instruction: (wAttr(tag, 'instr') ?? '').trim() };
          this.fields.push({ field, inInstruction: false, simple: true });
        }
        return;
      case 'sym':
        if (runChild) {
          const code = parseInt(wAttr(tag, 'char') ?? '', 16);
          // Symbol-font characters live in the private-use block F000–F0FF.
          if (code > 0)
            this.childChars = String.fromCharCode(code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code);
        }
        return;
      case 'footnoteReference':
      case 'endnoteReference':
        if (runChild) this.rFootnote = wAttr(tag, 'id') ?? '';
        return;
      // Subtrees that hold no text of this paragraph: graphics (and their text boxes), field
      // instructions, superseded properties, section properties.
      case 'rPrChange':
      case 'pPrChange':
      case 'sectPr':
        this.noteId(tag);
        this.skip(p, d, end);
        return;
      case 'drawing':
      case 'pict':
      case 'object':
      case 'fldData':
        this.skip(p, d, end);
        return;
      // Other elements whose w:id shares the revision id space.
      case 'bookmarkStart':
      case 'bookmarkEnd':
      case 'commentRangeStart':
      case 'commentRangeEnd':
      case 'commentReference':
      case 'moveFromRangeStart':
      case 'moveFromRangeEnd':
      case 'moveToRangeStart':
      case 'moveToRangeEnd':
      case 'tblPrChange':
      case 'trPrChange':
      case 'tcPrChange':
      case 'tblGridChange':
      case 'tblPrExChange':
      case 'numberingChange':
      case 'cellIns':
      case 'cellDel':
      case 'cellMerge':
      case 'customXmlInsRangeStart':
      case 'customXmlDelRangeStart':
      case 'permStart':
      case 'permEnd':
        this.noteId(tag);
        return;
    }
  }

  /** How the document element binds WordprocessingML: the writer's new markup uses the same binding. */
  private noteRoot(tag: SaxesTagNS, end: number): void {
    const ns = tag.ns ?? {};
    let prefix: string | undefined;
    let uri = isW(tag.uri) ? tag.uri : undefined;
    for (const p in ns) {
      if (p !== '' && isW(ns[p]) && (prefix === undefined || p === 'w')) [prefix, uri] = [p, ns[p]];
      if (p === '' && isW(ns[p])) uri ??= ns[p];
    }
    this.root = { prefix, uri: uri ?? W, openEnd: end, taken: Object.keys(ns) };
  }

  /** Ignores the element's subtree; inside w:pPr, also keeps it out of copied paragraph properties. */
  private skip(p: RawParagraph | null, d: number, end: number): void {
    this.skipFrom = d;
    if (p && this.pPrDepth >= 0 && this.rDepth < 0) this.stripStart = this.startOf(end);
  }

  private noteId(tag: SaxesTagNS): void {
    const id = Number(wAttr(tag, 'id'));
    if (id > this.maxId) this.maxId = id;
  }

  /** w:ins/w:del/w:moveFrom/w:moveTo: a paragraph-mark revision or a wrapper of runs or paragraphs. */
  private tracking(
    tag: SaxesTagNS,
    local: Wrapper['local'],
    p: Mutable<RawParagraph> | null,
    d: number,
    end: number,
  ): void {
    if (p && this.markRPrDepth >= 0) {
      p.mark = revisionOf(tag, local);
      if (tag.isSelfClosing) {
        if (this.xml !== null) this.strip.push(this.startOf(end), end);
      } else {
        this.skipFrom = d;
        this.stripStart = this.startOf(end);
      }
    } else if (this.rDepth < 0 && !(p && this.pPrDepth >= 0)) {
      // Inside w:pPr other than the mark (w:numPr/w:ins) these record property changes, not text.
      this.codes[d] = Code.Tracked;
      const wrapper = { local, openStart: this.startOf(end), openEnd: end, closeStart: -1, closeEnd: -1 };
      this.tracked.push({ revision: revisionOf(tag, local), depth: d, wrapper });
    }
  }

  private fieldChar(type: string | undefined): void {
    const top = this.fields[this.fields.length - 1];
    if (type === 'begin') {
      this.fields.push({ field: { instruction: '' }, inInstruction: true, simple: false });
      this.inInstruction++;
    } else if (type === 'separate' && top?.inInstruction) {
      top.inInstruction = false;
      top.field.instruction = top.field.instruction.trim();
      this.inInstruction--;
    } else if (type === 'end' && top !== undefined && !top.simple) this.closeField();
  }

  /** Closes the innermost open field. */
  private closeField(): void {
    const top = this.fields.pop();
    if (top?.inInstruction) {
      top.field.instruction = top.field.instruction.trim();
      this.inInstruction--;
    }
  }

  close(tag: SaxesTagNS, end: number): void {
    const d = this.depth--;
    if (this.skipFrom >= 0) {
      if (d > this.skipFrom) return;
      this.skipFrom = -1;
      if (this.stripStart >= 0) {
        this.strip.push(this.stripStart, end);
        this.stripStart = -1;
        return;
      }
    }
    const p = this.p;
    switch (this.codes[d]) {
      case Code.RunChild:
        this.collecting = false;
        this.instructionOf = undefined;
        // Text read while every open field shows its result is the outermost field's result.
        if (this.childChars !== '' && this.fields.length > 0 && this.inInstruction === 0)
          this.rField ??= this.fields[0].field;
        if (this.xml !== null)
          this.atoms.push(this.childStart, end, this.childChars.length, this.childIsText ? 1 : 0);
        this.rText += this.childChars;
        return;
      case Code.RunProps:
        this.rPrEnd = end;
        this.rInProps = false;
        return;
      case Code.Run:
        if (p) this.finishRun(end);
        this.rDepth = -1;
        return;
      case Code.Paragraph:
        if (p) {
          p.end = end;
          p.selfClosing = tag.isSelfClosing;
          if (this.xml === null) this.sink?.(p, this.leanRuns, this.tally);
          else {
            if (this.strip.length > 0) p.pPrStrip = this.strip;
            this.paragraphs.push(p);
          }
        }
        this.p = null;
        return;
      case Code.ParagraphProps:
        if (p) p.pPrEnd = end;
        this.pPrDepth = -2;
        return;
      case Code.MarkProps:
        if (p) p.markRPrEnd = end;
        this.markRPrDepth = -1;
        return;
      case Code.Table:
        this.tables--;
        return;
      case Code.SimpleField: {
        // With it closes any complex field opened inside it and left unended (a damaged file).
        let top: OpenField | undefined;
        do {
          top = this.fields[this.fields.length - 1];
          this.closeField();
        } while (top !== undefined && !top.simple);
        return;
      }
      case Code.Tracked: {
        const top = this.tracked.pop()!;
        top.wrapper.closeStart = this.startOf(end);
        top.wrapper.closeEnd = end;
        return;
      }
    }
  }

  text(t: string): void {
    if (this.collecting) this.childChars += t;
    else if (this.instructionOf !== undefined) this.instructionOf.instruction += t;
  }

  private finishRun(end: number): void {
    const n = this.tracked.length;
    const top = n > 0 ? this.tracked[n - 1] : undefined;
    let revision = top?.revision;
    let insertedThenDeleted = false;
    if (n > 1) {
      // Nested revisions, in either order (ECMA-376 Part 1, §17.13.5.14 and §17.13.5.18: all content
      // inside a w:del "shall be treated as deleted", all content inside a w:ins as inserted). A run
      // inside both was inserted and then deleted, whoever's each change is and whichever element is
      // outside: absent from the original view (it was not there) and from the current view (it is
      // deleted). Word writes the insertion outside; `w:del` holding another author's `w:ins` means
      // the same thing, and reading it as current text would let a fix write into a deletion.
      let del: Revision | undefined;
      let ins: Revision | undefined;
      for (let i = n - 1; i >= 0; i--) {
        const r = this.tracked[i].revision;
        if (r.kind === 'del') del ??= r;
        else ins ??= r;
      }
      if (del && ins) {
        revision = { ...del, inserted: ins };
        insertedThenDeleted = true;
      } else if (del) revision = del;
    }
    this.rHidden = this.rSpecVanish || (this.rVanish ?? this.hiddenByStyle(this.p!.styleId, this.rStyle));
    if (this.rHidden) {
      // Hidden text is in no view: the snapshot leaves it out, the layout keeps it for offsets.
      if (this.xml === null) return;
      this.runs.push(this.layoutRun(end, '', revision, insertedThenDeleted, top));
      return;
    }
    if (this.xml === null) {
      const run = snapshotRun(this.rText, revision, this.rFootnote, this.rField);
      if (run === null) return;
      this.leanRuns.push(run);
      tallyRun(this.tally, run.text, revision, this.rItalic);
      return;
    }
    this.runs.push(this.layoutRun(end, this.rText, revision, insertedThenDeleted, top));
  }

  private layoutRun(
    end: number,
    text: string,
    revision: Revision | undefined,
    insertedThenDeleted: boolean,
    top: Tracked | undefined,
  ): RunLayout {
    // Every field set, in one order: all runs share one object shape (this runs for every run).
    return {
      start: this.rStart,
      end,
      openEnd: this.rOpenEnd,
      rPrStart: this.rPrStart,
      rPrEnd: this.rPrEnd,
      atomFrom: this.rAtomFrom,
      atomTo: this.atoms.length,
      text,
      revision,
      insertedThenDeleted,
      wrapper: top && top.depth === this.rDepth - 1 ? top.wrapper : undefined,
      footnote: this.rHidden ? undefined : this.rFootnote,
      italic: this.rItalic,
      field: this.rField,
    };
  }
}

function revisionOf(tag: SaxesTagNS, local: string): Revision {
  const revision: Mutable<Revision> = { kind: local === 'ins' || local === 'moveTo' ? 'ins' : 'del' };
  const author = wAttr(tag, 'author');
  const date = wAttr(tag, 'date');
  const id = wAttr(tag, 'id');
  if (author !== undefined) revision.author = author;
  if (date !== undefined) revision.date = date;
  if (id !== undefined) revision.id = id;
  if (local === 'moveFrom' || local === 'moveTo') revision.move = true;
  return revision;
}
