import { fromMarkup } from '../../src/core/markup';
import { existsIn, paragraphText, type Snapshot, type View } from '../../src/core/snapshot';
import { buildDocx, readDocx } from '../../src/docx';
import { MAX_XML_DEPTH } from '../../src/docx/xml';
import { crc32 } from '../../src/docx/zip';
import { documentXml, packageOf, W_NS } from './helpers';
import { editDocument, entriesOf, partText, rawZip, withParts } from './package-edit';

/**
 * What a reader must refuse rather than misread, and what it must not take for visible text: each
 * case is a small file shaped like the one that once slipped through.
 */

const read = (bytes: Uint8Array) => readDocx(bytes, 'in.docx');
const refused = (bytes: Uint8Array): string => {
  const r = read(bytes);
  if (r.ok) throw new Error('the package was read');
  expect(r.reason.split('\n')).toHaveLength(1);
  return r.reason;
};
const texts = (s: Snapshot, v: View) =>
  s.paragraphs.filter((p) => existsIn(p, v)).map((p) => paragraphText(p, v));
const built = () => buildDocx(fromMarkup('RESOLUTION 52 (Rev. Hammamet 2016)\nRésolution élaborée'));

describe('encodings', () => {
  const latin1 = (decl: string) => {
    const xml = documentXml('<w:p><w:r><w:t>Résolution</w:t></w:r></w:p>').replace('UTF-8', decl);
    return packageOf('', { 'word/document.xml': Uint8Array.from(xml, (c) => c.charCodeAt(0)) });
  };

  test.each(['ISO-8859-1', 'windows-1252'])('a document.xml declared %s is refused, not misread', (decl) => {
    expect(refused(latin1(decl))).toMatch(
      new RegExp(
        `^in\\.docx \\(word/document\\.xml\\): declares the encoding ${decl}; .*only UTF-8 and UTF-16`,
      ),
    );
  });

  test('an invalid UTF-8 byte is refused, not repaired to U+FFFD', () => {
    const text = documentXml('<w:p><w:r><w:t>ab</w:t></w:r></w:p>');
    const bad = new TextEncoder().encode(text);
    bad[text.indexOf('>ab<') + 1] = 0xff;
    expect(refused(packageOf('', { 'word/document.xml': bad }))).toMatch(/malformed UTF-8/);
  });

  test('an encoding name with a line break is shown on one line', () => {
    const xml = documentXml('<w:p/>').replace('UTF-8', 'latin\n1');
    expect(refused(packageOf('', { 'word/document.xml': xml }))).toMatch(/declares the encoding latin\?1;/);
  });

  test('a UTF-8 part declared UTF-16 is refused', () => {
    const xml = documentXml('<w:p><w:r><w:t>x</w:t></w:r></w:p>').replace('UTF-8', 'UTF-16');
    expect(refused(packageOf('', { 'word/document.xml': xml }))).toMatch(/declares the encoding UTF-16 but/);
  });

  test.each([
    ['with a byte-order mark', true],
    ['without one', false],
  ])('UTF-16 %s is read', (_, bom) => {
    const xml = documentXml('<w:p><w:r><w:t>Résolution 𝄞</w:t></w:r></w:p>').replace('UTF-8', 'UTF-16');
    const bytes = new Uint8Array((bom ? 2 : 0) + xml.length * 2);
    if (bom) bytes.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      bytes[(bom ? 2 : 0) + 2 * i] = xml.charCodeAt(i) & 0xff;
      bytes[(bom ? 2 : 0) + 2 * i + 1] = xml.charCodeAt(i) >> 8;
    }
    const r = read(packageOf('', { 'word/document.xml': bytes }));
    if (!r.ok) throw new Error(r.reason);
    expect(texts(r.value.snapshot, 'current')).toEqual(['Résolution 𝄞']);
  });
});

