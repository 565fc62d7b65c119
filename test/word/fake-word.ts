import { toMarkup } from '../../src/core/markup';
import {
  existsIn,
  paragraphText,
  type Field,
  type Paragraph,
  type Run,
  type Snapshot,
  type View,
} from '../../src/core/snapshot';
import { buildDocx } from '../../src/docx/build';
import { readFlatOpc } from '../../src/docx/read';
import type { AsyncResultLike, OfficeDocumentLike, OfficeFileLike } from '../../src/word/office-file';
import { FILE_STYLE_NAMES, LOCAL_STYLE_NAMES, WINDOWS, type Personality } from './personalities';

/**
 * A fake Word for the adapter's tests that keeps Office.js's rules, so code that breaks them fails here
 * as it would in Word:
 * - a proxy's property cannot be read before `load` and a `context.sync()`, nor a ClientResult's value
 *   before the sync (learn.microsoft.com, "Application-specific API model": load(), ClientResult); the
 *   codes, PropertyNotLoaded and ValueNotLoaded, are OfficeExtension.ErrorCodes members (learn.microsoft.com,
 *   OfficeExtension.ErrorCodes), which of them Word raises for which misuse is not documented;
 * - method calls and property writes are queued and take effect, in order, only at `sync`
 *   ("Application-specific API model": proxy objects, sync()). That a failing operation stops the batch
 *   there with the earlier ones done is not documented: modelled so, and the adapter copes with either
 *   (after a failed write it gives the user their tracking mode back and says some changes may have been
 *   made, which Undo reverses);
 * - proxies die with their `Word.run` batch ("Application-specific API model": *.run releases the objects
 *   it allocated); the codes the fake raises for a late use (InvalidObjectPath, InvalidRequestContext,
 *   both OfficeExtension.ErrorCodes members) are not documented for this case.
 * It holds a document of paragraphs made of characters (each possibly in a tracked insertion and a
 * tracked deletion, by their authors; footnote references; comment anchors), behaves as one of the
 * personalities of `personalities.ts` (Word on the web, Windows, Mac), counts round trips, runs and the
 * characters it hands out, and gives `getFileAsync` the document as a .docx.
 */

type TrackingMode = 'Off' | 'TrackAll' | 'TrackMineOnly';

interface Char {
  ch: string;
  /** Author of the tracked insertion holding this character. */
  ins?: string;
  /** Author of the tracked deletion holding this character. */
  del?: string;
  footnote?: string;
  /** Where a comment's range ends: no text of its own. */
  comment?: true;
  /** The field whose result this character is (one object per field). */
  field?: Field;
}

interface FakeParagraphModel {
  chars: Char[];
  mark?: 'ins' | 'del';
  /** The file's style name (w:name). */
  styleName?: string;
  /** Automatic numbering: Word's label, not part of the text. */
  numbering?: Paragraph['numbering'];
}

interface RangeModel {
  readonly para: FakeParagraphModel;
  readonly first: Char;
  readonly last: Char;
}

/** A write Word performed, and whether change tracking was on for it. */
export interface FakeWrite {
  readonly op: string;
  readonly tracked: boolean;
  readonly text?: string;
}

export interface FakeWordOptions {
  /** Which Word: what Paragraph.text shows, when getOoxml throws (default: Windows). */
  readonly personality?: Personality;
  /** `Paragraph.text` and `Range.text` include tracked deletions (overrides the personality's). */
  readonly showsDeletions?: boolean;
  /** The user's change-tracking mode. */
  readonly trackingMode?: TrackingMode;
  /** Who is editing: tracked changes by anyone else are another author's. */
  readonly user?: string;
  /** The language of Word's style names. */
  readonly locale?: 'en' | 'fr';
  /** `getOoxml` fails with this code, whatever the document (#6059: GeneralException on some documents). */
  readonly ooxmlFails?: string;
  /**
   * How Word on the web refuses the OOXML of a tracked deletion: `code` as in #3898 (the error's code is
   * ooxmlIsMalformated), `debugInfo` as in #240 (code GeneralException, debugInfo.message
   * ooxmlIsMalformated). Default `code`.
   */
  readonly ooxmlRefusal?: 'code' | 'debugInfo';
  /**
   * Whether a deleted paragraph mark alone (no deleted text) makes Word on the web refuse the OOXML. Not
   * documented: #3898 speaks of "a suggestion that deletes text". Default true; tests run both.
   */
  readonly deletedMarkRefuses?: boolean;
  /**
   * Word on the web embedded by a WOPI host: `getOoxml` throws ooxmlIsMalformated after any edit of the
   * document, by the user or the add-in (#6016: "I cannot reproduce this in regular Word Online or
   * desktop"; "Once it's broken it will stay broken with further edits").
   */
  readonly embedded?: boolean;
  /**
   * Word on the web in a CSPP (WOPI) editor refuses `insertOoxml` with NotAllowed, "The action isn't
   * supported by Word in a browser", errorLocation Body.insertOoxml (#4640).
   */
  readonly insertOoxmlNotAllowed?: boolean;
  /**
   * Whether `Paragraph.text` shows a field as Word's field characters (U+0013, the code, U+0014, the
   * result, U+0015) rather than its result alone. Neither is documented for Office.js; default false,
   * tests run both.
   */
  readonly fieldCharacters?: boolean;
  /** What `body.getOoxml()` returns for the document; markup unless a test passes a Flat OPC writer. */
  readonly ooxml?: (snapshot: Snapshot) => string;
  /** The .docx `getFileAsync` hands out for the document (default: the project's builder). */
  readonly file?: (snapshot: Snapshot) => Uint8Array;
}

