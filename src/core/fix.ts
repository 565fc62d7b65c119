import type { ComparisonBase } from './compare/base';
import type { Conference, Language } from './conferences';
import { isFixable, type Diagnostic } from './diagnostic';
import { check } from './engine';
import { anchorsOf } from './commands/anchors';
import { overlaps, type Edit, type EditPlan } from './plan';
import { fail, ok, type Result } from './result';
import { fieldAt, paragraphText, type Snapshot } from './snapshot';

export { anchorsOf };

/** The fixes chosen for one pass. */
export interface PlannedFixes {
  /** Every chosen edit, with anchors on every paragraph it touches or sits next to. */
  readonly plan: EditPlan;
  /** The findings whose fixes are in the plan. */
  readonly fixed: readonly Diagnostic[];
  /** Fixable findings left out because their edits overlap ones already taken; they stay reported. */
  readonly skipped: readonly Diagnostic[];
}

/** Where a finding's fix starts, for ordering: paragraph, then offset; a new paragraph sorts before the one it precedes. */
function position(d: Diagnostic): [number, number] {
  let best: [number, number] = [Infinity, Infinity];
  for (const e of d.fix ?? []) {
    const p: [number, number] = e.kind === 'text' ? [e.paragraph, e.offset] : [e.before, -1];
    if (p[0] < best[0] || (p[0] === best[0] && p[1] < best[1])) best = p;
  }
  return best;
}

/**
 * ESLint's fix applier discipline: sort the fixable findings by where their fixes start, take each whose
 * edits overlap none already taken (a finding's edits are taken all or none), and leave the others for
 * the next pass. Edits are never merged: in a tracked-changes document one big replacement would show
 * untouched text as deleted and inserted again.
 */
