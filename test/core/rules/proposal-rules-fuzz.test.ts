import fc from 'fast-check';
import { check } from '../../../src/core/engine';
import { fromMarkup } from '../../../src/core/markup';
import { paragraphText } from '../../../src/core/snapshot';
import { ADD_TEXT, CLEAN_TEXT, MOD_TEXT, REASONS } from './proposal-fixtures';

/**
 * The proposal-level rules on documents shuffled from proposal pieces, broken lines included: they never
 * throw, and every fix they offer points at the text it expects, in bounds.
 */
const RULES = ['proposal-marker', 'proposal-sequence', 'marker-content', 'reasons', 'list-punctuation'];

const LINES = [
  ...MOD_TEXT,
  ...CLEAN_TEXT,
  ...ADD_TEXT,
  REASONS,
  'Reasons:',
  'Motifs :\\t',
  'MOD\\tAPT/44A14/1',
  'mod APT/44A14/2',
  'MODIF\\tAPT/44A14/3',
  'NOC',
  'APT/44A14/01',
  'SUP*\\tEUR/XX/2',
  'MODAPT/44A14/1',
  '(mod):\\tAPT/44',
  'i)\\tstrong legislation ;',
  'ii)\\tcooperation etc.',
  'c)\\tnamely:',
  '+¶ {+d)\\tinserted clause,+}',
  '-¶ [-e)\\tdeleted clause;-]',
  'a)\\tthat[-,-]{+;+}',
  '#n:1:0:a) automatic item',
  '#n:1:1:i) automatic sub-item',
  '',
  ' ',
  'noting',
  'resolves',
];

test('never throw, and their fixes match the text they replace', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 40 }), (lines) => {
      const snapshot = fromMarkup(lines.join('\n'));
      const { diagnostics } = check(snapshot, { rules: RULES });
      for (const d of diagnostics) {
        expect(d.paragraph).toBeGreaterThanOrEqual(0);
        expect(d.paragraph).toBeLessThan(Math.max(1, snapshot.paragraphs.length));
        for (const e of d.fix ?? []) {
          if (e.kind === 'paragraph') {
            expect(e.before).toBeGreaterThanOrEqual(0);
            expect(e.before).toBeLessThanOrEqual(snapshot.paragraphs.length);
            continue;
          }
          const text = paragraphText(snapshot.paragraphs[e.paragraph]);
          expect(text.slice(e.offset, e.offset + e.length)).toBe(e.expected);
        }
      }
    }),
    { numRuns: 300 },
  );
});
