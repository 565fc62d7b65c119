import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { fromMarkup } from '../../src/core/markup';
import { existsIn, paragraphText, type Snapshot, type View } from '../../src/core/snapshot';
import { buildDocx, readDocx } from '../../src/docx';
import { editDocument, partText, withParts } from './package-edit';

/**
 * check and fix on text hidden through styles: check reads the document as if the hidden text were
 * not there, and fix never writes into it, leaves it where it was and keeps the original view.
 * Each case is compared with the same document without the hidden text (the reference).
 */

/** A proposal with one fixable finding: the title's "Hammamet 2016" lacks its comma. */
const FIXABLE = [
  'MOD\tAPT/44A14/1',
  'RESOLUTION 52 (Rev. [-Dubai, 2012-]{+Hammamet 2016+})',
  'Countering and combating spam',
  '(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012{+; Hammamet, 2016+})',
  'The World Telecommunication Standardization Assembly ([-Dubai, 2012-]{+Hammamet, 2016+}),',
].join('\n');

const TITLE_RUN = '<w:r><w:t xml:space="preserve">Hammamet 2016</w:t></w:r>';
const text = (t: string, rPr = '') =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const style = (type: string, id: string, rPr: string, basedOn?: string) =>
  `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${id}"/>${basedOn ? `<w:basedOn w:val="${basedOn}"/>` : ''}<w:rPr>${rPr}</w:rPr></w:style>`;

interface Case {
  /** Styles added to styles.xml, and whether the document defaults hide text. */
  readonly styles: string;
  readonly defaultsHide?: boolean;
  /** document.xml with the hidden text (`hidden` true) or without it. */
  readonly edit: (xml: string, hidden: boolean) => string;
  /** What of the hidden text must be found, verbatim, in the fixed document.xml. */
  readonly kept: string;
}

/** The title split around a run `XX` of properties `rPr` (left out of the reference). */
const splitTitle =
  (rPr: string, others = '') =>
  (xml: string, hidden: boolean) =>
    xml.replace(
      TITLE_RUN,
      text('Hammamet', others) + (hidden ? text(' XX', rPr) : '') + text(' 2016', others),
    );
/** A paragraph of style `id` before the title: "RESOLUTION 99 (Rev. Dubai 2012)", empty in the reference. */
const paragraphBefore = (id: string) => (xml: string, hidden: boolean) =>
  xml.replace(
    '<w:p><w:r><w:t xml:space="preserve">RESOLUTION 52',
    `<w:p><w:pPr><w:pStyle w:val="${id}"/></w:pPr>${hidden ? text('RESOLUTION 99 (Rev. Dubai 2012)') : ''}</w:p>$&`,
  );

const CASES: Record<string, Case> = {
  'a paragraph style': {
    styles: style('paragraph', 'HiddenPara', '<w:vanish/>'),
    edit: paragraphBefore('HiddenPara'),
    kept: text('RESOLUTION 99 (Rev. Dubai 2012)'),
  },
  'a character style': {
    styles: style('character', 'HiddenChar', '<w:vanish/>'),
    edit: splitTitle('<w:rStyle w:val="HiddenChar"/>'),
    kept: text(' XX', '<w:rStyle w:val="HiddenChar"/>'),
  },
  'a basedOn chain': {
    styles:
      style('character', 'Root', '<w:vanish/>') +
      style('character', 'Middle', '<w:b/>', 'Root') +
      style('character', 'Leaf', '<w:i/>', 'Middle') +
      style('paragraph', 'RootPara', '<w:vanish/>') +
      style('paragraph', 'LeafPara', '<w:b/>', 'RootPara'),
    edit: (xml, hidden) =>
      paragraphBefore('LeafPara')(splitTitle('<w:rStyle w:val="Leaf"/>')(xml, hidden), hidden),
    kept: text(' XX', '<w:rStyle w:val="Leaf"/>'),
  },
  'the document defaults': {
    styles: '',
    defaultsHide: true,
    // Everything else is shown by direct formatting, as Word writes it when the defaults hide text; XX
    // has properties of its own, none about hiding.
    edit: (xml, hidden) =>
      splitTitle('<w:lang w:val="en-GB"/>')(xml, hidden).replace(
        /<w:r>(<w:t|<w:delText)/g,
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr>$1',
      ),
    kept: text(' XX', '<w:lang w:val="en-GB"/>'),
  },
  'a hidden paragraph style, its hidden character style toggled off': {
    styles: style('paragraph', 'HiddenPara', '<w:vanish/>') + style('character', 'Toggle', '<w:vanish/>'),
    // The title in the hidden style, its runs shown again by the character style; XX has none.
    edit: (xml, hidden) =>
      splitTitle('', '<w:rStyle w:val="Toggle"/>')(xml, hidden)
        .replace(
          '<w:p><w:r><w:t xml:space="preserve">RESOLUTION 52',
          '<w:p><w:pPr><w:pStyle w:val="HiddenPara"/></w:pPr><w:r><w:rPr><w:rStyle w:val="Toggle"/></w:rPr><w:t xml:space="preserve">RESOLUTION 52',
        )
        .replace(
          '<w:r><w:delText xml:space="preserve">Dubai',
          '<w:r><w:rPr><w:rStyle w:val="Toggle"/></w:rPr><w:delText xml:space="preserve">Dubai',
        )
        .replace('<w:r><w:t xml:space="preserve">)</w:t></w:r>', text(')', '<w:rStyle w:val="Toggle"/>')),
    kept: text(' XX'),
  },
};

