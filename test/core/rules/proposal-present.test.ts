import rule from '../../../src/core/rules/proposal-present';
import { runRuleTests } from '../../helpers/rule-tester';
import { MOD_TEXT, proposal } from './proposal-fixtures';

runRuleTests(rule, {
  valid: [
    { name: 'a proposal', markup: proposal('MOD\tAPT/44A14/1') },
    { name: 'a resolution with no proposal line', markup: MOD_TEXT.join('\n') },
    {
      name: 'a Russian resolution',
      markup:
        'РЕЗОЛЮЦИЯ 52 (Пересм. Хаммамет, 2016 г.)\nПротиводействие спаму\nрешает\n1\tпродолжать работу.',
    },
  ],
  invalid: [
    {
      name: 'a cover letter',
      markup: '\nDear colleagues,\nPlease find attached our comments.\nBest regards,',
      findings: [
        {
          paragraph: 2,
          severity: 'error',
          message:
            'No proposal and no resolution in this file: expected a proposal line such as `MOD<TAB>APT/44A14/1` or a number line such as `RESOLUTION 52`',
        },
      ],
    },
    {
      name: 'a letter that only cites a resolution',
      markup: 'Dear colleagues,\nWe support the revision of Resolution 52 (Rev. Hammamet, 2016) at WTSA-24.',
      findings: [{ paragraph: 1, message: /^No proposal and no resolution in this file/ }],
    },
  ],
});
