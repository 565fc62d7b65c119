import { fail, ok, type Result } from '../core/result';

/**
 * A minimal, defensive zip reader: it lists the central directory and inflates only the entries asked
 * for, streaming, so a zip bomb is stopped at its declared size instead of filling memory.
 */

/** Sum of the declared uncompressed sizes a package may have. */
export const MAX_PACKAGE_BYTES = 256 * 1024 * 1024;
/** Deflate cannot expand more than about 1032:1, so a larger declared ratio is a lie. */
const MAX_RATIO = 1100;

/** One file of a zip archive, still compressed. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressed: Uint8Array;
  readonly size: number;
}

export interface ZipArchive {
  /** Entries in the order of the central directory (the order a re-zip keeps). */
  readonly entries: readonly ZipEntry[];
  readonly byName: ReadonlyMap<string, ZipEntry>;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) =>
  (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** Whether the bytes open like a zip (local header, or the end record of an empty archive). */
export function looksLikeZip(b: Uint8Array): boolean {
  return (
    b.length >= 4 &&
    b[0] === 0x50 &&
    b[1] === 0x4b &&
    (b[2] === 3 || b[2] === 5) &&
    (b[3] === 4 || b[3] === 6)
  );
}

/** Reads the central directory; `label` names the file in failure messages. */
export function readZip(bytes: Uint8Array, label: string): Result<ZipArchive> {
  const bad = (why: string) => fail<ZipArchive>(`${label}: not a valid .docx (${why})`);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return bad('zip directory missing: truncated or damaged file');
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  if (count === 0xffff || at === 0xffffffff) return bad('zip64 archives are not supported');
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let declared = 0;
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return bad('damaged zip directory');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const csize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLen = u16(bytes, at + 28);
    const skip = nameLen + u16(bytes, at + 30) + u16(bytes, at + 32);
    const local = u32(bytes, at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    at += 46 + skip;
    if (flags & 1) return fail(`${label}: the package is encrypted; remove the password and save it again`);
    if (csize === 0xffffffff || size === 0xffffffff || local === 0xffffffff)
      return bad('zip64 archives are not supported');
    if (method !== 0 && method !== 8) return bad(`unsupported compression method ${method} for ${name}`);
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) return bad(`damaged entry ${name}`);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + csize > bytes.length) return bad(`truncated entry ${name}`);
    declared += size;
    if (declared > MAX_PACKAGE_BYTES)
      return fail(`${label}: the package expands past ${MAX_PACKAGE_BYTES >> 20} MiB; refusing it`);
    if (size > 1024 * 1024 && size > csize * MAX_RATIO)
      return fail(`${label}: ${name} claims an impossible compression ratio; refusing it`);
    if (method === 0 && csize !== size) return bad(`stored entry ${name} has inconsistent sizes`);
    const entry: ZipEntry = { name, method, compressed: bytes.subarray(start, start + csize), size };
    if (byName.has(name)) continue;
    byName.set(name, entry);
    entries.push(entry);
  }
  return ok({ entries, byName });
}

/**
 * Inflates raw deflate data that should come to `size` bytes. It returns what came out, or null as soon
 * as the output would pass `size` (it must stop there, not inflate a zip bomb to the end), and may throw
 * on damaged data. A host with a native inflater (Node's zlib, with maxOutputLength) can pass one: the
 * portable one (portable.ts) streams fflate in bounded steps.
 */
export type Inflater = (compressed: Uint8Array, size: number) => Uint8Array | null;

/** The uncompressed bytes of an entry, refusing any that inflates past its declared size. */
export function inflateEntry(entry: ZipEntry, label: string, inflate: Inflater): Result<Uint8Array> {
  if (entry.method === 0) return ok(entry.compressed);
  let out: Uint8Array | null;
  try {
    out = inflate(entry.compressed, entry.size);
  } catch {
    return fail(`${label}: ${entry.name} is damaged (cannot be decompressed)`);
  }
  if (out === null || out.length > entry.size) {
    return fail(
      `${label}: ${entry.name} inflates past its declared size (damaged or a zip bomb); refusing it`,
    );
  }
  if (out.length !== entry.size) return fail(`${label}: ${entry.name} is truncated`);
  return ok(out);
}
