import type { Paragraph, Run, Snapshot } from '../../src/core/snapshot';

/**
 * The Flat OPC package `body.getOoxml()` hands out, written from a snapshot for the fake Word: a main
 * document part with tracked runs (w:ins, w:del with w:delText), tabs, breaks, paragraph styles and
 * tracked paragraph marks, plus a styles part naming the styles.
 */
export function flatOpc(snapshot: Snapshot): string {
  const styles = new Map<string, string>();
  for (const p of snapshot.paragraphs) if (p.styleId && p.styleName) styles.set(p.styleId, p.styleName);
  const body = snapshot.paragraphs.map(paragraph).join('');
  const styleXml = [...styles]
    .map(
      ([id, name]) =>
        `<w:style w:type="paragraph" w:styleId="${esc(id)}"><w:name w:val="${esc(name)}"/></w:style>`,
    )
    .join('');
  return (
    '<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>' +
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' +
    '</pkg:xmlData></pkg:part>' +
    '<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>' +
    `<w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>` +
    '</pkg:xmlData></pkg:part>' +
    '<pkg:part pkg:name="/word/styles.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"><pkg:xmlData>' +
    `<w:styles xmlns:w="${W}">${styleXml}</w:styles>` +
    '</pkg:xmlData></pkg:part></pkg:package>'
  );
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
let nextId = 1;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function revisionAttrs(): string {
  return ` w:id="${nextId++}" w:author="Delegate" w:date="2016-08-01T00:00:00Z"`;
}

function paragraph(p: Paragraph): string {
  const mark = p.mark ? `<w:rPr><w:${p.mark.kind}${revisionAttrs()}/></w:rPr>` : '';
  const style = p.styleId ? `<w:pStyle w:val="${esc(p.styleId)}"/>` : '';
  const pPr = style || mark ? `<w:pPr>${style}${mark}</w:pPr>` : '';
  return `<w:p>${pPr}${p.runs.map(run).join('')}</w:p>`;
}

function run(r: Run): string {
  const deleted = r.revision?.kind === 'del';
  const content = r.text
    .split(/(\t|\n)/)
    .map((part) =>
      part === '\t'
        ? '<w:tab/>'
        : part === '\n'
          ? '<w:br/>'
          : part === ''
            ? ''
            : deleted
              ? `<w:delText xml:space="preserve">${esc(part)}</w:delText>`
              : `<w:t xml:space="preserve">${esc(part)}</w:t>`,
    )
    .join('');
  const xml = `<w:r>${content}</w:r>`;
  return r.revision ? `<w:${r.revision.kind}${revisionAttrs()}>${xml}</w:${r.revision.kind}>` : xml;
}
