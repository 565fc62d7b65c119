/** Where Office serves office.js; it is never bundled. */
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

const timeout = <T>(ms: number, value: T): Promise<T> =>
  new Promise((resolve) => setTimeout(() => resolve(value), ms));

/** Add office.js to the page; resolves false when it cannot be fetched (offline) within the time limit. */
function loadScript(url: string, ms: number): Promise<boolean> {
  const loaded = new Promise<boolean>((resolve) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => resolve(true);
    script.onerror = () => resolve(false);
    document.head.appendChild(script);
  });
  return Promise.race([loaded, timeout(ms, false)]);
}

/**
 * Resolve true when the pane runs inside Word with office.js ready. Outside Office (no hint) it resolves
 * false at once, without touching the network, so the preview starts immediately and works offline.
 */
export async function connectToWord(ms = 10_000): Promise<boolean> {
  if (typeof Office === 'undefined') {
    if (!officeHinted()) return false;
    if (!(await loadScript(OFFICE_JS_URL, ms))) return false;
  }
  if (typeof Office === 'undefined') return false;
  const info = await Promise.race([Office.onReady(), timeout(ms, null)]);
  return info?.host === Office.HostType.Word;
}
