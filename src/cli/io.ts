import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';
// The reader alone: the package's index would also load the writer, which check and outline never use.
import { readPackage } from '../docx/read';
import type { DocxDocument, DocxReading } from '../docx/types';
import type { Inflater } from '../docx/zip';
import { fail, ok, type Result } from '../core/result';

/** Where the CLI writes; tests pass their own to capture output. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** What a command's action gets: output, and how it reports its exit code (0 fine, 1 findings, 2 usage). */
export interface CliIo extends Output {
  setExitCode(code: number): void;
}

export const processOutput: Output = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
};

/** A user's mistake found inside a command: one line, exit code 2, nothing written. */
export function usage(io: CliIo, message: string): void {
  io.stderr(`amend: ${message}\n`);
  io.setExitCode(2);
}

/** Read a .docx from disk to write changes through; every failure is one line naming the file. */
export async function loadDocx(file: string): Promise<Result<DocxDocument>> {
  const bytes = await readBytes(file);
  return bytes.ok ? readPackage(bytes.value, file, { inflate: nativeInflate }) : bytes;
}

/**
 * Read a .docx from disk for commands that never write (check, outline): the snapshot alone, without
 * the writer's layouts, and without footnote texts, which no rule reads (the footnotes part is not
 * parsed). Other failures are those of loadDocx.
 */
export async function loadSnapshot(file: string): Promise<Result<DocxReading>> {
  const bytes = await readBytes(file);
  return bytes.ok
    ? readPackage(bytes.value, file, { inflate: nativeInflate, layout: false, footnotes: false })
    : bytes;
}

async function readBytes(file: string): Promise<Result<Uint8Array>> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return fail(`${file}: is a directory, not a .docx file`);
    return ok(new Uint8Array(await fs.readFile(file)));
  } catch (e) {
    return fail(`${file}: ${describeFsError(e)}`);
  }
}

/**
 * Node's zlib for the package's parts: several times faster than the portable inflater, and
 * maxOutputLength stops a zip bomb the moment it passes its declared size.
 */
export const nativeInflate: Inflater = (compressed, size) => {
  try {
    // One byte of room past the declared size: output that reaches it is too long, whatever its end.
    // One output chunk of that size, so zlib never concatenates 16 KiB pieces.
    return inflateRawSync(compressed, { maxOutputLength: size + 1, chunkSize: Math.max(size + 1, 64) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw e;
  }
};

/** Write next to the target, then rename: a reader never sees half a file, and a failure leaves none. */
export async function writeAtomic(file: string, bytes: Uint8Array): Promise<Result<void>> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, bytes, { flag: 'wx' });
    await fs.rename(tmp, file);
    return ok(undefined);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    return fail(`${file}: cannot write: ${describeFsError(e)}`);
  }
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