function variant(c: Case, hidden: boolean): Uint8Array {
  const source = buildDocx(fromMarkup(FIXABLE));
  let styles = partText(source, 'word/styles.xml').replace('</w:styles>', `${c.styles}</w:styles>`);
  if (c.defaultsHide) styles = styles.replace('<w:rPrDefault><w:rPr>', '<w:rPrDefault><w:rPr><w:vanish/>');
  return editDocument(withParts(source, { 'word/styles.xml': styles }), (xml) => {
    const edited = c.edit(xml, hidden);
    if (edited === xml) throw new Error('the case did not apply');
    return edited;
  });
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'amend-hidden-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function amend(...argv: string[]) {
  let stdout = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stdout += t) });
  return { code, stdout };
}
const views = (s: Snapshot) => {
  const of = (v: View) => s.paragraphs.filter((p) => existsIn(p, v)).map((p) => paragraphText(p, v));
  return { current: of('current'), original: of('original') };
};
const snapshotOf = (file: string) => {
  const r = readDocx(new Uint8Array(readFileSync(file)), file);
  if (!r.ok) throw new Error(r.reason);
  return r.value.snapshot;
};

describe.each(Object.entries(CASES))('text hidden by %s', (_, c) => {
  test('check reads the document as if it were not there', async () => {
    const [hidden, reference] = [variant(c, true), variant(c, false)];
    writeFileSync(path.join(dir, 'hidden.docx'), hidden);
    writeFileSync(path.join(dir, 'reference.docx'), reference);
    expect(views(snapshotOf(path.join(dir, 'hidden.docx')))).toEqual(
      views(snapshotOf(path.join(dir, 'reference.docx'))),
    );
    const a = await amend('check', path.join(dir, 'hidden.docx'));
    const b = await amend('check', path.join(dir, 'reference.docx'));
    expect(a.code).toBe(1);
    expect(a.stdout.replaceAll('hidden.docx', 'X')).toBe(b.stdout.replaceAll('reference.docx', 'X'));
  });

  test('fix never writes into it: it stays, verbatim, and the original view is unchanged', async () => {
    const input = path.join(dir, 'in.docx');
    writeFileSync(input, variant(c, true));
    writeFileSync(path.join(dir, 'ref.docx'), variant(c, false));
    expect((await amend('fix', input, '-o', path.join(dir, 'out.docx'))).code).toBe(0);
    expect((await amend('fix', path.join(dir, 'ref.docx'), '-o', path.join(dir, 'ref-out.docx'))).code).toBe(
      0,
    );
    const [before, after] = [snapshotOf(input), snapshotOf(path.join(dir, 'out.docx'))];
    expect(views(after).current).not.toEqual(views(before).current);
    expect(views(after).original).toEqual(views(before).original);
    expect(views(after)).toEqual(views(snapshotOf(path.join(dir, 'ref-out.docx'))));
    expect(views(after).current).toContain('RESOLUTION 52 (Rev. Hammamet, 2016)');
    const xml = partText(new Uint8Array(readFileSync(path.join(dir, 'out.docx'))), 'word/document.xml');
    expect(xml).toContain(c.kept);
  });
});
