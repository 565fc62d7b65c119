import type { Paragraph, Revision, Run, Snapshot } from '../core/snapshot';
import { toRoman } from './numbering';
import { esc } from './xml';
import { writeZip } from './portable';

/** Author and date for revisions a snapshot leaves unattributed. */
export interface BuildOptions {
  readonly author?: string;
  readonly date?: string;
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Paragraph styles that are italic in ITU's templates (section headings). */
const ITALIC_STYLES = new Set(['Call']);

/**
 * A small, valid .docx (Word and LibreOffice open it) holding a snapshot: real tracked changes, styles,
 * automatic numbering, footnotes and tables (consecutive `inTable` paragraphs share one cell).
 * Reading it back gives the snapshot's texts, revisions, marks, styles and numbering labels.
 */
export function buildDocx(snapshot: Snapshot, options: BuildOptions = {}): Uint8Array {
  const ids = { next: 1 };
  const lists = new ListPlan(snapshot.paragraphs);
  const notes = footnoteIds(snapshot);
  const styles = styleTable(snapshot.paragraphs);
  let body = '';
  let inTable = false;
  for (const p of snapshot.paragraphs) {
    if (Boolean(p.inTable) !== inTable) {
      body += inTable ? TABLE_CLOSE : TABLE_OPEN;
      inTable = !inTable;
    }
    body += paragraphXml(p, { ids, lists, notes, styles, options });
  }
  if (inTable) body += TABLE_CLOSE;
  const sect =
    '<w:sectPr><w:pgSz w:w="11907" w:h="16834"/><w:pgMar w:top="1418" w:right="1134" w:bottom="1418" w:left="1134" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>';
  const document = `${DECL}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body}${sect}</w:body></w:document>`;

  const files: [string, string][] = [];
  const overrides = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
  ];
  const rels = [
    `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId2" Type="${REL}/settings" Target="settings.xml"/>`,
  ];
  const part = (path: string, type: string, rel: string, xml: string) => {
    overrides.push(
      `<Override PartName="/word/${path}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${type}+xml"/>`,
    );
    if (rel) rels.push(`<Relationship Id="rId${rels.length + 1}" Type="${REL}/${rel}" Target="${path}"/>`);
    files.push([`word/${path}`, xml]);
  };
  part('styles.xml', 'styles', '', stylesXml(styles));
  part('settings.xml', 'settings', '', settingsXml(notes.size > 0));
  if (lists.size > 0) part('numbering.xml', 'numbering', 'numbering', lists.xml());
  if (notes.size > 0) part('footnotes.xml', 'footnotes', 'footnotes', footnotesXml(snapshot, notes));

  const contentTypes =
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    `<Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`;
  const rootRels =
    `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`;
  const documentRels = `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  const encoder = new TextEncoder();
  return writeZip([
    ['[Content_Types].xml', encoder.encode(contentTypes)],
    ['_rels/.rels', encoder.encode(rootRels)],
    ['word/document.xml', encoder.encode(document)],
    ['word/_rels/document.xml.rels', encoder.encode(documentRels)],
    ...files.map(([name, xml]) => [name, encoder.encode(xml)] as const),
  ]);
}

const TABLE_OPEN =
  '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr>' +
  '<w:tblGrid><w:gridCol w:w="9639"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="9639" w:type="dxa"/></w:tcPr>';
const TABLE_CLOSE = '</w:tc></w:tr></w:tbl>';

interface Context {
  readonly ids: { next: number };
  readonly lists: ListPlan;
  readonly notes: ReadonlyMap<string, number>;
  readonly styles: ReadonlyMap<string, StyleEntry>;
  readonly options: BuildOptions;
}

/** `<w:ins …>` / `<w:del …>` attributes for a revision. */
function revisionAttrs(r: Revision, id: number, options: BuildOptions = {}): string {
  const author = r.author ?? options.author ?? 'Amend';
  const date = r.date ?? options.date;
  return ` w:id="${id}" w:author="${esc(author)}"${date ? ` w:date="${esc(date)}"` : ''}`;
}

function paragraphXml(p: Paragraph, c: Context): string {
  const style = p.styleId !== undefined || p.styleName !== undefined ? styleIdOf(p) : undefined;
  const directItalic = Boolean(p.italic) && !(style !== undefined && c.styles.get(style)?.italic);
  let pPr = '';
  if (style !== undefined) pPr += `<w:pStyle w:val="${esc(style)}"/>`;
  if (p.numbering)
    pPr += `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="${c.lists.idOf(p.numbering.numId)}"/></w:numPr>`;
  let markRPr = '';
  if (p.mark) markRPr += `<w:${p.mark.kind}${revisionAttrs(p.mark, c.ids.next++, c.options)}/>`;
  if (directItalic) markRPr += '<w:i/>';
  if (markRPr) pPr += `<w:rPr>${markRPr}</w:rPr>`;
  let runs = '';
  for (const r of p.runs) runs += runXml(r, c, directItalic);
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
}

function runXml(r: Run, c: Context, italic: boolean): string {
  const deleted = r.revision?.kind === 'del';
  let inner: string;
  if (r.footnote !== undefined) {
    inner = `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${c.notes.get(r.footnote)}"/></w:r>`;
  } else {
    inner = `<w:r>${italic ? '<w:rPr><w:i/></w:rPr>' : ''}${runContent(r.text, deleted)}</w:r>`;
  }
  if (!r.revision) return inner;
  const tag =
    r.revision.kind === 'ins' ? (r.revision.move ? 'moveTo' : 'ins') : r.revision.move ? 'moveFrom' : 'del';
  const wrapped = `<w:${tag}${revisionAttrs(r.revision, c.ids.next++, c.options)}>${inner}</w:${tag}>`;
  // Someone's insertion deleted later: Word's form is the deletion inside the insertion.
  const ins = r.revision.inserted;
  return ins ? `<w:ins${revisionAttrs(ins, c.ids.next++, c.options)}>${wrapped}</w:ins>` : wrapped;
}

