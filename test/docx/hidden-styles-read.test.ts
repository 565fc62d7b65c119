import { existsIn, paragraphText, type Snapshot, type View } from '../../src/core/snapshot';
import { readDocx, readFlatOpc } from '../../src/docx';
import { documentXml, packageOf, stylesXml } from './helpers';

/**
 * Text hidden through styles (ECMA-376 Part 1, §17.3.2.41 vanish, §17.7.3 toggle properties) is in
 * neither view, exactly like text hidden on the run itself; the .docx package and the Flat OPC Word
 * hands out (document part first, styles after) read the same.
 */

const texts = (s: Snapshot, v: View) =>
  s.paragraphs.filter((p) => existsIn(p, v)).map((p) => paragraphText(p, v));
const run = (t: string, rPr = '') =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const para = (pStyle: string | undefined, ...runs: string[]) =>
  `<w:p>${pStyle ? `<w:pPr><w:pStyle w:val="${pStyle}"/></w:pPr>` : ''}${runs.join('')}</w:p>`;
const style = (type: 'paragraph' | 'character', id: string, rPr = '', basedOn?: string) =>
  `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${id}"/>${basedOn ? `<w:basedOn w:val="${basedOn}"/>` : ''}${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}</w:style>`;
const defaults = (rPr: string) =>
  `<w:docDefaults><w:rPrDefault><w:rPr>${rPr}</w:rPr></w:rPrDefault></w:docDefaults>`;

const STYLES =
  style('paragraph', 'Normal', '') +
  style('paragraph', 'HiddenPara', '<w:vanish/>', 'Normal') +
  style('paragraph', 'UnderHidden', '<w:b/>', 'HiddenPara') +
  style('paragraph', 'ShownAgain', '<w:vanish w:val="0"/>', 'HiddenPara') +
  style('character', 'HiddenChar', '<w:vanish/>') +
  style('character', 'UnderHiddenChar', '<w:i/>', 'HiddenChar') +
  style('character', 'Spec', '<w:specVanish/>') +
  style('character', 'Web', '<w:webHidden/>');

const read = (body: string, styles = STYLES) => {
  const r = readDocx(packageOf(body, { 'word/styles.xml': stylesXml(styles) }), 'in.docx');
  if (!r.ok) throw new Error(r.reason);
  return r.value.snapshot;
};
/** Both views hold exactly `expected`. */
const sees = (snapshot: Snapshot, expected: string[]) => {
  expect(texts(snapshot, 'current')).toEqual(expected);
  expect(texts(snapshot, 'original')).toEqual(expected);
};

test.each([
  ['a paragraph style', para('HiddenPara', run('XX')), ''],
  ['a paragraph style it is based on', para('UnderHidden', run('XX')), ''],
  [
    'a character style',
    para(undefined, run('Ham'), run('XX', '<w:rStyle w:val="HiddenChar"/>'), run('mamet')),
    'Hammamet',
  ],
  [
    'a character style it is based on',
    para(undefined, run('Ham'), run('XX', '<w:rStyle w:val="UnderHiddenChar"/>'), run('mamet')),
    'Hammamet',
  ],
  [
    'w:specVanish in a character style',
    para(undefined, run('Ham'), run('XX', '<w:rStyle w:val="Spec"/>'), run('mamet')),
    'Hammamet',
  ],
  [
    'w:specVanish on the run',
    para(undefined, run('Ham'), run('XX', '<w:specVanish/>'), run('mamet')),
    'Hammamet',
  ],
])('text hidden by %s is in neither view', (_, body, expected) => {
  sees(read(body), [expected]);
});

test('the document defaults hide every run without direct formatting saying otherwise', () => {
  const body = para(undefined, run('Ham'), run('XX'), run('mamet', '<w:vanish w:val="0"/>'));
  sees(read(body, defaults('<w:vanish/>') + STYLES), ['mamet']);
  // Toggling in the styles does not show it again: the defaults decide (§17.7.3).
  sees(
    read(para('HiddenPara', run('XX', '<w:rStyle w:val="HiddenChar"/>')), defaults('<w:vanish/>') + STYLES),
    [''],
  );
});

test('a hidden character style over a hidden paragraph style shows its text again (toggle, §17.7.3)', () => {
  const body = para(
    'HiddenPara',
    run('Ham', '<w:rStyle w:val="HiddenChar"/>'),
    run('XX'),
    run('mamet', '<w:rStyle w:val="UnderHiddenChar"/>'),
  );
  sees(read(body), ['Hammamet']);
});

