import { fail, ok, type Result } from '../core/result';
import { runContent } from './build';
import { streamInflate, writeZip } from './portable';
import type { DocxDocument, ParagraphLayout } from './types';
import { inflateEntry, type Inflater } from './zip';

/** What a new document's body is made of: paragraphs copied from the source, or new ones shaped like one of them. */
export type ExcerptPiece =
  | { readonly kind: 'copy'; readonly from: number; readonly to: number }
  | {
      readonly kind: 'like';
      readonly paragraph: number;
      readonly text: string;
      /** Leave out the model's automatic numbering: the text types its own label. */
      readonly typedLabel?: boolean;
    };

export interface ExcerptOptions {
  /** Switch Word's Track Changes on in the new document's settings (`w:trackRevisions`). */
  readonly trackRevisions: boolean;
  readonly inflate?: Inflater;
}

/**
 * A new .docx made from part of another — a resolution taken out of a proceedings volume — in its
 * styles, numbering, footnotes and settings: every part is kept, the body holds only the pieces, and
 * the body's section properties (page size, margins) stay. Copied paragraphs are copied byte for byte
 * (a table they sit in comes whole); new ones take the paragraph and run properties of their model.
 */
export function excerptDocx(
  doc: DocxDocument,
  pieces: readonly ExcerptPiece[],
  options: ExcerptOptions,
): Result<Uint8Array> {
  if (doc.source.kind !== 'package') return fail(`${doc.name}: a Flat OPC reading cannot be written`);
  const xml = doc.documentXml;
  const layout = doc.layout;
  const paragraphs = doc.snapshot.paragraphs;
  const body = /<([\w.-]+:)?body\b[^>]*>/.exec(xml);
  const close = xml.lastIndexOf('</');
  const bodyClose = xml.lastIndexOf('<', close - 1);
  if (!body || layout.length === 0) return fail(`${doc.name}: the document has no body to take text from`);
  const prefix = body[1] ?? '';
  const bodyStart = body.index + body[0].length;
  const lastEnd = layout[layout.length - 1].end;
  const sectStart = xml.indexOf(`<${prefix}sectPr`, lastEnd);
  const section = sectStart >= 0 && sectStart < bodyClose ? xml.slice(sectStart, bodyClose) : '';

  let out = '';
  for (const piece of pieces) {
    if (piece.kind === 'like') {
      out += likeParagraph(xml, layout[piece.paragraph], piece.text, piece.typedLabel === true);
      continue;
    }
    let start = layout[piece.from].start;
    let end = layout[piece.to - 1].end;
    if (paragraphs[piece.from].inTable) start = xml.lastIndexOf(`<${prefix}tbl>`, start);
    if (paragraphs[piece.to - 1].inTable) {
      const tableEnd = xml.indexOf(`</${prefix}tbl>`, end);
      end = tableEnd + `</${prefix}tbl>`.length;
    }
    out += xml.slice(start, end);
  }
  const documentXml = xml.slice(0, bodyStart) + out + section + xml.slice(bodyClose);

  const files: [string, Uint8Array][] = [];
  const encoder = new TextEncoder();
  let settings = false;
  for (const entry of doc.source.zip.entries) {
    if (entry.name === doc.source.documentPart) {
      files.push([entry.name, encoder.encode(documentXml)]);
      continue;
    }
    const bytes = inflateEntry(entry, doc.name, options.inflate ?? streamInflate);
    if (!bytes.ok) return bytes;
    if (options.trackRevisions && /(^|\/)settings\.xml$/.test(entry.name) && entry.name.startsWith('word/')) {
      settings = true;
      files.push([entry.name, encoder.encode(withTrackRevisions(new TextDecoder().decode(bytes.value)))]);
    } else files.push([entry.name, bytes.value]);
  }
  if (options.trackRevisions && !settings)
    return fail(`${doc.name}: the document has no settings part in which to switch Track Changes on`);
  return ok(writeZip(files));
}

