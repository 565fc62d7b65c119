import { paragraphFromMarkup } from '../../src/core/markup';
import { textEdit, type TextEdit } from '../../src/core/plan';
import { paragraphText, type Paragraph } from '../../src/core/snapshot';
import { alignParagraph, MARK, occurrence, planTextEdit, searchString } from '../../src/word/locate';

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

  it('replaces a long stretch in chunks, each found by a needle of its own (never a joined range, #2749)', () => {
    const long = paragraphFromMarkup(`x ${'word '.repeat(60)}end`, 0);
    const v = alignParagraph(long, paragraphText(long))!;
    const r = planTextEdit(v, paragraphText(long), edit(long, 2, 300, 'new'));
    const ops = r.ok ? r.value : [];
    expect(ops.map((o) => (o.kind === 'replace' ? `${o.find.kind} ${o.at} ${o.text}` : o.kind))).toEqual([
      'one 2 new',
      'one 102 ',
      'one 202 ',
    ]);
    expect(
      ops.every((o) => o.kind === 'replace' && o.find.kind === 'one' && o.find.at.needle.length === 100),
    ).toBe(true);
  });

  it('refuses an edit whose expected text is not there', () => {
    const r = planTextEdit(view, paragraphText(p), { ...edit(p, 0, 1, '4'), expected: '9' });
    expect(r.ok).toBe(false);
  });
});

describe("the text Word's search runs over", () => {
  // Another author deleted "old " between the label and the text.
  const p = paragraphFromMarkup('h)\t[-old -]text here', 0);

  it('keeps the deletion in place where Paragraph.text hides it, so no needle skips over it (#5874)', () => {
    const view = alignParagraph(p, 'h)\ttext here')!;
    expect(view.shows).toBe('current');
    expect(view.searchText).toBe('h)\told text here');
    // "h)\ttext" in one needle would find nothing in Word: the edit is split around the deletion.
    const r = planTextEdit(view, paragraphText(p), edit(p, 0, 7, 'i)\tnew'));
    expect(
      r.ok && r.value.map((o) => o.kind === 'replace' && o.find.kind === 'one' && o.find.at.needle),
    ).toEqual(['h)\t', 'text']);
  });

  it('inserts after a token that stops at the deletion', () => {
    const q = paragraphFromMarkup('to report on 20[-07-]{+08+} events', 0);
    const view = alignParagraph(q, 'to report on 2008 events')!;
    const text = paragraphText(q);
    const r = planTextEdit(view, text, edit(q, text.indexOf(' events'), 0, ' and 2009'));
    expect(
      r.ok && r.value[0].kind === 'after' && r.value[0].find.kind === 'one' && r.value[0].find.at.needle,
    ).toBe('08');
  });

  it('treats footnote marks and comment anchors as stops, whichever character Word shows', () => {
    const q: Paragraph = {
      index: 0,
      runs: [{ text: 'spam' }, { text: '', footnote: '1' }, { text: ' is bad' }],
    };
    for (const mark of ['\u0002', '\ufffd']) {
      const view = alignParagraph(q, `sp\u0005am${mark} is bad`)!;
      expect(view.kinds.filter((k) => k === 'mark')).toHaveLength(2);
      const r = planTextEdit(view, paragraphText(q), edit(q, 0, 7, 'junk is'));
      expect(
        r.ok && r.value.map((o) => o.kind === 'replace' && o.find.kind === 'one' && o.find.at.needle),
      ).toEqual(['sp', 'am', ' is']);
    }
  });

  it('reads a non-breaking hyphen as Word writes it, and searches for it with ^~', () => {
    const q = paragraphFromMarkup('e\u2011mail users', 0);
    const view = alignParagraph(q, 'e\u001email users')!;
    expect(view.searchText).toBe('e\u2011mail users');
    expect(searchString('e\u2011mail')).toBe('e^~mail');
  });

  it('refuses, naming the paragraph, when Word cannot single the characters out', () => {
    const q = paragraphFromMarkup('aaa', 0);
    const view = alignParagraph(q, 'aaa')!;
    const r = planTextEdit(view, 'aaa', { ...edit(q, 1, 2, 'b'), paragraph: 4 });
    expect(r.ok ? '' : r.reason).toMatch(
      /^Word cannot single out "aa" in paragraph 5 .*Nothing was changed\.$/,
    );
  });
});

describe('fields', () => {
  it("reads a field's result and makes its code and edges stops, where Word shows the field characters", () => {
    const q = paragraphFromMarkup('see Table 1 here', 0);
    const view = alignParagraph(q, 'see \u0013 REF _Ref1 \\h \u0014Table 1\u0015 here')!;
    expect(view.searchText).toBe(`see ${MARK}Table 1${MARK} here`);
    const text = paragraphText(q);
    const r = planTextEdit(view, text, edit(q, 0, 9, 'in Table'));
    expect(
      r.ok && r.value.map((o) => o.kind === 'replace' && o.find.kind === 'one' && o.find.at.needle),
    ).toEqual(['see ', 'Table']);
  });
});
