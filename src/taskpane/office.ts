/**
 * Where Office serves office.js. taskpane.html and commands.html load it with a static tag in <head>, as
 * Office requires ("Referencing the Office JavaScript API library": before any other script, so that it
 * is initialised before the body); it is never bundled, and add-ins in AppSource must use this CDN.
 */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * Whether the page looks hosted by Office, without loading anything: Office passes `_host_Info` in the
 * URL or the window name (desktop and web), older Mac hosts expose a webkit message handler, and
 * office.js caches the host info in session storage across navigations. `?preview` forces the preview.
 */
export function officeHinted(win: Window = window): boolean {
  const search = new URLSearchParams(win.location.search);
  if (search.has('preview')) return false;
  if (search.has('_host_Info') || /_host_Info/i.test(win.location.hash) || /host_?info/i.test(win.name))
    return true;
  try {
    if (win.sessionStorage?.getItem('hostInfoValue')) return true;
  } catch {
    // Storage can be blocked in sandboxed frames; that says nothing either way.
  }
  const webkit = (win as unknown as { webkit?: { messageHandlers?: Record<string, unknown> } }).webkit;
  return webkit?.messageHandlers?.Agave !== undefined;
}

/** How long Office may take to say it is ready before the pane says it is not. */
export const OFFICE_READY_MS = 15_000;

/** Why the pane cannot start in Office; each has its message and a Reload button. */
export type StartFailure =
  | { readonly reason: 'no-office' }
  | { readonly reason: 'timeout'; readonly seconds: number }
  | { readonly reason: 'no-host' }
  | { readonly reason: 'other-host'; readonly host: string };

/** Where the pane starts: Word, the browser preview, or an error with a Reload button. */
export type Start =
  | { readonly kind: 'word' }
  | { readonly kind: 'preview' }
  | { readonly kind: 'failed'; readonly failure: StartFailure };

/** What `start` reads of the page: injected, so tests can stand in for office.js and the window. */
export interface StartEnvironment {
  /** The `Office` global, undefined when office.js did not load (offline, blocked). */
  readonly office?: Pick<typeof Office, 'onReady'>;
  /** Whether the page looks hosted by Office (see officeHinted). */
  readonly hinted: boolean;
  /** Whether `?preview` asks for the preview whatever Office says. */
  readonly forcePreview?: boolean;
}

/**
 * Decide where the pane starts. The preview runs only where Office says there is no host: office.js
 * loaded and `Office.onReady` resolved with no host, or office.js did not load in a page Office did not
 * open (the browser preview offline). Inside Office every failure is an error, never the sample:
 * office.js missing, `onReady` not settling within `ms` (`onLate` still gets a late Word), another
 * application, or no host at all.
 */
export async function start(
  env: StartEnvironment,
  ms = OFFICE_READY_MS,
  onLate?: () => void,
): Promise<Start> {
  if (env.forcePreview) return { kind: 'preview' };
  if (!env.office) return env.hinted ? failed({ reason: 'no-office' }) : { kind: 'preview' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const ready = env.office.onReady().then(
    (info) => info,
    () => null,
  );
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const info = await Promise.race([ready, deadline]);
  clearTimeout(timer);
  if (info === 'timeout') {
    timedOut = true;
    void ready.then((late) => {
      if (timedOut && isWord(late?.host)) onLate?.();
    });
    return failed({ reason: 'timeout', seconds: Math.round(ms / 1000) });
  }
  if (isWord(info?.host)) return { kind: 'word' };
  if (info?.host) return failed({ reason: 'other-host', host: String(info.host) });
  return env.hinted ? failed({ reason: 'no-host' }) : { kind: 'preview' };
}

const failed = (failure: StartFailure): Start => ({ kind: 'failed', failure });

// Office.HostType.Word is the string "Word"; compared as a string so no Office enum is needed here.
const isWord = (host: unknown): boolean => host === 'Word';

/** The page's environment as the browser gives it. */
export function pageEnvironment(win: Window = window): StartEnvironment {
  return {
    office: typeof Office === 'undefined' ? undefined : Office,
    hinted: officeHinted(win),
    forcePreview: new URLSearchParams(win.location.search).has('preview'),
  };
}

/**
 * The open document's file name from the URL Word gives (a new unsaved document has none). A name that
 * is not valid percent-encoding (`50%.docx`) is shown as it is rather than thrown on.
 */
export function documentName(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  const last = url.split(/[\\/]/).pop() || url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
