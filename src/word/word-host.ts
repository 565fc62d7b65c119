import type { PlacementRefusal, UnplacedEdit } from '../core/fix';
import type { EditPlan, ParagraphEdit } from '../core/plan';
import { fail, ok, type Result } from '../core/result';
import type { Snapshot } from '../core/snapshot';
import type { DocxDocument } from '../docx/types';
import type {
  DiagnosableHost,
  DocumentHost,
  HostDiagnostics,
  OperationRecord,
  ReadPath,
  Target,
} from '../taskpane/host';
import { findRange, pieces, searchString, type Find, type Occurrence } from './locate';
import { insertNewProposal, type NewProposalChoice, type NewProposalMade } from './new-proposal';
import { debugInfoOf, describeOfficeError, isOfficeError } from './office-errors';
import { readWholeFile, type OfficeDocumentLike } from './office-file';
import { makeReading, preparePlan, staleReason, type Reading } from './reading';
import { APPLY_NEEDS, READ_NEEDS, wordSupport, type RequirementSets, type WordSupport } from './requirements';
import { SerialQueue } from './serial-queue';
import { builtInStyle } from './styles';
import { writeOp, writeRestore, type TrackingMode } from './writes';

/** `Word.run` as the adapter uses it (injected, so tests can pass a fake Word). */
export type WordRun = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

export interface WordHostOptions {
  /** `Word.run`. */
  readonly run: WordRun;
  /** `Office.context.requirements`. */
  readonly requirements: RequirementSets;
  /** Turns the Flat OPC of `body.getOoxml()` into a snapshot. */
  readonly readOoxml: (ooxml: string) => Result<Snapshot>;
  /**
   * `Office.context.document`: where the whole file comes from when Word will not hand out the body's
   * OOXML. Without it (and `readDocx`) a failed `getOoxml` is reported as it is.
   */
  readonly file?: OfficeDocumentLike;
  /** Turns the .docx bytes of `file` into a snapshot. */
  readonly readDocx?: (bytes: Uint8Array) => Result<Snapshot>;
  /** `Office.context.diagnostics.platform` (`PC`, `Mac`, `OfficeOnline`, …), for the Diagnostics view. */
  readonly platform?: Office.PlatformType | string;
  /** `Office.context.diagnostics.version`. */
  readonly officeVersion?: string;
  /** Milliseconds now; `performance.now` unless a test passes a clock. */
  readonly now?: () => number;
  /** What the pane calls the document. */
  readonly title?: string;
}

/** The requirement sets the Diagnostics view lists. */
const LISTED_SETS = ['1.1', '1.3', '1.4', '1.5'];

/** The texts a batch loaded of some Word paragraphs, by Word index, with their proxies. */
interface Loaded {
  readonly paragraphs: Map<number, Word.Paragraph>;
  /** Whether Word still has exactly as many paragraphs as at the read. */
  readonly sameCount: () => boolean;
}

/**
 * The document open in Word, as the pane sees it. Reads the body's OOXML in one `context.sync` (the
 * whole file when Word will not give the OOXML), applies a plan in three (confirm the paragraphs it
 * touches are unchanged, find the exact characters, write everything as tracked changes), loads only the
 * paragraphs it touches, and never runs two Word batches at once.
 */
export class WordHost implements DocumentHost, DiagnosableHost {
  readonly kind = 'word';
  readonly title: string;
  /** What this Word supports; the pane can grey out fixing when `apply` is false. */
  readonly support: WordSupport;
  private readonly options: WordHostOptions;
  private readonly queue = new SerialQueue();
  private readonly now: () => number;
  private reading: Reading | undefined;
  /**
   * Why Word last refused the body's OOXML, while that reason still holds; reads skip the OOXML then.
   * See {@link refusalOf}.
   */
  private ooxmlRefused: OoxmlRefusal | undefined;
  private readPath: ReadPath | undefined;
  private lastRead: OperationRecord | undefined;
  private lastApply: OperationRecord | undefined;
  private lastError: HostDiagnostics['lastError'];
  /** `context.sync` calls and Common API calls of the operation under way. */
  private trips = 0;