describe('the zip', () => {
  test('an entry whose bytes fail their CRC-32 is refused', () => {
    const entries = entriesOf(built());
    const doc = entries.find((e) => e.name === 'word/document.xml')!;
    const damaged = Uint8Array.from(doc.data);
    damaged[damaged.indexOf('H'.charCodeAt(0))] = 'J'.charCodeAt(0);
    const bytes = rawZip(
      entries.map((e) => (e === doc ? { name: e.name, data: damaged, crc: crc32(doc.data) } : e)),
    );
    expect(refused(bytes)).toBe(
      'in.docx: word/document.xml is damaged (its CRC-32 does not match); refusing it',
    );
  });

  test('two word/document.xml entries are refused: readers disagree on which is the document', () => {
    const entries = entriesOf(built());
    const second = editDocument(built(), (x) => x.replace('Hammamet', 'Busan'));
    const doc2 = entriesOf(second).find((e) => e.name === 'word/document.xml')!;
    expect(refused(rawZip([...entries, doc2]))).toMatch(/holds word\/document\.xml twice/);
  });

  test('part names that differ only in case are the same part (OPC) and refused', () => {
    const bytes = withParts(built(), { 'Word/Document.XML': partText(built(), 'word/document.xml') });
    expect(refused(bytes)).toMatch(/holds Word\/Document\.XML twice \(part names ignore case\)/);
  });

  test('a content type naming the document in another case finds it (part names ignore case)', () => {
    const types = partText(built(), '[Content_Types].xml').replace(
      '/word/document.xml',
      '/WORD/Document.xml',
    );
    const r = read(withParts(built(), { '[Content_Types].xml': types }));
    if (!r.ok) throw new Error(r.reason);
    expect(texts(r.value.snapshot, 'current')[0]).toBe('RESOLUTION 52 (Rev. Hammamet 2016)');
    expect(r.value.source).toMatchObject({ documentPart: 'word/document.xml' });
  });

  test('two parts typed as the main document are refused', () => {
    const types = partText(built(), '[Content_Types].xml').replace(
      '</Types>',
      '<Override PartName="/word/other.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    );
    const bytes = withParts(built(), {
      '[Content_Types].xml': types,
      'word/other.xml': partText(built(), 'word/document.xml'),
    });
    expect(refused(bytes)).toMatch(/two main document parts \(word\/document\.xml, word\/other\.xml\)/);
  });

  test('the zip directory and the entries must tell the same story to every reader', () => {
    const zip = rawZip(entriesOf(built()));
    const eocd = zip.length - 22;
    const counts = Uint8Array.from(zip);
    counts[eocd + 8] -= 1; // entries on this disk ≠ entries in all
    expect(refused(counts)).toBe('in.docx: not a valid .docx (inconsistent zip directory)');
    const local = Uint8Array.from(zip);
    local[14] ^= 0xff; // the first entry's local header CRC-32
    expect(refused(local)).toMatch(/is described differently in the zip directory and its entry/);
  });

  test('a damaged directory whose names hold control characters is refused in one line', () => {
    expect(refused(withParts(built(), { 'word/a\nb.xml': '<a/>' }))).toBe(
      'in.docx: not a valid .docx (an entry name holds control characters)',
    );
  });

  test('a part inside another part, or a name with a `..` segment, is refused', () => {
    expect(refused(withParts(built(), { 'word/document.xml/x.xml': '<a/>' }))).toMatch(
      /lies inside the part/,
    );
    expect(refused(withParts(built(), { 'word/../evil.xml': '<a/>' }))).toMatch(/not a valid part name/);
  });
});

test(`elements nested past ${MAX_XML_DEPTH} levels are refused, naming the limit`, () => {
  const depth = 10_000;
  const body = `<w:p>${'<w:sdt><w:sdtContent>'.repeat(depth / 2)}<w:r><w:t>x</w:t></w:r>${'</w:sdtContent></w:sdt>'.repeat(depth / 2)}</w:p>`;
  expect(refused(packageOf(body))).toBe(
    `in.docx (word/document.xml): elements nest more than ${MAX_XML_DEPTH} levels deep; refusing it`,
  );
});

test('a prefix rebound inside an element is restored when it closes (namespace scopes)', () => {
  const body =
    '<w:p><w:r><w:t>a</w:t></w:r><w:smartTag xmlns:w="urn:other"><w:r><w:t>other</w:t></w:r></w:smartTag>' +
    '<w:r><w:t>c</w:t></w:r></w:p>';
  const r = read(packageOf(body));
  if (!r.ok) throw new Error(r.reason);
  expect(texts(r.value.snapshot, 'current')).toEqual(['ac']);
});

test('content controls nested a few hundred levels (under the limit) are read', () => {
  const body = `<w:p>${'<w:sdt><w:sdtContent>'.repeat(200)}<w:r><w:t>x</w:t></w:r>${'</w:sdtContent></w:sdt>'.repeat(200)}</w:p>`;
  const r = read(packageOf(body));
  if (!r.ok) throw new Error(r.reason);
  expect(texts(r.value.snapshot, 'current')).toEqual(['x']);
});

describe('what no view holds', () => {
  const run = (t: string, rPr = '') => `<w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>`;

  test('text hidden with w:vanish is in neither view; w:vanish w:val="0" is visible', () => {
    const body = `<w:p>${run('Hammamet')}${run('XX', '<w:rPr><w:vanish/></w:rPr>')}${run(' 2016')}${run('!', '<w:rPr><w:vanish w:val="0"/></w:rPr>')}</w:p>`;
    const r = read(packageOf(body));
    if (!r.ok) throw new Error(r.reason);
    expect(texts(r.value.snapshot, 'current')).toEqual(['Hammamet 2016!']);
    expect(texts(r.value.snapshot, 'original')).toEqual(['Hammamet 2016!']);
  });

  test("a w:ins inside another author's w:del is inserted then deleted: in neither view (§17.13.5)", () => {
    const attrs = (id: number, who: string) => `w:id="${id}" w:author="${who}" w:date="2024-01-01T00:00:00Z"`;
    const body =
      `<w:p>${run('keep ')}<w:del ${attrs(1, 'B')}><w:r><w:delText>gone </w:delText></w:r>` +
      `<w:ins ${attrs(2, 'A')}><w:r><w:t>added then deleted</w:t></w:r></w:ins></w:del>${run('end')}</w:p>`;
    const r = read(packageOf(body));
    if (!r.ok) throw new Error(r.reason);
    expect(texts(r.value.snapshot, 'current')).toEqual(['keep end']);
    expect(texts(r.value.snapshot, 'original')).toEqual(['keep gone end']);
    const nested = r.value.snapshot.paragraphs[0].runs.find((x) => x.text === 'added then deleted')!;
    expect(nested.revision).toMatchObject({
      kind: 'del',
      author: 'B',
      inserted: { kind: 'ins', author: 'A' },
    });
  });
});

test('a WordprocessingML prefix other than w, or the default namespace, reads the same', () => {
  const xml = (open: string, p: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>${open}<${p}body><${p}p><${p}r><${p}t>Hammamet 2016</${p}t></${p}r></${p}p></${p}body></${p}document>`;
  for (const doc of [
    xml(`<x:document xmlns:x="${W_NS}">`, 'x:'),
    xml(`<document xmlns="${W_NS}">`, '').replace(/<\/document>$/, '</document>'),
  ]) {
    const r = read(packageOf('', { 'word/document.xml': doc }));
    if (!r.ok) throw new Error(r.reason);
    expect(texts(r.value.snapshot, 'current')).toEqual(['Hammamet 2016']);
  }
});
