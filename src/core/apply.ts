import type { Edit, EditPlan, ParagraphEdit, TextEdit } from './plan';
import { overlaps } from './plan';
import { fail, ok, type Result } from './result';
import { hidden, paragraphText, type Paragraph, type Revision, type Run, type Snapshot } from './snapshot';

/** Who makes the tracked changes, and when (ISO 8601 without milliseconds). */
export interface ApplyOptions {
  readonly author: string;
  readonly date: string;
}

/**
 * Apply an edit plan to a snapshot in memory, as tracked changes — the same semantics as the .docx
 * writer, for the browser preview, tests and the property checks:
 * - the whole plan is refused (nothing applied) when an anchor's paragraph no longer reads as anchored,
 *   or an edit's `expected` text is not at its offset (a stale plan);
 * - removed current-view characters become deleted runs (runs are split at the edit's boundaries);
 *   deleting someone's inserted text keeps a deleted run that remembers the insertion (`Revision.inserted`);
 * - inserted text becomes one inserted run, placed after the characters it replaces;
 * - a ParagraphEdit inserts a paragraph, its mark and text tracked unless `tracked` is false.
 * The input is never mutated.
 */
export function applyPlanToSnapshot(
  snapshot: Snapshot,
  plan: EditPlan,
  options: ApplyOptions,
): Result<Snapshot> {
  const checked = validate(snapshot, plan);
  if (!checked.ok) return checked;
  const by = { author: options.author, date: options.date };

  const runs: (readonly Run[])[] = snapshot.paragraphs.map((p) => p.runs);
  const textEdits = plan.edits.filter((e): e is TextEdit => e.kind === 'text');
  // Right to left within a paragraph, so the offsets of the edits still to come stay valid.
  const marks = new Map<number, Revision>();
  for (const e of [...textEdits].sort((a, b) => a.paragraph - b.paragraph || b.offset - a.offset)) {
    runs[e.paragraph] =
      e.restore !== undefined ? revealRuns(runs[e.paragraph], e, by) : editRuns(runs[e.paragraph], e, by);
    if (e.insertedMark) marks.set(e.paragraph, { kind: 'ins', ...by });
  }

  const inserted = new Map<number, Paragraph[]>();
  for (const e of plan.edits)
    if (e.kind === 'paragraph')
      inserted.set(e.before, [...(inserted.get(e.before) ?? []), newParagraph(snapshot, e, by)]);

  const paragraphs: Paragraph[] = [];
  const push = (p: Paragraph) => paragraphs.push({ ...p, index: paragraphs.length });
  snapshot.paragraphs.forEach((p, i) => {
    for (const q of inserted.get(i) ?? []) push(q);
    const mark = marks.get(i);
    push(runs[i] === p.runs && !mark ? p : { ...p, runs: runs[i], ...(mark ? { mark } : {}) });
  });
  for (const q of inserted.get(snapshot.paragraphs.length) ?? []) push(q);
  return ok(snapshot.footnotes ? { paragraphs, footnotes: snapshot.footnotes } : { paragraphs });
}

/** Refuse a stale or malformed plan before anything is changed. */
function validate(snapshot: Snapshot, plan: EditPlan): Result<void> {
  const count = snapshot.paragraphs.length;
  const current = (i: number) => paragraphText(snapshot.paragraphs[i]);
  for (const a of plan.anchors) {
    if (a.paragraph < 0 || a.paragraph >= count || current(a.paragraph) !== a.text)
      return fail(`the document changed since it was read (paragraph ${a.paragraph + 1}); check it again`);
  }
  const taken: Edit[] = [];
  for (const e of plan.edits) {
    if (e.kind === 'text') {
      if (e.paragraph < 0 || e.paragraph >= count)
        return fail(`the plan edits paragraph ${e.paragraph + 1}, which the document does not have`);
      const text = current(e.paragraph);
      if (
        e.expected.length !== e.length ||
        text.slice(e.offset, e.offset + e.length) !== e.expected ||
        e.offset < 0
      )
        return fail(
          `the document changed since it was read (paragraph ${e.paragraph + 1} no longer has "${e.expected}" at ${e.offset + 1}); check it again`,
        );
      if (e.restore !== undefined && !untracked(snapshot.paragraphs[e.paragraph], e))
        return fail(`the plan shows text of paragraph ${e.paragraph + 1} that is already a tracked change`);
    } else if (
      e.before < 0 ||
      e.before > count ||
      (e.styleFrom !== undefined && (e.styleFrom < 0 || e.styleFrom >= count))
    ) {
      return fail(`the plan inserts a paragraph at ${e.before + 1}, outside the document`);
    }
    if (taken.some((t) => t.kind === 'text' && e.kind === 'text' && overlaps(t, e)))
      return fail(`the plan has overlapping edits in paragraph ${(e as TextEdit).paragraph + 1}`);
    taken.push(e);
  }
  return ok(undefined);
}

