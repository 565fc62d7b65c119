import { anchorsOf, fixAllAsync } from '../../src/core/fix';
import { check } from '../../src/core/engine';
import { textEdit, type EditPlan, type TextEdit } from '../../src/core/plan';
import { ok, type Result } from '../../src/core/result';
import { existsIn, paragraphText, type Snapshot } from '../../src/core/snapshot';
import { FakeWord } from './fake-word';
import { DOCUMENT, fieldDocx, fieldFlatOpc, REF_PARAGRAPH, SEQ_PARAGRAPH } from './field-ooxml';
import { PERSONALITIES, type Personality } from './personalities';
import { hostOn } from './host-on';

/**
 * Field results under every Word: a clause cites another through a REF field whose clause was
 * re-lettered by another delegate, and a clause's number is a SEQ field, each next to places a fix
 * touches. Fixes land around them; nothing writes into a field's result (Word replaces that text when
 * it updates fields), and a plan that would is refused naming the paragraph.
 */

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

const VARIANTS = PERSONALITIES.flatMap((personality) =>
  [false, true].map((fieldCharacters) => ({
    personality,
    fieldCharacters,
    label: `${personality.name}, Paragraph.text ${fieldCharacters ? 'with field characters' : 'with results only'}`,
  })),
);

function setUp(personality: Personality, fieldCharacters: boolean) {
  const word = new FakeWord(DOCUMENT, {
    personality,
    user: 'Amend user',
    ooxml: fieldFlatOpc,
    file: fieldDocx,
    fieldCharacters,
  });
  const host = hostOn(word, { platform: personality.platform, officeVersion: '16.0' });
  return { word, host };
}

const viewOf = (s: Snapshot, v: 'current' | 'original') =>
  s.paragraphs.filter((p) => existsIn(p, v)).map((p) => paragraphText(p, v));

/** The field results of a document: paragraph, text, instruction. */
const fieldsOf = (s: Snapshot) =>
  s.paragraphs.flatMap((p, i) =>
    p.runs.filter((r) => r.field).map((r) => [i, r.text, r.field!.instruction] as const),
  );

function planOf(s: Snapshot, title: string, ...edits: TextEdit[]): EditPlan {
  return { title, edits, anchors: anchorsOf(s, edits) };
}

