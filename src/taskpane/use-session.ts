import { useCallback, useEffect, useRef, useState } from 'react';
import { missingBases, prepareBase, type ComparisonBase } from '../core/compare';
import type { Conference } from '../core/conferences';
import type { Diagnostic } from '../core/diagnostic';
import { check, type CheckResult } from '../core/engine';
import { fixAllAsync, planFixes } from '../core/fix';
import type { EditPlan } from '../core/plan';
import { ok, type Result } from '../core/result';
import { paragraphText, type Snapshot } from '../core/snapshot';
import { readDocx } from '../docx/portable';
import type { DocumentHost, Target } from './host';
import { mark, MARKS } from './marks';

/** What the pane knows about the document at a moment. */
export interface SessionState {
  /** `reading`: the document is being read (progress shown); `working`: a change is being applied. */
  readonly busy: 'reading' | 'working' | null;
  /** 0..1 while reading, when the host reports it. */
  readonly progress?: number;
  readonly snapshot?: Snapshot;
  readonly result?: CheckResult;
  /** The one-line message of the last failure, shown until dismissed or the next success. */
  readonly error?: string;
  /** An account of the last change the pane made. */
  readonly notice?: Notice;
}

/** What the last change did: one plan applied, or the fix-all loop's tally. */
export type Notice =
  | { readonly kind: 'applied'; readonly title: string }
  | { readonly kind: 'fixed'; readonly applied: number; readonly passes: number; readonly remaining: number };

export interface Session extends SessionState {
  /** The target conference the user chose; the engine infers one from the document when unset. */
  readonly conference?: Conference;
  setConference(conference: Conference | undefined): void;
  recheck(): Promise<void>;
  /** Apply a plan (from a command or a fix) and re-check. */
  apply(plan: Result<EditPlan>): Promise<boolean>;
  fix(diagnostic: Diagnostic): Promise<void>;
  fixAll(): Promise<void>;
  select(target: Target): Promise<void>;
  dismiss(): void;
  /** Where the pane runs: the preview can offer downloads, Word cannot. */
  readonly hostKind: DocumentHost['kind'];
  /** The in-force text the document is compared with, by file name; undefined when none. */
  readonly comparedWith?: string;
  /** Compare the document with an in-force text (a .docx the user picked); a mismatch is the pane's error. */
  compareWith(bytes: Uint8Array, name: string): Promise<void>;
  stopComparing(): void;
}

/**
 * The findings of a check, as this host can act on them: Word's API cannot write text back as a tracked
 * deletion, so there the comparison's findings are listed without a fix (the CLI's `fix --base` makes them).
 */
function checked(
  host: DocumentHost,
  snapshot: Snapshot,
  conference: Conference | undefined,
  bases: readonly ComparisonBase[],
): CheckResult {
  const result = check(snapshot, { conference, ...(bases.length > 0 ? { bases } : {}) });
  if (host.kind !== 'word' || bases.length === 0) return result;
  const diagnostics = result.diagnostics.map((d) =>
    d.ruleId === 'untracked-change' ? { ...d, fix: undefined } : d,
  );
  return { ...result, diagnostics };
}

/**
 * The pane's controller: reads the document through the injected host, checks it, applies plans and
 * re-checks after every change it makes. `version` changes when the document was replaced from outside
 * (the preview's Open .docx) so the pane re-reads.
 */
