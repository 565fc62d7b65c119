import { textEdit, type TextEdit } from '../../src/core/plan';
import { planFixes } from '../../src/core/fix';
import { fieldAt, fieldKind, paragraphText, type Paragraph } from '../../src/core/snapshot';
import { applyPlan, readDocx, type DocxDocument } from '../../src/docx';
import { packageOf } from './helpers';
import { partText } from './package-edit';

/** Field results in the snapshot, and the writer's refusal to write into one. */

const BY = { author: 'Amend', date: '2024-05-06T07:08:09Z' };
const t = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const fld = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
const instr = (text: string) => `<w:r><w:instrText xml:space="preserve">${text}</w:instrText></w:r>`;
/** A complex field: begin, instruction pieces, separator, result runs, end. */
const complex = (code: string[], result: string) =>
  fld('begin') + code.map(instr).join('') + fld('separate') + result + fld('end');
const simple = (code: string, result: string) => `<w:fldSimple w:instr="${code}">${result}</w:fldSimple>`;
const para = (...xml: string[]) => `<w:p>${xml.join('')}</w:p>`;

/** A clause citing another by a cross-reference, a table numbered by SEQ, and a nested field. */
const BODY = [
  para(t('1\tas in '), complex([' REF _Ref1 ', '\\h '], t('clause ') + t('3')), t(' above;')),
  para(t('Table '), simple(' SEQ Table \\* ARABIC ', t('2')), t(' – results')),
  para(t('See '), complex(['IF 1 = 1 "', '"'], t('page ') + complex(['PAGE'], t('7'))), t('.')),
  para(t('no field here')),
  // Two fields side by side: the boundary between them is a stop.
  para(simple('SEQ A', t('1')), simple('SEQ B', t('2'))),
].join('');

function read(body = BODY, layout = true): Paragraph[] {
  const r = readDocx(packageOf(body), 'fields.docx', { layout });
  if (!r.ok) throw new Error(r.reason);
  return [...r.value.snapshot.paragraphs];
}

