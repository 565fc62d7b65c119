import rule from '../../../src/core/rules/marker-content';
import { runRuleTests } from '../../helpers/rule-tester';
import { ADD_TEXT, CLEAN_TEXT, MOD_TEXT, contribution, proposal } from './proposal-fixtures';

/** Every paragraph of a text as a tracked insertion, as a wholly new text shows. */
const inserted = (text: readonly string[]): string[] => text.map((l) => `+¶ {+${l}+}`);

runRuleTests(rule, {
  valid: [
    { name: 'MOD with tracked changes', markup: proposal('MOD\tAPT/44A14/1', MOD_TEXT) },
    { name: '(MOD) with tracked changes', markup: proposal('(MOD)\tAPT/44A14/1', MOD_TEXT) },
    { name: 'ADD, clean', markup: proposal('ADD\tAPT/44A14/1', ADD_TEXT) },
    { name: 'ADD*, clean', markup: proposal('ADD*\tAPT/44A14/1', ADD_TEXT) },
    { name: 'ADD, inserted as a whole', markup: proposal('ADD\tAPT/44A14/1', inserted(ADD_TEXT)) },
    { name: 'NOC, clean', markup: proposal('NOC\tAPT/44A14/1', CLEAN_TEXT) },
    { name: 'SUP, clean', markup: proposal('SUP\tAPT/44A14/1', CLEAN_TEXT) },
    {
      name: 'the reasons are not amended text',
      markup: proposal('NOC\tAPT/44A14/1', CLEAN_TEXT, '+¶ {+Reasons:\tStill relevant.+}'),
    },
    {
      name: 'an inserted proposal line is not amended text',
      markup: proposal('+¶ {+NOC\tAPT/44A14/1+}', CLEAN_TEXT),
    },
    { name: 'no marker (proposal-marker reports it)', markup: proposal(null, CLEAN_TEXT) },
  ],
  invalid: [
    {
      name: 'MOD without tracked changes',
      markup: proposal('MOD\tAPT/44A14/1', CLEAN_TEXT),
      findings: [
        {
          paragraph: 1,
          message:
            '`MOD` `APT/44A14/1` shows no tracked changes, expected its changes as tracked insertions and deletions (a text kept as it is is a NOC)',
          severity: 'warning',
          actual: 'MOD',
          fixable: false,
        },
      ],
    },
    {
      name: 'NOC with tracked changes',
      markup: proposal('NOC\tAPT/44A14/1', MOD_TEXT),
      findings: [
        {
          paragraph: 2,
          message:
            '`NOC` `APT/44A14/1` changes nothing, but paragraph 2 has tracked changes: changing words of a text is a MOD',
          severity: 'warning',
        },
      ],
    },
    {
      name: 'SUP* with tracked changes further down',
      markup: proposal('SUP*\tAPT/44A14/1', [
        ...CLEAN_TEXT.slice(0, 5),
        'a)\tthat spam is a [-global-] problem;',
        ...CLEAN_TEXT.slice(6),
      ]),
      findings: [
        {
          paragraph: 7,
          message: /^`SUP\*` `APT\/44A14\/1` changes nothing, but paragraph 7 has tracked changes/,
        },
      ],
    },
    {
      name: 'ADD with a tracked deletion',
      markup: proposal('ADD\tAPT/44A14/1', [
        ...ADD_TEXT.slice(0, 4),
        'a)\tthat spam is a [-global-] problem;',
        ...ADD_TEXT.slice(5),
      ]),
      findings: [
        {
          paragraph: 6,
          message:
            '`ADD` `APT/44A14/1` is new text, but paragraph 6 has tracked deletions: changing an existing text is a MOD',
        },
      ],
    },
    {
      name: 'ADD partly inserted',
      markup: proposal('ADD\tAPT/44A14/1', [
        ...ADD_TEXT.slice(0, 5),
        '+¶ {+b)\tthat it keeps growing,+}',
        ...ADD_TEXT.slice(6),
      ]),
      findings: [
        {
          paragraph: 7,
          message:
            '`ADD` `APT/44A14/1` is new text, expected clean or inserted as a whole, but paragraph 7 is tracked as inserted while paragraph 2 is not tracked: inserting words into an existing text is a MOD',
        },
      ],
    },
    {
      name: 'ADD inserted but one paragraph left untracked',
      markup: proposal('ADD\tAPT/44A14/1', [...inserted(ADD_TEXT.slice(0, 7)), ADD_TEXT[7]]),
      findings: [
        { paragraph: 9, message: /paragraph 9 is not tracked while paragraph 2 is tracked as inserted/ },
      ],
    },
    {
      name: 'each proposal of a contribution on its own',
      markup: contribution(proposal('MOD\tAPT/44A14/1', MOD_TEXT), proposal('MOD\tAPT/44A14/2', CLEAN_TEXT)),
      findings: [{ paragraph: 13, message: /^`MOD` `APT\/44A14\/2` shows no tracked changes/ }],
    },
  ],
});