  constructor(options: WordHostOptions) {
    this.options = options;
    this.title = options.title ?? 'Word document';
    this.support = wordSupport(options.requirements);
    this.now = options.now ?? (() => globalThis.performance?.now() ?? Date.now());
  }

  read(onProgress?: (fraction: number) => void): Promise<Result<Snapshot>> {
    return this.queue.run(() => this.timed('read', () => this.readNow(onProgress)));
  }

  /**
   * Apply a plan as native tracked changes, all or nothing. A plan some of whose edits Word cannot place
   * is refused before anything is written, naming those edits (a {@link PlacementRefusal}).
   */
  apply(plan: EditPlan): Promise<Result<void> | PlacementRefusal> {
    return this.queue.run(() => this.timed('apply', () => this.applyNow(plan)));
  }

  select(target: Target): Promise<Result<void>> {
    return this.queue.run(() => this.selectNow(target));
  }

  /**
   * Start a proposal from the in-force text `base` in this document, which must be empty (see
   * `insertNewProposal`). `onStep` is called as each step ends, a sign of life for a caller's timeout.
   */
  newProposal(
    base: DocxDocument,
    choice: NewProposalChoice,
    onStep?: () => void,
  ): Promise<Result<NewProposalMade>> {
    return insertNewProposal(this, base, choice, onStep);
  }

  /**
   * Put a document (Flat OPC) into this one, which must be empty, and switch Track Changes on: how the
   * Draft tab starts a proposal from the in-force text in Word. See `insertNewProposal` (new-proposal.ts).
   */
  insertIntoEmpty(ooxml: string): Promise<Result<void>> {
    return this.queue.run(() => this.insertIntoEmptyNow(ooxml));
  }