/**
 * An error shaped like `OfficeExtension.Error`, with the debugInfo Word attaches (#6059, #5394: code,
 * message, errorLocation; learn.microsoft.com, OfficeExtension.DebugInfo). `message` is debugInfo's.
 */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string; statement?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(code);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

/** Stands for a footnote reference or a comment anchor in the text search runs over: never matched. */
const UNMATCHABLE = '\u0000';
/**
 * A manual line break (w:br) in the fake's text: U+000B, the character Office.js takes for one in
 * insertText (#1755, #4275: "\v" inserts a Shift+Enter break). That Paragraph.text gives it back as
 * U+000B is not documented; the adapter also accepts a carriage return or form feed there.
 */
const LINE_BREAK = '\u000b';
const NB_HYPHEN = '\u2011';

export class FakeWord {
  paragraphs: FakeParagraphModel[];
  trackingMode: TrackingMode;
  readonly personality: Personality;
  /** `context.sync()` calls, over all runs. */
  syncs = 0;
  runs = 0;
  /** Characters moved between the add-in and Word: texts, OOXML and file handed out, needles and text sent. */
  bytes = 0;
  /** The most `Word.run` batches that were in progress at once. */
  maxActive = 0;
  /** Writes whose range held someone's tracked deletion: the adapter must never make one. */
  touchedDeletions = 0;
  /**
   * Writes whose range held a footnote reference or a comment anchor: the adapter must never make one
   * (#2749: insertText 'Replace' erases the footnotes of the replaced range).
   */
  touchedMarks = 0;
  /**
   * Writes that changed a field's result or put text inside one: Word replaces that text when it
   * updates the field, so the adapter must never make one.
   */
  touchedFields = 0;
  readonly writes: FakeWrite[] = [];
  /** What the user would see selected: the paragraph and the selected text. */
  selection: { paragraph: number; text: string } | undefined;
  readonly user: string;
  readonly locale: 'en' | 'fr';
  readonly showsDeletions: boolean;
  readonly fieldCharacters: boolean;
  private active = 0;
  private readonly failures: { op: string; code: string; nth: number }[] = [];
  private readonly counts = new Map<string, number>();
  private readonly ooxmlOf: (snapshot: Snapshot) => string;
  readonly fileOf: (snapshot: Snapshot) => Uint8Array;
  private readonly ooxmlFails: string | undefined;
  private readonly ooxmlRefusal: 'code' | 'debugInfo';
  private readonly deletedMarkRefuses: boolean;
  private readonly embedded: boolean;
  readonly insertOoxmlNotAllowed: boolean;
  /** Whether anyone edited the document since it was opened (#6016). */
  private edited = false;
  /** Custom style names the document defines (a built-in style is known by its local name). */
  private readonly customStyles = new Set<string>();

  constructor(snapshot: Snapshot, options: FakeWordOptions = {}) {
    this.paragraphs = snapshot.paragraphs.map(modelOf);
    this.footnotes = snapshot.footnotes;
    this.personality = options.personality ?? WINDOWS;
    this.trackingMode = options.trackingMode ?? 'Off';
    this.showsDeletions = options.showsDeletions ?? this.personality.textShowsDeletions;
    this.user = options.user ?? 'Delegate';
    this.locale = options.locale ?? 'en';
    this.ooxmlOf = options.ooxml ?? toMarkup;
    this.fileOf = options.file ?? ((s) => buildDocx(s));
    this.ooxmlFails = options.ooxmlFails;
    this.ooxmlRefusal = options.ooxmlRefusal ?? 'code';
    this.deletedMarkRefuses = options.deletedMarkRefuses ?? true;
    this.embedded = options.embedded ?? false;
    this.insertOoxmlNotAllowed = options.insertOoxmlNotAllowed ?? false;
    this.fieldCharacters = options.fieldCharacters ?? false;
    for (const p of snapshot.paragraphs)
      if (p.styleName && !Object.values(FILE_STYLE_NAMES).includes(p.styleName))
        this.customStyles.add(p.styleName);
  }

  private readonly footnotes: Snapshot['footnotes'];

