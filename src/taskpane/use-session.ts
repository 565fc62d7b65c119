import { useCallback, useEffect, useRef, useState } from 'react';
import type { Conference } from '../core/conferences';
import type { Diagnostic } from '../core/diagnostic';
import { check, type CheckResult } from '../core/engine';
import { fixAllAsync, planFixes } from '../core/fix';
import type { EditPlan } from '../core/plan';
import { ok, type Result } from '../core/result';
import type { Snapshot } from '../core/snapshot';
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

  const read = useCallback(
    async (extra: Partial<SessionState> = {}): Promise<boolean> => {
      setState((s) => ({ ...s, busy: 'reading', progress: undefined }));
      const snap = await host.read((fraction) => setState((s) => ({ ...s, progress: fraction })));
      if (!snap.ok) {
        setState((s) => ({ ...s, busy: null, progress: undefined, error: snap.reason }));
        return false;
      }
      mark(MARKS.snapshotRead);
      const result = check(snap.value, { conference: conferenceRef.current });
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
    setState((s) => (s.snapshot ? { ...s, result: check(s.snapshot, { conference }) } : s));
  }, [conference]);

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
      { conference: conferenceRef.current },
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
  };
}
