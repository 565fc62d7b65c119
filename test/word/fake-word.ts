import { toMarkup } from '../../src/core/markup';
import {
  existsIn,
  paragraphText,
  type Paragraph,
  type Run,
  type Snapshot,
  type View,
} from '../../src/core/snapshot';

/**
 * A fake Word for the adapter's tests that keeps Office.js's rules, so code that breaks them fails here
 * as it would in Word:
 * - a proxy's property cannot be read before `load` and a `context.sync()` (PropertyNotLoaded);
 * - method calls and property writes are queued and take effect, in order, only at `sync`; a failing
 *   operation stops the batch there (earlier ones stay done) and rejects the sync;
 * - proxies die with their `Word.run` batch.
 * It holds a document of paragraphs made of characters, each normal, tracked-inserted or
 * tracked-deleted, counts round trips and runs, and can show tracked deletions in `Paragraph.text` and
 * search (as Word on the web does) or not.
 */

type TrackingMode = 'Off' | 'TrackAll' | 'TrackMineOnly';
type State = 'normal' | 'ins' | 'del';

interface Char {
  ch: string;
  state: State;
  footnote?: string;
}

interface FakeParagraphModel {
  chars: Char[];
  mark?: 'ins' | 'del';
  styleName?: string;
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
  /** `Paragraph.text`, `Range.text` and search include tracked deletions (Word on the web). */
  readonly showsDeletions?: boolean;
  /** The user's change-tracking mode. */
  readonly trackingMode?: TrackingMode;
  /** What `body.getOoxml()` returns for the document; markup unless a test passes a Flat OPC writer. */
  readonly ooxml?: (snapshot: Snapshot) => string;
}

/** An error shaped like `OfficeExtension.Error`. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

const FOOTNOTE_MARK = '\u0002';
const LINE_BREAK = '\u000b';

export class FakeWord {
  paragraphs: FakeParagraphModel[];
  trackingMode: TrackingMode;
  /** `context.sync()` calls, over all runs. */
  syncs = 0;
  runs = 0;
  /** The most `Word.run` batches that were in progress at once. */
  maxActive = 0;
  readonly writes: FakeWrite[] = [];
  /** What the user would see selected: the paragraph and the selected text. */
  selection: { paragraph: number; text: string } | undefined;
  private active = 0;
  private readonly failures: { op: string; code: string; nth: number }[] = [];
  private readonly counts = new Map<string, number>();
  readonly showsDeletions: boolean;
  private readonly ooxmlOf: (snapshot: Snapshot) => string;

  constructor(snapshot: Snapshot, options: FakeWordOptions = {}) {
    this.paragraphs = snapshot.paragraphs.map(modelOf);
    this.trackingMode = options.trackingMode ?? 'Off';
    this.showsDeletions = options.showsDeletions ?? false;
    this.ooxmlOf = options.ooxml ?? toMarkup;
  }

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

  /** Count an operation, failing it when a test asked for it. */
  hit(op: string): void {
    const n = (this.counts.get(op) ?? 0) + 1;
    this.counts.set(op, n);
    const f = this.failures.find((x) => x.op === op && x.nth === n);
    if (f) throw new FakeOfficeError(f.code, `${op} failed (${f.code}).`);
  }

  /** The document as a snapshot: runs grouped by revision, the paragraph marks, styles. */
  snapshot(): Snapshot {
    return { paragraphs: this.paragraphs.map((p, index) => paragraphOf(p, index)) };
  }

  /** Every paragraph's text in a view (paragraphs absent from the view left out). */
  texts(view: View): string[] {
    return this.snapshot()
      .paragraphs.filter((p) => existsIn(p, view))
      .map((p) => paragraphText(p, view));
  }

  ooxml(): string {
    return this.ooxmlOf(this.snapshot());
  }

  /** The user retypes a paragraph (tracking off) between the add-in's calls. */
  userEdit(paragraph: number, text: string): void {
    this.paragraphs[paragraph].chars = charsOf(text, 'normal');
  }

  /** The user adds a paragraph. */
  userInsert(before: number, text: string): void {
    this.paragraphs.splice(before, 0, { chars: charsOf(text, 'normal') });
  }

  /** The characters `Paragraph.text` and search see. */
  visible(p: FakeParagraphModel): Char[] {
    return this.showsDeletions ? p.chars : p.chars.filter((c) => c.state !== 'del');
  }

  tracking(): boolean {
    return this.trackingMode !== 'Off';
  }

  record(op: string, text?: string): void {
    this.writes.push({ op, tracked: this.tracking(), ...(text !== undefined ? { text } : {}) });
  }

  /** Replace characters first..last by `text` (tracked: deletion plus insertion), returning the inserted range. */
  replace(r: RangeModel, text: string): RangeModel | undefined {
    const { para } = r;
    const from = indexIn(para, r.first);
    const to = indexIn(para, r.last);
    const middle = para.chars.slice(from, to + 1);
    let kept: Char[];
    if (this.tracking()) {
      // Deleting one's own tracked insertion removes it; other text becomes a tracked deletion.
      kept = middle.filter((c) => c.state !== 'ins');
      for (const c of kept) c.state = 'del';
    } else kept = [];
    const inserted = charsOf(text, this.tracking() ? 'ins' : 'normal');
    para.chars = [...para.chars.slice(0, from), ...kept, ...inserted, ...para.chars.slice(to + 1)];
    return inserted.length > 0
      ? { para, first: inserted[0], last: inserted[inserted.length - 1] }
      : undefined;
  }

  /** Insert `text` at a character index of a paragraph. */
  insertAt(para: FakeParagraphModel, index: number, text: string): RangeModel | undefined {
    const inserted = charsOf(text, this.tracking() ? 'ins' : 'normal');
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
}

