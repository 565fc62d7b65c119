import rule from '../../../src/core/rules/revision-tag';
import { runRuleTests } from '../../helpers/rule-tester';

const doc = (
  number: string,
  history: string,
  preamble: string,
  clause: string,
  heading = 'recognizing',
) => `MOD\tAPT/44A14/1
${number}
Countering and combating spam
${history}
${preamble}
${heading}
a)\t${clause}`;

const GOOD_EN = doc(
  'RESOLUTION 52 (REV. HAMMAMET, 2016)',
  '(Florianópolis, 2004; Dubai, 2012; Hammamet, 2016)',
  'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
  'Resolution 130 (Rev. Busan, 2014) of the Plenipotentiary Conference and Resolution 28 (Rev.WRC-15).',
);

runRuleTests(rule, {
  valid: [
    { name: 'English, number line in capitals', markup: GOOD_EN },
    {
      name: 'French, citations of WRC texts and RA histories left alone',
      markup: doc(
        'RÉSOLUTION 52 (Rév. Hammamet, 2016)',
        '(Florianópolis, 2004; Dubaï, 2012; Hammamet, 2016)',
        "L'Assemblée mondiale de normalisation des télécommunications (Hammamet, 2016),",
        'la Résolution 155 (CMR-15), la Résolution UIT-R 38-4 (1995-1997-2000-2003-2012) et (SMSI).',
      ),
    },
    {
      name: 'Russian',
      markup: doc(
        'РЕЗОЛЮЦИЯ 52 (Пересм. Хаммамет, 2016 г.)',
        '(Дубай, 2012 г.; Хаммамет, 2016 г.)',
        'Всемирная ассамблея по стандартизации электросвязи (Хаммамет, 2016 г.),',
        'Резолюция 130 (Пересм. Пусан, 2014 г.).',
      ),
    },
    {
      name: 'in a clause, a bare parenthesis with a year that names no venue is not a tag, near-misses and phrases included',
      markup: GOOD_EN.replace(
        'a)\t',
        'a)\tthe meeting of experts (Paris, 2030), the studies (Rice, 2019), (Susan 2019) and (Dona, 2019), the WSIS (Geneva, 2003 and Tunis, 2005) and ',
      ),
    },
    {
      name: 'a malformed tag on the cover page is not resolution text',
      markup: `Summary: this revises Resolution 52 (Rev. Dubai 2012).\n${GOOD_EN}`,
    },
  ],
  invalid: [
    {
      name: 'French seed forms: comma missing everywhere, case mixed on the number line',
      markup: doc(
        'RÉSOLUTION 52 (Rév.[- Dubaï, 2012-]{+ HAMMAMET 2016+})',
        '(Florianópolis, 2004; Dubaï, 2012{+; Hammamet 2016+})',
        "L'Assemblée mondiale de normalisation des télécommunications ([-Dubaï, 2012-]{+Hammamet 2016+}),",
        'la Résolution 130 (Rév. [-Guadalajara, 2010-]{+Busan 2014+}) et la Résolution 71 (Rév. Guadalajara, 2010Busan, 2014).',
        'reconnaissant',
      ),
      findings: [
        {
          paragraph: 2,
          message:
            'Unexpected `(Rév. HAMMAMET 2016)`, expected `(Rév. Hammamet, 2016)`: no comma between city and year; `HAMMAMET` does not match the case of `Rév.`',
          fixable: true,
        },
        { paragraph: 4, actual: 'Hammamet 2016', expected: 'Hammamet, 2016' },
        { paragraph: 5, actual: '(Hammamet 2016)', expected: '(Hammamet, 2016)' },
        {
          paragraph: 7,
          actual: '(Rév. Busan 2014)',
          expected: '(Rév. Busan, 2014)',
          clause: 'reconnaissant a)',
        },
        {
          paragraph: 7,
          actual: '(Rév. Guadalajara, 2010Busan, 2014)',
          expected: '(Rév. Busan, 2014)',
          message:
            'Unexpected `(Rév. Guadalajara, 2010Busan, 2014)`, expected `(Rév. Busan, 2014)`: two city/year pairs run together, `Guadalajara, 2010` and `Busan, 2014`: only `Busan, 2014` should stand (a replacement is a tracked deletion and insertion)',
        },
      ],
      output: [
        'MOD\tAPT/44A14/1',
        'RÉSOLUTION 52 (Rév. Hammamet, 2016)',
        'Countering and combating spam',
        '(Florianópolis, 2004; Dubaï, 2012; Hammamet, 2016)',
        "L'Assemblée mondiale de normalisation des télécommunications (Hammamet, 2016),",
        'reconnaissant',
        'a)\tla Résolution 130 (Rév. Busan, 2014) et la Résolution 71 (Rév. Busan, 2014).',
      ].join('\n'),
    },
    {
      name: 'English revision word in French, French one in English',
      markup: doc(
        'RESOLUTION 52 (Rév. Hammamet, 2016)',
        '(Dubai, 2012; Hammamet, 2016)',
        'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
        'Resolution 130 (rev. Busan, 2014).',
      ),
      findings: [
        { paragraph: 2, expected: '(Rev. Hammamet, 2016)' },
        { paragraph: 7, expected: '(Rev. Busan, 2014)' },
      ],
      output: [
        'MOD\tAPT/44A14/1',
        'RESOLUTION 52 (Rev. Hammamet, 2016)',
        'Countering and combating spam',
        '(Dubai, 2012; Hammamet, 2016)',
        'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
        'recognizing',
        'a)\tResolution 130 (Rev. Busan, 2014).',
      ].join('\n'),
    },
    {
      name: 'a venue where no conference met: reported, not guessed',
      markup: doc(
        'RESOLUTION 52 (Rev. Hammamet, 2017)',
        '(Dubai, 2012; Hammamet, 2016)',
        'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
        'Resolution 12 (Rev. Paris, 2014).',
      ),
      findings: [
        {
          paragraph: 2,
          message: 'Unexpected `(Rev. Hammamet, 2017)`: no ITU conference met in Hammamet in 2017',
          fixable: false,
        },
        {
          paragraph: 7,
          message: 'Unexpected `(Rev. Paris, 2014)`: no ITU conference met in Paris',
          fixable: false,
        },
      ],
    },
    {
      name: 'a misspelt venue in a preamble: reported with the city meant',
      markup: doc(
        'RESOLUTION 52 (Rev. New Delhi, 2024)',
        '(Dubai, 2012; Hammamet, 2016; New Delhi, 2024)',
        'The World Telecommunication Standardization Assembly (New Dehli, 2024),',
        'Resolution 130 (Rev. Busan, 2014) and the Tunis Agenda (Tunis, 2005).',
      ),
      findings: [
        {
          paragraph: 5,
          message:
            'Unexpected `(New Dehli, 2024)`: no ITU conference met in New Dehli; did you mean New Delhi, 2024?',
          fixable: false,
        },
      ],
    },
    {
      name: 'a preamble naming a city where no conference met',
      markup: doc(
        'RESOLUTION 52 (Rev. New Delhi, 2024)',
        '(Dubai, 2012; Hammamet, 2016; New Delhi, 2024)',
        'The World Telecommunication Standardization Assembly (Riyadh, 2028),',
        'Resolution 130 (Rev. Busan, 2014).',
      ),
      findings: [
        {
          paragraph: 5,
          message: 'Unexpected `(Riyadh, 2028)`: no ITU conference met in Riyadh',
          fixable: false,
        },
      ],
    },
    {
      name: 'Russian year without г., Arabic-free Latin comma',
      markup: doc(
        'РЕЗОЛЮЦИЯ 52 (Пересм. Хаммамет, 2016)',
        '(Дубай, 2012 г.; Хаммамет 2016 г.)',
        'Всемирная ассамблея по стандартизации электросвязи (Хаммамет, 2016 г.),',
        'Резолюция 130 (Пересм. Пусан, 2014 г.).',
      ),
      findings: [
        { paragraph: 2, expected: '(Пересм. Хаммамет, 2016 г.)' },
        { paragraph: 4, expected: 'Хаммамет, 2016 г.' },
      ],
      output: [
        'MOD\tAPT/44A14/1',
        'РЕЗОЛЮЦИЯ 52 (Пересм. Хаммамет, 2016 г.)',
        'Countering and combating spam',
        '(Дубай, 2012 г.; Хаммамет, 2016 г.)',
        'Всемирная ассамблея по стандартизации электросвязи (Хаммамет, 2016 г.),',
        'recognizing',
        'a)\tРезолюция 130 (Пересм. Пусан, 2014 г.).',
      ].join('\n'),
    },
  ],
});
