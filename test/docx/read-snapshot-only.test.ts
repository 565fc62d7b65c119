import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { fromMarkup } from '../../src/core/markup';
import { buildDocx, readDocx } from '../../src/docx';
import { numberingXml, packageOf, stylesXml, W_NS } from './helpers';

/** A check-only read must give exactly the snapshot a full read gives, and nothing for a writer. */
function expectSameSnapshot(bytes: Uint8Array, name: string): void {
  const full = readDocx(bytes, name);
  const lean = readDocx(bytes, name, { layout: false });
  if (!full.ok || !lean.ok)
    throw new Error(`${name}: ${full.ok ? '' : full.reason} ${lean.ok ? '' : lean.reason}`);
  expect(lean.value.snapshot).toEqual(full.value.snapshot);
  expect(lean.value.name).toBe(name);
  expect(Object.keys(lean.value).sort()).toEqual(['name', 'snapshot']);
}

describe('readDocx with { layout: false }', () => {
  const examples = join(__dirname, '../../examples');
  test.each(readdirSync(examples).filter((f) => f.endsWith('.docx')))('example %s', (file) => {
    expectSameSnapshot(new Uint8Array(readFileSync(join(examples, file))), file);
  });

  const seeds = join(__dirname, '../fixtures/seeds');
  test.each(readdirSync(seeds).filter((f) => f.endsWith('.txt')))('seed %s, built', (file) => {
    const snapshot = fromMarkup(readFileSync(join(seeds, file), 'utf8'));
    expectSameSnapshot(buildDocx(snapshot), file);
  });

  test('fields, symbols, footnotes, graphics, tracked marks and properties, numbering, tables', () => {
    const body =
      '<w:p><w:pPr><w:pStyle w:val="Heading"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' +
      '<w:rPr><w:ins w:id="7" w:author="A" w:date="2024-01-01T00:00:00Z"/><w:i/></w:rPr>' +
      '<w:pPrChange w:id="8"><w:pPr/></w:pPrChange></w:pPr>' +
      '<w:r><w:rPr><w:i/></w:rPr><w:t>a</w:t><w:tab/><w:sym w:char="F0B7"/><w:noBreakHyphen/></w:r>' +
      '<w:ins w:id="9" w:author="B"><w:del w:id="10" w:author="C"><w:r><w:delText>gone</w:delText></w:r></w:del></w:ins>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF x </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>shown</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:r><w:footnoteReference w:id="2"/></w:r>' +
      '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice><w:t>x</w:t></mc:Choice></mc:AlternateContent></w:r>' +
      '<w:r><w:drawing><w:t>box</w:t></w:drawing></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
      '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:moveTo w:id="11"><w:r><w:t>moved</w:t></w:r></w:moveTo></w:p>';
    const parts = {
      'word/styles.xml': stylesXml(
        '<w:style w:type="paragraph" w:styleId="Heading"><w:name w:val="heading 1"/><w:rPr><w:i/></w:rPr></w:style>',
      ),
      'word/numbering.xml': numberingXml(
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
      ),
      'word/footnotes.xml': `<w:footnotes xmlns:w="${W_NS}"><w:footnote w:id="2"><w:p><w:r><w:t>The note.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
    };
    const bytes = packageOf(body, parts);
    expectSameSnapshot(bytes, 'hand-made.docx');
    // The package is what the test says it is: labels, a footnote, deleted and moved text all read.
    const lean = readDocx(bytes, 'hand-made.docx', { layout: false });
    expect(lean.ok && lean.value.snapshot.paragraphs.map((p) => p.numbering?.label)).toEqual([
      'a)',
      undefined,
      'b)',
    ]);
    expect(lean.ok && lean.value.snapshot.footnotes).toEqual({ '2': 'The note.' });
  });

  test('a failure is the same failure', () => {
    const bytes = packageOf('<w:p><w:r><w:t>unclosed</w:r></w:p>');
    const full = readDocx(bytes, 'bad.docx');
    const lean = readDocx(bytes, 'bad.docx', { layout: false });
    expect(full.ok).toBe(false);
    expect(lean).toEqual(full);
  });
});

describe('readDocx with { footnotes: false }', () => {
  test('leaves the footnotes part unread: no texts, and a damaged part is not a failure', () => {
    const body = '<w:p><w:r><w:t>a</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>';
    const note = `<w:footnotes xmlns:w="${W_NS}"><w:footnote w:id="2"><w:p><w:r><w:t>The note.</w:t></w:r></w:p></w:footnote></w:footnotes>`;
    const read = (footnotes: string, options: { footnotes?: boolean }) =>
      readDocx(packageOf(body, { 'word/footnotes.xml': footnotes }), 'n.docx', { layout: false, ...options });
    const full = read(note, {});
    expect(full.ok && full.value.snapshot.footnotes).toEqual({ '2': 'The note.' });
    const lean = read(note, { footnotes: false });
    expect(lean.ok && lean.value.snapshot).toEqual({
      paragraphs: [{ index: 0, runs: [{ text: 'a' }, { text: '', footnote: '2' }] }],
    });
    expect(read('<w:footnotes', {}).ok).toBe(false);
    expect(read('<w:footnotes', { footnotes: false }).ok).toBe(true);
  });
});
