import type { EditPlan, ParagraphEdit } from '../core/plan';
import { fail, ok, type Result } from '../core/result';
import type { Snapshot } from '../core/snapshot';
import type { DocumentHost, Target } from '../taskpane/host';
import { findRange, searchString, type Find, type Occurrence, type WordOp } from './locate';
import { describeOfficeError } from './office-errors';
import { makeReading, preparePlan, staleReason, type Reading } from './reading';
import { APPLY_NEEDS, READ_NEEDS, wordSupport, type RequirementSets, type WordSupport } from './requirements';
import { SerialQueue } from './serial-queue';

/** `Word.run` as the adapter uses it (injected, so tests can pass a fake Word). */
export type WordRun = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

type TrackingMode = 'Off' | 'TrackAll' | 'TrackMineOnly';

export interface WordHostOptions {
  /** `Word.run`. */
  readonly run: WordRun;
  /** `Office.context.requirements`. */
  readonly requirements: RequirementSets;
  /** Turns the Flat OPC of `body.getOoxml()` into a snapshot. */
  readonly readOoxml: (ooxml: string) => Result<Snapshot>;
  /** What the pane calls the document. */
  readonly title?: string;
}

/**
 * The document open in Word, as the pane sees it. Reads in one `context.sync`, applies a plan in three
 * (confirm nothing changed, find the exact characters, write everything as tracked changes), and never
 * runs two Word batches at once.
 */
export class WordHost implements DocumentHost {
  readonly kind = 'word';
  readonly title: string;
  /** What this Word supports; the pane can grey out fixing when `apply` is false. */
  readonly support: WordSupport;
  private readonly wordRun: WordRun;
  private readonly readOoxml: (ooxml: string) => Result<Snapshot>;
  private readonly queue = new SerialQueue();
  private reading: Reading | undefined;

  constructor(options: WordHostOptions) {
    this.wordRun = options.run;
    this.readOoxml = options.readOoxml;
    this.title = options.title ?? 'Word document';
    this.support = wordSupport(options.requirements);
  }

  read(onProgress?: (fraction: number) => void): Promise<Result<Snapshot>> {
    return this.queue.run(() => this.readNow(onProgress));
  }

  apply(plan: EditPlan): Promise<Result<void>> {
    return this.queue.run(() => this.applyNow(plan));
  }

  select(target: Target): Promise<Result<void>> {
    return this.queue.run(() => this.selectNow(target));
  }

  private async readNow(onProgress?: (fraction: number) => void): Promise<Result<Snapshot>> {
    if (!this.support.read) return fail(READ_NEEDS);
    onProgress?.(0);
    let read: { ooxml: string; texts: string[] };
    try {
      // One round trip: the OOXML carries the tracked changes, numbering and styles the engine needs;
      // the paragraph texts let apply address paragraphs and notice edits made since.
      read = await this.wordRun(async (context) => {
        const body = context.document.body;
        const ooxml = body.getOoxml();
        const paragraphs = body.paragraphs.load('text');
        await context.sync();
        return { ooxml: ooxml.value, texts: paragraphs.items.map((p) => p.text) };
      });
    } catch (e) {
      return fail(describeOfficeError(e, 'Could not read the document'));
    }
    onProgress?.(0.6);
    const parsed = this.readOoxml(read.ooxml);
    if (!parsed.ok) return fail(`Could not read the document: ${parsed.reason}`);
    this.reading = makeReading(parsed.value, read.texts);
    onProgress?.(1);
    return parsed;
  }

