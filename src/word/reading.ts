import type { PlacementRefusal, UnplacedEdit } from '../core/fix';
import type { EditPlan, ParagraphEdit } from '../core/plan';
import { fail, ok, type Result } from '../core/result';
import { fieldAt, fieldReason, paragraphText, type Snapshot } from '../core/snapshot';
import { alignParagraph, planTextEdit, type WordOp, type WordParagraphView } from './locate';

/**
 * What a read of Word leaves behind for later applies and selections: the snapshot, the texts Word
 * reported (to notice a user's edit since), and where each snapshot paragraph is in Word's paragraphs.
 */
export interface Reading {
  readonly snapshot: Snapshot;
  /** `Paragraph.text` of every Word body paragraph, as read. */
  readonly wordTexts: readonly string[];
  /** Word paragraph index of each snapshot paragraph; -1 when no Word paragraph matches it. */
  readonly wordIndex: readonly number[];
  /** How each snapshot paragraph's characters sit in Word's text; undefined when they could not be aligned. */
  readonly views: readonly (WordParagraphView | undefined)[];
}

/** How many extra Word paragraphs (a text box, a content control's own) may sit between two matched ones. */
const LOOKAHEAD = 3;

/**
 * Pair snapshot paragraphs with Word's paragraphs. The two lists normally agree one to one, but the
 * OOXML reader and Word may each hold a paragraph the other does not, so a paragraph is matched by its
 * text a few places ahead, and one that matches nothing keeps its position only when the rest of the
 * two lists still line up.
 */
export function makeReading(snapshot: Snapshot, wordTexts: readonly string[]): Reading {
  const n = snapshot.paragraphs.length;
  const wordIndex: number[] = new Array<number>(n).fill(-1);
  const views: (WordParagraphView | undefined)[] = new Array<WordParagraphView | undefined>(n).fill(
    undefined,
  );
  let j = 0;
  for (let i = 0; i < n && j < wordTexts.length; i++) {
    const p = snapshot.paragraphs[i];
    for (let d = 0; d <= LOOKAHEAD && j + d < wordTexts.length; d++) {
      const view = alignParagraph(p, wordTexts[j + d]);
      if (view) {
        wordIndex[i] = j + d;
        views[i] = view;
        j += d + 1;
        break;
      }
    }
    if (wordIndex[i] < 0 && wordTexts.length - j === n - i) wordIndex[i] = j++;
  }
  return { snapshot, wordTexts, wordIndex, views };
}

/** A Word operation, with the index in the plan's edits of the edit it writes. */
export type PlannedOp = WordOp & { readonly edit: number };

/** A plan turned into Word operations, ready to queue once Word confirms nothing changed. */
export interface PreparedPlan {
  /** Snapshot paragraphs whose Word text must be unchanged since the read. */
  readonly touched: readonly number[];
  readonly paragraphs: readonly ParagraphEdit[];
  /** Text operations per snapshot paragraph, latest position first. */
  readonly text: readonly { readonly paragraph: number; readonly ops: readonly PlannedOp[] }[];
}

const AGAIN = 'check the document again. Nothing was changed.';

/**
 * Everything about a plan that can be checked without Word: it was made from this reading (its anchors
 * hold the texts read), every paragraph it touches was found in Word, and every text edit can be
 * located by exact characters. Text edits that cannot be located are named together in a
 * {@link PlacementRefusal}, unless another edit makes the whole plan fail.
 */
