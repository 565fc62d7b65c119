import rule from '../../../src/core/rules/proposal-marker';
import { runRuleTests } from '../../helpers/rule-tester';
import { ADD_TEXT, CLEAN_TEXT, contribution, currentText, proposal } from './proposal-fixtures';

const COVER = ['Introduction', 'This contribution proposes changes to Resolution 52.'].join('\n');

runRuleTests(rule, {
  valid: [
    { name: 'MOD, TAB, identifier', markup: proposal('MOD\tAPT/44A14/1') },
    { name: 'after a cover page', markup: contribution(COVER, proposal('MOD\tAPT/44A14/1')) },
    { name: '(MOD)', markup: proposal('(MOD)\tAPT/44A14/1') },
    { name: 'ADD', markup: proposal('ADD\tAPT/44A14/1', ADD_TEXT) },
    { name: 'ADD*', markup: proposal('ADD*\tAPT/44A14/1', ADD_TEXT) },
    { name: 'SUP', markup: proposal('SUP\tAPT/44A14/1', CLEAN_TEXT) },
    { name: 'SUP*', markup: proposal('SUP*\tAPT/44A14/1', CLEAN_TEXT) },
    { name: 'NOC', markup: proposal('NOC\tAPT/44A14/1', CLEAN_TEXT) },
    { name: 'document not numbered yet', markup: proposal('MOD\tEUR/XX/1') },
    { name: 'no addendum', markup: proposal('MOD\tSEN/56/1') },
    { name: 'joint submitters', markup: proposal('MOD\tB/CAN/CLM/USA/12/3') },
    { name: 'zero-padded sequence', markup: proposal('MOD\tACP/12/01') },
    { name: 'trailing blanks', markup: proposal('MOD\tAPT/44A14/1  ') },
    { name: 'older layout: marker, then identifier', markup: proposal('MOD\nAPT/44A14/1') },
    { name: 'older layout: identifier, then marker', markup: proposal('APT/44A14/1\nMOD') },
    {
      name: 'two proposals',
      markup: contribution(proposal('MOD\tAPT/44A14/1'), proposal('NOC\tAPT/44A14/2', CLEAN_TEXT)),
    },
  ],
  invalid: [
    {
      name: 'lowercase marker',
      markup: proposal('mod\tAPT/44A14/1'),
      findings: [
        {
          paragraph: 1,
          message: 'Unexpected marker `mod`, expected `MOD`: marker symbols are written in capitals',
          actual: 'mod',
          expected: 'MOD',
          fixable: true,
        },
      ],
      output: currentText(proposal('MOD\tAPT/44A14/1')),
    },
    {
      name: 'mixed-case marker with a star',
      markup: proposal('Add*\tAPT/44A14/1', ADD_TEXT),
      findings: [{ paragraph: 1, expected: 'ADD*', fixable: true }],
      output: currentText(proposal('ADD*\tAPT/44A14/1', ADD_TEXT)),
    },
    {
      name: 'lowercase editorial marker',
      markup: proposal('(mod)\tAPT/44A14/1'),
      findings: [{ paragraph: 1, actual: '(mod)', expected: '(MOD)', fixable: true }],
      output: currentText(proposal('(MOD)\tAPT/44A14/1')),
    },
    {
      name: 'punctuation after the marker',
      markup: proposal('MOD:\tAPT/44A14/1'),
      findings: [
        {
          paragraph: 1,
          message: 'Unexpected marker `MOD:`, expected `MOD`: a marker symbol takes no punctuation',
          fixable: true,
        },
      ],
      output: currentText(proposal('MOD\tAPT/44A14/1')),
    },
    {
      name: 'translated marker (French)',
      markup: proposal('MODIF\tAPT/44A14/1'),
      findings: [
        {
          paragraph: 1,
          message:
            /^Unexpected marker `MODIF`, expected `MOD` or another of MOD, \(MOD\), ADD, .*never translated$/,
          actual: 'MODIF',
          expected: 'MOD',
          fixable: false,
        },
      ],
    },
    {
      name: 'translated marker (Spanish, accented)',
      markup: proposal('SUPRESIÓN\tAPT/44A14/1', CLEAN_TEXT),
      findings: [{ paragraph: 1, expected: 'SUP', fixable: false }],
    },
    {
      name: 'unknown marker symbol',
      markup: proposal('AMD\tAPT/44A14/1'),
      findings: [
        {
          paragraph: 1,
          message: 'Unknown marker `AMD`, expected one of MOD, (MOD), ADD, ADD*, SUP, SUP*, NOC',
          fixable: false,
        },
      ],
    },
    {
      name: 'a space instead of the TAB',
      markup: proposal('MOD APT/44A14/1'),
      findings: [
        {
          paragraph: 1,
          message: 'Expected a TAB between the marker `MOD` and the identifier `APT/44A14/1`, found a space',
          fixable: true,
        },
      ],
      output: currentText(proposal('MOD\tAPT/44A14/1')),
    },
    {
      name: 'spaces instead of the TAB',
      markup: proposal('NOC   APT/44A14/1', CLEAN_TEXT),
      findings: [{ paragraph: 1, message: /found spaces$/, fixable: true }],
      output: currentText(proposal('NOC\tAPT/44A14/1', CLEAN_TEXT)),
    },
    {
      name: 'marker glued to the identifier',
      markup: proposal('MODAPT/44A14/1'),
      findings: [{ paragraph: 1, message: /found nothing$/, fixable: true }],
      output: currentText(proposal('MOD\tAPT/44A14/1')),
    },
    {
      name: 'lowercase marker and a space: both fixed at once',
      markup: proposal('mod APT/44A14/1'),
      findings: [
        { paragraph: 1, expected: 'MOD', fixable: true },
        { paragraph: 1, message: /found a space$/, fixable: true },
      ],
      output: currentText(proposal('MOD\tAPT/44A14/1')),
    },
    {
      name: 'malformed identifier',
      markup: proposal('MOD\tAPT-44A14-1'),
      findings: [
        {
          paragraph: 1,
          message: /^Malformed identifier `APT-44A14-1`, expected SUBMITTER\/DOC\[A<addendum>\]\/SEQ/,
          actual: 'APT-44A14-1',
          fixable: false,
        },
      ],
    },
    {
      name: 'identifier without a sequence number',
      markup: proposal('MOD\tAPT/44A14'),
      findings: [{ paragraph: 1, message: /^Malformed identifier `APT\/44A14`/, fixable: false }],
    },
    {
      name: 'marker without an identifier',
      markup: proposal('MOD'),
      findings: [
        { paragraph: 1, message: /^The marker `MOD` has no identifier, expected a TAB and SUBMITTER/ },
      ],
    },
    {
      name: 'identifier without a marker',
      markup: proposal('APT/44A14/1'),
      findings: [
        { paragraph: 1, message: /^The identifier `APT\/44A14\/1` has no marker, expected one of MOD/ },
      ],
    },
    {
      name: 'no proposal line at all',
      markup: contribution(COVER, proposal(null)),
      findings: [
        {
          paragraph: 3,
          message:
            /^No proposal line before `RESOLUTION 52 \(Rev\. Hammamet, 2016\)`, expected a marker \(MOD, /,
          fixable: false,
        },
      ],
    },
    {
      name: 'the second proposal of a contribution',
      markup: contribution(proposal('MOD\tAPT/44A14/1'), proposal('noc\tAPT/44A14/2', CLEAN_TEXT)),
      findings: [{ paragraph: 13, expected: 'NOC', fixable: true }],
      output: currentText(
        contribution(proposal('MOD\tAPT/44A14/1'), proposal('NOC\tAPT/44A14/2', CLEAN_TEXT)),
      ),
    },
  ],
});
