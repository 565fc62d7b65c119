import { readFileSync } from 'fs';
import { join } from 'path';
import { check } from '../../../src/core/engine';
import { fromMarkup } from '../../../src/core/markup';
import rule from '../../../src/core/rules/clause-sequence';
import { applyFixesToText, runRuleTests } from '../../helpers/rule-tester';

const HEAD =
  'MOD\tAPT/44A14/1\nRESOLUTION 52 (Rev. Hammamet, 2016)\nCountering spam\nThe World Telecommunication Standardization Assembly (Hammamet, 2016),';
const doc = (...lines: string[]): string => [HEAD, ...lines, 'Reasons:\tClarity.'].join('\n');
/** Current texts of `doc(...)` after fixes: the head lines, the given lines, the reasons. */
const out = (...lines: string[]): string => doc(...lines).replace(/\\t/g, '\t');

runRuleTests(rule, {
  valid: [
    { name: 'letters', markup: doc('considering', 'a)\tone;', 'b)\ttwo;', 'c)\tthree,') },
    {
      name: 'bis and ter sit between b) and c)',
      markup: doc('considering', 'a)\tx;', 'b)\tx;', 'bbis)\tx;', 'bter)\tx;', 'c)\tx,'),
    },
    { name: 'numbers', markup: doc('resolves', '1\tx;', '2\tx;', '3\tx,') },
    { name: 'single unlabelled item', markup: doc('noting', 'the work done,') },
    {
      name: 'roman sub-items restart under each letter',
      markup: doc(
        'recognizing',
        'a)\tx;',
        'b)\tx, namely:',
        'i)\tx;',
        'ii)\tx;',
        'c)\tx:',
        'i)\tx;',
        'ii)\tx,',
      ),
    },
    {
      name: 'i) after h) is a letter',
      markup: doc('considering', ...'abcdefghij'.split('').map((l) => `${l})\tx;`)),
    },
    {
      name: 'an inserted clause with the later ones renumbered',
      markup: doc('considering', 'a)\tx;', '+¶ {+b)\tnew;+}', '[-b-]{+c+})\tx;', '[-c-]{+d+})\tx,'),
    },
    {
      name: 'a deleted clause with the later ones renumbered',
      markup: doc('considering', 'a)\tx;', '-¶ [-b)\told;-]', '[-c-]{+b+})\tx,'),
    },
    { name: 'automatic labels in order', markup: doc('considering', '#n:3:0:a) x;', '#n:3:0:b) y,') },
    {
      name: 'letters past z',
      markup: doc(
        'considering',
        ...'abcdefghijklmnopqrstuvwxyz'.split('').map((l) => `${l})\tx;`),
        'aa)\tx;',
        'bb)\tx,',
      ),
    },
  ],
  invalid: [
    {
      name: 'a gap',
      markup: doc('considering', 'a)\tx;', 'b)\tx;', 'd)\tx,'),
      findings: [
        {
          paragraph: 8,
          message: 'Unexpected `d)`, expected `c)`',
          actual: 'd)',
          expected: 'c)',
          clause: 'considering d)',
          fixable: true,
        },
      ],
      output: out('considering', 'a)\\tx;', 'b)\\tx;', 'c)\\tx,'),
    },
    {
      name: 'a duplicate',
      markup: doc('resolves', '1\tx;', '2\tx;', '2\tx;', '3\tx,'),
      findings: [
        { paragraph: 8, message: 'Unexpected `2`, expected `3`', actual: '2', expected: '3' },
        { paragraph: 9, message: 'Unexpected `3`, expected `4`' },
      ],
      output: out('resolves', '1\\tx;', '2\\tx;', '3\\tx;', '4\\tx,'),
    },
    {
      name: 'a clause inserted without renumbering the later ones',
      markup: doc('considering', 'a)\tx;', '+¶ {+b)\tnew;+}', 'b)\tx;', 'c)\tx,'),
      findings: [
        { paragraph: 8, message: 'Unexpected `b)`, expected `c)`' },
        { paragraph: 9, message: 'Unexpected `c)`, expected `d)`' },
      ],
      output: out('considering', 'a)\\tx;', 'b)\\tnew;', 'c)\\tx;', 'd)\\tx,'),
    },
    {
      name: 'roman sub-items out of order',
      markup: doc('recognizing', 'a)\tx, namely:', 'i)\tx;', 'iii)\tx,'),
      findings: [{ paragraph: 8, message: 'Unexpected `iii)`, expected `ii)`', clause: 'recognizing iii)' }],
      output: out('recognizing', 'a)\\tx, namely:', 'i)\\tx;', 'ii)\\tx,'),
    },
    {
      name: 'not starting at a)',
      markup: doc('considering', 'b)\tx;', 'c)\tx,'),
      findings: [
        { message: 'Unexpected `b)`, expected `a)`' },
        { message: 'Unexpected `c)`, expected `b)`' },
      ],
      output: out('considering', 'a)\\tx;', 'b)\\tx,'),
    },
    {
      name: 'automatic labels are reported without a fix',
      markup: doc('considering', '#n:3:0:a) x;', '#n:3:0:c) y,'),
      findings: [{ message: 'Unexpected `c)`, expected `b)`', fixable: false }],
    },
    {
      name: 'a deleted clause left the later ones unrenumbered',
      markup: doc('considering', 'a)\tx;', '-¶ [-b)\told;-]', 'c)\tx,'),
      findings: [{ paragraph: 8, message: 'Unexpected `c)`, expected `b)`' }],
      output: out('considering', 'a)\\tx;', '', 'b)\\tx,'),
    },
  ],
});

const seed = (name: string): string => readFileSync(join(__dirname, '../../fixtures/seeds', name), 'utf8');

describe('clause-sequence on the seeds', () => {
  test('the French seed renumbers considérant h)–l) correctly', () => {
    const r = check(fromMarkup(seed('fr-resolution-52.txt')), { rules: ['clause-sequence'] });
    expect(r.diagnostics).toEqual([]);
  });
  test('the English seed has no finding', () => {
    const r = check(fromMarkup(seed('en-resolution-52.txt')), { rules: ['clause-sequence'] });
    expect(r.diagnostics).toEqual([]);
  });
  test('with the renumbering undone, h)…k) are reported with fixes to i)…l)', () => {
    // Keep the inserted h) but undo the tracked renumbering: `[-h-]{+i+})` becomes `h)`.
    const undone = seed('fr-resolution-52.txt').replace(/\[-([a-z])-\]\{\+[a-z]\+\}\)/g, '$1)');
    const snapshot = fromMarkup(undone);
    const r = check(snapshot, { rules: ['clause-sequence'] });
    expect(r.diagnostics.map((d) => [d.actual, d.expected, d.clause])).toEqual([
      ['h)', 'i)', 'considérant h)'],
      ['i)', 'j)', 'considérant i)'],
      ['j)', 'k)', 'considérant j)'],
      ['k)', 'l)', 'considérant k)'],
    ]);
    for (const d of r.diagnostics)
      expect(d.fix).toEqual([
        expect.objectContaining({ offset: 0, length: 1, expected: d.actual![0], text: d.expected![0] }),
      ]);
    const fixed = applyFixesToText(snapshot, r.diagnostics);
    const considering = fixed.slice(fixed.indexOf('considérant') + 1, fixed.indexOf('notant'));
    expect(considering.map((l) => l.slice(0, 2)).join(' ')).toBe('a) b) c) d) e) f) g) h) i) j) k) l)');
  });
});