export function planFixes(snapshot: Snapshot, diagnostics: readonly Diagnostic[]): PlannedFixes {
  const fixable = diagnostics.filter(isFixable);
  const order = fixable
    .map((d, i) => ({ d, i, at: position(d) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.i - b.i);
  const taken: Edit[] = [];
  const fixed: Diagnostic[] = [];
  const skipped: Diagnostic[] = [];
  for (const { d } of order) {
    const edits = d.fix!;
    const clash = edits.some(
      (e, k) => taken.some((t) => overlaps(t, e)) || edits.slice(0, k).some((f) => overlaps(f, e)),
    );
    if (clash || !edits.every((e) => fits(snapshot, e))) {
      skipped.push(d);
      continue;
    }
    taken.push(...edits);
    fixed.push(d);
  }
  const title = fixed.length === 1 ? `Fix: ${fixed[0].message}` : `Fix ${fixed.length} findings`;
  return { plan: { title, edits: taken, anchors: anchorsOf(snapshot, taken) }, fixed, skipped };
}

/** A fix that does not even fit the snapshot it was computed on is a rule's bug; it is left reported, never applied. */
function fits(snapshot: Snapshot, e: Edit): boolean {
  const n = snapshot.paragraphs.length;
  if (e.kind === 'paragraph') return e.before >= 0 && e.before <= n;
  if (e.paragraph < 0 || e.paragraph >= n) return false;
  const p = snapshot.paragraphs[e.paragraph];
  // A field's result is Word's to recompute: an edit there is left out (the finding stays reported).
  return (
    paragraphText(p).slice(e.offset, e.offset + e.length) === e.expected &&
    fieldAt(p, e.offset, e.length) === undefined
  );
}

export interface FixOptions {
  /** The target conference; when absent, the one the document names on the first pass, kept for every pass. */
  readonly conference?: Conference;
  /** Only the findings of these rules are fixed and reported. */
  readonly rules?: readonly string[];
  /** In-force texts to compare with: their differences are fixed too. */
  readonly bases?: readonly ComparisonBase[];
  /** Bound on check-and-apply passes. */
  readonly maxPasses?: number;
  /**
   * Whether the document can take this finding's fix (Word cannot write a paragraph mark back as
   * deleted); a finding it cannot take stays reported, and the others are fixed around it.
   */
  readonly canFix?: (d: Diagnostic) => boolean;
}

/** An edit the document could not place, by its index in the plan's edits, and why. */
export interface UnplacedEdit {
  readonly edit: number;
  /** What the document could not find, without the paragraph's number (a later pass may renumber it). */
  readonly reason: string;
}

/**
 * A plan refused before anything was written because the document cannot place some of its edits
 * (Word finds an edit's characters differently from its file); the rest of the plan could be written.
 * `reason` is the refusal of the plan as a whole, for a caller that does not set edits aside.
 */
export interface PlacementRefusal {
  readonly ok: false;
  readonly reason: string;
  readonly unplaced: readonly UnplacedEdit[];
}

/** Whether a failed apply is a {@link PlacementRefusal} naming at least one edit. */
export function isPlacementRefusal(r: Result<unknown>): r is PlacementRefusal {
  return !r.ok && 'unplaced' in r && Array.isArray(r.unplaced) && r.unplaced.length > 0;
}

/** How to read and change one kind of document (a .docx in memory, a snapshot, Word). */
export interface FixIo<D> {
  /** The document's snapshot; a Result where reading can fail (Word). */
  read(doc: D): Snapshot | Result<Snapshot>;
  /**
   * Apply a plan as tracked changes, giving the changed document; refuses a stale plan. A
   * {@link PlacementRefusal} sets the findings of the unplaced edits aside and the pass is planned again.
   */
  apply(doc: D, plan: EditPlan): Result<D> | PlacementRefusal;
}

/** The same with a promise-based document (the task pane's Word host). */
export interface FixIoAsync<D> {
  read(doc: D): Promise<Snapshot | Result<Snapshot>>;
  apply(doc: D, plan: EditPlan): Promise<Result<D> | PlacementRefusal>;
}

/** The rule whose fixes go first when comparing with the in-force text. */
const REVEALING_RULE = 'untracked-change';

/** Why the loop stopped: nothing fixable left, the same findings came back, or the pass bound was reached. */
export type FixStop = 'done' | 'cycle' | 'max-passes';

/** A finding whose fix the document could not place, left for the user, with why. */
export interface SetAside {
  /** The finding as the final check reports it (it is among `remaining`). */
  readonly finding: Diagnostic;
  readonly reason: string;
}

export interface FixOutcome<D> {
  readonly doc: D;
  /** Passes that applied a plan (0 when there was nothing to fix). */
  readonly passes: number;
  /** The findings fixed, in pass order; paragraphs are as numbered in the pass that fixed them. */
  readonly applied: readonly Diagnostic[];
  /** Every finding of the final check: what needs a person (and anything a stopped loop left). */
  readonly remaining: readonly Diagnostic[];
  /** The findings of `remaining` whose fixes the document could not place (see {@link PlacementRefusal}). */
  readonly setAside: readonly SetAside[];
  readonly stoppedBy: FixStop;
  readonly conference: Conference | null;
  /** The document's language, as the final check read it. */
  readonly language: Language;
}

/**
 * Fix, re-check and repeat over any synchronous document, at most `maxPasses` (10) times; stops when
 * nothing fixable is left or the same findings come back (a fix that does not hold). Fixing a fixed
 * document changes nothing: no pass is made and the same document is returned.
 */
export function fixAll<D>(doc: D, io: FixIo<D>, options: FixOptions = {}): Result<FixOutcome<D>> {
  const loop = fixLoop(doc, options);
  let step = loop.next();
  while (!step.done) {
    const request = step.value;
    step = loop.next(
      request.kind === 'read'
        ? request.run(io.read(request.doc))
        : request.run(io.apply(request.doc, request.plan)),
    );
  }
  return step.value;
}

/** fixAll over a promise-based document. */
export async function fixAllAsync<D>(
  doc: D,
  io: FixIoAsync<D>,
  options: FixOptions = {},
): Promise<Result<FixOutcome<D>>> {
  const loop = fixLoop(doc, options);
  let step = loop.next();
  while (!step.done) {
    const request = step.value;
    step = loop.next(
      request.kind === 'read'
        ? request.run(await io.read(request.doc))
        : request.run(await io.apply(request.doc, request.plan)),
    );
  }
  return step.value;
}

/** What the loop asks its driver to do to the document, and how the answer is handed back. */
type Request<D> =
  | { kind: 'read'; doc: D; run: (r: Snapshot | Result<Snapshot>) => Answer<D> }
  | { kind: 'apply'; doc: D; plan: EditPlan; run: (r: Result<D> | PlacementRefusal) => Answer<D> };
type Answer<D> = { snapshot: Result<Snapshot> } | { applied: Result<D> | PlacementRefusal };

/**
 * The loop itself, written once for both drivers: it yields what it needs done to the document
 * and receives the answer, so the sync and async versions cannot drift apart. The conference
 * inferred on the first pass is kept, so a fix cannot change what later passes check against.
 *
 * A plan the document refuses because it cannot place some edits ({@link PlacementRefusal}: nothing
 * was written) sets their findings aside and the same pass is planned again without them. Each
 * refusal sets aside at least one finding of the plan, so a pass is planned at most once more than it
 * has fixable findings. A finding set aside is not planned again while the paragraphs it is about
 * read as they did; it stays among the remaining findings, with the reason, in `setAside`.
 */
function* fixLoop<D>(start: D, options: FixOptions): Generator<Request<D>, Result<FixOutcome<D>>, Answer<D>> {
  const maxPasses = options.maxPasses ?? 10;
  const seen = new Set<string>();
  const applied: Diagnostic[] = [];
  /** Why each finding set aside could not be placed, by {@link findingKey}. */
  const aside = new Map<string, string>();
  let doc = start;
  let conference: Conference | null | undefined = options.conference;
  const canFix = options.canFix ?? (() => true);
  let revealing =
    options.bases !== undefined && (options.rules === undefined || options.rules.includes(REVEALING_RULE));
  for (let passes = 0; ; passes++) {
    const read = yield {
      kind: 'read',
      doc,
      run: (r) => ({ snapshot: 'paragraphs' in r ? ok(r) : r }),
    };
    if (!('snapshot' in read)) throw new Error('fix loop: expected a snapshot');
    if (!read.snapshot.ok) return fail(read.snapshot.reason);
    const snapshot = read.snapshot.value;
    const isAside = (d: Diagnostic) => aside.size > 0 && aside.has(findingKey(snapshot, d));
    const ours = (d: Diagnostic) => isFixable(d) && canFix(d) && !isAside(d);
    const checkWith = (rules: readonly string[] | undefined) =>
      check(snapshot, {
        conference: conference ?? undefined,
        rules,
        ...(options.bases ? { bases: options.bases } : {}),
      });
    // Edits made with tracking off are shown first, while their text is still untracked: another
    // rule's fix of the same words would make them a tracked change that no longer shows the in-force text.
    let result = checkWith(revealing ? [REVEALING_RULE] : options.rules);
    const reveal = () => {
      if (revealing && !result.diagnostics.some(ours)) {
        revealing = false;
        result = checkWith(options.rules);
      }
    };
    reveal();
    conference ??= result.conference;
    const outcome = (stoppedBy: FixStop): Result<FixOutcome<D>> =>
      ok({
        doc,
        passes,
        applied,
        remaining: result.diagnostics,
        setAside:
          aside.size === 0
            ? []
            : result.diagnostics.flatMap((finding) => {
                const reason = aside.get(findingKey(snapshot, finding));
                return reason === undefined ? [] : [{ finding, reason }];
              }),
        stoppedBy,
        conference: conference ?? null,
        language: result.outline.language,
      });
    const fixable = result.diagnostics.filter(ours);
    if (fixable.length === 0) return outcome('done');
    const print = fingerprint(fixable);
    if (seen.has(print)) return outcome('cycle');
    if (passes >= maxPasses) return outcome('max-passes');
    seen.add(print);
    for (;;) {
      const { plan, fixed } = planFixes(snapshot, result.diagnostics.filter(ours));
      if (fixed.length === 0) return outcome('done');
      const answer = yield { kind: 'apply', doc, plan, run: (r) => ({ applied: r }) };
      if (!('applied' in answer)) throw new Error('fix loop: expected the applied document');
      if (answer.applied.ok) {
        doc = answer.applied.value;
        applied.push(...fixed);
        break;
      }
      const unplaced = isPlacementRefusal(answer.applied)
        ? unplacedFindings(answer.applied, plan, fixed)
        : [];
      if (unplaced.length === 0) return fail(answer.applied.reason);
      for (const { finding, reason } of unplaced) aside.set(findingKey(snapshot, finding), reason);
      reveal();
    }
  }
}

/**
 * The findings whose edits a refusal names, each with the reason of its first unplaced edit; none when
 * the refusal names an edit that is not the plan's (it is then the plan's refusal as a whole).
 */
function unplacedFindings(
  refusal: PlacementRefusal,
  plan: EditPlan,
  fixed: readonly Diagnostic[],
): SetAside[] {
  const out = new Map<Diagnostic, string>();
  for (const { edit, reason } of refusal.unplaced) {
    const e = plan.edits[edit];
    const finding = e && fixed.find((d) => d.fix!.includes(e));
    if (!finding) return [];
    if (!out.has(finding)) out.set(finding, reason);
  }
  return [...out].map(([finding, reason]) => ({ finding, reason }));
}

/**
 * What identifies a finding from one pass to the next while the text it is about is unchanged: its
 * rule, its message and its fix, with paragraphs by their text, not their number (a pass that inserts
 * a paragraph renumbers every one after it).
 */
function findingKey(snapshot: Snapshot, d: Diagnostic): string {
  const text = (i: number) => {
    const p = snapshot.paragraphs[i];
    return p ? paragraphText(p) : null;
  };
  return JSON.stringify([
    d.ruleId,
    d.message,
    text(d.paragraph),
    (d.fix ?? []).map((e) =>
      e.kind === 'text' ? [text(e.paragraph), e.offset, e.expected, e.text] : [text(e.before), e.text],
    ),
  ]);
}

/** What identifies a set of findings across passes: the same findings twice means fixing goes round in circles. */
function fingerprint(findings: readonly Diagnostic[]): string {
  return findings
    .map((d) =>
      JSON.stringify([
        d.ruleId,
        d.paragraph,
        d.offset ?? null,
        d.message,
        d.fix!.map((e) =>
          e.kind === 'text' ? [e.paragraph, e.offset, e.expected, e.text] : [e.before, e.text],
        ),
      ]),
    )
    .join('\n');
}
