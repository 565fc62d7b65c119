import fc from 'fast-check';
import { fromMarkup } from '../../src/core/markup';
import { buildDocx } from '../../src/docx';
import { W } from '../../src/docx/xml';
import { crc32 } from '../../src/docx/zip';
import { entriesOf, partText, rawZip, withParts } from '../docx/package-edit';
import { resolution } from '../property/arbitraries';

/**
 * Generated .docx files for the fuzz suite. Word-realistic ones: a generated resolution (with label
 * errors for fix to correct) whose document.xml then gets what Word itself writes around the places
 * fix edits — hyperlinks, content controls, bookmarks, fields, other authors' formatting changes,
 * hidden text (on the run or through a style), insertions deleted by someone else, 4-byte characters, revision ids in other parts,
 * another namespace prefix, UTF-16. Malformed ones: such a file damaged the ways files get damaged
 * or forged.
 */

const OTHER = (id: number, who = 'Reviewer') =>
  `w:id="${id}" w:author="${who}" w:date="2021-03-04T05:06:07Z"`;

/** What can be put around or next to a run of document.xml. */
export type Decoration =
  | 'hyperlink'
  | 'contentControl'
  | 'bookmark'
  | 'field'
  | 'formatChange'
  | 'hidden'
  | 'hiddenByStyle'
  | 'insertedThenDeleted'
  | 'astral'
  | 'rightToLeft'
  | 'proofing'
  | 'rsid'
  | 'table'
  | 'move';

const DECORATIONS: readonly Decoration[] = [
  'hyperlink',
  'contentControl',
  'bookmark',
  'field',
  'formatChange',
  'hidden',
  'hiddenByStyle',
  'insertedThenDeleted',
  'astral',
  'rightToLeft',
  'proofing',
  'rsid',
  'table',
  'move',
];

/** How a generated Word-realistic document is made. */
export interface RealisticSpec {
  readonly markup: string;
  /** Decorations and the index (modulo the number of runs) of the run each goes at. */
  readonly decorations: readonly (readonly [Decoration, number])[];
  /** Revision ids in other parts, at and just above the document's own (where new ones would go). */
  readonly otherParts: boolean;
  readonly prefix: 'w' | 'x' | 'default';
  readonly utf16: boolean;
}

export const realisticSpec: fc.Arbitrary<RealisticSpec> = fc.record({
  markup: resolution,
  decorations: fc.array(fc.tuple(fc.constantFrom(...DECORATIONS), fc.nat()), { maxLength: 12 }),
  otherParts: fc.boolean(),
  prefix: fc.constantFrom<RealisticSpec['prefix']>('w', 'w', 'x', 'default'),
  utf16: fc.boolean(),
});

const RUN = /<w:r>(?:(?!<\/w:r>).)*<\/w:r>/g;