export function useSession(host: DocumentHost, version = 0): Session {
  const [state, setState] = useState<SessionState>({ busy: 'reading' });
  const [conference, setConference] = useState<Conference | undefined>(undefined);
  const current = useRef(state);
  current.current = state;
  const conferenceRef = useRef(conference);
  conferenceRef.current = conference;
  const [bases, setBases] = useState<readonly ComparisonBase[]>([]);
  const basesRef = useRef(bases);
  basesRef.current = bases;

  const read = useCallback(
    async (extra: Partial<SessionState> = {}): Promise<boolean> => {
      setState((s) => ({ ...s, busy: 'reading', progress: undefined }));
      const snap = await host.read((fraction) => setState((s) => ({ ...s, progress: fraction })));
      if (!snap.ok) {
        setState((s) => ({ ...s, busy: null, progress: undefined, error: snap.reason }));
        return false;
      }
      mark(MARKS.snapshotRead);
      const result = checked(host, snap.value, conferenceRef.current, basesRef.current);
      mark(MARKS.checked);
      setState((s) => ({ ...s, busy: null, progress: undefined, snapshot: snap.value, result, ...extra }));
      return true;
    },
    [host],
  );

  useEffect(() => {
    void read({ error: undefined, notice: undefined });
  }, [read, version]);

  // A new target conference changes what the rules expect: check the same snapshot again.
  useEffect(() => {
    setState((s) => (s.snapshot ? { ...s, result: checked(host, s.snapshot, conference, bases) } : s));
  }, [conference, bases, host]);

  const fail = (reason: string) => setState((s) => ({ ...s, busy: null, error: reason, notice: undefined }));

  const apply = useCallback(
    async (plan: Result<EditPlan>): Promise<boolean> => {
      if (!plan.ok) {
        fail(plan.reason);
        return false;
      }
      setState((s) => ({ ...s, busy: 'working' }));
      const done = await host.apply(plan.value);
      if (!done.ok) {
        // A refused plan (stale document) changed nothing, but the document did move on: read it again.
        await read();
        fail(done.reason);
        return false;
      }
      return read({ error: undefined, notice: { kind: 'applied', title: plan.value.title } });
    },
    [host, read],
  );

  const fix = useCallback(
    async (diagnostic: Diagnostic) => {
      const snapshot = current.current.snapshot;
      if (!snapshot) return;
      const { plan } = planFixes(snapshot, [diagnostic]);
      await apply({ ok: true, value: plan });
    },
    [apply],
  );

  const fixAll = useCallback(async () => {
    setState((s) => ({ ...s, busy: 'working' }));
    const outcome = await fixAllAsync(
      host,
      {
        read: (doc) => doc.read(),
        apply: async (doc, plan) => {
          const r = await doc.apply(plan);
          return r.ok ? ok(doc) : r;
        },
      },
      // Word cannot write the comparison's fixes; the preview can, and does them first.
      {
        conference: conferenceRef.current,
        ...(host.kind === 'preview' && basesRef.current.length > 0 ? { bases: basesRef.current } : {}),
      },
    );
    if (!outcome.ok) {
      await read();
      fail(outcome.reason);
      return;
    }
    const { applied, passes, remaining } = outcome.value;
    await read({
      error: undefined,
      notice: { kind: 'fixed', applied: applied.length, passes, remaining: remaining.length },
    });
  }, [host, read]);

  const select = useCallback(
    async (target: Target) => {
      const r = await host.select(target);
      if (!r.ok) fail(r.reason);
    },
    [host],
  );

  return {
    ...state,
    conference,
    setConference: (c) => {
      // Commands that follow in the same tick (retag, then re-read) must already check against it.
      conferenceRef.current = c;
      setConference(c);
    },
    recheck: async () => {
      await read({ error: undefined });
    },
    apply,
    fix,
    fixAll,
    select,
    dismiss: () => setState((s) => ({ ...s, error: undefined, notice: undefined })),
    hostKind: host.kind,
    ...(bases.length > 0 ? { comparedWith: bases.map((b) => b.name).join(', ') } : {}),
    compareWith: async (bytes, name) => {
      const read = readDocx(bytes, name, { layout: false, footnotes: false });
      if (!read.ok) return fail(read.reason);
      const base = prepareBase(read.value.snapshot, name);
      const { snapshot, result } = current.current;
      if (base.resolutions.length === 0) return fail(`${name} holds no resolution to compare with`);
      if (snapshot && result) {
        const original = (i: number) => paragraphText(snapshot.paragraphs[i], 'original');
        const why = missingBases(
          result.outline,
          [base],
          conferenceRef.current ?? result.conference,
          original,
        );
        if (why !== null) return fail(why);
      }
      basesRef.current = [base];
      setBases([base]);
      setState((s) => ({ ...s, error: undefined, notice: undefined }));
    },
    stopComparing: () => {
      basesRef.current = [];
      setBases([]);
    },
  };
}