  /** `Word.run`. */
  readonly run = async <T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    const context = new FakeContext(this);
    try {
      const result = await batch(context as unknown as Word.RequestContext);
      // Word.run flushes what the batch left queued.
      if (context.pending()) await context.sync();
      return result;
    } finally {
      context.closed = true;
      this.active--;
    }
  };

  /** Make the `nth` execution of an operation ('insertText', 'search', 'getOoxml', 'sync', …) fail with `code`. */
  failOn(op: string, code: string, nth = 1): void {
    this.failures.push({ op, code, nth: (this.counts.get(op) ?? 0) + nth });
  }

  /** How many times an operation ('getOoxml', 'search', …) ran. */
  count(op: string): number {
    return this.counts.get(op) ?? 0;
  }

  /** Count an operation, failing it when a test asked for it. */
  hit(op: string): void {
    const n = (this.counts.get(op) ?? 0) + 1;
    this.counts.set(op, n);
    const f = this.failures.find((x) => x.op === op && x.nth === n);
    if (f) throw new FakeOfficeError(f.code, f.code, op);
  }

  /** The document as a snapshot: runs grouped by revision, the paragraph marks, styles. */
  snapshot(): Snapshot {
    const paragraphs = this.paragraphs.map((p, index) => paragraphOf(p, index));
    return this.footnotes ? { paragraphs, footnotes: this.footnotes } : { paragraphs };
  }

  /** Every paragraph's text in a view (paragraphs absent from the view left out). */
  texts(view: View): string[] {
    return this.snapshot()
      .paragraphs.filter((p) => existsIn(p, view))
      .map((p) => paragraphText(p, view));
  }

  ooxml(): string {
    if (this.ooxmlFails) throw new FakeOfficeError(this.ooxmlFails, this.ooxmlFails, 'Body.getOoxml');
    // #3898: Word on the web refuses the OOXML of a range holding a suggested deletion of text.
    const deletion =
      this.paragraphs.some((p) => p.chars.some((c) => c.del !== undefined)) ||
      (this.deletedMarkRefuses && this.paragraphs.some((p) => p.mark === 'del'));
    if ((this.personality.ooxmlRefusesDeletions && deletion) || (this.embedded && this.edited))
      throw this.ooxmlRefusal === 'debugInfo'
        ? new FakeOfficeError('GeneralException', 'ooxmlIsMalformated', 'Body.getOoxml')
        : new FakeOfficeError('ooxmlIsMalformated', 'ooxmlIsMalformated', 'Body.getOoxml');
    return this.ooxmlOf(this.snapshot());
  }

  /** The body replaced by `models` (insertOoxml 'Replace'): tracked as Word tracks it when tracking is on. */
  replaceBody(models: FakeParagraphModel[]): void {
    if (!this.tracking()) {
      this.paragraphs = models;
      return;
    }
    for (const p of this.paragraphs) {
      for (const c of p.chars) if (c.ins !== this.user) c.del ??= this.user;
      p.mark = 'del';
    }
    const kept = this.paragraphs.filter(
      (p) => p.chars.length > 0 && p.chars.some((c) => c.del !== undefined),
    );
    for (const m of models) {
      for (const c of m.chars) c.ins = this.user;
      m.mark = 'ins';
    }
    this.paragraphs = [...kept, ...models];
  }

  /** The user retypes a paragraph (tracking off) between the add-in's calls. */
  userEdit(paragraph: number, text: string): void {
    this.edited = true;
    this.paragraphs[paragraph].chars = charsOf(text);
  }

  /** The user adds a paragraph. */
  userInsert(before: number, text: string): void {
    this.edited = true;
    this.paragraphs.splice(before, 0, { chars: charsOf(text) });
  }

  /** The user accepts every tracked change (Review > Accept All Changes). */
  acceptAll(): void {
    this.edited = true;
    const kept: FakeParagraphModel[] = [];
    let join: FakeParagraphModel | undefined;
    for (const p of this.paragraphs) {
      const chars: Char[] = p.chars
        .filter((c) => c.del === undefined)
        .map((c) => ({
          ch: c.ch,
          ...(c.footnote !== undefined ? { footnote: c.footnote } : {}),
          ...(c.comment ? { comment: true as const } : {}),
          ...(c.field ? { field: c.field } : {}),
        }));
      if (join) join.chars.push(...chars);
      else {
        const accepted: FakeParagraphModel = { ...p, chars };
        delete accepted.mark;
        kept.push(accepted);
      }
      // A deleted paragraph mark joins its paragraph to the next one.
      join = p.mark === 'del' ? (join ?? kept[kept.length - 1]) : undefined;
    }
    this.paragraphs = kept;
  }

  /** A reviewer comments on a paragraph; the comment's range ends before current-view character `offset`. */
  addComment(paragraph: number, offset: number): void {
    const chars = this.paragraphs[paragraph].chars;
    let seen = 0;
    let i = 0;
    for (; i < chars.length && seen < offset; i++)
      if (!chars[i].del && !chars[i].comment && chars[i].footnote === undefined) seen++;
    chars.splice(i, 0, { ch: '', comment: true });
  }

  /** A paragraph's text as `Paragraph.text` gives it on this Word. */
  textOf(p: FakeParagraphModel): string {
    let s = '';
    let field: Field | undefined;
    for (const c of p.chars) {
      if (c.del !== undefined && !this.showsDeletions) continue;
      if (this.fieldCharacters && c.field !== field) {
        if (field) s += '\u0015';
        if (c.field) s += `\u0013 ${c.field.instruction} \u0014`;
        field = c.field;
      }
      s += this.shown(c);
    }
    if (field) s += '\u0015';
    return s;
  }

  /** How one character reads in `Paragraph.text` and `Range.text`. */
  shown(c: Char): string {
    if (c.footnote !== undefined) return this.personality.footnoteMark;
    if (c.comment) return this.personality.commentMark;
    if (c.ch === NB_HYPHEN) return this.personality.noBreakHyphen;
    return c.ch;
  }

  tracking(): boolean {
    return this.trackingMode !== 'Off';
  }

  record(op: string, text?: string): void {
    this.edited = true;
    this.bytes += text?.length ?? 0;
    this.writes.push({ op, tracked: this.tracking(), ...(text !== undefined ? { text } : {}) });
  }

  /** Replace characters first..last by `text` (tracked: deletion plus insertion), returning the inserted range. */
  replace(r: RangeModel, text: string): RangeModel | undefined {
    const { para } = r;
    const from = indexIn(para, r.first);
    const to = indexIn(para, r.last);
    const middle = para.chars.slice(from, to + 1);
    if (middle.some((c) => c.del !== undefined && c.del !== this.user)) this.touchedDeletions++;
    if (middle.some((c) => c.footnote !== undefined || c.comment)) this.touchedMarks++;
    if (middle.some((c) => c.field !== undefined)) this.touchedFields++;
    let kept: Char[];
    if (this.tracking()) {
      // Not documented for Office.js; modelled as Word's own editing does it: deleting one's own tracked
      // insertion removes it, anything else becomes a tracked deletion (inside another author's
      // insertion it stays theirs, deleted by this user), a footnote reference included.
      kept = middle.filter((c) => c.ins !== this.user || c.del !== undefined);
      for (const c of kept) if (c.del === undefined) c.del = this.user;
    }
    // #2749 (tracking off): "The paragraph.insertText method with replace option" erases the footnotes of
    // the replaced range; a comment anchor is modelled alike (not documented).
    else kept = [];
    const inserted = charsOf(text, this.tracking() ? this.user : undefined);
    para.chars = [...para.chars.slice(0, from), ...kept, ...inserted, ...para.chars.slice(to + 1)];
    return inserted.length > 0
      ? { para, first: inserted[0], last: inserted[inserted.length - 1] }
      : undefined;
  }

  /** Insert `text` at a character index of a paragraph. */
  insertAt(para: FakeParagraphModel, index: number, text: string): RangeModel | undefined {
    // Text put right after a field's last character may land inside its result (where Word puts it is
    // not documented), so that counts too.
    if (para.chars[index - 1]?.field !== undefined) this.touchedFields++;
    const inserted = charsOf(text, this.tracking() ? this.user : undefined);
    para.chars.splice(index, 0, ...inserted);
    return inserted.length > 0
      ? { para, first: inserted[0], last: inserted[inserted.length - 1] }
      : undefined;
  }

  /** The index of a paragraph in the document; ItemNotFound when it is gone. */
  indexOf(para: FakeParagraphModel): number {
    const i = this.paragraphs.indexOf(para);
    if (i < 0) throw new FakeOfficeError('ItemNotFound', 'The paragraph no longer exists.');
    return i;
  }

  /** The file's style name for what `Paragraph.style` was given, or an error as Word gives for an unknown style. */
  styleFromLocalName(name: string): string {
    const local = LOCAL_STYLE_NAMES[this.locale];
    const builtIn = Object.keys(local).find((k) => local[k] === name);
    if (builtIn) return FILE_STYLE_NAMES[builtIn];
    if (this.customStyles.has(name)) return name;
    // The code Word gives for an unknown style name is not documented; any failure stops the batch.
    throw new FakeOfficeError('InvalidArgument', `There is no style named "${name}".`, 'Paragraph.style');
  }

  /** `Document.getFileAsync` and the `Office.File` it hands out, over a .docx built from the document. */
  readonly officeDocument = new FakeOfficeDocument(this);
}

