import { unzipSync } from 'fflate';
import { crc32 } from '../../src/docx/zip';

const enc = new TextEncoder();

/**
 * A zip written by hand, entries stored (not compressed) in the given order: unlike fflate's `zipSync`
 * it can hold the same name twice, a CRC-32 that lies (`crc`), or bytes that are not what was checked.
 */
export function rawZip(
  entries: readonly { name: string; data: Uint8Array | string; crc?: number }[],
): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === 'string' ? enc.encode(e.data) : e.data;
    const name = enc.encode(e.name);
    const crc = e.crc ?? crc32(data);
    const local = new Uint8Array(30 + name.length + data.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, data.length, true);
    l.setUint32(22, data.length, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(data, 30 + name.length);
    const dir = new Uint8Array(46 + name.length);
    const c = new DataView(dir.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, data.length, true);
    c.setUint32(24, data.length, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    dir.set(name, 46);
    locals.push(local);
    central.push(dir);
    offset += local.length;
  }
  const dirSize = central.reduce((n, d) => n + d.length, 0);
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, entries.length, true);
  v.setUint16(10, entries.length, true);
  v.setUint32(12, dirSize, true);
  v.setUint32(16, offset, true);
  const out = new Uint8Array(offset + dirSize + 22);
  let at = 0;
  for (const part of [...locals, ...central, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A package's entries, in order, as name and bytes. */
export function entriesOf(bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data }));
}

/** The text of one part of a package (UTF-8). */
export function partText(bytes: Uint8Array, name: string): string {
  const data = unzipSync(bytes)[name];
  if (!data) throw new Error(`no ${name} in the package`);
  return new TextDecoder().decode(data);
}

/** The same package with some parts replaced (or added), written by hand. */
export function withParts(bytes: Uint8Array, parts: Record<string, Uint8Array | string>): Uint8Array {
  const entries: { name: string; data: Uint8Array | string }[] = entriesOf(bytes).map((e) =>
    e.name in parts ? { name: e.name, data: parts[e.name] } : e,
  );
  for (const [name, data] of Object.entries(parts))
    if (!entries.some((e) => e.name === name)) entries.push({ name, data });
  return rawZip(entries);
}

/** The same package with document.xml passed through `edit`. */
export function editDocument(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  return withParts(bytes, { 'word/document.xml': edit(partText(bytes, 'word/document.xml')) });
}