/**
 * One text edit on a paragraph's runs. Positions count current-view characters only; runs absent from
 * the current view (deleted text) and empty runs (footnote references) take no room. A pure insertion goes
 * after everything that sits at its offset (earlier deletions, a footnote reference), a replacement right
 * after the characters it removes.
 */
function editRuns(runs: readonly Run[], e: TextEdit, by: ApplyOptions): Run[] {
  const start = e.offset;
  const end = e.offset + e.length;
  const insertion: Run | undefined = e.text ? { text: e.text, revision: { kind: 'ins', ...by } } : undefined;
  const out: Run[] = [];
  let placed = insertion === undefined;
  const place = () => {
    if (!placed) out.push(insertion!);
    placed = true;
  };
  let pos = 0;
  for (const run of runs) {
    if (hidden(run, 'current') || run.text === '') {
      out.push(run);
      continue;
    }
    const from = pos;
    const to = pos + run.text.length;
    pos = to;
    if (to <= start || from >= end) {
      if (e.length === 0 && from >= start) place();
      out.push(run);
      continue;
    }
    const a = Math.max(start, from) - from;
    const b = Math.min(end, to) - from;
    if (a > 0) out.push({ ...run, text: run.text.slice(0, a) });
    if (e.length === 0) place();
    if (b > a) out.push(deleted(run, run.text.slice(a, b), by));
    if (from + b === end && e.length > 0) place();
    if (b < run.text.length) out.push({ ...run, text: run.text.slice(b) });
  }
  place();
  return out;
}

/** Whether no tracked change covers the current-view characters a revealing edit marks as inserted. */
export function untracked(p: Paragraph, e: TextEdit): boolean {
  if (e.text !== e.expected) return false;
  let pos = 0;
  for (const run of p.runs) {
    if (hidden(run, 'current') || run.text === '') continue;
    const [from, to] = [pos, pos + run.text.length];
    pos = to;
    if (from < e.offset + e.length && to > e.offset && run.revision !== undefined) return false;
  }
  return !(e.insertedMark && p.mark !== undefined);
}

/**
 * A revealing edit (`restore` set) on a paragraph's runs: the characters it covers become a tracked
 * insertion, and the restored text a deleted run placed as a pure insertion would be, before them.
 */
function revealRuns(runs: readonly Run[], e: TextEdit, by: ApplyOptions): Run[] {
  const start = e.offset;
  const end = e.offset + e.length;
  const restored: Run | undefined = e.restore
    ? { text: e.restore, revision: { kind: 'del', ...by } }
    : undefined;
  const out: Run[] = [];
  let placed = restored === undefined;
  const place = () => {
    if (!placed) out.push(restored!);
    placed = true;
  };
  let pos = 0;
  for (const run of runs) {
    if (hidden(run, 'current') || run.text === '') {
      out.push(run);
      continue;
    }
    const from = pos;
    const to = pos + run.text.length;
    pos = to;
    if (to <= start || from >= end) {
      if (from >= start) place();
      out.push(run);
      continue;
    }
    const a = Math.max(start, from) - from;
    const b = Math.min(end, to) - from;
    if (a > 0) out.push({ ...run, text: run.text.slice(0, a) });
    place();
    if (b > a) out.push({ ...run, text: run.text.slice(a, b), revision: { kind: 'ins', ...by } });
    if (b < run.text.length) out.push({ ...run, text: run.text.slice(b) });
  }
  place();
  return out;
}

/** A piece of a current-view run, deleted by us; someone's insertion keeps its history. */
function deleted(run: Run, text: string, by: ApplyOptions): Run {
  const revision: Revision =
    run.revision?.kind === 'ins' ? { kind: 'del', ...by, inserted: run.revision } : { kind: 'del', ...by };
  return { ...run, text, revision };
}

/**
 * A new paragraph. It takes style and table membership from `styleFrom`, but not automatic numbering:
 * the label would have to be recomputed over the whole list, which only a reader of the real document can do.
 */
function newParagraph(snapshot: Snapshot, e: ParagraphEdit, by: ApplyOptions): Paragraph {
  const model = e.styleFrom !== undefined ? snapshot.paragraphs[e.styleFrom] : undefined;
  const revision: Revision | undefined = e.deleted
    ? { kind: 'del', ...by }
    : e.tracked
      ? { kind: 'ins', ...by }
      : undefined;
  return {
    index: e.before,
    runs: e.text ? [{ text: e.text, ...(revision ? { revision } : {}) }] : [],
    ...(e.styleId !== undefined
      ? { styleId: e.styleId }
      : model?.styleId !== undefined
        ? { styleId: model.styleId, ...(model.styleName !== undefined ? { styleName: model.styleName } : {}) }
        : {}),
    ...(model?.italic ? { italic: model.italic } : {}),
    ...(model?.inTable ? { inTable: model.inTable } : {}),
    ...(revision ? { mark: revision } : {}),
  };
}