/** `Office.context.document` for `getFileAsync(Office.FileType.Compressed)`. */
export class FakeOfficeDocument implements OfficeDocumentLike {
  /**
   * Files handed out and not closed yet: "No more than two documents are allowed to be in memory;
   * otherwise the Document.getFileAsync operation will fail" (learn.microsoft.com, Office.File.closeAsync).
   */
  open = 0;
  /** Calls into the Common API (each a round trip), and files handed out. */
  calls = 0;
  files = 0;
  failSlice: number | undefined;
  constructor(private readonly word: FakeWord) {}

  getFileAsync(
    fileType: Office.FileType,
    options: { sliceSize?: number },
    callback: (result: AsyncResultLike<OfficeFileLike>) => void,
  ): void {
    this.calls++;
    if (String(fileType) !== 'compressed') throw new Error('fake Word: only the compressed file is modelled');
    if (this.open >= 2) {
      setTimeout(() =>
        callback({
          status: 'failed',
          value: undefined as unknown as OfficeFileLike,
          // The error Office gives here is not documented: modelled as the generic 5001 Internal Error
          // (learn.microsoft.com, "Office Common API error codes"); the adapter reports any code as given.
          error: { code: 5001, name: 'Internal Error', message: 'Too many files are open.' },
        }),
      );
      return;
    }
    this.open++;
    this.files++;
    const bytes = this.word.fileOf(this.word.snapshot());
    // "The maximum (and the default) is 4194304 (4MB)" (learn.microsoft.com, Office.GetFileOptions.sliceSize).
    const size = Math.max(1, Math.min(options.sliceSize ?? 4194304, 4194304));
    const sliceCount = Math.ceil(bytes.length / size);
    const calls = () => this.calls++;
    const word = this.word;
    const failSlice = () => this.failSlice;
    const closeOne = () => this.open--;
    let closed = false;
    const file: OfficeFileLike = {
      size: bytes.length,
      sliceCount,
      getSliceAsync(index, cb) {
        calls();
        // A slice asked for after closeAsync: not documented; modelled as failing.
        const failed = failSlice() === index || closed;
        if (!failed) word.bytes += Math.min(size, bytes.length - index * size);
        setTimeout(() =>
          cb(
            failed
              ? {
                  status: 'failed',
                  value: { data: [] },
                  error: { code: 5001, name: 'Internal Error', message: 'The slice could not be read.' },
                }
              : { status: 'succeeded', value: { data: bytes.subarray(index * size, (index + 1) * size) } },
          ),
        );
      },
      closeAsync(cb) {
        calls();
        if (!closed) closeOne();
        closed = true;
        setTimeout(() => cb?.({ status: 'succeeded', value: undefined }));
      },
    };
    setTimeout(() => callback({ status: 'succeeded', value: file }));
  }
}