function doc(body = BODY): DocxDocument {
  const r = readDocx(packageOf(body), 'fields.docx');
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

function write(d: DocxDocument, ...edits: TextEdit[]) {
  const anchors = [...new Set(edits.map((e) => e.paragraph))].map((i) => ({
    paragraph: i,
    text: paragraphText(d.snapshot.paragraphs[i]),
  }));
  return applyPlan(d, { title: 'test', edits, anchors }, BY);
}

describe('field results in the snapshot', () => {
  test.each([true, false])('marked from complex and simple fields (layout %s)', (layout) => {
    const ps = read(BODY, layout);
    expect(ps.map((p) => paragraphText(p))).toEqual([
      '1\tas in clause 3 above;',
      'Table 2 – results',
      'See page 7.',
      'no field here',
      '12',
    ]);
    const fields = (p: Paragraph) =>
      p.runs.map((r) => (r.field ? `${r.text}:${r.field.instruction}` : r.text));
    // The instruction is read across runs and trimmed; a result over several runs is one field.
    expect(fields(ps[0])).toEqual(['1\tas in ', 'clause :REF _Ref1 \\h', '3:REF _Ref1 \\h', ' above;']);
    expect(ps[0].runs[1].field).toBe(ps[0].runs[2].field);
    expect(fields(ps[1])).toEqual(['Table ', '2:SEQ Table \\* ARABIC', ' – results']);
    // A nested field's result belongs to the outermost field: updating it recomputes both.
    expect(fields(ps[2])).toEqual(['See ', 'page :IF 1 = 1 ""', '7:IF 1 = 1 ""', '.']);
    expect(ps[3].runs.every((r) => r.field === undefined)).toBe(true);
    expect(ps[4].runs[0].field).not.toBe(ps[4].runs[1].field);
    expect(fieldKind(ps[0].runs[1].field!)).toBe('REF');
    expect(fieldKind(ps[1].runs[1].field!)).toBe('SEQ');
  });

  test('a field whose result runs over two paragraphs marks both', () => {
    const ps = read(
      para(t('a '), fld('begin'), instr('TOC \\o'), fld('separate'), t('1 Scope')) +
        para(t('2 Terms'), fld('end'), t(' b')),
    );
    expect(ps[0].runs.map((r) => r.field?.instruction)).toEqual([undefined, 'TOC \\o']);
    expect(ps[1].runs.map((r) => r.field?.instruction)).toEqual(['TOC \\o', undefined]);
  });

  test('fieldAt: edits inside, across and beside a field result', () => {
    const [ref, seq, , plain, pair] = read();
    const text = paragraphText(ref);
    const at = text.indexOf('clause 3');
    expect(fieldAt(ref, at + 7, 1)?.instruction).toBe('REF _Ref1 \\h');
    expect(fieldAt(ref, at - 3, 5)?.instruction).toBe('REF _Ref1 \\h');
    expect(fieldAt(ref, 0, 1)).toBeUndefined();
    expect(fieldAt(ref, at + 8, 6)).toBeUndefined();
    // Insertions: inside a result, or at its edges (outside it).
    expect(fieldAt(ref, at + 3, 0)).toBeDefined();
    expect(fieldAt(ref, at + 7, 0)).toBeDefined();
    expect(fieldAt(ref, at, 0)).toBeUndefined();
    expect(fieldAt(ref, at + 8, 0)).toBeUndefined();
    expect(fieldAt(seq, 6, 1)?.instruction).toBe('SEQ Table \\* ARABIC');
    expect(fieldAt(plain, 3, 4)).toBeUndefined();
    expect(fieldAt(pair, 1, 0)).toBeUndefined();
  });
});

describe('the writer leaves field results alone', () => {
  test.each([
    ['a REF result replaced', 0, 'clause 3', 'clause 4', 'REF'],
    ['a SEQ number replaced', 1, '2', '3', 'SEQ'],
    ['a replacement reaching into a REF result', 0, 'in clause', 'in Clause', 'REF'],
    ['a nested field result', 2, '7', '8', 'IF'],
  ])('%s: refused, nothing written', (_name, paragraph, expected, text, kind) => {
    const d = doc();
    const offset = paragraphText(d.snapshot.paragraphs[paragraph]).indexOf(expected);
    const out = write(d, textEdit(paragraph, offset, expected, text));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.reason).toBe(
      `fields.docx: the change in paragraph ${paragraph + 1} would edit the result of a ${kind} field, text Word computes and replaces whenever it updates fields; nothing was written`,
    );
    expect(out.reason.split('\n')).toHaveLength(1);
  });

  test('an insertion inside a result is refused; one beside it is written, the field kept', () => {
    const d = doc();
    const p = paragraphText(d.snapshot.paragraphs[0]);
    expect(write(d, textEdit(0, p.indexOf('3'), '', 'no. ')).ok).toBe(false);
    const out = write(d, textEdit(0, p.indexOf(' above'), '', ','));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const again = readDocx(out.value, 'out.docx');
    if (!again.ok) throw new Error(again.reason);
    const q = again.value.snapshot.paragraphs[0];
    expect(paragraphText(q)).toBe('1\tas in clause 3, above;');
    expect(q.runs.filter((r) => r.field).map((r) => r.text)).toEqual(['clause ', '3']);
    const xml = partText(out.value, 'word/document.xml');
    expect(xml).toContain('<w:instrText xml:space="preserve"> REF _Ref1 </w:instrText>');
    expect(xml).toMatch(/<w:ins [^>]*w:author="Amend"[^>]*><w:r><w:t[^>]*>,<\/w:t><\/w:r><\/w:ins>/);
  });

  test('text edits elsewhere in a paragraph with a field still write', () => {
    const d = doc();
    const out = write(d, textEdit(1, 0, 'Table', 'Tableau'));
    expect(out.ok).toBe(true);
  });
});

describe('the fix planner leaves field results alone', () => {
  test("a rule's fix inside a field result is left out and stays reported", () => {
    const snapshot = { paragraphs: read() };
    const at = paragraphText(snapshot.paragraphs[0]).indexOf('3');
    const finding = (offset: number, expected: string, text: string) => ({
      ruleId: 'test',
      severity: 'error' as const,
      message: `${expected} → ${text}`,
      paragraph: 0,
      excerpt: '',
      fix: [textEdit(0, offset, expected, text)],
    });
    const planned = planFixes(snapshot, [finding(at, '3', '4'), finding(0, '1', '2')]);
    expect(planned.fixed.map((d) => d.message)).toEqual(['1 → 2']);
    expect(planned.skipped.map((d) => d.message)).toEqual(['3 → 4']);
  });
});

describe('damaged fields', () => {
  test('a complex field left unended inside a simple one ends with it; an end without a begin is ignored', () => {
    const ps = read(
      para(simple('SEQ A', fld('begin') + instr('PAGE') + fld('separate') + t('1')), t(' after')) +
        para(fld('end'), t('plain')),
    );
    expect(ps[0].runs.map((r) => [r.text, r.field?.instruction])).toEqual([
      ['1', 'SEQ A'],
      [' after', undefined],
    ]);
    expect(ps[1].runs.map((r) => r.field)).toEqual([undefined]);
  });
});
