import { check } from '../../../src/core/engine';
import { fromMarkup } from '../../../src/core/markup';
import rule from '../../../src/core/rules/reasons';
import { runRuleTests } from '../../helpers/rule-tester';
import { CLEAN_TEXT, MOD_TEXT, contribution, currentText, proposal } from './proposal-fixtures';

const FR_TEXT = [
  'RÉSOLUTION 52 (Rév. [-Dubaï, 2012-]{+Hammamet, 2016+})',
  'Lutter contre le spam',
  '(Florianópolis, 2004; Johannesburg, 2008; Dubaï, 2012{+; Hammamet, 2016+})',
  "L'Assemblée mondiale de normalisation des télécommunications ([-Dubaï, 2012-]{+Hammamet, 2016+}),",
  'considérant',
  'a)\\tque le spam est un problème mondial;',
  "b)\\tqu'il ne cesse de croître,",
  'décide',
  'de poursuivre les travaux.',
];

runRuleTests(rule, {
  valid: [
    { name: 'MOD with reasons', markup: proposal('MOD\tAPT/44A14/1') },
    { name: 'NOC with reasons', markup: proposal('NOC\tAPT/44A14/1', CLEAN_TEXT) },
    {
      name: 'French label',
      markup: proposal('MOD\tAPT/44A14/1', FR_TEXT, 'Motifs:\\tLe travail doit continuer.'),
    },
    {
      name: 'French label with a space before the colon',
      markup: proposal('MOD\tAPT/44A14/1', FR_TEXT, 'Motifs :\\tLe travail doit continuer.'),
    },
    {
      name: 'every proposal of a contribution',
      markup: contribution(proposal('MOD\tAPT/44A14/1'), proposal('SUP\tAPT/44A14/2', CLEAN_TEXT)),
    },
  ],
  invalid: [
    {
      name: 'MOD without reasons: a warning',
      markup: proposal('MOD\tAPT/44A14/1', MOD_TEXT, null),
      findings: [
        {
          paragraph: 11,
          message:
            '`MOD` `APT/44A14/1` has no reasons, expected a `Reasons:<TAB>…` paragraph after paragraph 11',
          severity: 'warning',
          fixable: true,
        },
      ],
      output: currentText(proposal('MOD\tAPT/44A14/1', MOD_TEXT, 'Reasons:\\t')),
    },
    {
      name: 'NOC without reasons: an error',
      markup: proposal('NOC\tAPT/44A14/1', CLEAN_TEXT, null),
      findings: [
        {
          paragraph: 11,
          message:
            '`NOC` `APT/44A14/1` has no reasons, expected a `Reasons:<TAB>…` paragraph after paragraph 11: a NOC must give its reasons',
          severity: 'error',
          fixable: true,
        },
      ],
      output: currentText(proposal('NOC\tAPT/44A14/1', CLEAN_TEXT, 'Reasons:\\t')),
    },
    {
      name: 'SUP* without reasons: an error',
      markup: proposal('SUP*\tAPT/44A14/1', CLEAN_TEXT, null),
      findings: [{ severity: 'error' }],
      output: currentText(proposal('SUP*\tAPT/44A14/1', CLEAN_TEXT, 'Reasons:\\t')),
    },
    {
      name: 'French: the localised label',
      markup: proposal('MOD\tAPT/44A14/1', FR_TEXT, null),
      findings: [{ paragraph: 10, message: /expected a `Motifs:<TAB>…` paragraph after paragraph 10$/ }],
      output: currentText(proposal('MOD\tAPT/44A14/1', FR_TEXT, 'Motifs:\\t')),
    },
    {
      name: 'the first of two proposals: inserted before the second',
      markup: contribution(
        proposal('MOD\tAPT/44A14/1', MOD_TEXT, null),
        proposal('NOC\tAPT/44A14/2', CLEAN_TEXT),
      ),
      findings: [{ paragraph: 11, severity: 'warning' }],
      output: currentText(
        contribution(proposal('MOD\tAPT/44A14/1'), proposal('NOC\tAPT/44A14/2', CLEAN_TEXT)).replace(
          'Reasons:\\tThe work must go on.',
          'Reasons:\\t',
        ),
      ),
    },
    {
      name: 'blank paragraphs at the end stay after the reasons',
      markup: `${proposal('MOD\tAPT/44A14/1', MOD_TEXT, null)}\n \n\u00a0`,
      findings: [{ paragraph: 11 }],
      output: currentText(`${proposal('MOD\tAPT/44A14/1', MOD_TEXT, 'Reasons:\\t')}\n \n\u00a0`),
    },
    {
      name: 'empty reasons',
      markup: proposal('MOD\tAPT/44A14/1', MOD_TEXT, 'Reasons:\\t'),
      findings: [
        {
          paragraph: 12,
          message: 'The reasons are empty: expected why `APT/44A14/1` is proposed after `Reasons:`',
          severity: 'warning',
          fixable: false,
        },
      ],
    },
    {
      name: 'empty reasons of a NOC are a warning too',
      markup: proposal('NOC\tAPT/44A14/1', CLEAN_TEXT, 'Reasons:'),
      findings: [{ paragraph: 12, severity: 'warning', fixable: false }],
    },
  ],
});

describe('reasons fix', () => {
  const fixOf = (markup: string) => {
    const d = check(fromMarkup(markup), { rules: ['reasons'] }).diagnostics.find((x) => x.fix);
    const edit = d?.fix?.[0];
    if (edit?.kind !== 'paragraph') throw new Error('expected a paragraph edit');
    return edit;
  };

  test('is tracked, like every change Amend makes, so the author sees the new paragraph as an insertion', () => {
    expect(fixOf(proposal('MOD\tAPT/44A14/1', MOD_TEXT, null)).tracked).toBe(true);
  });

  test("takes its style from another proposal's reasons", () => {
    const edit = fixOf(
      contribution(
        proposal('MOD\tAPT/44A14/1', MOD_TEXT, null),
        proposal('NOC\tAPT/44A14/2', CLEAN_TEXT, '<<Reasons>> Reasons:\tKept.'),
      ),
    );
    expect(edit.styleFrom).toBe(22);
  });

  test('takes its style from the preamble, never from a numbered clause, when no reasons exist', () => {
    const edit = fixOf(proposal('MOD\tAPT/44A14/1', MOD_TEXT, null));
    expect(edit.styleFrom).toBe(4);
  });
});
