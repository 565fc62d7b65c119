import { useCallback, useEffect, useRef, useState } from 'react';
import { missingBases, prepareBase, type ComparisonBase } from '../core/compare';
import { unconfirmedNames } from '../core/commands/unconfirmed';
import type { Conference, UnconfirmedName } from '../core/conferences';
import type { Diagnostic } from '../core/diagnostic';
import { check, type CheckResult } from '../core/engine';
import { fixAllAsync, planFixes } from '../core/fix';
import type { EditPlan } from '../core/plan';
import { fail, ok, type Result } from '../core/result';
import { paragraphText, type Snapshot } from '../core/snapshot';
import { readDocx } from '../docx/portable';
import type { DocxDocument } from '../docx/types';
import type { NewProposalChoice, NewProposalMade } from '../word/new-proposal';
import type { DocumentHost, OperationRecord, Target } from './host';
import { useT, type Translate } from './i18n';
import { mark, MARKS } from './marks';

/**
 * How long the pane waits for one host call before it stops waiting and says so. Reading a 300-page
 * document in Word on the web takes seconds; a call still open after a minute will not settle (Word
 * was closed under it, the connection dropped), and the spinner must not turn forever.
 */
export const HOST_TIMEOUT_MS = 60_000;

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
  /** A host call did not settle in time: the host is stuck, and only reloading the pane starts afresh. */
  readonly stalled?: boolean;
  /** What the Diagnostics view shows of the pane's own side: the last read and apply, the last error. */
  readonly trace: SessionTrace;
  /**
   * The findings the last Fix all set aside, and why: shown beside them until the document is changed or
   * checked again (dismissing the notice keeps them).
   */
  readonly setAside?: readonly SetAsideNote[];
}

/** The pane's own record of its calls to the host, timed around the whole call (timeouts included). */
export interface SessionTrace {
  readonly lastRead?: OperationRecord;
  readonly lastApply?: OperationRecord;
  readonly lastError?: { readonly message: string; readonly at: string };
}

/**
 * What the last change did: one plan applied, or the fix-all loop's tally; with the city names it wrote
 * that no ITU text confirms, for the user to check.
 */
export type Notice = (
  | { readonly kind: 'applied'; readonly title: string }
  | {
      readonly kind: 'fixed';
      readonly applied: number;
      readonly passes: number;
      /** Findings left for the user, those set aside included. */
      readonly remaining: number;
    }
) & { readonly unconfirmed?: readonly UnconfirmedName[] };

/** A finding Fix all set aside because the document could not place its fix, and why. */
export interface SetAsideNote {
  readonly ruleId: string;
  readonly paragraph: number;
  readonly offset?: number;
  readonly message: string;
  readonly reason: string;
}

/** The note on a finding of the current check, if the last Fix all set it aside. */
export function setAsideNote(
  notes: readonly SetAsideNote[] | undefined,
  d: Diagnostic,
): SetAsideNote | undefined {
  return notes?.find(
    (n) =>
      n.ruleId === d.ruleId &&
      n.paragraph === d.paragraph &&
      n.offset === d.offset &&
      n.message === d.message,
  );
}

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
  /**
   * Start a proposal from an in-force text (a .docx the user picked) in the open document, which must
   * be empty; only where the host can (Word). A refusal or failure is the pane's error.
   */
  readonly newProposalHere?: (base: Result<DocxDocument>, choice: NewProposalChoice) => Promise<boolean>;
}

/** A host that can start a proposal in its document (the Word adapter). */
interface ProposalHost {
  newProposal(
    base: DocxDocument,
    choice: NewProposalChoice,
    onStep?: () => void,
  ): Promise<Result<NewProposalMade>>;
}

const canStartProposal = (host: DocumentHost): host is DocumentHost & ProposalHost =>
  typeof (host as Partial<ProposalHost>).newProposal === 'function';

/**
 * The findings of a check, as this host can act on them: in Word, an untracked change within a paragraph
 * is shown as tracked changes by the adapter, but a whole paragraph added or removed with tracking off
 * cannot be (Word's API cannot record a paragraph mark as inserted or deleted after the fact), so such a
 * finding is listed without a fix there (the CLI's `fix --base` makes it).
 */
function checkWithBases(
  host: DocumentHost,
  snapshot: Snapshot,
  conference: Conference | undefined,
  bases: readonly ComparisonBase[],
): CheckResult {
  const result = check(snapshot, { conference, ...(bases.length > 0 ? { bases } : {}) });
  if (bases.length === 0) return result;
  const diagnostics = result.diagnostics.map((d) => (hostCanFix(host, d) ? d : { ...d, fix: undefined }));
  return { ...result, diagnostics };
}

/**
 * Whether the host can write a finding's fix. Word cannot show a whole paragraph added or removed
 * with tracking off (no API marks a paragraph mark as inserted or deleted after the fact); the
 * preview's .docx writer can.
 */
