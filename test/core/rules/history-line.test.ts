import rule from '../../../src/core/rules/history-line';
import { runRuleTests } from '../../helpers/rule-tester';

const doc = (
  history: string,
  marker = 'MOD',
  number = 'RESOLUTION 52 (Rev. Hammamet, 2016)',
) => `${marker}\tAPT/44A14/1
${number}
Countering and combating spam
${history}
The World Telecommunication Standardization Assembly (Hammamet, 2016),
recognizing
a)\tthe basic instruments of ITU.`;

/** The current texts of doc(history) as the tester prints them. */
const out = (history: string, marker = 'MOD') => doc(history, marker).replace(/\\t/g, '\t');

runRuleTests(rule, {
  valid: [
    {
      name: 'oldest first, ends with the target',
      markup: doc('(Florianópolis, 2004; Dubai, 2012; Hammamet, 2016)'),
    },
    {
      name: 'the target given by the user is the last entry',
      markup: doc('(Dubai, 2012; Hammamet, 2016)'),
      conference: 'WTSA-16',
    },
    {
      name: 'a NOC keeps its history as it is',
      markup: doc('(Dubai, 2012)', 'NOC', 'RESOLUTION 52 (Rev. Dubai, 2012)'),
      conference: 'WTSA-24',
    },
    {
      name: 'an entry without its comma is the revision-tag rule’s finding',
      markup: doc('(Dubai, 2012; Hammamet 2016)'),
    },
    {
      name: 'Arabic separators',
      markup: doc('(دبي، 2012؛ الحمامات، 2016)').replace('RESOLUTION 52', 'القرار 52'),
    },
  ],
  invalid: [
    {
      name: 'a MOD for WTSA-24 that forgot to append it',
      markup: doc('(Florianópolis, 2004; Dubai, 2012; Hammamet, 2016)'),
      conference: 'WTSA-24',
      findings: [{ paragraph: 4, expected: 'New Delhi, 2024', fixable: true }],
      output: out('(Florianópolis, 2004; Dubai, 2012; Hammamet, 2016; New Delhi, 2024)'),
    },
    {
      name: 'commas between entries, a revision word, a duplicate',
      markup: doc('(Dubai, 2012, Dubai, 2012; Rev. Hammamet, 2016)'),
      findings: [
        // The duplicate's deletion takes its wrong separator along: no second finding for it.
        { paragraph: 4, message: 'Duplicate `Dubai, 2012` in the history line' },
        { paragraph: 4, message: /^Unexpected `Rev\.` in the history line/ },
      ],
      output: out('(Dubai, 2012; Hammamet, 2016)'),
    },
    {
      name: 'separators other than `; `',
      markup: doc('(Florianópolis, 2004, Dubai, 2012;Hammamet, 2016)'),
      findings: [
        { paragraph: 4, actual: ', ', expected: '; ' },
        { paragraph: 4, actual: ';', expected: '; ' },
      ],
      output: out('(Florianópolis, 2004; Dubai, 2012; Hammamet, 2016)'),
    },
    {
      name: 'two entries run together, as an edit made with tracking off leaves them',
      markup: doc('(Guadalajara, 2010Busan, 2014; Hammamet, 2016)'),
      findings: [
        {
          paragraph: 4,
          message: '`Guadalajara, 2010` and `Busan, 2014` run together, expected `; ` between them',
          actual: '',
          expected: '; ',
        },
      ],
      output: out('(Guadalajara, 2010; Busan, 2014; Hammamet, 2016)'),
    },
    {
      name: 'out of order: reported, a person decides',
      markup: doc('(Hammamet, 2016; Dubai, 2012)'),
      conference: 'WTSA-16',
      findings: [
        {
          paragraph: 4,
          message: 'Unexpected `Dubai, 2012` after `Hammamet, 2016`: the history line lists the oldest first',
          fixable: false,
        },
        {
          paragraph: 4,
          message: /ends with `Dubai, 2012`, after the target conference WTSA-16/,
          fixable: false,
        },
      ],
    },
    {
      name: 'a French MOD for WTSA-24 gets the entry in French',
      markup: doc('(Florianópolis, 2004; Dubaï, 2012)', 'MOD', 'RÉSOLUTION 52 (Rév. Dubaï, 2012)'),
      conference: 'WTSA-24',
      findings: [{ paragraph: 4, expected: 'New Delhi, 2024' }],
      output: out('(Florianópolis, 2004; Dubaï, 2012; New Delhi, 2024)').replace(
        'RESOLUTION 52 (Rev. Hammamet, 2016)',
        'RÉSOLUTION 52 (Rév. Dubaï, 2012)',
      ),
    },
  ],
});
