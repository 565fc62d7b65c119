import { check } from '../../../src/core/engine';
import { fromMarkup } from '../../../src/core/markup';
import rule from '../../../src/core/rules/list-punctuation';
import { runRuleTests } from '../../helpers/rule-tester';
import { MOD_TEXT, currentText, proposal } from './proposal-fixtures';

const HEAD = MOD_TEXT.slice(0, 4);

/** A MOD whose sections are given as markup lines after the preamble. */
const mod = (...lines: string[]): string => proposal('MOD\tAPT/44A14/1', [...HEAD, ...lines]);

const SUB_ITEMS = [
  'recognizing',
  'a)\\trelevant provisions of the basic instruments of ITU;',
  'b)\\tthe report on spam, which advocated a comprehensive approach, namely:',
  'i)\\tstrong legislation;',
  'ii)\\tinternational cooperation;',
  'c)\\tthe WSIS Plan of Action,',
];

const TAIL = ['resolves', '1\\tto continue the work;', '2\\tto report on progress.'];

runRuleTests(rule, {
  valid: [
    { name: 'items, last item, end of the resolution', markup: proposal('MOD\tAPT/44A14/1') },
    { name: 'sub-items', markup: mod(...SUB_ITEMS, ...TAIL) },
    {
      name: "sub-items closing a section's last item",
      markup: mod(
        'recognizing',
        'a)\\tprovisions;',
        'b)\\tthe report, namely:',
        'i)\\tlegislation;',
        'ii)\\tcooperation,',
        ...TAIL,
      ),
    },
    {
      name: "a section's single unlabelled item",
      markup: mod('noting', 'the important work of Study Group 17,', ...TAIL),
    },
    {
      name: 'single item ending the resolution',
      markup: mod('considering', 'a)\\tthat spam grows,', 'resolves', 'to act.'),
    },
    {
      name: 'blanks after the mark',
      markup: mod('considering', 'a)\\tthat spam grows; ', 'b)\\tthat it costs,\u00a0', ...TAIL),
    },
    {
      name: 'a closing quote before the mark',
      markup: mod('considering', 'a)\\tthat "spam is a problem";', 'b)\\tthat it costs,', ...TAIL),
    },
    {
      name: 'an abbreviation before the mark',
      markup: mod('considering', 'a)\\tthat spam, worms etc.;', 'b)\\tthat it costs,', ...TAIL),
    },
    {
      name: 'an abbreviation ending the resolution',
      markup: mod('considering', 'a)\\tthat spam grows,', 'resolves', 'to act on spam, worms etc.'),
    },
    {
      name: 'a clause appended after a former last item: `,` deleted, `;` inserted',
      markup: mod('considering', 'a)\\tthat spam grows[-,-]{+;+}', '+¶ {+b)\\tthat it costs,+}', ...TAIL),
    },
    {
      name: 'a text kept unchanged (NOC) is not up for change',
      markup: proposal('NOC\tAPT/44A14/1', [
        ...HEAD,
        'considering',
        'a)\\tthat spam grows',
        'b)\\tthat it costs;',
        ...TAIL,
      ]),
    },
    {
      name: 'a deleted last clause does not count',
      markup: mod('considering', 'a)\\tthat spam grows{+,+}[-;-]', '-¶ [-b)\\tthat it costs,-]', ...TAIL),
    },
  ],
  invalid: [
    {
      name: 'a comma where another item follows',
      markup: mod('considering', 'a)\\tthat spam grows,', 'b)\\tthat it costs,', ...TAIL),
      findings: [
        {
          paragraph: 7,
          message: 'Unexpected `,` at the end of considering a), expected `;`: another item follows',
          clause: 'considering a)',
          actual: ',',
          expected: ';',
          severity: 'warning',
          fixable: true,
        },
      ],
      output: currentText(mod('considering', 'a)\\tthat spam grows;', 'b)\\tthat it costs,', ...TAIL)),
    },
    {
      name: 'no mark at all',
      markup: mod('considering', 'a)\\tthat spam grows', 'b)\\tthat it costs,', ...TAIL),
      findings: [
        {
          paragraph: 7,
          message: 'Missing `;` at the end of considering a): another item follows',
          actual: '',
          expected: ';',
          fixable: true,
        },
      ],
      output: currentText(mod('considering', 'a)\\tthat spam grows;', 'b)\\tthat it costs,', ...TAIL)),
    },
    {
      name: 'the mark goes before trailing blanks',
      markup: mod('considering', 'a)\\tthat spam grows  ', 'b)\\tthat it costs,', ...TAIL),
      findings: [{ paragraph: 7, expected: ';' }],
      output: currentText(mod('considering', 'a)\\tthat spam grows;  ', 'b)\\tthat it costs,', ...TAIL)),
    },
    {
      name: "a semicolon on a section's last item",
      markup: mod('considering', 'a)\\tthat spam grows;', 'b)\\tthat it costs;', ...TAIL),
      findings: [
        {
          paragraph: 8,
          message: "Unexpected `;` at the end of considering b), expected `,`: it is its section's last item",
        },
      ],
      output: currentText(mod('considering', 'a)\\tthat spam grows;', 'b)\\tthat it costs,', ...TAIL)),
    },
    {
      name: 'a comma at the end of the resolution',
      markup: mod(
        'considering',
        'a)\\tthat spam grows;',
        'b)\\tthat it costs,',
        'resolves',
        '1\\tto continue the work;',
        '2\\tto report on progress,',
      ),
      findings: [
        {
          paragraph: 11,
          message: 'Unexpected `,` at the end of resolves 2, expected `.`: it ends the resolution',
        },
      ],
      output: currentText(mod('considering', 'a)\\tthat spam grows;', 'b)\\tthat it costs,', ...TAIL)),
    },
    {
      name: "a section's single item ending with a semicolon",
      markup: mod('noting', 'the important work of Study Group 17;', ...TAIL),
      findings: [
        {
          paragraph: 7,
          clause: 'noting',
          message: "Unexpected `;` at the end of noting, expected `,`: it is its section's single item",
        },
      ],
      output: currentText(mod('noting', 'the important work of Study Group 17,', ...TAIL)),
    },
    {
      name: 'sub-items without punctuation',
      markup: mod(
        'recognizing',
        'a)\\tprovisions;',
        'b)\\tthe report, namely:',
        'i)\\tstrong legislation',
        'ii)\\tinternational cooperation',
        'c)\\tthe WSIS Plan of Action,',
        ...TAIL,
      ),
      findings: [
        { paragraph: 9, clause: 'recognizing b) i)', expected: ';', message: /: another item follows$/ },
        { paragraph: 10, clause: 'recognizing b) ii)', expected: ';' },
      ],
      output: currentText(
        mod(
          'recognizing',
          'a)\\tprovisions;',
          'b)\\tthe report, namely:',
          'i)\\tstrong legislation;',
          'ii)\\tinternational cooperation;',
          'c)\\tthe WSIS Plan of Action,',
          ...TAIL,
        ),
      ),
    },
    {
      name: 'French typography: no space before the semicolon',
      markup: mod(
        'considering',
        'a)\\tthat spam grows ;',
        'b)\\tthat it costs\u00a0:',
        'i)\\tmoney,',
        ...TAIL,
      ),
      findings: [
        {
          paragraph: 7,
          message:
            'Unexpected space before `;` at the end of considering a): ITU texts put no space before a semicolon',
          actual: ' ;',
          fixable: true,
        },
        { paragraph: 8, message: /^Unexpected space before `:`/, fixable: true },
      ],
      output: currentText(
        mod('considering', 'a)\\tthat spam grows;', 'b)\\tthat it costs:', 'i)\\tmoney,', ...TAIL),
      ),
    },
    {
      name: 'a wrong mark after a space: both go in one fix',
      markup: mod('considering', 'a)\\tthat spam grows ,', 'b)\\tthat it costs,', ...TAIL),
      findings: [{ paragraph: 7, actual: ',', expected: ';' }],
      output: currentText(mod('considering', 'a)\\tthat spam grows;', 'b)\\tthat it costs,', ...TAIL)),
    },
    {
      name: 'an abbreviation is not the mark',
      markup: mod('considering', 'a)\\tthat spam, worms etc.', 'b)\\tthat it costs,', ...TAIL),
      findings: [{ paragraph: 7, message: 'Missing `;` at the end of considering a): another item follows' }],
      output: currentText(mod('considering', 'a)\\tthat spam, worms etc.;', 'b)\\tthat it costs,', ...TAIL)),
    },
    {
      name: 'a clause appended after a former last item without changing its comma',
      markup: mod('considering', 'a)\\tthat spam grows,', '+¶ {+b)\\tthat it costs,+}', ...TAIL),
      findings: [{ paragraph: 7, actual: ',', expected: ';' }],
      output: currentText(mod('considering', 'a)\\tthat spam grows;', 'b)\\tthat it costs,', ...TAIL)),
    },
  ],
});

// The tester re-reads fixed output as plain text, which loses automatic labels: checked here directly.
describe('list-punctuation with automatic numbering', () => {
  test('only the numbering levels tell that an item without a colon introduces sub-items', () => {
    const markup = mod(
      'recognizing',
      '#n:1:0:a) provisions;',
      '#n:1:0:b) the report, namely',
      '#n:1:1:i) strong legislation;',
      '#n:1:1:ii) international cooperation;',
      '#n:1:0:c) the WSIS Plan of Action,',
      ...TAIL,
    );
    const diagnostics = check(fromMarkup(markup), { rules: [rule.meta.id] }).diagnostics;
    expect(diagnostics.map((d) => [d.paragraph + 1, d.clause, d.message])).toEqual([
      [8, 'recognizing b)', 'Missing `:` at the end of recognizing b): it introduces sub-items'],
    ]);
    expect(diagnostics[0].fix).toEqual([
      { kind: 'text', paragraph: 7, offset: 'the report, namely'.length, length: 0, expected: '', text: ':' },
    ]);
  });
});