function hostCanFix(host: DocumentHost, d: Diagnostic): boolean {
  if (host.kind !== 'word' || d.ruleId !== 'untracked-change') return true;
  return !(
    d.fix?.some((e) => (e.kind === 'paragraph' && e.deleted) || (e.kind === 'text' && e.insertedMark)) ??
    false
  );
}

/**
 * The pane's controller: reads the document through the injected host, checks it, applies plans and
 * re-checks after every change it makes. `version` changes when the document was replaced from outside
 * (the preview's Open .docx) so the pane re-reads.
 */
export function useSession(host: DocumentHost, version = 0, timeoutMs = HOST_TIMEOUT_MS): Session {
  const t = useT();
  const [state, setState] = useState<SessionState>({ busy: 'reading', trace: {} });
  const [conference, setConference] = useState<Conference | undefined>(undefined);
  const current = useRef(state);
  current.current = state;
  const conferenceRef = useRef(conference);
  conferenceRef.current = conference;
  const [bases, setBases] = useState<readonly ComparisonBase[]>([]);
  const basesRef = useRef(bases);
  basesRef.current = bases;

  /** One host call with an error path and a deadline: it always settles, as a Result. */
  const call = useCallback(
    async <T>(
      name: OperationRecord['name'],
      run: (alive: () => void) => Promise<Result<T>>,
    ): Promise<Called<T>> => {
      const started = now();
      const outcome = await settle(run, timeoutMs, hostTimeoutMessage(host, timeoutMs, t), t);
      const record: OperationRecord = { name, milliseconds: Math.round(now() - started), ok: outcome.ok };
      setState((s) => ({
        ...s,
        stalled: s.stalled || outcome.stalled,
        trace: {
          ...s.trace,
          ...(name === 'read' ? { lastRead: record } : name === 'apply' ? { lastApply: record } : {}),
          ...(outcome.ok ? {} : { lastError: { message: outcome.reason, at: new Date().toISOString() } }),
        },
      }));
      return outcome;
    },
    [host, timeoutMs, t],
  );

  const read = useCallback(
    async (extra: Partial<SessionState> = {}): Promise<boolean> => {
      setState((s) => ({ ...s, busy: 'reading', progress: undefined }));
      // Progress is a sign of life: a long read that keeps reporting is not cut off.
      const snap = await call('read', (alive) =>
        host.read((fraction) => {
          alive();
          setState((s) => ({ ...s, progress: fraction }));
        }),
      );
      if (!snap.ok) {
        setState((s) => ({ ...s, busy: null, progress: undefined, error: snap.reason, notice: undefined }));
        return false;
      }
      mark(MARKS.snapshotRead);
      const checked = attempt(
        () => checkWithBases(host, snap.value, conferenceRef.current, basesRef.current),
        t,
      );
      mark(MARKS.checked);
      if (!checked.ok) {
        setState((s) => ({
          ...s,
          busy: null,
          progress: undefined,
          error: checked.reason,
          notice: undefined,
        }));
        return false;
      }
      const result = checked.value;
      setState((s) => ({ ...s, busy: null, progress: undefined, snapshot: snap.value, result, ...extra }));
      return true;
    },
    [host, call, t],
  );

  useEffect(() => {
    void read({ error: undefined, notice: undefined });
  }, [read, version]);

  // A new target conference changes what the rules expect: check the same snapshot again.
  useEffect(() => {
    setState((s) => (s.snapshot ? { ...s, result: checkWithBases(host, s.snapshot, conference, bases) } : s));
  }, [conference, bases, host]);

  const failed = (reason: string) =>
    setState((s) => ({ ...s, busy: null, progress: undefined, error: reason, notice: undefined }));

  const apply = useCallback(
    async (plan: Result<EditPlan>): Promise<boolean> => {
      if (!plan.ok) {
        failed(plan.reason);
        return false;
      }
      setState((s) => ({ ...s, busy: 'working' }));
      const done = await call('apply', () => host.apply(plan.value));
      if (!done.ok) {
        // A refused plan (stale document) changed nothing, but the document did move on: read it again.
        // A host that did not answer is not asked again.
        if (!done.stalled) await read();
        failed(done.reason);
        return false;
      }
      const language = current.current.result?.outline.language;
      const unconfirmed = language ? unconfirmedNames(plan.value.edits, language) : [];
      return read({
        error: undefined,
        notice: { kind: 'applied', title: plan.value.title, ...(unconfirmed.length ? { unconfirmed } : {}) },
        setAside: [],
      });
    },
    [host, read, call],
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
    let stalled = false;
    const outcome = await settle(
      () =>
        fixAllAsync(
          host,
          {
            read: async (doc) => {
              const r = await call('read', () => doc.read());
              stalled ||= !r.ok && r.stalled === true;
              return r;
            },
            apply: async (doc, plan) => {
              const r = await call('apply', () => doc.apply(plan));
              stalled ||= !r.ok && r.stalled === true;
              return r.ok ? ok(doc) : r;
            },
          },
          // The comparison's findings are fixed first; in Word a paragraph added or removed with
          // tracking off stays reported (Word cannot show it) while everything else is fixed around it.
          {
            conference: conferenceRef.current,
            ...(basesRef.current.length > 0 ? { bases: basesRef.current } : {}),
            canFix: (d) => hostCanFix(host, d),
          },
        ),
      // Each host call has its own deadline; the loop between them is the engine's, bounded in passes.
      Infinity,
      '',
      t,
    );
    if (!outcome.ok) {
      if (!stalled) await read();
      failed(outcome.reason);
      return;
    }
    const { applied, passes, remaining, setAside, language } = outcome.value;
    const unconfirmed = unconfirmedNames(
      applied.flatMap((d) => d.fix ?? []),
      language,
    );
    // The pane checks again what the loop checked last, so its findings are these, at the same places.
    const notes = setAside.map(({ finding: d, reason }) => ({
      ruleId: d.ruleId,
      paragraph: d.paragraph,
      ...(d.offset !== undefined ? { offset: d.offset } : {}),
      message: d.message,
      reason,
    }));
    await read({
      error: undefined,
      notice: {
        kind: 'fixed',
        applied: applied.length,
        passes,
        remaining: remaining.length,
        ...(unconfirmed.length ? { unconfirmed } : {}),
      },
      setAside: notes,
    });
  }, [host, read]);

  const select = useCallback(
    async (target: Target) => {
      const r = await call('select', () => host.select(target));
      if (!r.ok) failed(r.reason);
    },
    [host, call],
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
      await read({ error: undefined, setAside: [] });
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
      if (!read.ok) return failed(read.reason);
      const base = prepareBase(read.value.snapshot, name);
      const { snapshot, result } = current.current;
      if (base.resolutions.length === 0) return failed(`${name} holds no resolution to compare with`);
      if (snapshot && result) {
        const original = (i: number) => paragraphText(snapshot.paragraphs[i], 'original');
        const why = missingBases(
          result.outline,
          [base],
          conferenceRef.current ?? result.conference,
          original,
        );
        if (why !== null) return failed(why);
      }
      basesRef.current = [base];
      setBases([base]);
      setState((s) => ({ ...s, error: undefined, notice: undefined }));
    },
    stopComparing: () => {
      basesRef.current = [];
      setBases([]);
    },
    ...(canStartProposal(host)
      ? {
          newProposalHere: async (base: Result<DocxDocument>, choice: NewProposalChoice) => {
            if (!base.ok) {
              failed(base.reason);
              return false;
            }
            setState((s) => ({ ...s, busy: 'working' }));
            // Each step that ends is a sign of life: insertion, proposal line, retag, reasons.
            const made = await call('apply', (alive) => host.newProposal(base.value, choice, alive));
            if (!made.ok) {
              if (!made.stalled) await read();
              failed(made.reason);
              return false;
            }
            return read({ error: undefined, notice: { kind: 'applied', title: t('draftNewTitle') } });
          },
        }
      : {}),
  };
}