  private async applyNow(plan: EditPlan): Promise<Result<void>> {
    if (!this.support.apply) return fail(APPLY_NEEDS);
    const reading = this.reading;
    if (!reading) return fail('Check the document before applying fixes.');
    if (plan.edits.length === 0) return ok(undefined);
    const prepared = preparePlan(reading, plan);
    if (!prepared.ok) return prepared;
    const { touched, paragraphs: paragraphEdits, text } = prepared.value;
    let writing = false;
    try {
      return await this.wordRun(async (context): Promise<Result<void>> => {
        const document = context.document;
        document.load('changeTrackingMode');
        const paragraphs = document.body.paragraphs.load('text');
        await context.sync(); // 1: the user's tracking mode and today's texts
        const userMode = document.changeTrackingMode as TrackingMode;
        const items = paragraphs.items;
        const stale = staleReason(
          reading,
          touched,
          items.map((p) => p.text),
          plan.title,
        );
        if (stale) return fail(stale);

        const para = (i: number) => items[reading.wordIndex[i]];
        const searches = new Map<Occurrence, { paragraph: number; results: Word.RangeCollection }>();
        const search = (paragraph: number, at: Occurrence) => {
          const results = para(paragraph).search(searchString(at.needle), { matchCase: true }).load('text');
          searches.set(at, { paragraph, results });
        };
        for (const { paragraph, ops } of text)
          for (const op of ops)
            if (op.kind === 'replace' || op.kind === 'after')
              forEachOccurrence(op.find, (at) => search(paragraph, at));
        if (searches.size > 0) await context.sync(); // 2: where the exact characters are

        for (const [at, { paragraph, results }] of searches) {
          const found = results.items;
          if (found.length !== at.total || found[at.k].text !== at.needle)
            return fail(
              `Word finds "${at.needle}" in paragraph ${paragraph + 1} differently from the file; make "${plan.title}" by hand. Nothing was changed.`,
            );
        }
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
          insertParagraph(reading, e, para);
        }
        track('TrackAll');
        for (const { paragraph, ops } of text) for (const op of ops) writeOp(op, para(paragraph), range);
        track(userMode);
        writing = true;
        try {
          await context.sync(); // 3: the edits, and the user's own tracking mode back
        } catch (e) {
          // The batch stopped part-way, perhaps with tracking still forced on: give the user their mode back.
          document.changeTrackingMode = userMode;
          await context.sync().catch(() => undefined);
          throw e;
        }
        return ok(undefined);
      });
    } catch (e) {
      const message = describeOfficeError(e, `Could not apply "${plan.title}"`);
      return fail(
        writing ? `${message} Some changes may have been made; Word's Undo reverses them.` : message,
      );
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
        const paragraphs = context.document.body.paragraphs.load('text');
        await context.sync();
        const items = paragraphs.items;
        if (items.length !== reading.wordTexts.length)
          return fail('Paragraphs were added or removed since the document was checked; check it again.');
        const paragraph = items[w];
        // A paragraph edited since the read still gets selected, as a whole.
        const find = paragraph.text === reading.wordTexts[w] ? rangeOf(reading, target) : undefined;
        const results = find && paragraph.search(searchString(find.needle), { matchCase: true }).load('text');
        if (results) await context.sync();
        if (find && results && results.items.length === find.total) results.items[find.k].select();
        else paragraph.select();
        await context.sync();
        return ok(undefined);
      });
    } catch (e) {
      return fail(describeOfficeError(e, 'Could not select the text in Word'));
    }
  }
}

/** The occurrence that finds a target's characters, when it names some and they can be found in one search. */
function rangeOf(reading: Reading, target: Target): Occurrence | undefined {
  const view = reading.views[target.paragraph];
  if (!view || target.offset === undefined || !target.length) return undefined;
  const start = view.wordPos[target.offset];
  const last = view.wordPos[target.offset + target.length - 1];
  if (start === undefined || last === undefined) return undefined;
  const find = findRange(view.wordText, start, last + 1);
  return find?.kind === 'one' ? find.at : undefined;
}

function forEachOccurrence(find: Find, f: (at: Occurrence) => void): void {
  if (find.kind === 'one') f(find.at);
  else {
    f(find.head);
    f(find.tail);
  }
}

function writeOp(op: WordOp, paragraph: Word.Paragraph, range: (find: Find) => Word.Range): void {
  switch (op.kind) {
    case 'replace':
      if (op.text === '') range(op.find).delete();
      else range(op.find).insertText(op.text, 'Replace');
      return;
    case 'after':
      range(op.find).insertText(op.text, 'After');
      return;
    case 'start':
      paragraph.insertText(op.text, 'Start');
      return;
    case 'end':
      paragraph.insertText(op.text, 'End');
      return;
  }
}

function insertParagraph(reading: Reading, e: ParagraphEdit, para: (i: number) => Word.Paragraph): void {
  const { paragraphs } = reading.snapshot;
  const inserted =
    e.before < paragraphs.length
      ? para(e.before).insertParagraph(e.text, 'Before')
      : para(paragraphs.length - 1).insertParagraph(e.text, 'After');
  const styleName =
    e.styleId !== undefined
      ? (paragraphs.find((p) => p.styleId === e.styleId)?.styleName ?? e.styleId)
      : e.styleFrom !== undefined
        ? paragraphs[e.styleFrom]?.styleName
        : undefined;
  if (styleName !== undefined) inserted.style = styleName;
}