export function preparePlan(reading: Reading, plan: EditPlan): Result<PreparedPlan> | PlacementRefusal {
  const { snapshot } = reading;
  const n = snapshot.paragraphs.length;
  for (const a of plan.anchors) {
    const p = snapshot.paragraphs[a.paragraph];
    if (!p || paragraphText(p) !== a.text)
      return fail(
        `"${plan.title}" was prepared from an earlier reading (paragraph ${a.paragraph + 1} differs); ${AGAIN}`,
      );
  }
  const touched = new Set(plan.anchors.map((a) => a.paragraph));
  const paragraphs: ParagraphEdit[] = [];
  const byParagraph = new Map<number, PlannedOp[]>();
  const unplaced: UnplacedEdit[] = [];
  let refusal: string | undefined;
  for (const [index, e] of plan.edits.entries()) {
    // A paragraph removed with tracking off would come back through insertParagraph with tracking off
    // and Paragraph.delete with it on; whether Word then records the paragraph mark as deleted along
    // with the text is not documented, and a mark left behind would join two clauses in the original
    // view. Text is restored (see writeRestore in writes.ts); whole paragraphs are left to the CLI.
    if (e.kind === 'paragraph' && e.deleted)
      return fail(
        `"${plan.title}" brings back paragraph text removed with tracking off as a tracked deletion of a whole paragraph, which Word's API cannot be relied on to record (its paragraph mark included). Run \`amend fix --base\` on the file. Nothing was changed.`,
      );
    if (e.kind === 'paragraph') {
      if (e.before < 0 || e.before > n || (e.before === n && n === 0))
        return fail(`"${plan.title}" inserts a paragraph outside the document; ${AGAIN}`);
      touched.add(e.before < n ? e.before : n - 1);
      if (e.styleFrom !== undefined) touched.add(e.styleFrom);
      paragraphs.push(e);
      continue;
    }
    const p = snapshot.paragraphs[e.paragraph];
    if (!p)
      return fail(
        `"${plan.title}" changes paragraph ${e.paragraph + 1}, which the document does not have; ${AGAIN}`,
      );
    touched.add(e.paragraph);
    // Text written into a field's result is lost when Word next updates the field.
    const field = fieldAt(p, e.offset, e.length);
    if (field !== undefined)
      return fail(
        `"${plan.title}" would change paragraph ${e.paragraph + 1} inside ${fieldReason(field)}; Amend leaves it alone. Nothing was changed.`,
      );
    const view = reading.views[e.paragraph];
    if (!view) {
      refusal ??= `Word shows paragraph ${e.paragraph + 1} differently from its file (a field or hidden text?); make "${plan.title}" by hand.`;
      unplaced.push({
        edit: index,
        reason: 'Word shows this paragraph differently from its file (a field or hidden text?)',
      });
      continue;
    }
    const ops = planTextEdit(view, paragraphText(p), e);
    if (!ops.ok && 'why' in ops) {
      refusal ??= ops.reason;
      unplaced.push({ edit: index, reason: ops.why });
      continue;
    }
    if (!ops.ok) return ops;
    const planned = ops.value.map((op) => ({ ...op, edit: index }));
    byParagraph.set(e.paragraph, [...(byParagraph.get(e.paragraph) ?? []), ...planned]);
  }
  // Before the touched paragraphs are looked for: one Word shows differently from its file may have no
  // Word paragraph at all, and its edits are set aside rather than the whole plan refused.
  if (refusal !== undefined) return { ok: false, reason: refusal, unplaced };
  for (const i of touched) {
    if (i < 0 || i >= n)
      return fail(`"${plan.title}" refers to paragraph ${i + 1}, which the document does not have; ${AGAIN}`);
    if (reading.wordIndex[i] < 0)
      return fail(
        `Amend cannot find paragraph ${i + 1} among Word's paragraphs; make "${plan.title}" by hand.`,
      );
  }
  const text = [...byParagraph].map(([paragraph, ops]) => ({
    paragraph,
    ops: [...ops].sort((a, b) => b.at - a.at),
  }));
  return ok({ touched: [...touched].sort((a, b) => a - b), paragraphs, text });
}

/**
 * Compare what Word has now with the reading: a changed paragraph count shifts every index, a changed
 * touched paragraph makes the plan stale. `nowTexts` holds, by Word index, the texts of the touched
 * paragraphs Word still has. Returns the reason, or undefined when the plan still fits.
 */
export function staleReason(
  reading: Reading,
  touched: readonly number[],
  nowTexts: ReadonlyMap<number, string>,
  sameCount: boolean,
  title: string,
): string | undefined {
  if (!sameCount)
    return `Paragraphs were added or removed since the document was checked; check it again before applying "${title}". Nothing was changed.`;
  for (const i of touched) {
    const w = reading.wordIndex[i];
    if (nowTexts.get(w) !== reading.wordTexts[w])
      return `Paragraph ${i + 1} changed since the document was checked; check it again before applying "${title}". Nothing was changed.`;
  }
  return undefined;
}
