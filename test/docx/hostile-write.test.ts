import { unzipSync } from 'fflate';
import { fromMarkup } from '../../src/core/markup';
import { textEdit, type TextEdit } from '../../src/core/plan';
import { existsIn, paragraphText, type Snapshot, type View } from '../../src/core/snapshot';
import { applyPlan, buildDocx, readDocx, type DocxDocument } from '../../src/docx';
import { parseXml } from '../../src/docx/xml';
import { packageOf, W_NS } from './helpers';
import { editDocument, entriesOf, partText, rawZip, withParts } from './package-edit';

/** What the writer must never produce: each case a small file shaped like one that once went wrong. */

const BY = { author: 'Amend', date: '2024-05-06T07:08:09Z' };
const read = (bytes: Uint8Array, name = 'in.docx'): DocxDocument => {
  const r = readDocx(bytes, name);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const texts = (s: Snapshot, v: View) =>
  s.paragraphs.filter((p) => existsIn(p, v)).map((p) => paragraphText(p, v));
const insertAt = (doc: DocxDocument, paragraph: number, offset: number, text: string): TextEdit =>
  textEdit(paragraph, offset, '', text);
function write(doc: DocxDocument, ...edits: TextEdit[]): Uint8Array {
  const anchors = [...new Set(edits.map((e) => e.paragraph))].map((i) => ({
    paragraph: i,
    text: paragraphText(doc.snapshot.paragraphs[i]),
  }));
  const out = applyPlan(doc, { title: 'test', edits, anchors }, BY);
  if (!out.ok) throw new Error(out.reason);
  return out.value;
}
const run = (t: string, rPr = '') => `<w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const attrs = (id: number, who: string) => `w:id="${id}" w:author="${who}" w:date="2020-01-01T00:00:00Z"`;

/** Every `id` of a revision or formatting change in every XML part of a package. */
function revisionIds(bytes: Uint8Array): string[] {
  const ids: string[] = [];
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!name.endsWith('.xml')) continue;
    const xml = new TextDecoder(data[0] === 0xff ? 'utf-16le' : 'utf-8').decode(data);
    for (const m of xml.matchAll(
      /<(?:[\w.-]+:)?(?:ins|del|moveFrom|moveTo|rPrChange|pPrChange)\s[^>]*?(?:[\w.-]+:)?id="(\d+)"/g,
    ))
      ids.push(m[1]);
  }
  return ids;
}

test('a UTF-16 document.xml is written back in UTF-16, byte-order mark and declaration kept', () => {
  const source = buildDocx(fromMarkup('RESOLUTION 52 (Rev. Hammamet 2016)'));
  const xml = partText(source, 'word/document.xml').replace('encoding="UTF-8"', 'encoding="UTF-16"');
  const utf16 = new Uint8Array(2 + xml.length * 2);
  utf16.set([0xff, 0xfe]);
  for (let i = 0; i < xml.length; i++)
    new DataView(utf16.buffer).setUint16(2 + 2 * i, xml.charCodeAt(i), true);
  const doc = read(withParts(source, { 'word/document.xml': utf16 }));
  const out = write(doc, insertAt(doc, 0, 28, ','));
  const written = unzipSync(out)['word/document.xml'];
  expect([...written.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  const text = new TextDecoder('utf-16le').decode(written.subarray(2));
  expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-16"/);
  expect(texts(read(out).snapshot, 'current')).toEqual(['RESOLUTION 52 (Rev. Hammamet, 2016)']);
});

test('new revision ids are unique across the package: headers, footnotes and endnotes included', () => {
  const source = buildDocx(fromMarkup('RESOLUTION 52 (Rev. [-Dubai, 2012-]{+Hammamet 2016+})'));
  const part = (root: string, id: number) =>
    `<w:${root} xmlns:w="${W_NS}"><w:p><w:ins ${attrs(id, 'Other')}>${run('x')}</w:ins></w:p></w:${root}>`;
  const bytes = withParts(source, {
    'word/header1.xml': part('hdr', 3),
    'word/footnotes.xml': part('footnotes', 40),
    'word/endnotes.xml': part('endnotes', 41),
  });
  const doc = read(bytes);
  const before = revisionIds(bytes);
  expect(new Set(before).size).toBe(before.length);
  const out = write(doc, insertAt(doc, 0, 37, ','), textEdit(0, 0, 'R', 'r'));
  const after = revisionIds(out);
  expect(after.length).toBeGreaterThan(before.length);
  expect(new Set(after).size).toBe(after.length);
  for (const id of after.filter((i) => !before.includes(i))) expect(Number(id)).toBeGreaterThan(41);
});

test("splitting a run keeps another author's formatting change once and gives the copy an id of its own", () => {
  const change = `<w:rPrChange ${attrs(5, 'Other')}><w:rPr/></w:rPrChange>`;
  const bytes = packageOf(`<w:p>${run('Hammamet 2016', `<w:rPr><w:b/>${change}</w:rPr>`)}</w:p>`);
  const doc = read(bytes);
  const out = write(doc, insertAt(doc, 0, 8, ','));
  const xml = partText(out, 'word/document.xml');
  const changes = [...xml.matchAll(/<w:rPrChange w:id="(\d+)" w:author="Other"/g)].map((m) => m[1]);
  expect(changes).toHaveLength(2);
  expect(changes).toContain('5');
  expect(new Set(revisionIds(out)).size).toBe(revisionIds(out).length);
  expect(texts(read(out).snapshot, 'current')).toEqual(['Hammamet, 2016']);
});

describe('a WordprocessingML prefix other than w', () => {
  const body = (p: string) =>
    `<${p}p><${p}r><${p}t>RESOLUTION 52 (Rev. Hammamet 2016)</${p}t></${p}r></${p}p>`;
  test.each([
    ['x:', `<x:document xmlns:x="${W_NS}"><x:body>${body('x:')}</x:body></x:document>`],
    ['the default namespace', `<document xmlns="${W_NS}"><body>${body('')}</body></document>`],
  ])('%s: fix writes well-formed tracked changes in it', (_, xml) => {
    const doc = read(packageOf('', { 'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?>${xml}` }));
    const out = write(doc, insertAt(doc, 0, 28, ','), textEdit(0, 0, 'R', 'r'));
    const written = partText(out, 'word/document.xml');
    expect(parseXml(written, 'out', { open() {}, close() {}, text() {} }).ok).toBe(true);
    const back = read(out);
    expect(texts(back.snapshot, 'current')).toEqual(['rESOLUTION 52 (Rev. Hammamet, 2016)']);
    expect(texts(back.snapshot, 'original')).toEqual(['RESOLUTION 52 (Rev. Hammamet 2016)']);
    expect(back.snapshot.paragraphs[0].runs.filter((r) => r.revision?.author === 'Amend')).toHaveLength(3);
  });
});

