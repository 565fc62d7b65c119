import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { nativeInflate } from '../../src/cli/io';
import { fromMarkup } from '../../src/core/markup';
import { buildDocx, readDocx } from '../../src/docx';
import { streamInflate } from '../../src/docx/portable';
import type { Inflater } from '../../src/docx/zip';

/** The CLI reads packages with Node's zlib; it must agree with the portable inflater on every outcome. */
const inflaters: [string, Inflater][] = [
  ['native', nativeInflate],
  ['stream', streamInflate],
];
const data = new TextEncoder().encode('<w:t>considering</w:t>'.repeat(5000));
const packed = new Uint8Array(deflateRawSync(data));

describe.each(inflaters)('%s inflater', (_, inflate) => {
  test('gives the bytes back at their declared size', () => {
    expect(Buffer.from(inflate(packed, data.length)!).equals(Buffer.from(data))).toBe(true);
  });

  test('stops at output past the declared size (a zip bomb)', () => {
    const out = inflate(packed, 1000);
    expect(out === null || out.length > 1000).toBe(true);
  });

  test('reports short output as shorter than declared', () => {
    expect(inflate(packed, data.length + 10)!.length).toBe(data.length);
  });

  test('throws on data that is not deflate', () => {
    expect(() => inflate(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]), 100)).toThrow();
  });
});

test('readDocx gives the same snapshot through either inflater', () => {
  const seed = readFileSync(path.join(__dirname, '..', 'fixtures', 'seeds', 'en-resolution-52.txt'), 'utf8');
  const bytes = buildDocx(fromMarkup(seed));
  const native = readDocx(bytes, 'seed.docx', { inflate: nativeInflate });
  const portable = readDocx(bytes, 'seed.docx');
  if (!native.ok || !portable.ok) throw new Error('the seed does not read');
  expect(native.value.snapshot).toEqual(portable.value.snapshot);
  expect(native.value.documentXml).toBe(portable.value.documentXml);
});