/** The children of a run for its text: tabs, breaks and non-breaking hyphens become their elements. */
export function runContent(text: string, deleted: boolean): string {
  const t = deleted ? 'w:delText' : 'w:t';
  let out = '';
  let piece = '';
  const flush = () => {
    if (piece) out += `<${t} xml:space="preserve">${esc(piece)}</${t}>`;
    piece = '';
  };
  for (const ch of text) {
    const element =
      ch === '\t' ? '<w:tab/>' : ch === '\n' ? '<w:br/>' : ch === '\u2011' ? '<w:noBreakHyphen/>' : '';
    if (element) {
      flush();
      out += element;
    } else piece += ch;
  }
  flush();
  return out;
}

interface StyleEntry {
  readonly name: string;
  italic: boolean;
}

const styleIdOf = (p: Paragraph): string => p.styleId ?? p.styleName!.replace(/\s+/g, '');

function styleTable(paragraphs: readonly Paragraph[]): Map<string, StyleEntry> {
  const styles = new Map<string, StyleEntry>();
  for (const p of paragraphs) {
    if (p.styleId === undefined && p.styleName === undefined) continue;
    const id = styleIdOf(p);
    const name = p.styleName ?? id;
    const entry = styles.get(id) ?? { name, italic: ITALIC_STYLES.has(name) };
    styles.set(id, entry);
  }
  return styles;
}

function stylesXml(styles: ReadonlyMap<string, StyleEntry>): string {
  let out =
    `${DECL}<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>` +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style>' +
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/></w:rPr></w:style>';
  for (const [id, s] of styles) {
    if (id === 'Normal' || id === 'FootnoteText') continue;
    out += `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${esc(id)}"><w:name w:val="${esc(s.name)}"/><w:basedOn w:val="Normal"/><w:qFormat/>`;
    if (s.italic) out += '<w:rPr><w:i/></w:rPr>';
    out += '</w:style>';
  }
  return `${out}</w:styles>`;
}

function settingsXml(footnotes: boolean): string {
  return (
    `${DECL}<w:settings xmlns:w="${W_NS}">` +
    (footnotes ? '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' : '') +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'
  );
}

/** Footnote ids as written: numeric snapshot ids are kept, others numbered after them. */
function footnoteIds(snapshot: Snapshot): Map<string, number> {
  const ids = new Map<string, number>();
  const wanted = new Set<string>(Object.keys(snapshot.footnotes ?? {}));
  for (const p of snapshot.paragraphs)
    for (const r of p.runs) if (r.footnote !== undefined) wanted.add(r.footnote);
  let next = 1;
  for (const id of wanted) if (/^[1-9]\d{0,8}$/.test(id)) next = Math.max(next, Number(id) + 1);
  for (const id of wanted) ids.set(id, /^[1-9]\d{0,8}$/.test(id) ? Number(id) : next++);
  return ids;
}