describe('fix never writes into what no view holds', () => {
  test('hidden text: an insertion next to it is visible, and it stays hidden', () => {
    const hidden = '<w:rPr><w:vanish/></w:rPr>';
    const bytes = packageOf(
      `<w:p>${run('Hammamet')}${run(' XX', hidden)}${run(' 2016')}${run('.', hidden)}</w:p>`,
    );
    const doc = read(bytes);
    expect(paragraphText(doc.snapshot.paragraphs[0])).toBe('Hammamet 2016');
    const out = write(doc, insertAt(doc, 0, 8, ','), insertAt(doc, 0, 13, ';'));
    const back = read(out);
    expect(texts(back.snapshot, 'current')).toEqual(['Hammamet, 2016;']);
    const xml = partText(out, 'word/document.xml');
    // Each insertion is a run of its own, without w:vanish; the hidden runs are untouched.
    for (const m of xml.matchAll(/<w:ins [^>]*w:author="Amend"[^>]*>(.*?)<\/w:ins>/g))
      expect(m[1]).not.toContain('vanish');
    expect(xml).toContain(run(' XX', hidden));
    expect(xml).toContain(run('.', hidden));
  });

  test("text inserted inside another author's deletion stays deleted; the fix lands outside it", () => {
    const nested = `<w:del ${attrs(1, 'B')}><w:ins ${attrs(2, 'A')}>${run('nested')}</w:ins></w:del>`;
    const doc = read(packageOf(`<w:p>${run('keep ')}${nested}${run('end')}</w:p>`));
    expect(paragraphText(doc.snapshot.paragraphs[0])).toBe('keep end');
    const out = write(doc, insertAt(doc, 0, 5, 'X'));
    const back = read(out);
    expect(texts(back.snapshot, 'current')).toEqual(['keep Xend']);
    expect(texts(back.snapshot, 'original')).toEqual(['keep end']);
    expect(partText(out, 'word/document.xml')).toContain(nested);
  });
});

test('a part whose CRC-32 fails is not rewritten with a fresh one', () => {
  const source = buildDocx(fromMarkup('RESOLUTION 52 (Rev. Hammamet 2016)'));
  const entries = entriesOf(source);
  const settings = entries.find((e) => e.name === 'word/settings.xml')!;
  const damaged = rawZip(entries.map((e) => (e === settings ? { ...e, crc: 0x12345678 } : e)));
  const doc = read(damaged);
  const out = applyPlan(doc, { title: 't', edits: [insertAt(doc, 0, 28, ',')], anchors: [] }, BY);
  expect(out).toEqual({
    ok: false,
    reason: 'in.docx: word/settings.xml is damaged (its CRC-32 does not match); refusing it',
  });
});

test('document.xml edits keep every other part byte for byte', () => {
  const source = editDocument(buildDocx(fromMarkup('RESOLUTION 52 (Rev. Hammamet 2016)')), (x) => x);
  const doc = read(source);
  const out = write(doc, insertAt(doc, 0, 28, ','));
  const before = unzipSync(source);
  const after = unzipSync(out);
  expect(Object.keys(after)).toEqual(Object.keys(before));
  for (const name of Object.keys(before))
    if (name !== 'word/document.xml')
      expect(Buffer.from(after[name]).equals(Buffer.from(before[name]))).toBe(true);
});
