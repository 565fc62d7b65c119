import { readFileSync } from 'fs';
import { join } from 'path';
import { fromMarkup, toMarkup } from '../../src/core/markup';
import type { Snapshot } from '../../src/core/snapshot';
import { buildDocx, readDocx } from '../../src/docx';

const seed = (name: string) => fromMarkup(readFileSync(join(__dirname, '../fixtures/seeds', name), 'utf8'));

/** What a round trip must keep: texts, revision kinds/authors/dates, marks, styles, labels, footnotes. */
function essence(s: Snapshot) {
  return {
    paragraphs: s.paragraphs.map((p) => ({
      runs: p.runs.map((r) => ({
        text: r.text,
        footnote: r.footnote,
        rev: r.revision && [r.revision.kind, r.revision.author, r.revision.date],
      })),
      mark: p.mark && [p.mark.kind, p.mark.author, p.mark.date],
      style: [p.styleId, p.styleName],
      label: p.numbering && [p.numbering.label, p.numbering.level],
      inTable: Boolean(p.inTable),
    })),
    footnotes: s.footnotes,
  };
}

describe('buildDocx → readDocx', () => {
  test.each(['en-resolution-52.txt', 'fr-resolution-52.txt'])('round-trips the seed %s', (name) => {
    const snapshot = seed(name);
    const read = readDocx(buildDocx(snapshot), name);
    if (!read.ok) throw new Error(read.reason);
    expect(essence(read.value.snapshot)).toEqual(essence(snapshot));
    expect(toMarkup(read.value.snapshot)).toBe(toMarkup(snapshot));
  });

  test('keeps styles, automatic numbering labels, tables and footnotes', () => {
    const snapshot = fromMarkup(
      [
        '<<Call>> considering',
        '#n:1:0:a) first;',
        '#n:1:0:b) second, namely:',
        '#n:1:1:i) one',
        '#n:1:1:ii) two',
        '#n:1:0:c) third[^7],',
        '<<Call>> resolves',
        '#n:2:0:1 to do',
        '#n:2:0:2 to {+do more+}',
        '#n:3:0:iv) roman start',
        '#n:3:0:v) next',
        '+¶ {+#n inserted paragraph+}',
        '-¶ [-deleted paragraph-]',
        '[^7]: A note\twith a tab.',
      ].join('\n'),
    );
    const withTable: Snapshot = {
      ...snapshot,
      paragraphs: snapshot.paragraphs.map((p, i) => (i === 7 || i === 8 ? { ...p, inTable: true } : p)),
    };
    const read = readDocx(buildDocx(withTable), 'lists.docx');
    if (!read.ok) throw new Error(read.reason);
    expect(essence(read.value.snapshot)).toEqual(essence(withTable));
    expect(read.value.snapshot.paragraphs[0].italic).toBe(true);
    expect(read.value.snapshot.paragraphs[1].italic).toBeUndefined();
  });
});

describe('buildDocx output in another reader', () => {
  test('mammoth reads the built seed, footnote included', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mammoth = require('mammoth') as {
      convertToHtml(input: { buffer: Buffer }): Promise<{ value: string }>;
    };
    const built = buildDocx(seed('en-resolution-52.txt'));
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(built) });
    expect(value).toContain('Countering and combating spam');
    expect(value).toContain('HAMMAMET, 2016');
    expect(value).toContain('These include the least developed countries');
  });
});
