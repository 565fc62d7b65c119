import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { inflateRawSync } from 'node:zlib';
// The reader alone: the package's index would also load the writer, which check and outline never use.
import { readPackage } from '../docx/read';
import type { DocxDocument, DocxReading } from '../docx/types';
import { MAX_PACKAGE_BYTES, type Checksum, type Inflater } from '../docx/zip';
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

/**
 * A process stream that a reader may close early (`amend fix … | head -1`): writing to it then fails
 * with EPIPE, which Node reports as an error event that would end the process with a stack trace half
 * way through a command, before its output file is written. Once closed, the stream is left alone and
 * the command finishes as it would have (its file written, its exit code unchanged).
 */
function closable(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  let listening = false;
  return (text) => {
    if (closed) return;
    if (!listening) {
      listening = true;
      stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
        closed = true;
      });
    }
    stream.write(text);
  };
}

export const processOutput: Output = {
  stdout: closable(process.stdout),
  stderr: closable(process.stderr),
};

/** A user's mistake found inside a command: one line, exit code 2, nothing written. */
export function usage(io: CliIo, message: string): void {
  io.stderr(`amend: ${message}\n`);
  io.setExitCode(2);
}

/** Read a .docx from disk to write changes through; every failure is one line naming the file. */
export async function loadDocx(file: string): Promise<Result<DocxDocument>> {
  const bytes = await readBytes(file);
  return bytes.ok ? readPackage(bytes.value, file, { inflate: nativeInflate, crc32: nativeCrc32 }) : bytes;
}

/**
 * Read a .docx from disk for commands that never write (check, outline): the snapshot alone, without
 * the writer's layouts, and without footnote texts, which no rule reads (the footnotes part is not
 * parsed). Other failures are those of loadDocx.
 */
export async function loadSnapshot(file: string): Promise<Result<DocxReading>> {
  const bytes = await readBytes(file);
  return bytes.ok
    ? readPackage(bytes.value, file, {
        inflate: nativeInflate,
        crc32: nativeCrc32,
        layout: false,
        footnotes: false,
      })
    : bytes;
}

/**
 * A file's bytes: a regular file only (a device such as /dev/zero, a pipe or a socket never ends, or
 * blocks), and no larger than a package may expand to. The size is checked before anything is read,
 * on the file that was opened.
 */
async function readBytes(file: string): Promise<Result<Uint8Array>> {
  let handle: fs.FileHandle | undefined;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return fail(`${file}: is a directory, not a .docx file`);
    if (!stat.isFile()) return fail(`${file}: not a regular file (a device, pipe or socket); refusing it`);
    handle = await fs.open(file, 'r');
    const opened = await handle.stat();
    if (!opened.isFile()) return fail(`${file}: not a regular file (a device, pipe or socket); refusing it`);
    if (opened.size > MAX_PACKAGE_BYTES)
      return fail(`${file}: larger than ${MAX_PACKAGE_BYTES >> 20} MiB; refusing it`);
    const bytes = new Uint8Array(opened.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return ok(filled === bytes.length ? bytes : bytes.subarray(0, filled));
  } catch (e) {
    return fail(`${file}: ${describeFsError(e)}`);
  } finally {
    await handle?.close();
  }
}

/** Node's native CRC-32 (Node 20.15 and later), else the reader's portable one. */
export const nativeCrc32: Checksum | undefined = (zlib as { crc32?: Checksum }).crc32;

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

/**
 * Write next to the target, then rename: a reader never sees half a file, and a failure leaves none.
 * A symbolic link is written through (the file it points to is replaced, the link kept), and a file
 * that exists keeps its permissions: a 0600 document stays 0600.
 */
export async function writeAtomic(file: string, bytes: Uint8Array): Promise<Result<void>> {
  const real = await resolveLinks(file);
  const tmp = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const existing = await fs.stat(real).catch(() => undefined);
    await fs.writeFile(tmp, bytes, { flag: 'wx', mode: existing ? existing.mode & 0o7777 : 0o666 });
    // writeFile's mode passes through the umask; the target's own mode is what it should keep.
    if (existing) await fs.chmod(tmp, existing.mode & 0o7777);
    await fs.rename(tmp, real);
    return ok(undefined);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    return fail(`${file}: cannot write: ${describeFsError(e)}`);
  }
}

/** Where a chain of symbolic links ends, even when its last target does not exist yet. */
async function resolveLinks(file: string): Promise<string> {
  let at = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    const link = await fs.readlink(at).catch(() => undefined);
    if (link === undefined) return at;
    at = path.resolve(path.dirname(at), link);
  }
  return at;
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
