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
  /** The CRC-32 the central directory records for the uncompressed bytes. */
  readonly crc: number;
}

export interface ZipArchive {
  /** Entries in the order of the central directory (the order a re-zip keeps). */
  readonly entries: readonly ZipEntry[];
  readonly byName: ReadonlyMap<string, ZipEntry>;
  /** Entries by name in ASCII lower case: OPC part names ignore case (see PartNames). */
  readonly byKey: ReadonlyMap<string, ZipEntry>;
}

const keyOf = (name: string) => name.replace(/[A-Z]+/g, (c) => c.toLowerCase());

/** The entry a part name names, whatever the case of either. */
export function findEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  return zip.byName.get(name) ?? zip.byKey.get(keyOf(name));
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
  const directoryEnd = at + u32(bytes, eocd + 12);
  if (count === 0xffff || at === 0xffffffff) return bad('zip64 archives are not supported');
  // One disk, and the end record's two entry counts agree: readers that trust either see the same entries.
  if (u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0 || u16(bytes, eocd + 8) !== count)
    return bad('inconsistent zip directory');
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  const byKey = new Map<string, ZipEntry>();
  const names = new PartNames();
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
    const crc = u32(bytes, at + 16);
    const rawName = bytes.subarray(at + 46, at + 46 + nameLen);
    const name = decoder.decode(rawName);
    at += 46 + skip;
    // No part name holds a control character; a damaged directory's names do (and would break the message).
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(name)) return bad('an entry name holds control characters');
    if (flags & 1) return fail(`${label}: the package is encrypted; remove the password and save it again`);
    if (csize === 0xffffffff || size === 0xffffffff || local === 0xffffffff)
      return bad('zip64 archives are not supported');
    if (method !== 0 && method !== 8) return bad(`unsupported compression method ${method} for ${name}`);
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) return bad(`damaged entry ${name}`);
    // The local header names the entry again: a reader that walks local headers must see the same name.
    const localLen = u16(bytes, local + 26);
    if (localLen !== nameLen || !sameBytes(bytes.subarray(local + 30, local + 30 + localLen), rawName))
      return fail(`${label}: ${name} is named differently in the zip directory and its entry; refusing it`);
    const start = local + 30 + localLen + u16(bytes, local + 28);
    if (start + csize > bytes.length) return bad(`truncated entry ${name}`);
    declared += size;
    if (declared > MAX_PACKAGE_BYTES)
      return fail(`${label}: the package expands past ${MAX_PACKAGE_BYTES >> 20} MiB; refusing it`);
    if (size > 1024 * 1024 && size > csize * MAX_RATIO)
      return fail(`${label}: ${name} claims an impossible compression ratio; refusing it`);
    if (method === 0 && csize !== size) return bad(`stored entry ${name} has inconsistent sizes`);
    // The local header repeats the method and, unless a data descriptor follows the data, the sizes
    // and CRC: a reader that walks local headers must read the same bytes.
    const described = (u16(bytes, local + 6) & 8) !== 0;
    if (
      u16(bytes, local + 8) !== method ||
      (!described &&
        (u32(bytes, local + 14) !== crc ||
          u32(bytes, local + 18) !== csize ||
          u32(bytes, local + 22) !== size))
    )
      return fail(
        `${label}: ${name} is described differently in the zip directory and its entry; refusing it`,
      );
    const entry: ZipEntry = { name, method, compressed: bytes.subarray(start, start + csize), size, crc };
    const clash = names.add(name);
    if (clash) return fail(`${label}: ${clash}; refusing it`);
    byName.set(name, entry);
    byKey.set(keyOf(name), entry);
    entries.push(entry);
  }
  if (at !== directoryEnd) return bad('inconsistent zip directory');
  return ok({ entries, byName, byKey });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The part names of a package, refusing any that two readers could resolve differently. OPC compares
 * part names ASCII case-insensitively (ECMA-376 Part 2, §9.1.1.1 and §9.1.1.4): `word/document.xml`
 * and `Word/Document.xml` are the same part, so a package holding both (or the same name twice) has
 * two candidates for one part, and which one a reader takes is up to the reader. A name that is a
 * folder of another part (`a/b` and `a/b/c`), or that has an empty, `.` or `..` segment, is not a part
 * name at all.
 */
class PartNames {
  private readonly seen = new Set<string>();
  private readonly folders = new Set<string>();

  /** Adds a name; returns why it cannot be a part of the same package as the others, if it cannot. */
  add(name: string): string | undefined {
    // Folder entries (`word/`) are what some zip tools add; they are not parts.
    if (name.endsWith('/') && !name.slice(0, -1).includes('//')) return undefined;
    const segments = name.split('/');
    if (name.includes('\\') || segments.some((s) => s === '' || s === '.' || s === '..' || s.endsWith('.')))
      return `"${name}" is not a valid part name`;
    const key = keyOf(name);
    if (this.seen.has(key))
      return `the package holds ${name} twice (part names ignore case), so readers disagree on which one is the document`;
    if (this.folders.has(key)) return `${name} is both a part and a folder of other parts`;
    for (let i = 1; i < segments.length; i++) {
      const folder = keyOf(segments.slice(0, i).join('/'));
      if (this.seen.has(folder)) return `${name} lies inside the part ${segments.slice(0, i).join('/')}`;
      this.folders.add(folder);
    }
    this.seen.add(key);
    return undefined;
  }
}

/**
 * Inflates raw deflate data that should come to `size` bytes. It returns what came out, or null as soon
 * as the output would pass `size` (it must stop there, not inflate a zip bomb to the end), and may throw
 * on damaged data. A host with a native inflater (Node's zlib, with maxOutputLength) can pass one: the
 * portable one (portable.ts) streams fflate in bounded steps.
 */
export type Inflater = (compressed: Uint8Array, size: number) => Uint8Array | null;

/** A CRC-32 (the zip one, polynomial 0xEDB88320) of some bytes. Node's `zlib.crc32` is one. */
export type Checksum = (bytes: Uint8Array) => number;

let CRC_TABLE: Int32Array | undefined;

/** The portable CRC-32: a table-driven loop, for hosts without a native one (the browser, Word). */
export const crc32: Checksum = (bytes) => {
  const table = (CRC_TABLE ??= (() => {
    const t = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c;
    }
    return t;
  })());
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};

/**
 * The uncompressed bytes of an entry, refusing any that inflates past its declared size or whose
 * CRC-32 is not the one recorded for it: damaged text is never read, nor rewritten with a fresh CRC.
 */
export function inflateEntry(
  entry: ZipEntry,
  label: string,
  inflate: Inflater,
  checksum: Checksum = crc32,
): Result<Uint8Array> {
  const out = inflated(entry, label, inflate);
  if (out.ok && checksum(out.value) !== entry.crc)
    return fail(`${label}: ${entry.name} is damaged (its CRC-32 does not match); refusing it`);
  return out;
}

function inflated(entry: ZipEntry, label: string, inflate: Inflater): Result<Uint8Array> {
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