test('direct formatting is absolute, and the nearest value of a basedOn chain wins', () => {
  sees(read(para('HiddenPara', run('Ham', '<w:vanish w:val="0"/>'), run('XX'))), ['Ham']);
  sees(
    read(
      para(undefined, run('Ham'), run('mamet', '<w:rStyle w:val="HiddenChar"/><w:vanish w:val="false"/>')),
    ),
    ['Hammamet'],
  );
  sees(read(para('ShownAgain', run('Hammamet'))), ['Hammamet']);
});

test('w:webHidden hides text in Web layout only: it stays in both views', () => {
  sees(read(para(undefined, run('Ham', '<w:webHidden/>'), run('mamet', '<w:rStyle w:val="Web"/>'))), [
    'Hammamet',
  ]);
});

test('a default paragraph style that hides text hides paragraphs without w:pStyle', () => {
  const styles = STYLES.replace('w:styleId="HiddenPara"', 'w:default="1" w:styleId="HiddenPara"').replace(
    '<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>',
    '',
  );
  sees(read(para(undefined, run('XX')) + para('Normal', run('kept')), styles), ['', 'kept']);
});

test('a basedOn cycle ends', () => {
  const styles = style('character', 'A', '', 'B') + style('character', 'B', '', 'A');
  sees(read(para(undefined, run('x', '<w:rStyle w:val="A"/>')), styles), ['x']);
});

describe('the Flat OPC that Word hands out reads as the package does', () => {
  const PKG = 'http://schemas.microsoft.com/office/2006/xmlPackage';
  const TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  const part = (name: string, type: string, xml: string) =>
    `<pkg:part pkg:name="${name}" pkg:contentType="${TYPE}.${type}+xml"><pkg:xmlData>${xml.replace(/^<\?xml[^>]*\?>/, '')}</pkg:xmlData></pkg:part>`;
  const styles = defaults('<w:b/>') + STYLES;
  const body =
    para('HiddenPara', run('XX'), run('shown', '<w:rStyle w:val="HiddenChar"/>')) +
    para(
      undefined,
      run('RESOLUTION 52 (Rev. '),
      run('Dubai ', '<w:rStyle w:val="UnderHiddenChar"/>'),
      run('Hammamet 2016)'),
    ) +
    para('UnderHidden', run('gone'));
  const flat = (parts: string[], declared = '') =>
    `<?xml version="1.0" standalone="yes"?><pkg:package xmlns:pkg="${PKG}"${declared}>${parts.join('')}</pkg:package>`;
  const document = part('/word/document.xml', 'document.main', documentXml(body));
  const stylesPart = part('/word/styles.xml', 'styles', stylesXml(styles));

  const fromPackage = () => {
    const r = readDocx(packageOf(body, { 'word/styles.xml': stylesXml(styles) }), 'Word document');
    if (!r.ok) throw new Error(r.reason);
    return r.value.snapshot;
  };
  const fromFlat = (xml: string) => {
    const r = readFlatOpc(xml);
    if (!r.ok) throw new Error(r.reason);
    return r.value.snapshot;
  };

  test('the package hides what the styles hide', () => {
    sees(fromPackage(), ['shown', 'RESOLUTION 52 (Rev. Hammamet 2016)', '']);
  });

  test('document part before the styles part, and after it: the same snapshot as the package', () => {
    const documentFirst = fromFlat(flat([document, stylesPart]));
    sees(documentFirst, ['shown', 'RESOLUTION 52 (Rev. Hammamet 2016)', '']);
    expect(documentFirst).toEqual(fromPackage());
    expect(fromFlat(flat([stylesPart, document]))).toEqual(fromPackage());
  });

  test('a styles part whose namespace is declared on the package is still read first', () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const undeclared = stylesPart.replace(` xmlns:w="${W}"`, '');
    const declaredAbove = fromFlat(flat([document, undeclared], ` xmlns:w="${W}"`));
    sees(declaredAbove, ['shown', 'RESOLUTION 52 (Rev. Hammamet 2016)', '']);
    expect(declaredAbove).toEqual(fromPackage());
  });

  test("the glossary's styles are not the document's", () => {
    const glossary = part('/word/glossary/styles.xml', 'styles', stylesXml(style('paragraph', 'HiddenPara')));
    expect(fromFlat(flat([document, glossary, stylesPart]))).toEqual(fromPackage());
  });
});