function indexIn(para: FakeParagraphModel, c: Char): number {
  const i = para.chars.indexOf(c);
  if (i < 0) throw new FakeOfficeError('ItemNotFound', 'The range no longer exists.');
  return i;
}

function charsOf(text: string, ins?: string, del?: string): Char[] {
  return [...text].map((ch) => ({
    ch: ch === '\n' ? LINE_BREAK : ch,
    ...(ins !== undefined ? { ins } : {}),
    ...(del !== undefined ? { del } : {}),
  }));
}

function modelOf(p: Paragraph): FakeParagraphModel {
  const chars: Char[] = [];
  for (const r of p.runs) {
    const rev = r.revision;
    const ins =
      rev?.kind === 'ins' ? (rev.author ?? '') : rev?.inserted ? (rev.inserted.author ?? '') : undefined;
    const del = rev?.kind === 'del' ? (rev.author ?? '') : undefined;
    if (r.footnote !== undefined)
      chars.push({
        ch: '',
        footnote: r.footnote,
        ...(ins !== undefined ? { ins } : {}),
        ...(del !== undefined ? { del } : {}),
      });
    else {
      const made = charsOf(r.text, ins, del);
      if (r.field) for (const c of made) c.field = r.field;
      chars.push(...made);
    }
  }
  return {
    chars,
    ...(p.mark ? { mark: p.mark.kind } : {}),
    ...(p.styleName ? { styleName: p.styleName } : {}),
    ...(p.numbering ? { numbering: p.numbering } : {}),
  };
}

const DATE = '2016-08-01T00:00:00Z';

function revisionOf(c: Char): Run['revision'] {
  if (c.del !== undefined)
    return {
      kind: 'del',
      author: c.del,
      date: DATE,
      ...(c.ins !== undefined ? { inserted: { kind: 'ins', author: c.ins, date: DATE } } : {}),
    };
  return c.ins !== undefined ? { kind: 'ins', author: c.ins, date: DATE } : undefined;
}

