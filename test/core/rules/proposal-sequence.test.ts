import rule from '../../../src/core/rules/proposal-sequence';
import { runRuleTests } from '../../helpers/rule-tester';
import { CLEAN_TEXT, contribution, currentText, proposal } from './proposal-fixtures';

/** A contribution of one proposal per identifier. Each proposal is 12 paragraphs long. */
const ids = (...identifiers: string[]): string =>
  contribution(
    ...identifiers.map((id, k) =>
      proposal(`${k === 0 ? 'MOD' : 'NOC'}\t${id}`, k === 0 ? undefined : CLEAN_TEXT),
    ),
  );

runRuleTests(rule, {
  valid: [
    { name: 'a single proposal', markup: ids('APT/44A14/1') },
    { name: '1, 2, 3', markup: ids('APT/44A14/1', 'APT/44A14/2', 'APT/44A14/3') },
    { name: 'zero-padded throughout', markup: ids('ACP/12/01', 'ACP/12/02') },
    { name: 'document not numbered yet', markup: ids('EUR/XX/1', 'EUR/XX/2') },
    { name: 'joint submitters', markup: ids('B/CAN/CLM/USA/12/1', 'B/CAN/CLM/USA/12/2') },
    { name: 'no identifier at all (proposal-marker reports it)', markup: proposal(null) },
    {
      name: 'older layout',
      markup: contribution(proposal('MOD\nAPT/44A14/1'), proposal('NOC\nAPT/44A14/2', CLEAN_TEXT)),
    },
  ],
  invalid: [
    {
      name: 'a gap',
      markup: ids('APT/44A14/1', 'APT/44A14/3'),
      findings: [
        {
          paragraph: 13,
          message:
            'Unexpected sequence `3` in `APT/44A14/3`, expected `2`: proposals are numbered 1, 2, 3 … in order',
          actual: '3',
          expected: '2',
          fixable: true,
        },
      ],
      output: currentText(ids('APT/44A14/1', 'APT/44A14/2')),
    },
    {
      name: 'a gap renumbers every later identifier',
      markup: ids('APT/44A14/1', 'APT/44A14/2', 'APT/44A14/4', 'APT/44A14/5'),
      findings: [
        { paragraph: 25, actual: '4', expected: '3' },
        { paragraph: 37, actual: '5', expected: '4' },
      ],
      output: currentText(ids('APT/44A14/1', 'APT/44A14/2', 'APT/44A14/3', 'APT/44A14/4')),
    },
    {
      name: 'a duplicate',
      markup: ids('APT/44A14/1', 'APT/44A14/1'),
      findings: [
        {
          paragraph: 13,
          message: 'Duplicate identifier `APT/44A14/1` (first at paragraph 1), expected sequence `2`',
          fixable: true,
        },
      ],
      output: currentText(ids('APT/44A14/1', 'APT/44A14/2')),
    },
    {
      name: 'not starting at 1',
      markup: ids('APT/44A14/2', 'APT/44A14/3'),
      findings: [
        { paragraph: 1, actual: '2', expected: '1' },
        { paragraph: 13, actual: '3', expected: '2' },
      ],
      output: currentText(ids('APT/44A14/1', 'APT/44A14/2')),
    },
    {
      name: 'zero padding set by the first identifier',
      markup: ids('ACP/12/01', 'ACP/12/2'),
      findings: [
        {
          paragraph: 13,
          message:
            'Unexpected sequence `2` in `ACP/12/2`, expected `02` zero-padded like `ACP/12/01` (paragraph 1)',
          fixable: true,
        },
      ],
      output: currentText(ids('ACP/12/01', 'ACP/12/02')),
    },
    {
      name: 'zero padding where the first has none',
      markup: ids('ACP/12/1', 'ACP/12/02'),
      findings: [
        { paragraph: 13, message: /expected `2` without zero padding like `ACP\/12\/1`/, fixable: true },
      ],
      output: currentText(ids('ACP/12/1', 'ACP/12/2')),
    },
    {
      name: 'another document',
      markup: ids('APT/44A14/1', 'APT/45A14/2'),
      findings: [
        {
          paragraph: 13,
          message:
            "Identifier `APT/45A14/2` names document `45A14`, expected `44A14` like `APT/44A14/1` (paragraph 1): one contribution's proposals share one document",
          actual: '45A14',
          expected: '44A14',
          fixable: false,
        },
      ],
    },
    {
      name: 'another addendum',
      markup: ids('APT/44A14/1', 'APT/44/2'),
      findings: [{ paragraph: 13, actual: '44', expected: '44A14', fixable: false }],
    },
    {
      name: 'a malformed identifier keeps its place in the sequence',
      markup: ids('APT/44A14/1', 'APT-44A14-2', 'APT/44A14/3', 'APT/44A14/5'),
      findings: [{ paragraph: 37, actual: '5', expected: '4', fixable: true }],
      output: currentText(ids('APT/44A14/1', 'APT-44A14-2', 'APT/44A14/3', 'APT/44A14/4')),
    },
    {
      name: 'older layout: the identifier on its own line is fixed there',
      markup: contribution(proposal('MOD\nAPT/44A14/1'), proposal('NOC\nAPT/44A14/3', CLEAN_TEXT)),
      findings: [{ paragraph: 15, actual: '3', expected: '2', fixable: true }],
      output: currentText(
        contribution(proposal('MOD\nAPT/44A14/1'), proposal('NOC\nAPT/44A14/2', CLEAN_TEXT)),
      ),
    },
  ],
});
