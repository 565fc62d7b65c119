import { unzipSync } from 'fflate';
import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import { applyPlanToSnapshot } from '../../src/core/apply';
import { fromMarkup } from '../../src/core/markup';
import { textEdit, type Edit, type EditPlan, type TextEdit } from '../../src/core/plan';
import { existsIn, paragraphText, type Paragraph, type Snapshot, type View } from '../../src/core/snapshot';
import { applyPlan, buildDocx, readDocx, readFlatOpc, type DocxDocument } from '../../src/docx';
import { numberingXml, packageOf } from './helpers';

const BY = { author: 'Amend', date: '2024-05-06T07:08:09.123Z' };
const seedDoc = (name: string): DocxDocument => {
  const bytes = buildDocx(fromMarkup(readFileSync(join(__dirname, '../fixtures/seeds', name), 'utf8')));
  const r = readDocx(bytes, name);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const reread = (bytes: Uint8Array): DocxDocument => {
  const r = readDocx(bytes, 'out.docx');
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const apply = (doc: DocxDocument, edits: Edit[], anchors = anchorsFor(doc, edits)): DocxDocument => {
  const out = applyPlan(doc, { title: 'test', edits, anchors }, BY);
  if (!out.ok) throw new Error(out.reason);
  return reread(out.value);
};
function anchorsFor(doc: DocxDocument, edits: readonly Edit[]) {
  const touched = new Set(
    edits.map((e) =>
      e.kind === 'text' ? e.paragraph : Math.min(e.before, doc.snapshot.paragraphs.length - 1),
    ),
  );
  return [...touched].map((i) => ({ paragraph: i, text: paragraphText(doc.snapshot.paragraphs[i]) }));
}
const view = (s: Snapshot, v: View) =>
  s.paragraphs.filter((p) => existsIn(p, v)).map((p) => paragraphText(p, v));
const edit = (doc: DocxDocument, paragraph: number, offset: number, length: number, text: string): TextEdit =>
  textEdit(
    paragraph,
    offset,
    paragraphText(doc.snapshot.paragraphs[paragraph]).slice(offset, offset + length),
    text,
  );

/** The original view after a plan: only untracked new paragraphs show in it. */
function expectedOriginal(doc: DocxDocument, edits: readonly Edit[]): string[] {
  const out: string[] = [];
  const untracked = (i: number) =>
    edits.filter((e) => e.kind === 'paragraph' && e.before === i && !e.tracked).map((e) => e.text);
  doc.snapshot.paragraphs.forEach((p, i) => {
    out.push(...untracked(i));
    if (existsIn(p, 'original')) out.push(paragraphText(p, 'original'));
  });
  return [...out, ...untracked(doc.snapshot.paragraphs.length)];
}

/** The current view an edit plan should produce, computed on plain strings. */
function expectedCurrent(doc: DocxDocument, edits: readonly Edit[]): string[] {
  const texts = doc.snapshot.paragraphs.map((p) => paragraphText(p));
  const textEdits = edits.filter((e): e is TextEdit => e.kind === 'text').sort((a, b) => b.offset - a.offset);
  for (const e of textEdits)
    texts[e.paragraph] =
      texts[e.paragraph].slice(0, e.offset) + e.text + texts[e.paragraph].slice(e.offset + e.length);
  const out: string[] = [];
  texts.forEach((t, i) => {
    for (const e of edits) if (e.kind === 'paragraph' && e.before === i) out.push(e.text);
    if (existsIn(doc.snapshot.paragraphs[i], 'current')) out.push(t);
  });
  for (const e of edits) if (e.kind === 'paragraph' && e.before === texts.length) out.push(e.text);
  return out;
}
/** Each character of a paragraph with its state: ' ' untouched, + inserted, - deleted, x inserted then deleted. */
const revisionShape = (p: Paragraph) => ({
  text: p.runs.map((r) => (r.footnote !== undefined ? `[^${r.footnote}]` : r.text)).join(''),
  marks: p.runs
    .map((r) =>
      (r.revision ? (r.revision.inserted ? 'x' : r.revision.kind === 'ins' ? '+' : '-') : ' ').repeat(
        r.text.length,
      ),
    )
    .join(''),
  mark: p.mark?.kind,
});
const documentXmlOf = (bytes: Uint8Array) => new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);

function checkViews(doc: DocxDocument, edits: Edit[]): DocxDocument {
  const out = apply(doc, edits);
  expect(view(out.snapshot, 'original')).toEqual(expectedOriginal(doc, edits));
  expect(view(out.snapshot, 'current')).toEqual(expectedCurrent(doc, edits));
  return out;
}

describe('applyPlan: tracked changes', () => {
  const fr = seedDoc('fr-resolution-52.txt');
  const en = seedDoc('en-resolution-52.txt');
  const find = (doc: DocxDocument, start: string) =>
    doc.snapshot.paragraphs.findIndex((p) => paragraphText(p).startsWith(start));
  /** A clause with no tracked change yet, in the French seed. */
  const plainClause = fr.snapshot.paragraphs.findIndex(
    (p) => /^[a-z]\)\t/.test(paragraphText(p)) && p.runs.every((r) => !r.revision) && !p.mark,
  );

  test('replacing h with i is one deleted h and one inserted i, the rest of the run kept', () => {
    const i = plainClause;
    const out = checkViews(fr, [edit(fr, i, 0, 1, 'i')]);
    const runs = out.snapshot.paragraphs[i].runs;
    expect(runs.slice(0, 3).map((r) => [r.text, r.revision?.kind])).toEqual([
      [paragraphText(fr.snapshot.paragraphs[i])[0], 'del'],
      ['i', 'ins'],
      [paragraphText(fr.snapshot.paragraphs[i]).slice(1), undefined],
    ]);
    expect(runs[0].revision).toMatchObject({ author: 'Amend', date: '2024-05-06T07:08:09Z' });
  });

  test("deleting someone's insertion keeps it: Word's w:ins holding our w:del", () => {
    const i = find(en, 'RESOLUTION 52');
    const text = paragraphText(en.snapshot.paragraphs[i]);
    const at = text.indexOf('HAMMAMET');
    const out = applyPlan(
      en,
      { title: 't', edits: [edit(en, i, at, 8, '')], anchors: anchorsFor(en, []) },
      BY,
    );
    if (!out.ok) throw new Error(out.reason);
    expect(documentXmlOf(out.value)).toMatch(
      /<w:ins [^>]*w:author="Delegate"[^>]*><w:del [^>]*w:author="Amend"[^>]*><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:delText xml:space="preserve">HAMMAMET<\/w:delText>/,
    );
    const back = reread(out.value);
    const deleted = back.snapshot.paragraphs[i].runs.find((r) => r.text === 'HAMMAMET');
    expect(deleted?.revision).toMatchObject({
      kind: 'del',
      author: 'Amend',
      inserted: { kind: 'ins', author: 'Delegate' },
    });
    expect(paragraphText(back.snapshot.paragraphs[i], 'original')).toBe(
      paragraphText(en.snapshot.paragraphs[i], 'original'),
    );
    expect(paragraphText(back.snapshot.paragraphs[i])).toBe(text.slice(0, at) + text.slice(at + 8));
  });

  test("inserting inside someone's insertion splits it instead of nesting insertions", () => {
    const i = find(en, 'RESOLUTION 52');
    const at = paragraphText(en.snapshot.paragraphs[i]).indexOf('MAMET');
    const edits = [edit(en, i, at, 0, 'X'), edit(en, i, at + 5, 0, 'Y')];
    checkViews(en, edits);
    const out = applyPlan(en, { title: 't', edits, anchors: [] }, BY);
    if (!out.ok) throw new Error(out.reason);
    // No insertion opens inside another (self-closing paragraph-mark insertions aside).
    expect(documentXmlOf(out.value)).not.toMatch(/<w:ins [^>]*[^/]>(?:(?!<\/w:ins>).)*<w:ins /);
  });

  test('edits across runs keep each piece’s formatting; tabs and footnote references survive', () => {
    const doc = reread(
      packageOf(
        '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>bold</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>ital</w:t><w:tab/><w:t>x</w:t></w:r>' +
          '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>end</w:t></w:r></w:p>',
      ),
    );
    const out = checkViews(doc, [edit(doc, 0, 2, 4, 'Z'), edit(doc, 0, 10, 0, '!')]);
    const written = applyPlan(doc, { title: 't', edits: [edit(doc, 0, 2, 4, 'Z')], anchors: [] }, BY);
    if (!written.ok) throw new Error(written.reason);
    const xml = documentXmlOf(written.value);
    expect(xml).toContain(
      '<w:del w:id="1" w:author="Amend" w:date="2024-05-06T07:08:09Z"><w:r><w:rPr><w:b/></w:rPr><w:delText xml:space="preserve">ld</w:delText></w:r></w:del>',
    );
    expect(xml).toContain(
      '<w:del w:id="2" w:author="Amend" w:date="2024-05-06T07:08:09Z"><w:r><w:rPr><w:i/></w:rPr><w:delText xml:space="preserve">it</w:delText></w:r></w:del>',
    );
    expect(xml).toContain(
      '<w:ins w:id="3" w:author="Amend" w:date="2024-05-06T07:08:09Z"><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Z</w:t></w:r></w:ins><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">al</w:t><w:tab/>',
    );
    expect(out.snapshot.paragraphs[0].runs.some((r) => r.footnote === '1')).toBe(true);
    expect(paragraphText(out.snapshot.paragraphs[0])).toBe('boZal\tx!end');
  });

  test('insertions at the start, at the end, and into an empty paragraph', () => {
    const doc = reread(
      packageOf('<w:p><w:r><w:t>abc</w:t></w:r></w:p><w:p/><w:p><w:pPr><w:jc w:val="left"/></w:pPr></w:p>'),
    );
    checkViews(doc, [
      edit(doc, 0, 0, 0, '<'),
      edit(doc, 0, 3, 0, '>'),
      edit(doc, 1, 0, 0, 'one'),
      edit(doc, 2, 0, 0, 'two'),
    ]);
  });

  test('a new paragraph copies style and numbering, tracked or not; the list renumbers', () => {
    const numbering = numberingXml(
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    );
    const item = (t: string) =>
      `<w:p><w:pPr><w:pStyle w:val="Item"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t>${t}</w:t></w:r></w:p>`;
    const doc = reread(packageOf(item('first') + item('second'), { 'word/numbering.xml': numbering }));
    const out = checkViews(doc, [
      { kind: 'paragraph', before: 1, text: 'inserted', styleFrom: 0, tracked: true },
      { kind: 'paragraph', before: 2, text: 'MOD\tX/1/1', styleFrom: 1, styleId: 'Proposal', tracked: false },
    ]);
    const ps = out.snapshot.paragraphs;
    expect(ps.map((p) => [paragraphText(p), p.numbering?.label, p.styleId, p.mark?.kind])).toEqual([
      ['first', 'a)', 'Item', undefined],
      ['inserted', 'b)', 'Item', 'ins'],
      ['second', 'c)', 'Item', undefined],
      ['MOD\tX/1/1', 'd)', 'Proposal', undefined],
    ]);
    expect(ps[1].runs[0].revision?.kind).toBe('ins');
    expect(ps[3].runs[0].revision).toBeUndefined();
  });

  test('new revision ids are unique and above every id in the document', () => {
    const i = find(fr, 'h)\t');
    expect(i).toBeGreaterThan(0);
    const out = applyPlan(
      fr,
      {
        title: 't',
        edits: [
          edit(fr, i, 0, 1, 'i'),
          { kind: 'paragraph', before: i, text: 'new', styleFrom: i, tracked: true },
        ],
        anchors: [],
      },
      BY,
    );
    if (!out.ok) throw new Error(out.reason);
    const ids = [...documentXmlOf(out.value).matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    const before = [...documentXmlOf(buildDocx(fr.snapshot)).matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].length;
    expect(ids.filter((id) => id > fr.maxId)).toHaveLength(ids.length - before);
  });

  test('other parts are byte-identical and document.xml changes only where edited', () => {
    const bytes = buildDocx(fr.snapshot);
    const doc = reread(bytes);
    const i = find(doc, 'h)\t');
    const out = applyPlan(
      doc,
      { title: 't', edits: [edit(doc, i, 0, 1, 'i')], anchors: anchorsFor(doc, [edit(doc, i, 0, 1, 'i')]) },
      BY,
    );
    if (!out.ok) throw new Error(out.reason);
    const [a, b] = [unzipSync(bytes), unzipSync(out.value)];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) if (name !== 'word/document.xml') expect(b[name]).toEqual(a[name]);
    const [x, y] = [
      new TextDecoder().decode(a['word/document.xml']),
      new TextDecoder().decode(b['word/document.xml']),
    ];
    const { start, end } = doc.layout[i].runs[0];
    expect(y.startsWith(x.slice(0, start))).toBe(true);
    expect(y.endsWith(x.slice(end))).toBe(true);
  });

  test('a pure insertion goes after a footnote reference or deleted text at its offset, as in memory', () => {
    const i = en.snapshot.paragraphs.findIndex((p) => p.runs.some((r) => r.footnote !== undefined));
    const at = paragraphText(en.snapshot.paragraphs[i]).indexOf(', need');
    const j = find(en, '1\tITU-T Study Group 17 to report');
    const end = paragraphText(en.snapshot.paragraphs[j]).length;
    const edits = [edit(en, i, at, 0, ' (LDCs)'), edit(en, j, end, 0, ' and more')];
    const out = checkViews(en, edits);
    const memory = applyPlanToSnapshot(en.snapshot, { title: 't', edits, anchors: [] }, BY);
    if (!memory.ok) throw new Error(memory.reason);
    expect(revisionShape(out.snapshot.paragraphs[i]).text).toContain('countries[^1] (LDCs), need');
    expect([i, j].map((k) => revisionShape(out.snapshot.paragraphs[k]))).toEqual(
      [i, j].map((k) => revisionShape(memory.value.paragraphs[k])),
    );
  });

  test('random plans on the seeds: original view unchanged, current view as edited', () => {
    const docs = [fr, en];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(4), fc.constantFrom('', 'i', '; ', 'Busan, 2014')), {
          minLength: 1,
          maxLength: 4,
        }),
        (d, raw) => {
          const doc = docs[d];
          const n = doc.snapshot.paragraphs.length;
          const edits: TextEdit[] = [];
          for (const [pi, off, len, text] of raw) {
            const p = pi % n;
            const t = paragraphText(doc.snapshot.paragraphs[p]);
            const offset = off % (t.length + 1);
            const e = edit(doc, p, offset, Math.min(len, t.length - offset), text);
            if (e.length === 0 && e.text === '') continue;
            if (
              edits.some(
                (o) =>
                  o.paragraph === p && o.offset <= e.offset + e.length && e.offset <= o.offset + o.length,
              )
            )
              continue;
            edits.push(e);
          }
          if (edits.length === 0) return;
          const out = checkViews(doc, edits);
          // The same plan applied in memory places every inserted and deleted character alike.
          const memory = applyPlanToSnapshot(doc.snapshot, { title: 't', edits, anchors: [] }, BY);
          if (!memory.ok) throw new Error(memory.reason);
          expect(out.snapshot.paragraphs.map(revisionShape)).toEqual(
            memory.value.paragraphs.map(revisionShape),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('applyPlan: refusals', () => {
  const doc = reread(packageOf('<w:p><w:r><w:t>a) one;</w:t></w:r></w:p>'));
  const plan = (over: Partial<EditPlan>): EditPlan => ({
    title: 'Fix',
    edits: [edit(doc, 0, 0, 1, 'b')],
    anchors: [{ paragraph: 0, text: 'a) one;' }],
    ...over,
  });
  const refused = (p: EditPlan, pattern: RegExp) => {
    const r = applyPlan(doc, p, BY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(pattern);
  };
  test('a stale anchor refuses the whole plan', () =>
    refused(plan({ anchors: [{ paragraph: 0, text: 'a) one,' }] }), /paragraph 1 changed/));
  test('an edit whose expected text is not there', () =>
    refused(plan({ edits: [{ ...edit(doc, 0, 0, 1, 'b'), expected: 'z' }] }), /changed/));
  test('an edit past the paragraph', () =>
    refused(
      plan({ edits: [{ kind: 'text', paragraph: 3, offset: 0, length: 0, expected: '', text: 'x' }] }),
      /paragraph 4/,
    ));
  test('overlapping edits', () =>
    refused(plan({ edits: [edit(doc, 0, 0, 2, 'x'), edit(doc, 0, 1, 2, 'y')] }), /overlapping/));
  test('a document read from Flat OPC', () => {
    const flat = readFlatOpc(
      '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document></pkg:xmlData></pkg:part></pkg:package>',
    );
    if (!flat.ok) throw new Error(flat.reason);
    expect(applyPlan(flat.value, { title: 't', edits: [], anchors: [] }, BY).ok).toBe(false);
  });
});

describe('applyPlan: runs inside hyperlinks, fields, smart tags and moves', () => {
  test('edits land in the right runs and the views stay consistent', () => {
    const doc = reread(
      packageOf(
        '<w:p><w:hyperlink w:anchor="x"><w:r><w:t>see clause</w:t></w:r></w:hyperlink>' +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF c </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
          '<w:r><w:t xml:space="preserve"> c)</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
          '<w:smartTag w:uri="u" w:element="place"><w:r><w:t xml:space="preserve"> in Busan</w:t></w:r></w:smartTag>' +
          '<w:moveTo w:id="40" w:author="B"><w:r><w:t xml:space="preserve"> moved</w:t></w:r></w:moveTo></w:p>',
      ),
    );
    const text = paragraphText(doc.snapshot.paragraphs[0]);
    expect(text).toBe('see clause c) in Busan moved');
    const at = (s: string) => text.indexOf(s);
    // The REF field's result " c)" is Word's to recompute: the writer refuses it (test/docx/fields.test.ts).
    const out = checkViews(doc, [
      edit(doc, 0, at('clause'), 1, 'C'),
      edit(doc, 0, at('Busan'), 5, 'Dubai'),
      edit(doc, 0, at('moved'), 0, 'now '),
    ]);
    expect(paragraphText(out.snapshot.paragraphs[0])).toBe('see Clause c) in Dubai now moved');
    expect(out.maxId).toBeGreaterThan(40);
  });
});

describe('applyPlan: copied paragraph properties', () => {
  test("a new paragraph takes the model's style but not its mark revision, section break or property changes", () => {
    const doc = reread(
      packageOf(
        '<w:p><w:pPr><w:pStyle w:val="Item"/><w:rPr><w:ins w:id="5" w:author="B"></w:ins><w:b/></w:rPr>' +
          '<w:sectPr><w:pgSz w:w="11907" w:h="16834"/></w:sectPr><w:pPrChange w:id="6" w:author="B"><w:pPr/></w:pPrChange></w:pPr>' +
          '<w:ins w:id="7" w:author="B"><w:r><w:t>model</w:t></w:r></w:ins></w:p><w:p><w:r><w:t>next</w:t></w:r></w:p>',
      ),
    );
    const e = { kind: 'paragraph' as const, before: 1, text: 'new', styleFrom: 0, tracked: true };
    const out = applyPlan(doc, { title: 't', edits: [e], anchors: [] }, BY);
    if (!out.ok) throw new Error(out.reason);
    const xml = documentXmlOf(out.value);
    const added = xml.slice(xml.indexOf('</w:p>') + 6, xml.lastIndexOf('<w:p>'));
    expect(added).toBe(
      '<w:p><w:pPr><w:pStyle w:val="Item"/><w:rPr><w:ins w:id="8" w:author="Amend" w:date="2024-05-06T07:08:09Z"/><w:b/></w:rPr></w:pPr>' +
        '<w:ins w:id="9" w:author="Amend" w:date="2024-05-06T07:08:09Z"><w:r><w:t xml:space="preserve">new</w:t></w:r></w:ins></w:p>',
    );
    checkViews(doc, [e]);
  });
});
