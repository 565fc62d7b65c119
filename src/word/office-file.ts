import { fail, ok, type Result } from '../core/result';

/**
 * The whole document file through the Common API, for when Word will not hand out the body's OOXML
 * (Word on the web throws `ooxmlIsMalformated` for a range holding a tracked deletion,
 * OfficeDev/office-js#3898, or a GeneralException whose debugInfo says so, #240; embedded Word on the web
 * after any edit, #6016; Word on Windows a GeneralException on some documents, #6059).
 *
 * `Document.getFileAsync(Office.FileType.Compressed)` gives the .docx in slices; Office keeps at most
 * two files open and fails `getFileAsync` beyond that, so the file is closed after use, also when a
 * slice fails (learn.microsoft.com, Office.File.closeAsync).
 */

/** `Office.AsyncResult`, as far as the reader uses it. */
export interface AsyncResultLike<T> {
  readonly status: Office.AsyncResultStatus | 'succeeded' | 'failed';
  readonly value: T;
  readonly error?: { readonly code?: number | string; readonly name?: string; readonly message?: string };
}

/** `Office.File`. */
export interface OfficeFileLike {
  readonly size: number;
  readonly sliceCount: number;
  getSliceAsync(
    index: number,
    callback: (result: AsyncResultLike<{ readonly data: ArrayLike<number> }>) => void,
  ): void;
  closeAsync(callback?: (result: AsyncResultLike<void>) => void): void;
}

/** `Office.context.document`, as far as reading the file goes. */
export interface OfficeDocumentLike {
  getFileAsync(
    fileType: Office.FileType,
    options: { sliceSize?: number },
    callback: (result: AsyncResultLike<OfficeFileLike>) => void,
  ): void;
}

/** The file's bytes, and how many calls into Office it took (each one a round trip). */
export interface WholeFile {
  readonly bytes: Uint8Array;
  readonly roundTrips: number;
}

/** `Office.FileType.Compressed`: the .docx (its documented value, so no Office global is needed here). */
const COMPRESSED = 'compressed' as unknown as Office.FileType;

/** "The maximum (and the default) is 4194304 (4MB)" (learn.microsoft.com, Office.GetFileOptions.sliceSize). */
const SLICE = 4 * 1024 * 1024;

const call = <T>(f: (cb: (r: AsyncResultLike<T>) => void) => void): Promise<AsyncResultLike<T>> =>
  new Promise((resolve) => f(resolve));

function reason(r: AsyncResultLike<unknown>, doing: string): string {
  const e = r.error;
  const said = e?.message?.replace(/\s+/g, ' ').trim() || 'no details';
  return `Word could not ${doing}: ${said}${e?.code !== undefined ? ` [${e.code}${e.name ? ` ${e.name}` : ''}]` : ''}`;
}

/** Read the open document's .docx in slices, closing the file whatever happens. */
export async function readWholeFile(
  document: OfficeDocumentLike,
  sliceSize = SLICE,
): Promise<Result<WholeFile>> {
  let roundTrips = 1;
  const opened = await call<OfficeFileLike>((cb) => document.getFileAsync(COMPRESSED, { sliceSize }, cb));
  if (String(opened.status) !== 'succeeded') return fail(reason(opened, 'hand out the document file'));
  const file = opened.value;
  try {
    const parts: ArrayLike<number>[] = [];
    let size = 0;
    for (let i = 0; i < file.sliceCount; i++) {
      roundTrips++;
      const slice = await call<{ readonly data: ArrayLike<number> }>((cb) => file.getSliceAsync(i, cb));
      if (String(slice.status) !== 'succeeded')
        return fail(reason(slice, `hand out part ${i + 1} of ${file.sliceCount} of the document file`));
      parts.push(slice.value.data);
      size += slice.value.data.length;
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    // The close below is one more round trip.
    return ok({ bytes, roundTrips: roundTrips + 1 });
  } finally {
    // A failed close leaves nothing to undo; the next getFileAsync reports it if Office still holds the file.
    await call<void>((cb) => file.closeAsync(cb));
  }
}