/** The .docx a spec describes. */
export function realisticDocx(spec: RealisticSpec): Uint8Array {
  const source = buildDocx(fromMarkup(spec.markup));
  let xml = partText(source, 'word/document.xml');
  let id = 1000;
  for (const [decoration, at] of spec.decorations) {
    const runs = [...xml.matchAll(RUN)];
    if (runs.length === 0) break;
    const m = runs[at % runs.length];
    const [start, end] = [m.index, m.index + m[0].length];
    const around = openAround(xml, start);
    if (!fits(decoration, around, m[0])) continue;
    if (decoration === 'table') {
      xml = inTable(xml, start);
      continue;
    }
    xml = xml.slice(0, start) + decorate(decoration, m[0], id) + xml.slice(end);
    id += 4;
  }
  const parts: Record<string, Uint8Array | string> = {};
  if (xml.includes(HIDDEN_STYLE))
    parts['word/styles.xml'] = withHiddenStyle(partText(source, 'word/styles.xml'));
  if (spec.otherParts) {
    const max = Math.max(id, ...[...xml.matchAll(/ w:id="(\d+)"/g)].map((m) => Number(m[1])));
    const note = (root: string, child: string, n: number) =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${root} xmlns:w="${W}"><w:${child} w:id="${n}"><w:p><w:ins ${OTHER(n + 1)}><w:r><w:t>note ${n}</w:t></w:r></w:ins></w:p></w:${child}></w:${root}>`;
    parts['word/header1.xml'] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="${W}"><w:p><w:del ${OTHER(max + 1)}><w:r><w:delText>header</w:delText></w:r></w:del></w:p></w:hdr>`;
    parts['word/endnotes.xml'] = note('endnotes', 'endnote', max + 2);
  }
  xml = withPrefix(xml, spec.prefix);
  parts['word/document.xml'] = spec.utf16 ? utf16(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"')) : xml;
  return withParts(source, parts);
}

/** Which tracked changes are open at `at` in document.xml (within its paragraph). */
function openAround(xml: string, at: number): { ins: boolean; del: boolean; table: boolean } {
  const p = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
  const open = (before: string, local: string) =>
    (before.match(new RegExp(`<w:${local}[ >]`, 'g'))?.length ?? 0) >
    (before.match(new RegExp(`</w:${local}>`, 'g'))?.length ?? 0);
  const here = xml.slice(p, at);
  return {
    ins: open(here, 'ins') || open(here, 'moveTo'),
    del: open(here, 'del') || open(here, 'moveFrom'),
    table: open(xml.slice(0, p), 'tbl'),
  };
}

/**
 * Whether Word could have written the decoration there: a hyperlink is never inside a tracked change
 * (the schema does not allow it), nothing with w:t or w:instrText goes inside a deletion, and a field
 * is never taken apart.
 */
function fits(decoration: Decoration, around: ReturnType<typeof openAround>, run: string): boolean {
  // Word moves, links or wraps text, never half a field (a run with a field character or instruction).
  const text = run.includes('<w:t') && !/fldChar|instrText/.test(run);
  if (['move', 'field', 'hyperlink', 'contentControl', 'bookmark'].includes(decoration) && !text)
    return false;
  if (decoration === 'hyperlink' || decoration === 'move') return !around.ins && !around.del;
  if (['hidden', 'hiddenByStyle', 'astral', 'field'].includes(decoration)) return !around.del;
  if (decoration === 'insertedThenDeleted') return !around.del;
  if (decoration === 'table') return !around.table;
  return true;
}

/** The character style of the hiddenByStyle decoration: hidden through its basedOn parent. */
const HIDDEN_STYLE = 'FuzzHiddenNote';

function withHiddenStyle(styles: string): string {
  const style = (id: string, rPr: string, basedOn = '') =>
    `<w:style w:type="character" w:styleId="${id}"><w:name w:val="${id}"/>${basedOn}<w:rPr>${rPr}</w:rPr></w:style>`;
  return styles.replace(
    '</w:styles>',
    style('FuzzHiddenBase', '<w:vanish/>') +
      style(HIDDEN_STYLE, '<w:i/>', '<w:basedOn w:val="FuzzHiddenBase"/>') +
      '</w:styles>',
  );
}

/** document.xml with the paragraph holding `at` put in a one-cell table, as Word writes one. */
function inTable(xml: string, at: number): string {
  const start = Math.max(xml.lastIndexOf('<w:p>', at), xml.lastIndexOf('<w:p ', at));
  const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
  const table =
    '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="9639"/></w:tblGrid>' +
    `<w:tr><w:tc><w:tcPr><w:tcW w:w="9639" w:type="dxa"/></w:tcPr>${xml.slice(start, end)}</w:tc></w:tr></w:tbl>`;
  return xml.slice(0, start) + table + xml.slice(end);
}

function decorate(decoration: Decoration, run: string, id: number): string {
  switch (decoration) {
    case 'hyperlink':
      return `<w:hyperlink w:anchor="_Toc${id}" w:history="1">${run}</w:hyperlink>`;
    case 'contentControl':
      return `<w:sdt><w:sdtPr><w:id w:val="${id}"/><w:alias w:val="Clause"/></w:sdtPr><w:sdtContent>${run}</w:sdtContent></w:sdt>`;
    case 'bookmark':
      return `<w:bookmarkStart w:id="${id}" w:name="_Ref${id}"/>${run}<w:bookmarkEnd w:id="${id}"/>`;
    case 'field':
      return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref1 \\h </w:instrText></w:r>' +
        `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run}<w:r><w:fldChar w:fldCharType="end"/></w:r>`
      );
    case 'formatChange': {
      const change = `<w:rPrChange ${OTHER(id)}><w:rPr/></w:rPrChange>`;
      return run.includes('<w:rPr>')
        ? run.replace('</w:rPr>', `${change}</w:rPr>`)
        : run.replace('<w:r>', `<w:r><w:rPr><w:b/>${change}</w:rPr>`);
    }
    case 'hidden':
      return `${run}<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">, hidden; </w:t></w:r>`;
    case 'hiddenByStyle':
      return `${run}<w:r><w:rPr><w:rStyle w:val="${HIDDEN_STYLE}"/></w:rPr><w:t xml:space="preserve">, hidden by style; </w:t></w:r>`;
    case 'insertedThenDeleted':
      return `${run}<w:del ${OTHER(id, 'Second')}><w:ins ${OTHER(id + 5000, 'Third')}><w:r><w:delText>zapped;</w:delText></w:r></w:ins></w:del>`;
    case 'astral':
      return `${run}<w:r><w:t>\u{1D11E}\u{1F600}</w:t></w:r>`;
    case 'rightToLeft':
      // In the schema's order: after the run's other properties, before a formatting change.
      if (!run.includes('<w:rPr>'))
        return run.replace('<w:r>', '<w:r><w:rPr><w:rtl/><w:lang w:bidi="ar-SA"/></w:rPr>');
      return run.includes('<w:rPrChange')
        ? run.replace('<w:rPrChange', '<w:rtl/><w:rPrChange')
        : run.replace('</w:rPr>', '<w:rtl/></w:rPr>');
    case 'proofing':
      return `<w:proofErr w:type="spellStart"/>${run}<w:proofErr w:type="spellEnd"/>`;
    case 'rsid':
      return run.replace(
        '<w:r>',
        `<w:r w:rsidR="00${(id * 7919).toString(16).toUpperCase().padStart(6, '0')}" w:rsidRPr="00C4A1B2">`,
      );
    case 'table':
      return run;
    case 'move': {
      // The run moved by someone to just after where it was: gone from its place, present at the new one.
      const by = (n: number) => OTHER(n, 'Mover');
      // Word gives the copy's own changes ids of their own.
      const from = run
        .replace(/<(\/?)w:t([ >])/g, '<$1w:delText$2')
        .replace(/ w:id="(\d+)"/g, (_, n: string) => ` w:id="${Number(n) + 20_000}"`);
      return (
        `<w:moveFromRangeStart ${by(id)} w:name="move${id}"/><w:moveFrom ${by(id + 1)}>${from}</w:moveFrom><w:moveFromRangeEnd w:id="${id}"/>` +
        `<w:moveToRangeStart ${by(id + 2)} w:name="move${id}"/><w:moveTo ${by(id + 3)}>${run}</w:moveTo><w:moveToRangeEnd w:id="${id + 2}"/>`
      );
    }
  }
}