describe.each(VARIANTS)('Word ($label)', ({ personality, fieldCharacters }) => {
  it('reads the field results where the file has them', async () => {
    const { word, host } = setUp(personality, fieldCharacters);
    const s = value(await host.read());
    expect(viewOf(s, 'current')).toEqual(word.texts('current'));
    expect(fieldsOf(s)).toEqual([
      [REF_PARAGRAPH, 'c)', 'REF _Ref_b \\h'],
      [SEQ_PARAGRAPH, '3', 'SEQ resolves \\* ARABIC'],
    ]);
  });

  it('reports the stale REF and the SEQ number without a fix, saying why', async () => {
    const { host } = setUp(personality, fieldCharacters);
    const s = value(await host.read());
    const findings = check(s).diagnostics.filter(
      (d) => d.paragraph === REF_PARAGRAPH || d.paragraph === SEQ_PARAGRAPH,
    );
    expect(findings.map((d) => [d.ruleId, d.message, d.fix])).toEqual([
      [
        'cross-reference',
        'Reference `considering c)` should be `considering b)`: the clause was renumbered (no fix offered: it is the result of a REF field, text Word computes and replaces whenever it updates fields; update the field in Word instead)',
        undefined,
      ],
      [
        'clause-sequence',
        'Unexpected `3`, expected `2` (no fix offered: it is the result of a SEQ field, text Word computes and replaces whenever it updates fields; update the field in Word instead)',
        undefined,
      ],
    ]);
  });

  it('Fix all fixes around the fields and never writes into one', async () => {
    const { word, host } = setUp(personality, fieldCharacters);
    const original = word.texts('original');
    const outcome = value(
      await fixAllAsync(host, {
        read: (h) => h.read(),
        apply: async (h, plan) => {
          const r = await h.apply(plan);
          return r.ok ? ok(h) : r;
        },
      }),
    );
    const now = word.texts('current');
    // The clause after the SEQ number is renumbered, the last considering item punctuated; the field
    // results read as before.
    expect(now[REF_PARAGRAPH]).toBe('1\tto act now as in considering c) above;');
    expect(now[SEQ_PARAGRAPH]).toBe('3\tto report on spam regularly;');
    expect(now[SEQ_PARAGRAPH + 1]).toBe('3\tto invite Member States to cooperate.');
    expect(now[6]).toBe('b) that measures help,');
    expect(word.texts('original')).toEqual(original);
    expect(fieldsOf(word.snapshot())).toEqual(fieldsOf(DOCUMENT));
    expect(word.touchedFields).toBe(0);
    expect(word.touchedDeletions).toBe(0);
    expect(word.touchedMarks).toBe(0);
    expect(
      outcome.remaining.filter((d) => d.paragraph === REF_PARAGRAPH || d.paragraph === SEQ_PARAGRAPH),
    ).toHaveLength(2);
  });

  it.each([
    [
      'replacing the REF result',
      () => textEdit(REF_PARAGRAPH, at(REF_PARAGRAPH, 'c)'), 'c', 'b'),
      'REF',
      REF_PARAGRAPH,
    ],
    [
      'inserting inside the REF result',
      () => textEdit(REF_PARAGRAPH, at(REF_PARAGRAPH, ') above'), '', ' '),
      'REF',
      REF_PARAGRAPH,
    ],
    [
      'a replacement reaching into the REF result',
      () => textEdit(REF_PARAGRAPH, at(REF_PARAGRAPH, 'ng c)'), 'ng c', 'ng b'),
      'REF',
      REF_PARAGRAPH,
    ],
    ['renumbering the SEQ number', () => textEdit(SEQ_PARAGRAPH, 0, '3', '2'), 'SEQ', SEQ_PARAGRAPH],
  ] as const)(
    'refuses %s, naming the paragraph, with nothing changed',
    async (_name, edit, kind, paragraph) => {
      const { word, host } = setUp(personality, fieldCharacters);
      const s = value(await host.read());
      const current = word.texts('current');
      const writes = word.writes.length;
      const r = await host.apply(planOf(s, 'Fix: test', edit()));
      expect(r).toEqual({
        ok: false,
        reason: `"Fix: test" would change paragraph ${paragraph + 1} inside the result of a ${kind} field, text Word computes and replaces whenever it updates fields; Amend leaves it alone. Nothing was changed.`,
      });
      expect(word.texts('current')).toEqual(current);
      expect(word.writes.length).toBe(writes);
    },
  );

  it('writes text right beside a field result, the field kept whole', async () => {
    const { word, host } = setUp(personality, fieldCharacters);
    const s = value(await host.read());
    const edits = [
      textEdit(REF_PARAGRAPH, at(REF_PARAGRAPH, 'above'), 'above', 'below'),
      textEdit(SEQ_PARAGRAPH, 1, '\t', ' '),
    ];
    expect(await host.apply(planOf(s, 'Fix: beside', ...edits))).toEqual(ok(undefined));
    const now = word.texts('current');
    expect(now[REF_PARAGRAPH]).toBe('1\tto act now as in considering c) below;');
    expect(now[SEQ_PARAGRAPH]).toBe('3 to report on spam regularly;');
    expect(fieldsOf(word.snapshot())).toEqual(fieldsOf(DOCUMENT));
    expect(word.touchedFields).toBe(0);
    expect(word.writes.filter((w) => w.op === 'insertText').every((w) => w.tracked)).toBe(true);
  });
});

/** Current-view offset of `text` in a paragraph of the document. */
function at(paragraph: number, text: string): number {
  const i = paragraphText(DOCUMENT.paragraphs[paragraph]).indexOf(text);
  if (i < 0) throw new Error(`no "${text}" in paragraph ${paragraph + 1}`);
  return i;
}