function indexIn(para: FakeParagraphModel, c: Char): number {
  const i = para.chars.indexOf(c);
  if (i < 0) throw new FakeOfficeError('ItemNotFound', 'The range no longer exists.');
  return i;
}

function charsOf(text: string, state: State): Char[] {
  return [...text].map((ch) => ({ ch: ch === '\n' ? LINE_BREAK : ch, state }));
}

function modelOf(p: Paragraph): FakeParagraphModel {
  const chars: Char[] = [];
  for (const r of p.runs) {
    const state: State = r.revision?.kind ?? 'normal';
    if (r.footnote !== undefined) chars.push({ ch: FOOTNOTE_MARK, state, footnote: r.footnote });
    else chars.push(...charsOf(r.text, state));
  }
  return {
    chars,
    ...(p.mark ? { mark: p.mark.kind } : {}),
    ...(p.styleName ? { styleName: p.styleName } : {}),
  };
}

function paragraphOf(p: FakeParagraphModel, index: number): Paragraph {
  const runs: Run[] = [];
  let text = '';
  let state: State = 'normal';
  const flush = () => {
    if (text !== '') runs.push({ text, ...(state !== 'normal' ? { revision: { kind: state } } : {}) });
    text = '';
  };
  for (const c of p.chars) {
    if (c.state !== state || c.footnote !== undefined) flush();
    state = c.state;
    if (c.footnote !== undefined)
      runs.push({
        text: '',
        footnote: c.footnote,
        ...(state !== 'normal' ? { revision: { kind: state } } : {}),
      });
    else text += c.ch === LINE_BREAK ? '\n' : c.ch;
  }
  flush();
  return {
    index,
    runs,
    ...(p.mark ? { mark: { kind: p.mark } } : {}),
    ...(p.styleName ? { styleName: p.styleName, styleId: p.styleName.replace(/\s+/g, '') } : {}),
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

function wants(props: string | string[] | undefined, name: string): boolean {
  if (props === undefined) return true;
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
  get paragraphs(): FakeCollection<FakeParagraph> {
    return new FakeCollection(this.context, (resolve) =>
      resolve(this.word.paragraphs.map((p) => new FakeParagraph(this.context, p))),
    );
  }

  getOoxml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.enqueue(() => {
      this.word.hit('getOoxml');
      result.set(this.word.ooxml());
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

  load(props?: string | string[]): this {
    this.context.enqueue(() => {
      this.word.hit('load');
      const members = this.members ?? [];
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

  fill(props?: string | string[]): void {
    if (wants(props, 'text'))
      this.values.set(
        'text',
        this.word
          .visible(this.target())
          .map((c) => c.ch)
          .join(''),
      );
  }

  load(props?: string | string[]): this {
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
      this.word.record('style', name);
      this.target().styleName = name;
    });
  }

  search(needle: string, options?: { matchCase?: boolean }): FakeCollection<FakeRange> {
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
      const tracked = this.word.tracking();
      const model: FakeParagraphModel = {
        chars: charsOf(text, tracked ? 'ins' : 'normal'),
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
      this.word.selection = {
        paragraph: this.word.indexOf(para),
        text: para.chars.map((c) => c.ch).join(''),
      };
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

  fill(props?: string | string[]): void {
    if (wants(props, 'text'))
      this.values.set(
        'text',
        this.chars()
          .filter((c) => this.word.showsDeletions || c.state !== 'del')
          .map((c) => c.ch)
          .join(''),
      );
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
        .map((c) => c.ch)
        .join('');
      this.word.selection = { paragraph: this.word.indexOf(this.target().para), text };
    });
  }
}

/** Word's plain search: `^` codes, at most 255 characters, matches left to right without overlap. */
function findAll(word: FakeWord, para: FakeParagraphModel, search: string, matchCase: boolean): RangeModel[] {
  if (search.length === 0 || search.length > 255)
    throw new FakeOfficeError('SearchStringInvalidOrTooLong', 'The search string is invalid or too long.');
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
    else throw new FakeOfficeError('SearchStringInvalidOrTooLong', `The fake does not model ^${code ?? ''}.`);
  }
  const chars = word.visible(para);
  const fold = (s: string) => (matchCase ? s : s.toLowerCase());
  const hay = fold(chars.map((c) => c.ch).join(''));
  const n = fold(needle);
  const found: RangeModel[] = [];
  for (let i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + n.length))
    found.push({ para, first: chars[i], last: chars[i + n.length - 1] });
  return found;
}
