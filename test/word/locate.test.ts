import { paragraphFromMarkup } from '../../src/core/markup';
import { textEdit, type TextEdit } from '../../src/core/plan';
import { paragraphText, type Paragraph } from '../../src/core/snapshot';
import { alignParagraph, occurrence, planTextEdit, searchString } from '../../src/word/locate';

const edit = (p: Paragraph, offset: number, length: number, text: string): TextEdit =>
  textEdit(0, offset, paragraphText(p).slice(offset, offset + length), text);

describe('alignParagraph', () => {
  const p = paragraphFromMarkup('a)\tDubai, [-2012-]{+2016+} here', 0);

  it('recognises a Word that hides tracked deletions and one that shows them', () => {
    expect(alignParagraph(p, 'a)\tDubai, 2016 here')?.shows).toBe('current');
    const flat = alignParagraph(p, 'a)\tDubai, 20122016 here');
    expect(flat?.shows).toBe('flat');
    expect(flat?.pos[10]).toBe(14); // the "2" of the inserted 2016 comes after the deleted 2012
  });

  it('matches line breaks and skips marks only Word shows', () => {
    const q: Paragraph = {
      index: 0,
      runs: [{ text: 'one\ntwo' }, { text: '', footnote: '1' }, { text: ' three' }],
    };
    expect(alignParagraph(q, 'one\u000btwo\u0002 three')?.pos).toEqual([
      0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13,
    ]);
  });

  it('gives up on a paragraph whose text Word reports differently', () => {
    expect(alignParagraph(p, 'a)\tDubai, 2017 here')).toBeUndefined();
  });
});

describe('occurrence', () => {
  it('counts as Word searches, left to right without overlap', () => {
    expect(occurrence('1\titem 1, 11', '1', 10)).toEqual({ needle: '1', k: 2, total: 4 });
    expect(occurrence('aaa', 'aa', 1)).toBeUndefined();
  });
});

describe('searchString', () => {
  it("escapes Word's search codes", () => {
    expect(searchString('a^b\tc\nd')).toBe('a^^b^tc^ld');
  });
});

describe('planTextEdit', () => {
  const p = paragraphFromMarkup('3\tto continue work on item 3;', 0);
  const view = alignParagraph(p, paragraphText(p))!;

  it('replaces exactly the characters of the edit', () => {
    const r = planTextEdit(view, paragraphText(p), edit(p, 27, 1, '4'));
    expect(r).toEqual({
      ok: true,
      value: [
        { kind: 'replace', find: { kind: 'one', at: { needle: '3', k: 1, total: 2 } }, text: '4', at: 27 },
      ],
    });
  });

  it('inserts after the word before the insertion point', () => {
    const r = planTextEdit(view, paragraphText(p), edit(p, 13, 0, ' the'));
    expect(r.ok && r.value).toEqual([
      {
        kind: 'after',
        find: { kind: 'one', at: { needle: 'continue', k: 0, total: 1 } },
        text: ' the',
        at: 13,
      },
    ]);
  });

  it('finds a long stretch by its head and tail', () => {
    const long = paragraphFromMarkup(`x ${'word '.repeat(60)}end`, 0);
    const v = alignParagraph(long, paragraphText(long))!;
    const r = planTextEdit(v, paragraphText(long), edit(long, 2, 300, ''));
    expect(r.ok && r.value[0].kind === 'replace' && r.value[0].find.kind).toBe('span');
  });

  it('refuses an edit whose expected text is not there', () => {
    const r = planTextEdit(view, paragraphText(p), { ...edit(p, 0, 1, '4'), expected: '9' });
    expect(r.ok).toBe(false);
  });
});
