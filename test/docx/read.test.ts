import { zipSync } from 'fflate';
import { paragraphText, flatText } from '../../src/core/snapshot';
import { readDocx, readFlatOpc } from '../../src/docx';
import { documentXml, numberingXml, packageOf, stylesXml, W_NS } from './helpers';

const read = (body: string, parts?: Record<string, string | Uint8Array>) => {
  const r = readDocx(packageOf(body, parts), 'test.docx');
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const para = (runs: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const rev = (kind: string, id: number, inner: string) =>
  `<w:${kind} w:id="${id}" w:author="A" w:date="2016-01-01T00:00:00Z">${inner}</w:${kind}>`;

describe('readDocx: text and revisions', () => {
  test('reads runs with their revisions, and the paragraph mark revision', () => {
    const doc = read(
      para(
        `${run('a')}${rev('del', 1, '<w:r><w:delText>h</w:delText></w:r>')}${rev('ins', 2, run('i'))}${run(')')}`,
        '<w:rPr><w:ins w:id="3" w:author="B"/></w:rPr>',
      ),
    );
    const p = doc.snapshot.paragraphs[0];
    expect(flatText(p)).toBe('ahi)');
    expect(paragraphText(p, 'current')).toBe('ai)');
    expect(paragraphText(p, 'original')).toBe('ah)');
    expect(p.runs[1].revision).toEqual({ kind: 'del', author: 'A', date: '2016-01-01T00:00:00Z', id: '1' });
    expect(p.mark).toEqual({ kind: 'ins', author: 'B', id: '3' });
    expect(doc.maxId).toBe(3);
  });

  test('moves are revisions with move set; an insertion deleted later is in neither view', () => {
    const doc = read(
      para(
        rev('moveFrom', 4, run('gone')) +
          rev('moveTo', 5, run('here')) +
          rev('ins', 6, `${run('kept')}${rev('del', 7, '<w:r><w:delText>x</w:delText></w:r>')}`),
      ),
    );
    const p = doc.snapshot.paragraphs[0];
    expect(p.runs.map((r) => [r.text, r.revision?.kind, r.revision?.move])).toEqual([
      ['gone', 'del', true],
      ['here', 'ins', true],
      ['kept', 'ins', undefined],
      ['x', 'del', undefined],
    ]);
    expect(p.runs[3].revision?.inserted).toEqual({
      kind: 'ins',
      author: 'A',
      date: '2016-01-01T00:00:00Z',
      id: '6',
    });
    expect(paragraphText(p, 'original')).toBe('gone');
    expect(paragraphText(p, 'current')).toBe('herekept');
  });

  test('tabs, breaks, non-breaking hyphens, symbols, footnote references, fields, hyperlinks, sdt, smart tags', () => {
    const doc = read(
      para(
        '<w:r><w:t>a)</w:t><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t><w:cr/><w:noBreakHyphen/><w:sym w:font="Symbol" w:char="F0B7"/></w:r>' +
          '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>' +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF x </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
          run('[field]') +
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
          `<w:hyperlink w:anchor="x">${run('link')}</w:hyperlink>` +
          `<w:sdt><w:sdtPr/><w:sdtContent>${run('sdt')}</w:sdtContent></w:sdt>` +
          `<w:smartTag w:uri="u" w:element="place">${run('tag')}</w:smartTag>` +
          `<w:r><w:drawing><wp:inline xmlns:wp="urn:wp"><w:txbxContent><w:p>${run('in a text box')}</w:p></w:txbxContent></wp:inline></w:drawing></w:r>` +
          '<w:r><w:t>&amp;&lt;</w:t></w:r>',
      ),
      {
        'word/footnotes.xml': `<w:footnotes xmlns:w="${W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> The note.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
      },
    );
    expect(doc.snapshot.paragraphs).toHaveLength(1);
    const p = doc.snapshot.paragraphs[0];
    expect(paragraphText(p)).toBe('a)\tx\ny\n\u2011\u00b7[field]linksdttag&<');
    expect(p.runs.find((r) => r.footnote !== undefined)).toEqual({ text: '', footnote: '2' });
    expect(doc.snapshot.footnotes).toEqual({ '2': 'The note.' });
  });

  test('paragraphs in tables (nested too) keep body order and are marked inTable', () => {
    const cell = (content: string) => `<w:tc>${content}</w:tc>`;
    const table = (rows: string) => `<w:tbl><w:tblPr/><w:tr>${rows}</w:tr></w:tbl>`;
    const doc = read(
      para(run('before')) +
        table(cell(para(run('c1'))) + cell(table(cell(para(run('nested')))) + para(run('c2')))) +
        para(run('after')),
    );
    expect(doc.snapshot.paragraphs.map((p) => [paragraphText(p), Boolean(p.inTable)])).toEqual([
      ['before', false],
      ['c1', true],
      ['nested', true],
      ['c2', true],
      ['after', false],
    ]);
  });

  test('paragraphs inside block-level revision wrappers take the wrapper revision', () => {
    const doc = read(rev('ins', 9, para(run('whole'))));
    expect(doc.snapshot.paragraphs[0].runs[0].revision?.kind).toBe('ins');
  });

  test('style name from styles.xml; italic from the style chain or direct formatting', () => {
    const styles = stylesXml(
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/><w:rPr><w:i/></w:rPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Call"><w:name w:val="Call"/><w:basedOn w:val="Base"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Upright"><w:name w:val="Up right"/><w:basedOn w:val="Base"/><w:rPr><w:i w:val="0"/></w:rPr></w:style>',
    );
    const doc = read(
      para(run('recognizing'), '<w:pStyle w:val="Call"/>') +
        para(run('plain'), '<w:pStyle w:val="Upright"/>') +
        para('<w:r><w:rPr><w:i/></w:rPr><w:t>direct</w:t></w:r>') +
        para(run('normal')),
      { 'word/styles.xml': styles },
    );
    const ps = doc.snapshot.paragraphs;
    expect([ps[0].styleId, ps[0].styleName, ps[0].italic]).toEqual(['Call', 'Call', true]);
    expect([ps[1].styleName, ps[1].italic]).toEqual(['Up right', undefined]);
    expect(ps[2].italic).toBe(true);
    expect(ps[3].styleId).toBeUndefined();
    expect(ps[3].italic).toBeUndefined();
  });
});

describe('readDocx: automatic numbering', () => {
  const lvl = (ilvl: number, fmt: string, text: string, extra = '') =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
  const numbering = numberingXml(
    `<w:abstractNum w:abstractNumId="0">${lvl(0, 'lowerLetter', '%1)')}${lvl(1, 'lowerRoman', '%2)')}${lvl(2, 'decimal', '%1.%3', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="2">${lvl(0, 'bullet', '•')}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>' +
      '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>',
  );
  const styles = stylesXml(
    '<w:style w:type="paragraph" w:styleId="ListA"><w:name w:val="List A"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="ListA2"><w:name w:val="List A2"/><w:basedOn w:val="ListA"/></w:style>',
  );
  const item = (numId: number, ilvl: number, text: string, more = '') =>
    para(run(text), `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>${more}`);
  const labels = (body: string) =>
    read(body, { 'word/numbering.xml': numbering, 'word/styles.xml': styles }).snapshot.paragraphs.map(
      (p) => p.numbering?.label ?? null,
    );

  test('letters, roman sub-items restarting under each letter, decimal lists, bullets', () => {
    expect(
      labels(
        item(1, 0, 'a') +
          item(1, 1, 'a-i') +
          item(1, 1, 'a-ii') +
          item(1, 0, 'b') +
          item(1, 1, 'b-i') +
          para(run('plain')) +
          item(2, 0, 'one') +
          item(2, 0, 'two') +
          item(4, 0, 'bullet'),
      ),
    ).toEqual(['a)', 'i)', 'ii)', 'b)', 'i)', null, '1', '2', '']);
  });

  test('numbering through the paragraph style and its basedOn chain; numId 0 removes it', () => {
    expect(
      labels(
        para(run('x'), '<w:pStyle w:val="ListA"/>') +
          para(run('y'), '<w:pStyle w:val="ListA2"/>') +
          para(run('z'), '<w:pStyle w:val="ListA"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
      ),
    ).toEqual(['a)', 'b)', null]);
  });

  test('instances of one definition continue each other unless a start override restarts them', () => {
    expect(labels(item(2, 0, 'x') + item(2, 0, 'y') + item(3, 0, 'z') + item(3, 0, 'w'))).toEqual([
      '1',
      '2',
      '5',
      '6',
    ]);
  });

  test('lvlRestart 0 keeps a level counting across higher items; %1.%3 renders both levels', () => {
    expect(labels(item(1, 0, 'a') + item(1, 2, 'x') + item(1, 0, 'b') + item(1, 2, 'y'))).toEqual([
      'a)',
      'a.1',
      'b)',
      'b.2',
    ]);
  });

  test('a paragraph deleted in the current view does not advance the list', () => {
    const deleted = para(
      rev('del', 1, '<w:r><w:delText>old</w:delText></w:r>'),
      '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="2" w:author="A"/></w:rPr>',
    );
    expect(labels(item(1, 0, 'a') + deleted + item(1, 0, 'next'))).toEqual(['a)', 'b)', 'b)']);
  });
});

describe('readDocx: bad input', () => {
  const fails = (bytes: Uint8Array, pattern: RegExp) => {
    const r = readDocx(bytes, 'bad.docx');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(/^bad\.docx/);
      expect(r.reason).toMatch(pattern);
      expect(r.reason).not.toContain('\n');
    }
  };
  const ole2 = (marker: string) => {
    const b = new Uint8Array(2048);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (let i = 0; i < marker.length; i++) b[1024 + i * 2] = marker.charCodeAt(i);
    return b;
  };
  const enc = new TextEncoder();

  test('empty file', () => fails(new Uint8Array(0), /empty/));
  test('not a zip', () => fails(enc.encode('hello, this is text'), /not a zip/));
  test('truncated zip', () => fails(packageOf(para(run('x'))).subarray(0, 60), /truncated|damaged/));
  test('zip without word/document.xml', () =>
    fails(zipSync({ 'a.txt': enc.encode('x') }), /word\/document\.xml/));
  test('legacy .doc', () => fails(ole2('WordDocument'), /legacy/));
  test('encrypted package', () => fails(ole2('EncryptionInfo'), /encrypted/));
  test('unknown OLE2 file', () => fails(ole2('Something'), /encrypted or a legacy \.doc/));
  test('DOCTYPE is refused before any entity is expanded', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    fails(zipSync({ 'word/document.xml': enc.encode(xml) }), /DOCTYPE/);
  });
  test('malformed XML', () => fails(packageOf('<w:p><w:r></w:p>'), /malformed XML/));
  test('malformed styles part', () =>
    fails(packageOf(para(run('x')), { 'word/styles.xml': '<w:styles' }), /styles\.xml.*malformed/));
  test('a part that inflates past its declared size (zip bomb)', () => {
    const bytes = zipSync({ 'word/document.xml': enc.encode(documentXml(para(run('x'.repeat(100000))))) });
    // Lower the declared uncompressed size in the central directory (and the local header).
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < bytes.length - 4; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1000, true);
      if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 1000, true);
    }
    fails(bytes, /zip bomb/);
  });
  test('declared sizes past the package bound', () => {
    const bytes = zipSync({ 'word/document.xml': enc.encode(documentXml(para(run('x')))) });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < bytes.length - 4; i++)
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 300 * 1024 * 1024, true);
    fails(bytes, /256 MiB|ratio/);
  });
});

describe('readFlatOpc', () => {
  test("reads Word's pkg:package form with the same part readers", () => {
    const flat =
      '<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>' +
      '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
      '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/></pkg:xmlData></pkg:part>' +
      `<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>${documentXml(
        para(run('x'), '<w:pStyle w:val="Call"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>') +
          para(rev('ins', 3, run('new'))),
      ).replace(/^<\?xml[^>]*\?>/, '')}</pkg:xmlData></pkg:part>` +
      `<pkg:part pkg:name="/word/styles.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"><pkg:xmlData>${stylesXml('<w:style w:type="paragraph" w:styleId="Call"><w:name w:val="Call"/><w:rPr><w:i/></w:rPr></w:style>')}</pkg:xmlData></pkg:part>` +
      `<pkg:part pkg:name="/word/numbering.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"><pkg:xmlData>${numberingXml('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')}</pkg:xmlData></pkg:part>` +
      '</pkg:package>';
    const r = readFlatOpc(flat);
    if (!r.ok) throw new Error(r.reason);
    const [p0, p1] = r.value.snapshot.paragraphs;
    expect([paragraphText(p0), p0.styleName, p0.italic, p0.numbering?.label]).toEqual([
      'x',
      'Call',
      true,
      'c)',
    ]);
    expect(p1.runs[0].revision?.kind).toBe('ins');
    expect(r.value.source.kind).toBe('flat');
  });

  test('a package without a main document, and a DOCTYPE, fail', () => {
    expect(
      readFlatOpc('<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"/>').ok,
    ).toBe(false);
    const r = readFlatOpc('<!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>');
    expect(!r.ok && r.reason).toMatch(/DOCTYPE/);
  });
});
