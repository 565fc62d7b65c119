import { applyPlanToSnapshot } from '../../src/core/apply';
import { fromMarkup } from '../../src/core/markup';
import type { PlacementRefusal } from '../../src/core/fix';
import type { Edit, EditPlan } from '../../src/core/plan';
import { fail, ok, type Result } from '../../src/core/result';
import type { Snapshot } from '../../src/core/snapshot';
import type { DocumentHost, Target } from '../../src/taskpane/host';

/**
 * A DocumentHost over an in-memory snapshot (changes applied as tracked runs by the core's applier),
 * recording what the pane asked of it. `failNextApply` simulates a document that changed in Word;
 * `cannotPlace` one in which some edits cannot be placed: a plan holding one is refused, naming them,
 * with nothing changed (as the Word host does).
 */
export class FakeHost implements DocumentHost {
  readonly kind = 'word' as const;
  readonly title = 'Test document';
  snapshot: Snapshot;
  reads = 0;
  readonly applied: EditPlan[] = [];
  readonly selected: Target[] = [];
  failNextApply?: string;
  failNextRead?: string;
  cannotPlace?: (e: Edit) => boolean;

  constructor(markup: string) {
    this.snapshot = fromMarkup(markup);
  }

  async read(onProgress?: (fraction: number) => void): Promise<Result<Snapshot>> {
    this.reads++;
    onProgress?.(0.5);
    if (this.failNextRead) {
      const reason = this.failNextRead;
      this.failNextRead = undefined;
      return fail(reason);
    }
    return ok(this.snapshot);
  }

  async apply(plan: EditPlan): Promise<Result<void> | PlacementRefusal> {
    if (this.failNextApply) {
      const reason = this.failNextApply;
      this.failNextApply = undefined;
      return fail(reason);
    }
    const unplaced = plan.edits.flatMap((e, edit) =>
      this.cannotPlace?.(e) ? [{ edit, reason: 'the fake cannot place it' }] : [],
    );
    if (unplaced.length > 0) return { ok: false, reason: `"${plan.title}" cannot be placed`, unplaced };
    const r = applyPlanToSnapshot(this.snapshot, plan, { author: 'Amend', date: '2024-01-01T00:00:00Z' });
    if (!r.ok) return r;
    this.snapshot = r.value;
    this.applied.push(plan);
    return ok(undefined);
  }

  async select(target: Target): Promise<Result<void>> {
    this.selected.push(target);
    return ok(undefined);
  }
}
