import fc from 'fast-check';
import { fromMarkup } from '../../../src/core/markup';
import type { Clause, Outline } from '../../../src/core/model';
import { parse } from '../../../src/core/parse';
import { paragraphText, type Paragraph, type Snapshot } from '../../../src/core/snapshot';

/** Pieces that make parsing interesting: markers, labels, headings, number lines, tracked changes. */
const PIECES = [
  'MOD\t',
  'ADD',
  '(MOD)',
  'SUP*',
  'NOC ',
  'APT/44A14/1',
  'EUR/XX/',
  'RESOLUTION 52 (Rev. Hammamet, 2016)',
  'RÉSOLUTION',
  'DRAFT NEW RESOLUTION [APT-1]',
  '第52号决议',
  'القرار 5',
  'РЕЗОЛЮЦИЯ 1',
  'recognizing',
  'considérant',
  'reconociendo además',
  'resolves ',
  'a)\t',
  'h)',
  'i)\t',
  'bbis)',
  '1\t',
  '12 ',
  'iv)',
  '(Florianópolis, 2004; Dubai, 2012)',
  'Reasons:',
  'Motifs:',
  '{+',
  '+}',
  '[-',
  '-]',
  '+¶ ',
  '-¶ ',
  '#n:1:0:a) ',
  '#n:2:1:1 ',
  '<<Call>> ',
  '[^1]',
  '\\t',
  ' ',
  ',',
  ';',
  ':',
  '.',
  'x',
  'considering a) above',
  'du point c) du considérant',
  '\n',
];

const markup = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 60 })
  .map((a) => a.join(''));

/** Every clause in the outline, sub-items included. */
const allClauses = (o: Outline): Clause[] =>
  o.proposals.flatMap((p) => p.sections.flatMap((s) => s.clauses.flatMap((c) => [c, ...c.children])));

function invariants(snapshot: Snapshot, o: Outline): void {
  const n = snapshot.paragraphs.length;
  expect(o.bodyStart).toBeGreaterThanOrEqual(0);
  expect(o.bodyStart).toBeLessThanOrEqual(n);
  for (const p of o.proposals) {
    expect(p.start).toBeGreaterThanOrEqual(o.bodyStart);
    expect(p.end).toBeGreaterThan(p.start);
    expect(p.end).toBeLessThanOrEqual(n);
  }
  for (const c of allClauses(o)) {
    expect(c.paragraph).toBeLessThan(n);
    if (c.labelOffset !== undefined) {
      // The offset points at the label's token in the current text.
      const text = paragraphText(snapshot.paragraphs[c.paragraph] as Paragraph);
      expect(
        text.slice(c.labelOffset, c.labelOffset + c.labelLength!) + (c.kind === 'number' ? '' : ')'),
      ).toBe(c.kind === 'number' ? c.label.replace(/[.)]$/, '') : c.label);
    }
  }
}

describe('parse never throws', () => {
  test('random markup', () => {
    fc.assert(
      fc.property(markup, (m) => {
        const snapshot = fromMarkup(m);
        invariants(snapshot, parse(snapshot));
      }),
      { numRuns: 1500 },
    );
  });

  test('random runs and paragraph properties', () => {
    const revision = fc.option(fc.record({ kind: fc.constantFrom('ins' as const, 'del' as const) }), {
      nil: undefined,
    });
    const run = fc.record({
      text: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })),
      revision,
    });
    const paragraph = fc.record({
      runs: fc.array(run, { maxLength: 5 }),
      mark: revision,
      italic: fc.boolean(),
      numbering: fc.option(
        fc.record({
          label: fc.constantFrom('a)', '1', 'i)', '', 'A.', '(iv)', '99'),
          numId: fc.constant('1'),
          level: fc.nat(3),
        }),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 30 }), (ps) => {
        const snapshot: Snapshot = {
          paragraphs: ps.map((p, index) => {
            const { mark, numbering, runs, italic } = p;
            return {
              index,
              italic,
              runs: runs.map((r) => (r.revision ? { text: r.text, revision: r.revision } : { text: r.text })),
              ...(mark ? { mark } : {}),
              ...(numbering ? { numbering } : {}),
            };
          }),
        };
        invariants(snapshot, parse(snapshot));
      }),
      { numRuns: 800 },
    );
  });
});

describe('speed', () => {
  test('a 50,000-paragraph contribution parses in linear time', () => {
    const proposal = (k: number) =>
      [
        `MOD\tAPT/44A14/${k}`,
        'RESOLUTION 52 (Rev. Hammamet, 2016)',
        'Countering spam',
        'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
        'considering',
        ...'abcdefghijklmnopqrstuvwxyz'
          .split('')
          .map((l) => `[-${l}-]{+${l}+})\tthat a text is long enough to be a real clause;`),
        'resolves',
        ...Array.from({ length: 10 }, (_, i) => `${i + 1}\tto act on it;`),
        'Reasons:\tClarity.',
      ].join('\n');
    const body = Array.from({ length: 1250 }, (_, k) => proposal(k + 1)).join('\n');
    const snapshot = fromMarkup(body);
    expect(snapshot.paragraphs.length).toBeGreaterThanOrEqual(50_000);
    // Timing belongs to `npm run bench`; here only the result at scale is checked.
    const o = parse(snapshot);
    expect(o.proposals).toHaveLength(1250);
    expect(o.unplaced).toEqual([]);
  });
});