function footnotesXml(snapshot: Snapshot, ids: ReadonlyMap<string, number>): string {
  let out =
    `${DECL}<w:footnotes xmlns:w="${W_NS}">` +
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>';
  for (const [key, id] of ids) {
    const text = snapshot.footnotes?.[key] ?? '';
    const paragraphs = text.split('\n').map((line, i) => {
      const ref =
        i === 0
          ? '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:tab/></w:r>'
          : '';
      return `<w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>${ref}<w:r>${runContent(line, false)}</w:r></w:p>`;
    });
    out += `<w:footnote w:id="${id}">${paragraphs.join('')}</w:footnote>`;
  }
  return `${out}</w:footnotes>`;
}

/** How a label's counter is written: format, lvlText and the counter's value. */
function parseLabel(label: string, level: number): { fmt: string; lvlText: string; value: number } {
  const m = /^([^0-9A-Za-z]*)([0-9]+|[A-Za-z]+)([^0-9A-Za-z]*)$/.exec(label);
  if (!m) return { fmt: label === '' ? 'none' : 'bullet', lvlText: label, value: 1 };
  const [, before, token, after] = m;
  const lvlText = `${before}%${level + 1}${after}`;
  if (/^\d+$/.test(token))
    return {
      fmt: token.length > 1 && token[0] === '0' ? 'decimalZero' : 'decimal',
      lvlText,
      value: Number(token),
    };
  const lower = token.toLowerCase();
  const roman = fromRoman(lower);
  const upper = token !== lower;
  // A lone letter other than i is a letter; i, ii, iv, … are roman numerals.
  if (roman > 0 && toRoman(roman) === lower && (lower.length > 1 || lower === 'i')) {
    return { fmt: upper ? 'upperRoman' : 'lowerRoman', lvlText, value: roman };
  }
  if (/^([a-z])\1*$/.test(lower)) {
    return {
      fmt: upper ? 'upperLetter' : 'lowerLetter',
      lvlText,
      value: (lower.length - 1) * 26 + lower.charCodeAt(0) - 96,
    };
  }
  return { fmt: 'decimal', lvlText: label, value: 1 };
}

function fromRoman(s: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]];
    if (a === undefined) return 0;
    const b = v[s[i + 1]] ?? 0;
    n += a < b ? -a : a;
  }
  return n;
}

/** The lists of a snapshot: one definition per numId, each level shaped after its first label. */
class ListPlan {
  private readonly ids = new Map<string, number>();
  private readonly levels = new Map<string, Map<number, ReturnType<typeof parseLabel>>>();

  constructor(paragraphs: readonly Paragraph[]) {
    const numeric = paragraphs
      .map((p) => p.numbering?.numId)
      .filter((id): id is string => id !== undefined && /^[1-9]\d{0,8}$/.test(id));
    let next = Math.max(0, ...numeric.map(Number)) + 1;
    for (const p of paragraphs) {
      const n = p.numbering;
      if (!n) continue;
      if (!this.ids.has(n.numId))
        this.ids.set(n.numId, /^[1-9]\d{0,8}$/.test(n.numId) ? Number(n.numId) : next++);
      const levels = this.levels.get(n.numId) ?? new Map();
      this.levels.set(n.numId, levels);
      if (!levels.has(n.level)) levels.set(n.level, parseLabel(n.label, n.level));
    }
  }

  get size(): number {
    return this.ids.size;
  }

  idOf(numId: string): number {
    return this.ids.get(numId)!;
  }

  xml(): string {
    let abstracts = '';
    let nums = '';
    for (const [key, id] of this.ids) {
      const levels = this.levels.get(key)!;
      abstracts += `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>`;
      for (let l = 0; l < 9; l++) {
        const def = levels.get(l) ?? { fmt: 'decimal', lvlText: `%${l + 1}`, value: 1 };
        const indent = 567 * (l + 1);
        abstracts +=
          `<w:lvl w:ilvl="${l}"><w:start w:val="${def.value}"/><w:numFmt w:val="${def.fmt}"/><w:lvlText w:val="${esc(def.lvlText)}"/>` +
          `<w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="${indent}"/></w:tabs><w:ind w:left="${indent}" w:hanging="567"/></w:pPr></w:lvl>`;
      }
      abstracts += '</w:abstractNum>';
      nums += `<w:num w:numId="${id}"><w:abstractNumId w:val="${id}"/></w:num>`;
    }
    return `${DECL}<w:numbering xmlns:w="${W_NS}">${abstracts}${nums}</w:numbering>`;
  }
}