/** document.xml with WordprocessingML bound to another prefix, or to the default namespace. */
function withPrefix(xml: string, prefix: RealisticSpec['prefix']): string {
  if (prefix === 'w') return xml;
  if (prefix === 'x')
    return xml
      .replace(/<(\/?)w:/g, '<$1x:')
      .replace(/ w:/g, ' x:')
      .replace('xmlns:w=', 'xmlns:x=');
  // Elements in the default namespace; attributes (qualified in WordprocessingML) keep `w:`.
  return xml.replace(/<(\/?)w:/g, '<$1').replace('<document ', `<document xmlns="${W}" `);
}

function utf16(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/** Ways a package gets damaged or forged. */
export type Damage =
  | { readonly kind: 'flip'; readonly at: number; readonly value: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'duplicate'; readonly caseChange: boolean }
  | { readonly kind: 'crc' }
  | { readonly kind: 'encoding'; readonly name: string }
  | { readonly kind: 'badByte'; readonly at: number }
  | { readonly kind: 'deep'; readonly depth: number }
  | { readonly kind: 'doctype' }
  | { readonly kind: 'badName'; readonly name: string }
  | { readonly kind: 'xmlCut'; readonly at: number }
  | { readonly kind: 'garbage'; readonly bytes: Uint8Array };

export const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), caseChange: fc.boolean() }),
  fc.constant({ kind: 'crc' as const }),
  fc.record({
    kind: fc.constant('encoding' as const),
    name: fc.constantFrom('ISO-8859-1', 'windows-1252', 'Shift_JIS', 'UTF-32', 'utf-16', 'ascii'),
  }),
  fc.record({ kind: fc.constant('badByte' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('deep' as const), depth: fc.integer({ min: 500, max: 20_000 }) }),
  fc.constant({ kind: 'doctype' as const }),
  fc.record({
    kind: fc.constant('badName' as const),
    name: fc.constantFrom(
      'word/../x.xml',
      'word\\x.xml',
      'word//x.xml',
      'WORD/STYLES.XML',
      'word/document.xml/a',
    ),
  }),
  fc.record({ kind: fc.constant('xmlCut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('garbage' as const), bytes: fc.uint8Array({ maxLength: 300 }) }),
);

/** A valid package damaged one way. */
export function damaged(bytes: Uint8Array, d: Damage): Uint8Array {
  const entries = entriesOf(bytes);
  const docIndex = entries.findIndex((e) => e.name === 'word/document.xml');
  const doc = entries[docIndex];
  const text = new TextDecoder().decode(doc.data);
  const replaceDoc = (data: Uint8Array | string, crc?: number) =>
    rawZip(entries.map((e, i) => (i === docIndex ? { name: e.name, data, crc } : e)));
  switch (d.kind) {
    case 'flip': {
      const out = Uint8Array.from(bytes);
      out[d.at % out.length] = d.value;
      return out;
    }
    case 'truncate':
      return bytes.subarray(0, d.at % bytes.length);
    case 'duplicate': {
      const copy = new TextEncoder().encode(text.replace(/Hammamet/g, 'Busan'));
      return rawZip([...entries, { name: d.caseChange ? 'Word/document.XML' : doc.name, data: copy }]);
    }
    case 'crc':
      return replaceDoc(text.replace('RESOLUTION', 'RESOLUTIOM'), crc32(doc.data));
    case 'encoding': {
      // Every character below U+0100 as one byte: what a Latin-1 or windows-1252 part holds.
      // Every character below U+0100 as one byte: what a Latin-1 or windows-1252 part holds.
      const latin = text.replace('encoding="UTF-8"', `encoding="${d.name}"`);
      return replaceDoc(Uint8Array.from(latin, (c) => c.charCodeAt(0) & 0xff));
    }
    case 'badByte': {
      const out = Uint8Array.from(doc.data);
      const at = 100 + (d.at % Math.max(1, out.length - 100));
      out[at] = 0xc0 | (out[at] & 1);
      return replaceDoc(out);
    }
    case 'deep': {
      const half = Math.floor(d.depth / 2);
      const nest = `<w:p>${'<w:sdt><w:sdtContent>'.repeat(half)}<w:r><w:t>x</w:t></w:r>${'</w:sdtContent></w:sdt>'.repeat(half)}</w:p>`;
      return replaceDoc(text.replace('<w:body>', `<w:body>${nest}`));
    }
    case 'doctype':
      return replaceDoc(
        text
          .replace('<w:document', '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">]><w:document')
          .replace('Hammamet', '&a;'),
      );
    case 'badName':
      return rawZip([...entries, { name: d.name, data: '<a/>' }]);
    case 'xmlCut':
      return replaceDoc(text.slice(0, d.at % text.length));
    case 'garbage':
      return d.bytes;
  }
}
