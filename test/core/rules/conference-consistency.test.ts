import rule from '../../../src/core/rules/conference-consistency';
import { runRuleTests } from '../../helpers/rule-tester';

const doc = (marker: string, number: string, history: string | null, preamble: string) =>
  [
    `${marker}\tAPT/44A14/1`,
    number,
    'Countering and combating spam',
    ...(history ? [history] : []),
    preamble,
    'recognizing',
    'a)\tthe basic instruments of ITU.',
  ].join('\n');
const out = (markup: string) => markup.replace(/\\t/g, '\t');

const WTSA = 'The World Telecommunication Standardization Assembly';

runRuleTests(rule, {
  valid: [
    {
      name: 'all three name the inferred target',
      markup: doc(
        'MOD',
        'RESOLUTION 52 (Rev. Hammamet, 2016)',
        '(Dubai, 2012; Hammamet, 2016)',
        `${WTSA} (Hammamet, 2016),`,
      ),
    },
    {
      name: 'an ADD names only the new conference',
      markup: doc(
        'ADD',
        'DRAFT NEW RESOLUTION [APT-1] (New Delhi, 2024)',
        null,
        `${WTSA} (New Delhi, 2024),`,
      ),
      conference: 'WTSA-24',
    },
    {
      name: 'a NOC is not prepared for the conference',
      markup: doc('NOC', 'RESOLUTION 52 (Rev. Dubai, 2012)', '(Dubai, 2012)', `${WTSA} (Dubai, 2012),`),
      conference: 'WTSA-24',
    },
  ],
  invalid: [
    {
      name: 'stale number line and preamble, capitals kept',
      markup: doc(
        'MOD',
        'RESOLUTION 52 (REV. DUBAI, 2012)',
        '(Dubai, 2012; New Delhi, 2024)',
        `${WTSA} (Dubai, 2012),`,
      ),
      findings: [
        { paragraph: 2, actual: '(REV. DUBAI, 2012)', expected: 'NEW DELHI, 2024', fixable: true },
        { paragraph: 5, actual: '(Dubai, 2012)', expected: 'New Delhi, 2024', fixable: true },
      ],
      output: out(
        doc(
          'MOD',
          'RESOLUTION 52 (REV. NEW DELHI, 2024)',
          '(Dubai, 2012; New Delhi, 2024)',
          `${WTSA} (New Delhi, 2024),`,
        ),
      ),
    },
    {
      name: 'a first revision gains Rev. as well as the new venue',
      markup: doc('MOD', 'RÉSOLUTION 52 (Dubaï, 2012)', '(Dubaï, 2012)', `${WTSA} (Dubaï, 2012),`),
      conference: 'WTSA-16',
      findings: [
        {
          paragraph: 2,
          message:
            'The number line tag names `(Dubaï, 2012)`, not the target conference WTSA-16 (Hammamet, 2016), and lacks `Rév.`: the text is revised',
        },
        { paragraph: 5 },
      ],
      output: out(
        doc('MOD', 'RÉSOLUTION 52 (Rév. Hammamet, 2016)', '(Dubaï, 2012)', `${WTSA} (Hammamet, 2016),`),
      ),
    },
    {
      name: 'an ADD does not say Rev. and carries no older conference',
      markup: doc(
        'ADD',
        'DRAFT NEW RESOLUTION [APT-1] (Rev. New Delhi, 2024)',
        '(Dubai, 2012; New Delhi, 2024)',
        `${WTSA} (New Delhi, 2024),`,
      ),
      conference: 'WTSA-24',
      findings: [
        { paragraph: 2, message: 'The number line tag says `Rev.`, but the text is new', fixable: true },
        {
          paragraph: 4,
          message: /names only the target conference WTSA-24 \(New Delhi, 2024\), not `Dubai, 2012`/,
          fixable: false,
        },
      ],
      output: out(
        doc(
          'ADD',
          'DRAFT NEW RESOLUTION [APT-1] (New Delhi, 2024)',
          '(Dubai, 2012; New Delhi, 2024)',
          `${WTSA} (New Delhi, 2024),`,
        ),
      ),
    },
  ],
});
