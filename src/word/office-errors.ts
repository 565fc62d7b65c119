/**
 * Office.js failures, said in a delegate's words. Office.js rejects `context.sync()` with an
 * `OfficeExtension.Error` carrying a `code`; the codes a user's situation can cause become a one-line
 * message, the ones only a programming mistake can cause are rethrown (only bugs throw).
 */

/** The shape of an `OfficeExtension.Error` we rely on (the class itself only exists inside Office). */
export interface OfficeErrorLike {
  readonly code: string;
  readonly message?: string;
  /** Office's own account of the failure (OfficeExtension.DebugInfo): where it happened and what Word said. */
  readonly debugInfo?: {
    readonly code?: string;
    readonly message?: string;
    readonly errorLocation?: string;
    readonly statement?: string;
  };
}

/** Whether a value looks like an error Office.js raised (it has a string `code`). */
export function isOfficeError(e: unknown): e is OfficeErrorLike {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string';
}

const MESSAGES: Readonly<Record<string, string>> = {
  GeneralException:
    'Word could not complete the request; it may be busy (a dialog open, a cell or footnote being edited). Try again.',
  ItemNotFound: 'Word no longer has the part of the document the change refers to; check the document again.',
  InvalidObjectPath: 'Part of the document changed while Amend was working on it; check the document again.',
  AccessDenied:
    'Word refused the change: the document is read-only or protected (editing restrictions, a locked region, or another author is editing it).',
  NotAllowed:
    'Word does not allow this change here (a protected or locked region, or a mode where editing is off).',
  InvalidArgument: 'Word rejected the request for this document; check the document again.',
  SearchDialogIsOpen: "Close Word's Find and Replace dialog, then try again.",
  SearchStringInvalidOrTooLong: 'Word could not search for the text to change; make this change by hand.',
  ActivityLimitReached: 'Word stopped the request because it was too large; apply fewer fixes at a time.',
  ConnectionFailure: 'The connection to Word was lost; reload the add-in and try again.',
  NotImplemented:
    'This version of Word does not support what Amend asked for; update Word or use Word on the web.',
  ApiNotFound:
    'This version of Word does not support what Amend asked for; update Word or use Word on the web.',
};

/** Codes that mean the add-in used Office.js wrongly: a bug, never a user's situation. */
const BUGS = new Set([
  'PropertyNotLoaded',
  'ValueNotLoaded',
  'InvalidRequestContext',
  'RunMustReturnPromise',
]);

/**
 * A one-line message for a failure Office.js reported, prefixed by what was being done
 * ("Could not apply the fix: …"), with Word's code in brackets for support. Rethrows anything that is
 * not an Office error, or is one only a bug can cause.
 */
export function describeOfficeError(e: unknown, doing: string): string {
  if (!isOfficeError(e) || BUGS.has(e.code)) throw e;
  // A GeneralException whose debugInfo names its cause (#240: "ooxmlIsMalformated") is not Word being busy.
  const cause = oneLine(e.debugInfo?.message);
  const named = e.code === 'GeneralException' && /^[a-z]\w*$/i.test(cause) && cause !== e.code;
  const said = named
    ? `Word reported an error: ${cause}.`
    : (MESSAGES[e.code] ?? `Word reported an error: ${oneLine(e.message) || 'no details'}.`);
  const where = debugInfoOf(e);
  return `${doing}: ${said} [${e.code}${where ? `; ${where}` : ''}]`;
}

/**
 * The part of an Office error's `debugInfo` a support mail needs, in one line: where Word failed
 * (`Body.getOoxml`) and its own message when that says more than the code. Empty when Office gave none.
 */
export function debugInfoOf(e: OfficeErrorLike): string {
  const info = e.debugInfo;
  if (!info) return '';
  const parts: string[] = [];
  if (info.errorLocation) parts.push(`at ${oneLine(info.errorLocation)}`);
  const message = oneLine(info.message);
  if (message && message !== e.code && message !== info.code) parts.push(message);
  return parts.join(': ');
}

function oneLine(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim().replace(/\.$/, '');
}