/** A host call's outcome; `stalled` when it did not settle in time. */
type Called<T> = (Result<T> & { readonly stalled?: false }) | { ok: false; reason: string; stalled: true };

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Run a host call to a Result whatever it does: a rejection or a throw becomes a failure with its
 * message, and a call silent for `ms` (no answer, no `alive()` from it) becomes a stalled failure (the
 * call itself cannot be cancelled; its late answer is ignored).
 */
async function settle<T>(
  run: (alive: () => void) => Promise<Result<T>>,
  ms: number,
  timeoutMessage: string,
  t: Translate,
): Promise<Called<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let expire: () => void = () => undefined;
  let settled = false;
  const alive = () => {
    if (ms === Infinity || settled) return;
    clearTimeout(timer);
    timer = setTimeout(expire, ms);
  };
  const deadline = new Promise<Called<T>>((resolve) => {
    expire = () => resolve({ ok: false, reason: timeoutMessage, stalled: true });
  });
  alive();
  try {
    return await Promise.race([
      (async () => {
        try {
          return await run(alive);
        } catch (e) {
          return fail<T>(t('unexpectedError', { message: errorMessage(e) }));
        }
      })(),
      deadline,
    ]);
  } finally {
    settled = true;
    clearTimeout(timer);
  }
}

/** A synchronous step (the check) that must not take the pane down with it. */
function attempt<T>(run: () => T, t: Translate): Result<T> {
  try {
    return ok(run());
  } catch (e) {
    return fail(t('unexpectedError', { message: errorMessage(e) }));
  }
}

const errorMessage = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).split('\n')[0] || String(e);

const hostTimeoutMessage = (host: DocumentHost, ms: number, t: Translate): string =>
  t(host.kind === 'word' ? 'wordTimeout' : 'previewTimeout', { seconds: Math.round(ms / 1000) });
