import { fromMarkup } from '../../src/core/markup';
import type { Field, Paragraph, Revision, Run, Snapshot } from '../../src/core/snapshot';
import { buildDocx } from '../../src/docx/build';
import { withParts } from '../docx/package-edit';

/**
 * The Flat OPC `body.getOoxml()` hands out for a document with fields: its main document part, each
 * field written as Word writes a complex field (w:fldChar begin, w:instrText, separate, the result
 * runs, end; ECMA-376 Part 1 §17.16.18), tracked runs by their authors, footnote references. The
 * project's builder writes no fields, so the fake's document with fields goes through this instead.
 */
export function fieldFlatOpc(snapshot: Snapshot): string {
  return (
    '<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>' +
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    `<pkg:part pkg:name="/word/document.xml" pkg:contentType="${MAIN}"><pkg:xmlData>${documentXml(snapshot)}</pkg:xmlData></pkg:part>` +
    '</pkg:package>'
  );
}

/** The .docx `getFileAsync` hands out for the same document: the builder's package, fields written in. */
export function fieldDocx(snapshot: Snapshot): Uint8Array {
  return withParts(buildDocx(snapshot), { 'word/document.xml': documentXml(snapshot) });
}

function documentXml(snapshot: Snapshot): string {
  const body = snapshot.paragraphs
    .map((p) => {
      let xml = '';
      let open: Field | undefined;
      for (const r of p.runs) {
        if (r.field !== open) {
          if (open) xml += fieldChar('end');
          if (r.field)
            xml +=
              fieldChar('begin') +
              `<w:r><w:instrText xml:space="preserve"> ${escape(r.field.instruction)} </w:instrText></w:r>` +
              fieldChar('separate');
          open = r.field;
        }
        xml += runXml(r);
      }
      if (open) xml += fieldChar('end');
      const mark = p.mark ? `<w:pPr><w:rPr>${tracked(p.mark, '', true)}</w:rPr></w:pPr>` : '';
      return `<w:p>${mark}${xml}</w:p>`;
    })
    .join('');
  return `<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
let ids = 1000;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fieldChar = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;

function tracked(rev: Revision, inner: string, empty = false): string {
  const tag = rev.kind === 'ins' ? 'w:ins' : 'w:del';
  const attrs = `w:id="${ids++}" w:author="${escape(rev.author ?? '')}" w:date="${rev.date ?? '2016-08-01T00:00:00Z'}"`;
  return empty ? `<${tag} ${attrs}/>` : `<${tag} ${attrs}>${inner}</${tag}>`;
}

function runXml(r: Run): string {
  const deleted = r.revision?.kind === 'del';
  let inner: string;
  if (r.footnote !== undefined) inner = `<w:footnoteReference w:id="${escape(r.footnote)}"/>`;
  else {
    const t = deleted ? 'w:delText' : 'w:t';
    inner = r.text
      .split(/([\t\n\u2011])/)
      .map((piece) =>
        piece === '\t'
          ? '<w:tab/>'
          : piece === '\n'
            ? '<w:br/>'
            : piece === '\u2011'
              ? '<w:noBreakHyphen/>'
              : piece === ''
                ? ''
                : `<${t} xml:space="preserve">${escape(piece)}</${t}>`,
      )
      .join('');
  }
  const run = `<w:r>${inner}</w:r>`;
  if (!r.revision) return run;
  const own = tracked(r.revision, run);
  return r.revision.inserted ? tracked(r.revision.inserted, own) : own;
}

const MARKUP = [
  'MOD\tAPT/44A14/1',
  'RESOLUTION 52 (Rev. Dubai, 2012)',
  'Countering and combating spam',
  'The World Telecommunication Standardization Assembly (Dubai, 2012),',
  'considering',
  'a) that spam[^1] is a problem;',
  // Another delegate re-lettered c) as b): the REF field below still shows c).
  '[-c-]{+b+}) that measures help;',
  'resolves',
  '1\tto act {+now +}as in considering c) above;',
  // A clause number Word computes (SEQ), misnumbered: 3 for 2.
  '3\tto report on spam regularly;',
  '4\tto [-keep -]invite Member States to cooperate.',
  'Reasons:\tThe resolution needs updating.',
  '[^1]: Unsolicited electronic messages.',
].join('\n');

export const REF_PARAGRAPH = 8;
export const SEQ_PARAGRAPH = 9;

/** Makes current-view characters `text` of a paragraph (inside one untracked run) a field's result. */
export function withField(s: Snapshot, paragraph: number, text: string, instruction: string): Snapshot {
  const field: Field = { instruction };
  const p = s.paragraphs[paragraph];
  const runs: Run[] = [];
  let done = false;
  for (const r of p.runs) {
    const at = r.text.indexOf(text);
    if (done || r.revision || r.field || at < 0) {
      runs.push(r);
      continue;
    }
    if (at > 0) runs.push({ text: r.text.slice(0, at) });
    runs.push({ text, field });
    if (at + text.length < r.text.length) runs.push({ text: r.text.slice(at + text.length) });
    done = true;
  }
  if (!done) throw new Error(`no "${text}" in paragraph ${paragraph + 1}`);
  const paragraphs: Paragraph[] = s.paragraphs.map((q, i) => (i === paragraph ? { ...q, runs } : q));
  return { ...s, paragraphs };
}

/** A proposal whose clause cites another by a REF field and whose clause number is a SEQ field. */
export const DOCUMENT = withField(
  withField(fromMarkup(MARKUP), REF_PARAGRAPH, 'c)', 'REF _Ref_b \\h'),
  SEQ_PARAGRAPH,
  '3',
  'SEQ resolves \\* ARABIC',
);