/** A paragraph with `text`, shaped like `model`: its paragraph properties (without revisions) and its first run's. */
function likeParagraph(xml: string, model: ParagraphLayout, text: string, typedLabel: boolean): string {
  let pPr = '';
  if (model.pPrStart >= 0) {
    let at = model.pPrStart;
    for (let k = 0; k < model.pPrStrip.length; k += 2) {
      if (model.pPrStrip[k] < at) continue;
      pPr += xml.slice(at, model.pPrStrip[k]);
      at = model.pPrStrip[k + 1];
    }
    pPr += xml.slice(at, model.pPrEnd);
    // Numbered like its model, every new item would go on with the model's list (b), c) … across sections).
    if (typedLabel) pPr = pPr.replace(/<([\w.-]+:)?numPr\b(?:\/>|[\s\S]*?<\/\1numPr>)/, '');
  }
  const run = model.runs.find((r) => r.revision?.kind !== 'del' && r.text !== '');
  const rPr =
    run && run.rPrStart >= 0
      ? xml
          .slice(run.rPrStart, run.rPrEnd)
          .replace(/<([\w.-]+:)?rPrChange\b[\s\S]*?(<\/([\w.-]+:)?rPrChange>|\/>)/g, '')
      : '';
  return `<w:p>${pPr}${text ? `<w:r>${rPr}${runContent(text, false)}</w:r>` : ''}</w:p>`;
}

/**
 * Word's settings with Track Changes on. `w:trackRevisions` goes where the schema's sequence puts it:
 * before the first of the settings that follow it, else at the end.
 */
export function withTrackRevisions(settings: string): string {
  if (/<([\w.-]+:)?trackRevisions\b/.test(settings)) return settings;
  const prefix = /<([\w.-]+:)?settings\b/.exec(settings)?.[1] ?? 'w:';
  const element = `<${prefix}trackRevisions/>`;
  const after = new RegExp(`<${prefix}(?:${FOLLOWING.join('|')})\\b`).exec(settings);
  if (after) return settings.slice(0, after.index) + element + settings.slice(after.index);
  const end = settings.lastIndexOf('</');
  const selfClosing = /<([\w.-]+:)?settings\b[^>]*\/>/.exec(settings);
  if (selfClosing)
    return settings.replace(
      selfClosing[0],
      `${selfClosing[0].replace(/\s*\/>$/, '>')}${element}</${prefix}settings>`,
    );
  return settings.slice(0, end) + element + settings.slice(end);
}

/** The children of w:settings that come after w:trackRevisions in the schema's sequence. */
const FOLLOWING = [
  'doNotTrackMoves',
  'doNotTrackFormatting',
  'documentProtection',
  'autoFormatOverride',
  'styleLockTheme',
  'styleLockQFSet',
  'defaultTabStop',
  'autoHyphenation',
  'consecutiveHyphenLimit',
  'hyphenationZone',
  'doNotHyphenateCaps',
  'showEnvelope',
  'summaryLength',
  'clickAndTypeStyle',
  'defaultTableStyle',
  'evenAndOddHeaders',
  'bookFoldRevPrinting',
  'bookFoldPrinting',
  'bookFoldPrintingSheets',
  'drawingGridHorizontalSpacing',
  'drawingGridVerticalSpacing',
  'displayHorizontalDrawingGridEvery',
  'displayVerticalDrawingGridEvery',
  'doNotUseMarginsForDrawingGridOrigin',
  'drawingGridHorizontalOrigin',
  'drawingGridVerticalOrigin',
  'doNotShadeFormData',
  'noPunctuationKerning',
  'characterSpacingControl',
  'printTwoOnOne',
  'strictFirstAndLastChars',
  'noLineBreaksAfter',
  'noLineBreaksBefore',
  'savePreviewPicture',
  'doNotValidateAgainstSchema',
  'saveInvalidXml',
  'ignoreMixedContent',
  'alwaysShowPlaceholderText',
  'doNotDemarcateInvalidXml',
  'saveXmlDataOnly',
  'useXSLTWhenSaving',
  'saveThroughXslt',
  'showXMLTags',
  'alwaysMergeEmptyNamespace',
  'updateFields',
  'hdrShapeDefaults',
  'footnotePr',
  'endnotePr',
  'compat',
  'docVars',
  'rsids',
  'mathPr',
  'attachedSchema',
  'themeFontLang',
  'clrSchemeMapping',
  'doNotIncludeSubdocsInStats',
  'doNotAutoCompressPictures',
  'forceUpgrade',
  'captions',
  'readModeInkLockDown',
  'smartTagType',
  'schemaLibrary',
  'shapeDefaults',
  'doNotEmbedSmartTags',
  'decimalSymbol',
  'listSeparator',
];