  diagnostics(): HostDiagnostics {
    const sets = this.options.requirements;
    return {
      host: 'Word',
      ...(this.options.platform !== undefined ? { platform: String(this.options.platform) } : {}),
      ...(this.options.officeVersion !== undefined ? { officeVersion: this.options.officeVersion } : {}),
      requirementSets: LISTED_SETS.map((v) => ({
        name: `WordApi ${v}`,
        supported: sets.isSetSupported('WordApi', v),
      })),
      ...(this.readPath ? { readPath: this.readPath } : {}),
      ...(this.lastRead ? { lastRead: this.lastRead } : {}),
      ...(this.lastApply ? { lastApply: this.lastApply } : {}),
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  private async timed<T>(name: 'read' | 'apply', work: () => Promise<Result<T>>): Promise<Result<T>> {
    const start = this.now();
    this.trips = 0;
    const r = await work();
    const record: OperationRecord = {
      name,
      milliseconds: Math.round(this.now() - start),
      roundTrips: this.trips,
      ok: r.ok,
    };
    if (name === 'read') this.lastRead = record;
    else this.lastApply = record;
    return r;
  }

  /** `context.sync`, counted. */
  private sync(context: Word.RequestContext): Promise<void> {
    this.trips++;
    return context.sync();
  }

  /** The message for an Office failure, remembered with Office's own details for the Diagnostics view. */
  private officeFailure(e: unknown, doing: string): string {
    const message = describeOfficeError(e, doing);
    if (isOfficeError(e)) {
      const debugInfo = debugInfoOf(e);
      this.lastError = { message, code: e.code, ...(debugInfo ? { debugInfo } : {}) };
    }
    return message;
  }

  private failed<T>(message: string): Result<T> {
    this.lastError = { message };
    return fail(message);
  }

  private async readNow(onProgress?: (fraction: number) => void): Promise<Result<Snapshot>> {
    if (!this.support.read) return this.failed(READ_NEEDS);
    onProgress?.(0);
    const canReadFile = this.options.file !== undefined && this.options.readDocx !== undefined;
    let texts: string[];
    let ooxml: string | undefined;
    let refusal: string | undefined;
    let refusedNow: OoxmlRefusal | undefined;
    try {
      // One round trip: the OOXML carries the tracked changes, numbering and styles the engine needs;
      // the paragraph texts let apply address paragraphs and notice edits made since.
      const read = await this.wordRun(async (context) => {
        const body = context.document.body;
        const xml = this.ooxmlRefused && canReadFile ? undefined : body.getOoxml();
        const paragraphs = body.paragraphs.load('text');
        await this.sync(context);
        return { ooxml: xml?.value, texts: paragraphs.items.map((p) => p.text) };
      });
      texts = read.texts;
      ooxml = read.ooxml;
    } catch (e) {
      refusal = this.officeFailure(e, 'Could not read the document');
      if (!canReadFile) return fail(refusal);
      // Word would not hand out the OOXML; the paragraph texts still come, and the file replaces it.
      refusedNow = refusalOf(e);
      this.ooxmlRefused = refusedNow ?? this.ooxmlRefused;
      try {
        texts = await this.wordRun(async (context) => {
          const paragraphs = context.document.body.paragraphs.load('text');
          await this.sync(context);
          return paragraphs.items.map((p) => p.text);
        });
      } catch (again) {
        return fail(this.officeFailure(again, 'Could not read the document'));
      }
    }
    onProgress?.(0.4);
    let parsed: Result<Snapshot>;
    if (ooxml !== undefined) {
      parsed = this.options.readOoxml(ooxml);
      this.readPath = 'ooxml';
    } else {
      const file = await readWholeFile(this.options.file!);
      this.trips += file.ok ? file.value.roundTrips : 1;
      if (!file.ok) {
        const message = `Could not read the document: ${refusal ? `${refusal.replace(/^Could not read the document: /, '')} ` : ''}Reading the whole file instead failed too: ${file.reason}`;
        // Keep Word's code and debugInfo of the refused OOXML: they say why the file was needed.
        this.lastError = { ...this.lastError, message };
        return fail(message);
      }
      parsed = this.options.readDocx!(file.value.bytes);
      this.readPath = 'file';
      // A refusal for a tracked deletion ends when the deletions do (accepted or rejected): once the file
      // holds none, the next read asks for the OOXML again. Refused just now with no deletion in the
      // file, the reason was not a deletion (embedded Word, #6016): it holds like a document's.
      if (this.ooxmlRefused === 'deletion' && parsed.ok && !hasDeletion(parsed.value))
        this.ooxmlRefused = refusedNow === 'deletion' ? 'document' : undefined;
    }
    onProgress?.(0.8);
    if (!parsed.ok) return this.failed(`Could not read the document: ${parsed.reason}`);
    this.reading = makeReading(parsed.value, texts);
    onProgress?.(1);
    return parsed;
  }

  private wordRun<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> {
    return this.options.run(batch);
  }

  /**
   * Queue loads of the text of the Word paragraphs at `indexes` (consecutive ones in one window, by
   * `$skip`/`$top`), plus the paragraph after the last one read, which must not exist: a paragraph
   * added or removed anywhere shifts every index after it.
   */
  private loadParagraphs(context: Word.RequestContext, reading: Reading, indexes: readonly number[]) {
    // Whether `body.paragraphs` is one object per batch, so that two loads of it would overwrite each
    // other, is not documented; to be safe either way each window loads the paragraphs of a range of its
    // own (Body.getRange, WordApi 1.3; apply needs 1.4).
    const collection = () => context.document.body.getRange('Whole').paragraphs;
    const sorted = [...new Set(indexes)].sort((a, b) => a - b);
    const windows: { from: number; items: Word.ParagraphCollection }[] = [];
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
      windows.push({
        from: sorted[i],
        items: collection().load({ text: true, $skip: sorted[i], $top: j - i + 1 }),
      });
      i = j + 1;
    }
    const n = reading.wordTexts.length;
    const tail = collection().load({ text: true, $skip: Math.max(0, n - 1), $top: 2 });
    return (): { loaded: Loaded; texts: Map<number, string> } => {
      const paragraphs = new Map<number, Word.Paragraph>();
      const texts = new Map<number, string>();
      for (const w of windows)
        w.items.items.forEach((p, k) => {
          paragraphs.set(w.from + k, p);
          texts.set(w.from + k, p.text);
        });
      const last = tail.items;
      const sameCount = () => last.length === Math.min(n, 1);
      return { loaded: { paragraphs, sameCount }, texts };
    };
  }

  private async applyNow(plan: EditPlan): Promise<Result<void> | PlacementRefusal> {
    if (!this.support.apply) return this.failed(APPLY_NEEDS);
    const reading = this.reading;
    if (!reading) return this.failed('Check the document before applying fixes.');
    if (plan.edits.length === 0) return ok(undefined);
    const prepared = preparePlan(reading, plan);
    if (!prepared.ok) {
      this.lastError = { message: prepared.reason };
      return prepared;
    }
    const { touched, paragraphs: paragraphEdits, text } = prepared.value;
    const custom: { paragraph: Word.Paragraph; name: string }[] = [];
    let writing = false;
    try {
      const written = await this.wordRun(async (context): Promise<Result<void> | PlacementRefusal> => {
        const document = context.document;
        document.load('changeTrackingMode');
        const collect = this.loadParagraphs(
          context,
          reading,
          touched.map((i) => reading.wordIndex[i]),
        );
        await this.sync(context); // 1: the user's tracking mode and the touched paragraphs' texts
        const userMode = document.changeTrackingMode as TrackingMode;
        const { loaded, texts } = collect();
        const stale = staleReason(reading, touched, texts, loaded.sameCount(), plan.title);
        if (stale) return fail(stale);

        const para = (i: number) => loaded.paragraphs.get(reading.wordIndex[i])!;
        const searches = new Map<
          Occurrence,
          { paragraph: number; edit: number; results: Word.RangeCollection }
        >();
        const search = (paragraph: number, edit: number, at: Occurrence) => {
          const results = para(paragraph).search(searchString(at.needle), { matchCase: true }).load('text');
          searches.set(at, { paragraph, edit, results });
        };
        for (const { paragraph, ops } of text)
          for (const op of ops)
            if (op.kind === 'replace' || op.kind === 'after')
              forEachOccurrence(op.find, (at) => search(paragraph, op.edit, at));
        if (searches.size > 0) await this.sync(context); // 2: where the exact characters are

        // Every needle is checked before anything is written, so that a caller fixing many findings can
        // set aside those Word cannot place and write the others (see PlacementRefusal).
        const unplaced: UnplacedEdit[] = [];
        let refusal: string | undefined;
        for (const [at, { paragraph, edit, results }] of searches) {
          const found = results.items;
          if (found.length === at.total && sameFound(found[at.k].text, at.needle)) continue;
          const counts = `(found ${found.length} times, expected ${at.total})`;
          refusal ??= `Word finds "${at.needle}" in paragraph ${paragraph + 1} differently from the file ${counts}; make "${plan.title}" by hand. Nothing was changed.`;
          unplaced.push({ edit, reason: `Word finds "${at.needle}" differently from the file ${counts}` });
        }
        if (refusal !== undefined) return { ok: false, reason: refusal, unplaced };
        const range = (find: Find): Word.Range => {
          const first = searches.get(find.kind === 'one' ? find.at : find.head)!.results.items;
          const start = first[(find.kind === 'one' ? find.at : find.head).k];
          if (find.kind === 'one') return start;
          return start.expandTo(searches.get(find.tail)!.results.items[find.tail.k]);
        };

        // Every check has passed; from here on everything is queued and written in one batch.
        let mode = userMode;
        const track = (want: TrackingMode) => {
          if (mode !== want) document.changeTrackingMode = want;
          mode = want;
        };
        for (const e of paragraphEdits) {
          track(e.tracked ? 'TrackAll' : 'Off');
          const inserted = insertParagraph(reading, e, para);
          const name = styleNameOf(reading, e);
          if (name === undefined) continue;
          const builtIn = builtInStyle(name);
          // Built-in styles by their locale-independent name; a custom style by its name, in a later
          // step, so that a name Word does not know cannot stop the edits half-way.
          if (builtIn) inserted.styleBuiltIn = builtIn as Word.BuiltInStyleName;
          else custom.push({ paragraph: inserted, name });
        }
        for (const { paragraph, ops } of text)
          for (const op of ops) {
            if (op.restore !== undefined) writeRestore(op, para(paragraph), range, track);
            else {
              track('TrackAll');
              writeOp(op, para(paragraph), range);
            }
          }
        track(userMode);
        writing = true;
        try {
          await this.sync(context); // 3: the edits, and the user's own tracking mode back
        } catch (e) {
          // The batch stopped part-way, perhaps with tracking still forced on: give the user their mode back.
          document.changeTrackingMode = userMode;
          await this.sync(context).catch(() => undefined);
          throw e;
        }
        writing = false;
        if (custom.length === 0) return ok(undefined);
        for (const c of custom) c.paragraph.style = c.name;
        try {
          await this.sync(context); // 4: custom styles, only when the plan inserts a paragraph in one
        } catch (e) {
          const message = describeOfficeError(e, 'Word did not take the style');
          return fail(
            `"${plan.title}" was applied, but ${custom.length === 1 ? `the new paragraph keeps Word's default style instead of "${custom[0].name}"` : "new paragraphs keep Word's default style"}; set it by hand. (${message})`,
          );
        }
        return ok(undefined);
      });
      if (!written.ok) this.lastError = { message: written.reason };
      return written;
    } catch (e) {
      const message = this.officeFailure(e, `Could not apply "${plan.title}"`);
      const said = writing
        ? `${message} Some changes may have been made; Word's Undo reverses them.`
        : message;
      if (this.lastError) this.lastError = { ...this.lastError, message: said };
      return fail(said);
    }
  }

  /**
   * What Word documents, and so what this relies on:
   * - `Body.insertOoxml(ooxml, 'Replace')` (learn.microsoft.com, Word.Body.insertOoxml, WordApi 1.1) puts
   *   the package's paragraphs, with their styles and numbering, in place of the body.
   * - With Track Changes on, an insertion of OOXML is itself tracked, and 'Replace' records what it
   *   replaces as deleted (office-js #329 and #334: the whole inserted text is marked as a revision; #559,
   *   "by design": replacing is deleting some content and adding some). So tracking is off for the
   *   insertion: the in-force text goes in as the document's untracked original.
   * - Whether revision marks (w:ins, w:del) inside inserted OOXML stay revisions is not documented; the
   *   package inserted here holds none. The proposal's own changes are made afterwards as Word's tracked
   *   changes by `apply`, under the user's name.
   * - Settings are not part of what `getOoxml`/`insertOoxml` carry (#2123: no w:trackRevisions in the
   *   OOXML's settings), so Track Changes is switched on through `Document.changeTrackingMode` (WordApi
   *   1.4). `Document.insertFileFromBase64` with `importChangeTrackingMode` would carry it, but it is
   *   WordApiDesktop 1.1 and "isn't supported by Word in a browser" (#3573).
   * Refused, with nothing changed, when the document holds any text: the body is replaced whole.
   */
  private async insertIntoEmptyNow(ooxml: string): Promise<Result<void>> {
    if (!this.support.apply) return this.failed(APPLY_NEEDS);
    let writing = false;
    try {
      const done = await this.wordRun(async (context): Promise<Result<void>> => {
        const document = context.document;
        document.load('changeTrackingMode');
        const paragraphs = document.body.paragraphs.load('text');
        // Paragraph.text leaves out tracked deletions on some Words (#2314); the reviewed texts of both
        // versions (Body.getReviewedText, WordApi 1.4) say whether anyone's revision is there.
        const original = document.body.getReviewedText('Original');
        const current = document.body.getReviewedText('Current');
        await this.sync(context);
        const userMode = document.changeTrackingMode as TrackingMode;
        const texts = paragraphs.items.map((p) => p.text);
        const filled = texts.findIndex((t) => t.trim() !== '');
        const blank = original.value.trim() === '' && current.value.trim() === '';
        if (filled >= 0 || texts.length > 1 || !blank) {
          const holds =
            original.value !== current.value
              ? 'tracked changes'
              : filled >= 0
                ? `text (paragraph ${filled + 1})`
                : blank
                  ? `${texts.length} paragraphs`
                  : 'text';
          return fail(
            `The new proposal goes into an empty document, and this one holds ${holds}; open a new blank document and start the proposal there. Nothing was changed.`,
          );
        }
        if (userMode !== 'Off') document.changeTrackingMode = 'Off';
        document.body.insertOoxml(ooxml, 'Replace');
        document.changeTrackingMode = 'TrackAll';
        writing = true;
        try {
          await this.sync(context);
        } catch (e) {
          document.changeTrackingMode = userMode;
          await this.sync(context).catch(() => undefined);
          throw e;
        }
        return ok(undefined);
      });
      if (!done.ok) this.lastError = { message: done.reason };
      return done;
    } catch (e) {
      const message = this.officeFailure(e, 'Could not insert the new proposal');
      const said = writing ? `${message} Word's Undo reverses anything inserted.` : message;
      if (this.lastError) this.lastError = { ...this.lastError, message: said };
      return fail(said);
    }
  }

  private async selectNow(target: Target): Promise<Result<void>> {
    if (!this.support.read) return fail(READ_NEEDS);
    const reading = this.reading;
    if (!reading) return fail('Check the document before selecting in it.');
    const w = reading.wordIndex[target.paragraph];
    if (w === undefined || w < 0)
      return fail(`Amend cannot find paragraph ${target.paragraph + 1} among Word's paragraphs.`);
    try {
      return await this.wordRun(async (context): Promise<Result<void>> => {
        // Only the paragraph selected: a 20,000-paragraph document moves one paragraph's text.
        const one = context.document.body.paragraphs.load({ text: true, $skip: w, $top: 1 });
        await this.sync(context);
        const paragraph = one.items[0];
        if (!paragraph)
          return fail('Paragraphs were added or removed since the document was checked; check it again.');
        // A paragraph edited since the read still gets selected, as a whole.
        const find = paragraph.text === reading.wordTexts[w] ? rangeOf(reading, target) : undefined;
        const head =
          find && paragraph.search(searchString(find.head.needle), { matchCase: true }).load('text');
        const tail =
          find?.tail && paragraph.search(searchString(find.tail.needle), { matchCase: true }).load('text');
        if (head) await this.sync(context);
        const fits = (r: Word.RangeCollection | undefined, at: Occurrence | undefined) =>
          !at || (r !== undefined && r.items.length === at.total);
        if (find && fits(head, find.head) && fits(tail, find.tail)) {
          const start = head!.items[find.head.k];
          (find.tail ? start.expandTo(tail!.items[find.tail.k]) : start).select();
        } else paragraph.select();
        await this.sync(context);
        return ok(undefined);
      });
    } catch (e) {
      return fail(this.officeFailure(e, 'Could not select the text in Word'));
    }
  }
}

/**
 * Why Word refused the body's OOXML, which decides how long the refusal holds:
 * - `deletion`: ooxmlIsMalformated, as the error's code (#3898) or as its debugInfo.message under a
 *   GeneralException (#240). Word on the web refuses a body holding a tracked deletion (#3898), which the
 *   user can accept or reject at any time. So it holds while the file read in its place still shows a
 *   tracked deletion, and the read after one that shows none tries the OOXML again.
 * - `document`: any other failure of getOoxml itself (#6059, #5394: GeneralException at Body.getOoxml
 *   on "specific documents"), and ooxmlIsMalformated for a document whose file shows no deletion
 *   (embedded Word on the web after any edit, #6016, until the document is reloaded, which reloads the
 *   add-in too): it holds while the pane is open.
 * Anything else (the paragraph texts failing, a busy Word) is not a refusal: the next read tries again.
 */
type OoxmlRefusal = 'deletion' | 'document';

function refusalOf(e: unknown): OoxmlRefusal | undefined {
  if (!isOfficeError(e)) return undefined;
  if (e.code === 'ooxmlIsMalformated' || e.debugInfo?.message === 'ooxmlIsMalformated') return 'deletion';
  return /getOoxml/i.test(e.debugInfo?.errorLocation ?? '') ? 'document' : undefined;
}

/** Whether a snapshot holds a tracked deletion: of text, or of a paragraph mark. */
function hasDeletion(snapshot: Snapshot): boolean {
  return snapshot.paragraphs.some(
    (p) => p.mark?.kind === 'del' || p.runs.some((r) => r.revision?.kind === 'del'),
  );
}

/** Word's text of a found range next to the needle: the same, but for how a line break or hyphen is said. */
function sameFound(found: string, needle: string): boolean {
  const plain = (s: string) =>
    [...s]
      .map((c) => (c === '\u000b' || c === '\r' || c === '\f' ? '\n' : c === '\u001e' ? '\u2011' : c))
      .join('');
  return plain(found) === plain(needle);
}

/**
 * The searches that find a target's characters: the first and, when a tracked change or mark splits
 * them, the last stretch (the selection runs from one to the other).
 */
function rangeOf(reading: Reading, target: Target): { head: Occurrence; tail?: Occurrence } | undefined {
  const view = reading.views[target.paragraph];
  if (!view || target.offset === undefined || !target.length) return undefined;
  if (target.offset + target.length > view.pos.length) return undefined;
  const stretches = pieces(view, target.offset, target.offset + target.length);
  const first = stretches[0];
  const last = stretches[stretches.length - 1];
  const head = findRange(view, first[0], first[1]);
  if (head?.kind !== 'one') return undefined;
  if (stretches.length === 1) return { head: head.at };
  const tail = findRange(view, last[0], last[1]);
  return tail?.kind === 'one' ? { head: head.at, tail: tail.at } : undefined;
}

function forEachOccurrence(find: Find, f: (at: Occurrence) => void): void {
  if (find.kind === 'one') f(find.at);
  else {
    f(find.head);
    f(find.tail);
  }
}

function insertParagraph(
  reading: Reading,
  e: ParagraphEdit,
  para: (i: number) => Word.Paragraph,
): Word.Paragraph {
  const n = reading.snapshot.paragraphs.length;
  return e.before < n
    ? para(e.before).insertParagraph(e.text, 'Before')
    : para(n - 1).insertParagraph(e.text, 'After');
}

/** The file's name (w:name) of the style a new paragraph takes, if it takes one. */
function styleNameOf(reading: Reading, e: ParagraphEdit): string | undefined {
  const { paragraphs } = reading.snapshot;
  if (e.styleId !== undefined) return paragraphs.find((p) => p.styleId === e.styleId)?.styleName ?? e.styleId;
  return e.styleFrom !== undefined ? paragraphs[e.styleFrom]?.styleName : undefined;
}