function paragraphOf(p: FakeParagraphModel, index: number): Paragraph {
  const runs: Run[] = [];
  let text = '';
  let key = '';
  let revision: Run['revision'];
  let field: Field | undefined;
  const flush = () => {
    if (text !== '') runs.push({ text, ...(revision ? { revision } : {}), ...(field ? { field } : {}) });
    text = '';
  };
  for (const c of p.chars) {
    if (c.comment) continue;
    const k = `${c.ins ?? '-'}|${c.del ?? '-'}`;
    if (k !== key || c.footnote !== undefined || c.field !== field) flush();
    key = k;
    revision = revisionOf(c);
    field = c.field;
    if (c.footnote !== undefined) {
      runs.push({ text: '', footnote: c.footnote, ...(revision ? { revision } : {}) });
      key = '';
    } else text += c.ch === LINE_BREAK ? '\n' : c.ch;
  }
  flush();
  return {
    index,
    runs,
    ...(p.mark ? { mark: { kind: p.mark } } : {}),
    ...(p.styleName ? { styleName: p.styleName, styleId: p.styleName.replace(/\s+/g, '') } : {}),
    ...(p.numbering ? { numbering: p.numbering } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------
// The request context and its proxies.

class FakeContext {
  closed = false;
  private queue: (() => void)[] = [];
  readonly document: FakeDocument;

  constructor(readonly word: FakeWord) {
    this.document = new FakeDocument(this);
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  enqueue(op: () => void): void {
    if (this.closed)
      throw new FakeOfficeError('InvalidObjectPath', 'The object was used outside its Word.run batch.');
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    if (this.closed)
      throw new FakeOfficeError('InvalidRequestContext', 'The request context is no longer valid.');
    this.word.syncs++;
    const ops = this.queue;
    this.queue = [];
    // A round trip: let other callers run meanwhile, as they would while Word works.
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.word.hit('sync');
    for (const op of ops) op();
  }
}

/** A proxy: properties readable only once loaded and synced. */
class FakeProxy {
  protected readonly values = new Map<string, unknown>();
  constructor(protected readonly context: FakeContext) {}

  protected get word(): FakeWord {
    return this.context.word;
  }

  protected loaded<T>(name: string): T {
    if (!this.values.has(name))
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    return this.values.get(name) as T;
  }
}

type LoadProps = string | string[] | { [key: string]: unknown; $skip?: number; $top?: number } | undefined;

function wants(props: LoadProps, name: string): boolean {
  if (props === undefined) return true;
  if (typeof props === 'object' && !Array.isArray(props)) return props[name] === true;
  const list = (Array.isArray(props) ? props : props.split(',')).map((s) => s.trim().replace(/^items\//, ''));
  return list.includes(name);
}

class FakeClientResult<T> {
  private has = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.has = true;
  }
  get value(): T {
    if (!this.has)
      throw new FakeOfficeError('ValueNotLoaded', 'The value of the result object has not been loaded yet.');
    return this.v as T;
  }
}

class FakeDocument extends FakeProxy {
  readonly body: FakeBody;
  constructor(context: FakeContext) {
    super(context);
    this.body = new FakeBody(context);
  }

  load(props?: string | string[]): this {
    this.context.enqueue(() => {
      this.word.hit('load');
      if (wants(props, 'changeTrackingMode')) this.values.set('changeTrackingMode', this.word.trackingMode);
    });
    return this;
  }

  get changeTrackingMode(): TrackingMode {
    return this.loaded('changeTrackingMode');
  }

  set changeTrackingMode(mode: TrackingMode) {
    this.values.set('changeTrackingMode', mode);
    this.context.enqueue(() => {
      this.word.hit('changeTrackingMode');
      this.word.trackingMode = mode;
    });
  }
}

class FakeBody extends FakeProxy {
  private cached: FakeCollection<FakeParagraph> | undefined;

  /**
   * A navigation property. Not documented: that Office.js hands out the same collection object on every
   * access, so that two loads of it in one batch land on the same object and the last one wins, is
   * modelled as the stricter case; the adapter copes with either (it loads each window of paragraphs
   * through a range of its own).
   */
  get paragraphs(): FakeCollection<FakeParagraph> {
    this.cached ??= this.allParagraphs();
    return this.cached;
  }

  /**
   * `Body.getRange('Whole')` (learn.microsoft.com, Word.Body.getRange, WordApi 1.3). That each call gives
   * a new range whose paragraphs are a collection of their own is not documented; modelled so.
   */
  getRange(location: 'Whole'): { readonly paragraphs: FakeCollection<FakeParagraph> } {
    if (location !== 'Whole') throw new Error(`fake Word: getRange('${location}') is not modelled`);
    const paragraphs = this.allParagraphs();
    return { paragraphs };
  }

  private allParagraphs(): FakeCollection<FakeParagraph> {
    return new FakeCollection(this.context, (resolve) =>
      resolve(this.word.paragraphs.map((p) => new FakeParagraph(this.context, p))),
    );
  }

  /**
   * `Body.insertOoxml(ooxml, 'Replace')` (learn.microsoft.com, Word.Body.insertOoxml, WordApi 1.1): the
   * package's paragraphs, with their style names and numbering, take the body's place.
   * - With Track Changes on, the inserted content is a tracked insertion by the user and the replaced
   *   content a tracked deletion (#329, #334: inserted OOXML is marked as a revision under tracking;
   *   #559, "by design": 'Replace' deletes some content and adds some).
   * - Whether w:ins or w:del inside the package stay revisions is not documented: the fake refuses such a
   *   package (as a bug of the caller), so no test can pass by relying on it.
   * - Settings (w:trackRevisions) are not taken from the package (#2123: the OOXML Word exchanges carries
   *   no w:trackRevisions); Track Changes stays as `changeTrackingMode` says.
   */
  insertOoxml(ooxml: string, location: 'Replace'): void {
    this.word.bytes += ooxml.length;
    this.context.enqueue(() => {
      this.word.hit('insertOoxml');
      if (location !== 'Replace') throw new Error(`fake Word: insertOoxml '${location}' is not modelled`);
      if (this.word.insertOoxmlNotAllowed)
        throw new FakeOfficeError(
          'NotAllowed',
          "The action isn't supported by Word in a browser. Check the OfficeExtension.Error.debugInfo for more information.",
          'Body.insertOoxml',
        );
      const read = readFlatOpc(ooxml, 'inserted OOXML');
      if (!read.ok) throw new FakeOfficeError('InvalidArgument', read.reason, 'Body.insertOoxml');
      const inserted = read.value.snapshot.paragraphs;
      if (inserted.some((p) => p.mark || p.runs.some((r) => r.revision)))
        throw new Error('fake Word: revisions inside inserted OOXML are not documented, so not modelled');
      this.word.record('insertOoxml');
      this.word.replaceBody(inserted.map(modelOf));
    });
  }

  /**
   * `Body.getReviewedText` (learn.microsoft.com, Word.Body.getReviewedText, WordApi 1.4): the body's text
   * as it reads with every change rejected ('Original') or accepted ('Current'), whatever Paragraph.text
   * shows on this Word. How paragraphs are separated in it is not documented: the fake joins them with
   * '\n', and the adapter only asks whether it is blank.
   */
  getReviewedText(version: 'Original' | 'Current'): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.enqueue(() => {
      this.word.hit('getReviewedText');
      const text = this.word.texts(version === 'Original' ? 'original' : 'current').join('\n');
      this.word.bytes += text.length;
      result.set(text);
    });
    return result;
  }

  getOoxml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.enqueue(() => {
      this.word.hit('getOoxml');
      const xml = this.word.ooxml();
      this.word.bytes += xml.length;
      result.set(xml);
    });
    return result;
  }
}

/** A collection whose members are found when its queued query runs. */
class FakeCollection<T extends FakeParagraph | FakeRange> extends FakeProxy {
  private members: T[] | undefined;
  constructor(context: FakeContext, query: (resolve: (members: T[]) => void) => void) {
    super(context);
    context.enqueue(() => query((m) => (this.members = m)));
  }

  /** Loads members' properties; `$skip`/`$top` load a window of the collection (CollectionLoadOptions). */
  load(props?: LoadProps): this {
    this.context.enqueue(() => {
      this.word.hit('load');
      let members = this.members ?? [];
      if (typeof props === 'object' && !Array.isArray(props)) {
        const skip = props.$skip ?? 0;
        members = members.slice(skip, props.$top === undefined ? undefined : skip + props.$top);
      }
      for (const m of members) m.fill(props);
      this.values.set('items', members);
    });
    return this;
  }

  get items(): T[] {
    return this.loaded('items');
  }
}

class FakeParagraph extends FakeProxy {
  constructor(
    context: FakeContext,
    private model: FakeParagraphModel | undefined,
  ) {
    super(context);
  }

  /** The paragraph this proxy stands for, known once the operation creating it ran. */
  target(): FakeParagraphModel {
    if (!this.model) throw new Error('fake Word: proxy used before the operation creating it ran');
    this.word.indexOf(this.model);
    return this.model;
  }

  bind(model: FakeParagraphModel): void {
    this.model = model;
  }

  fill(props?: LoadProps): void {
    if (wants(props, 'text')) {
      const text = this.word.textOf(this.target());
      this.word.bytes += text.length;
      this.values.set('text', text);
    }
  }

  load(props?: LoadProps): this {
    this.context.enqueue(() => {
      this.word.hit('load');
      this.fill(props);
    });
    return this;
  }

  get text(): string {
    return this.loaded('text');
  }

  set style(name: string) {
    this.context.enqueue(() => {
      this.word.hit('style');
      const fileName = this.word.styleFromLocalName(name);
      this.word.record('style', name);
      this.target().styleName = fileName;
    });
  }

  set styleBuiltIn(name: string) {
    this.context.enqueue(() => {
      this.word.hit('styleBuiltIn');
      const fileName = FILE_STYLE_NAMES[name];
      if (!fileName) throw new Error(`fake Word: built-in style ${name} is not modelled`);
      this.word.record('styleBuiltIn', name);
      this.target().styleName = fileName;
    });
  }

  search(needle: string, options?: { matchCase?: boolean }): FakeCollection<FakeRange> {
    this.word.bytes += needle.length;
    return new FakeCollection<FakeRange>(this.context, (resolve) => {
      this.word.hit('search');
      const para = this.target();
      resolve(
        findAll(this.word, para, needle, options?.matchCase ?? false).map(
          (r) => new FakeRange(this.context, r),
        ),
      );
    });
  }

  insertText(text: string, location: 'Start' | 'End' | 'Replace'): FakeRange {
    const range = new FakeRange(this.context, undefined);
    this.context.enqueue(() => {
      this.word.hit('insertText');
      this.word.record('insertText', text);
      const para = this.target();
      if (location === 'Replace') throw new Error('fake Word: Paragraph.insertText Replace is not modelled');
      range.bind(this.word.insertAt(para, location === 'Start' ? 0 : para.chars.length, text));
    });
    return range;
  }

  insertParagraph(text: string, location: 'Before' | 'After'): FakeParagraph {
    const created = new FakeParagraph(this.context, undefined);
    this.context.enqueue(() => {
      this.word.hit('insertParagraph');
      this.word.record('insertParagraph', text);
      const at = this.word.indexOf(this.target()) + (location === 'After' ? 1 : 0);
      // Not documented for Office.js; modelled as Word's own editing does it: under tracking the new
      // paragraph's text and its paragraph mark are tracked insertions.
      const tracked = this.word.tracking();
      const model: FakeParagraphModel = {
        chars: charsOf(text, tracked ? this.word.user : undefined),
        ...(tracked ? { mark: 'ins' } : {}),
      };
      this.word.paragraphs.splice(at, 0, model);
      created.bind(model);
    });
    return created;
  }

  select(): void {
    this.context.enqueue(() => {
      this.word.hit('select');
      const para = this.target();
      this.word.selection = { paragraph: this.word.indexOf(para), text: this.word.textOf(para) };
    });
  }
}

class FakeRange extends FakeProxy {
  constructor(
    context: FakeContext,
    private model: RangeModel | undefined,
  ) {
    super(context);
  }

  target(): RangeModel {
    if (!this.model) throw new FakeOfficeError('ItemNotFound', 'The range is empty or does not exist.');
    return this.model;
  }

  bind(model: RangeModel | undefined): void {
    this.model = model;
  }

  private chars(): Char[] {
    const { para, first, last } = this.target();
    return para.chars.slice(indexIn(para, first), indexIn(para, last) + 1);
  }

  fill(props?: LoadProps): void {
    if (wants(props, 'text')) {
      const text = this.chars()
        .filter((c) => this.word.showsDeletions || c.del === undefined)
        .map((c) => this.word.shown(c))
        .join('');
      this.word.bytes += text.length;
      this.values.set('text', text);
    }
  }

  get text(): string {
    return this.loaded('text');
  }

  insertText(text: string, location: 'Replace' | 'Before' | 'After'): FakeRange {
    const range = new FakeRange(this.context, undefined);
    this.context.enqueue(() => {
      this.word.hit('insertText');
      this.word.record('insertText', text);
      const r = this.target();
      if (location === 'Replace') range.bind(this.word.replace(r, text));
      else
        range.bind(
          this.word.insertAt(
            r.para,
            indexIn(r.para, location === 'Before' ? r.first : r.last) + (location === 'After' ? 1 : 0),
            text,
          ),
        );
    });
    return range;
  }

  delete(): void {
    this.context.enqueue(() => {
      this.word.hit('delete');
      this.word.record('delete');
      this.word.replace(this.target(), '');
    });
  }

  expandTo(other: FakeRange): FakeRange {
    const range = new FakeRange(this.context, undefined);
    this.context.enqueue(() => {
      const a = this.target();
      const b = other.target();
      if (a.para !== b.para) throw new Error('fake Word: expandTo across paragraphs is not modelled');
      const first = indexIn(a.para, a.first) <= indexIn(b.para, b.first) ? a.first : b.first;
      const last = indexIn(a.para, a.last) >= indexIn(b.para, b.last) ? a.last : b.last;
      range.bind({ para: a.para, first, last });
    });
    return range;
  }

  select(): void {
    this.context.enqueue(() => {
      this.word.hit('select');
      const text = this.chars()
        .map((c) => this.word.shown(c))
        .join('');
      this.word.selection = { paragraph: this.word.indexOf(this.target().para), text };
    });
  }
}

/**
 * Word's plain search:
 * - `^` codes: ^^ caret, ^t tab, ^l manual line break, ^~ non-breaking hyphen (learn.microsoft.com,
 *   "Use search options in your Word add-in to find text": Search for special characters);
 * - at most 255 characters, else SearchStringInvalidOrTooLong ("Error handling with the
 *   application-specific JavaScript APIs"); an empty string is refused with InvalidArgument (#2413, on
 *   the web; modelled alike elsewhere);
 * - a raw tab or U+000B in the string finds nothing (#2331 and #5403, on the web; modelled alike
 *   elsewhere), which is why the adapter sends ^t and ^l;
 * - matches left to right without overlap: not documented; the adapter copes with either, since it
 *   checks that Word finds as many matches as it counted;
 * - over the text with tracked deletions in place (#5874, #4170), never across a footnote reference
 *   (#4401) or a comment anchor (by analogy with #4401);
 * - never across a field result's edge (#5905, Word for Mac: a search over a field's result found
 *   nothing, though a shorter one over the same field matched; modelled as never, on every host).
 */
function findAll(word: FakeWord, para: FakeParagraphModel, search: string, matchCase: boolean): RangeModel[] {
  if (search.length === 0)
    throw new FakeOfficeError(
      'InvalidArgument',
      'The argument you provided is not valid.',
      'Paragraph.search',
    );
  if (search.length > 255)
    throw new FakeOfficeError(
      'SearchStringInvalidOrTooLong',
      'The search string is invalid or too long.',
      'Paragraph.search',
    );
  if (search.includes('\t') || search.includes(LINE_BREAK)) return [];
  let needle = '';
  for (let i = 0; i < search.length; i++) {
    if (search[i] !== '^') {
      needle += search[i];
      continue;
    }
    const code = search[++i];
    if (code === '^') needle += '^';
    else if (code === 't') needle += '\t';
    else if (code === 'l') needle += LINE_BREAK;
    else if (code === '~') needle += NB_HYPHEN;
    else throw new FakeOfficeError('SearchStringInvalidOrTooLong', `The fake does not model ^${code ?? ''}.`);
  }
  const chars = para.chars;
  const fold = (s: string) => (matchCase ? s : s.toLowerCase());
  const hay = fold(chars.map((c) => (c.footnote !== undefined || c.comment ? UNMATCHABLE : c.ch)).join(''));
  const n = fold(needle);
  const found: RangeModel[] = [];
  if (n.includes(UNMATCHABLE)) return found;
  for (let i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + n.length))
    if (chars.slice(i, i + n.length).every((c) => c.field === chars[i].field))
      found.push({ para, first: chars[i], last: chars[i + n.length - 1] });
  return found;
}
