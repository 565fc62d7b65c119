import { readFileSync } from 'fs';
import { join } from 'path';
import { check } from '../../../src/core/engine';
import { fromMarkup } from '../../../src/core/markup';
import rule from '../../../src/core/rules/cross-reference';
import { runRuleTests } from '../../helpers/rule-tester';

const HEAD =
  'MOD\tAPT/44A14/1\nRESOLUTION 52 (Rev. Hammamet, 2016)\nCountering spam\nThe World Telecommunication Standardization Assembly (Hammamet, 2016),';
const doc = (...lines: string[]): string => [HEAD, ...lines, 'Reasons:\tClarity.'].join('\n');
const out = (...lines: string[]): string => doc(...lines).replace(/\\t/g, '\t');
const FR_HEAD =
  "MOD\tAPT/44A14/1\nRÉSOLUTION 52 (Rév. Hammamet, 2016)\nLutter contre le spam\nL'Assemblée mondiale de normalisation des télécommunications (Hammamet, 2016),";
const fr = (...lines: string[]): string => [FR_HEAD, ...lines, 'Motifs:\tClarté.'].join('\n');
const ES_HEAD =
  'MOD\tAPT/44A14/1\nRESOLUCIÓN 52 (Rev. Hammamet, 2016)\nCombatir el spam\nLa Asamblea Mundial de Normalización de las Telecomunicaciones (Hammamet, 2016),';
const es = (...lines: string[]): string => [ES_HEAD, ...lines, 'Motivos:\tClaridad.'].join('\n');

const RECOGNIZING = ['recognizing further', 'a)\tx;', 'b)\tx;', 'c)\tx,'];

runRuleTests(rule, {
  valid: [
    {
      name: 'English reference to an existing clause',
      markup: doc(
        ...RECOGNIZING,
        'considering',
        'a)\tone of the approaches mentioned in recognizing further c) above,',
      ),
    },
    { name: 'operative reference', markup: doc('resolves', '1\tx;', '2\tas in resolves 1,') },
    {
      name: 'a list of labels',
      markup: doc(...RECOGNIZING, 'considering', 'a)\tsee recognizing further a) and c) above,'),
    },
    {
      name: 'French label-first reference',
      markup: fr(
        'reconnaissant en outre',
        'a)\tx;',
        'b)\tx;',
        'c)\tx,',
        'considérant',
        "a)\tl'un des moyens mentionnés au point c) du reconnaissant en outre ci-dessus,",
      ),
    },
    {
      name: 'Spanish reference',
      markup: es(
        'reconociendo',
        'a)\tx;',
        'b)\tx,',
        'considerando',
        'a)\tlo indicado en el punto b) del reconociendo,',
      ),
    },
    {
      name: "another text's clause is not checked",
      markup: doc(
        'resolves',
        '1\tas in resolves 7 of Resolution 130 (Rev. Busan, 2014) of the Plenipotentiary Conference,',
      ),
    },
    {
      // Found without a lookbehind (Safari 15 has none), yet still only at the start of a word.
      name: 'a heading form or a label inside a longer word is no reference',
      markup: doc(
        'considering',
        'a)\tx;',
        'resolves',
        '1\tthe preresolves 7 text;',
        '2\tas in item5 of considering,',
      ),
    },
    {
      name: 'a section the resolution does not have is not checked',
      markup: doc('resolves', '1\tas noted in considering z),'),
    },
    {
      name: 'an edited reference is read in the current view',
      markup: doc(
        'considering',
        'a)\tx;',
        '+¶ {+b)\tnew;+}',
        '[-b-]{+c+})\tx;',
        'resolves',
        '1\tin view of considering [-b-]{+c+}),',
      ),
    },
    {
      name: 'an untouched reference to an unrenumbered clause',
      markup: doc(
        'considering',
        'a)\tx;',
        'b)\tx;',
        '+¶ {+c)\tnew;+}',
        'resolves',
        '1\tin view of considering b),',
      ),
    },
  ],
  invalid: [
    {
      name: 'a reference to a clause that does not exist',
      markup: doc(
        ...RECOGNIZING,
        'considering',
        'a)\tone of the approaches mentioned in recognizing further d) above,',
      ),
      findings: [
        {
          paragraph: 10,
          message: 'Reference `recognizing further d)` points to no clause: recognizing further has a) to c)',
          clause: 'considering a)',
          fixable: false,
        },
      ],
    },
    {
      name: 'an untouched reference follows its renumbered clause',
      markup: doc(
        'considering',
        'a)\tx;',
        '+¶ {+b)\tnew;+}',
        '[-b-]{+c+})\tx;',
        'resolves',
        '1\tin view of considering b) above,',
      ),
      findings: [
        {
          paragraph: 10,
          message: 'Reference `considering b)` should be `considering c)`: the clause was renumbered',
          actual: 'considering b)',
          expected: 'considering c)',
          clause: 'resolves 1',
          fixable: true,
        },
      ],
      output: out(
        'considering',
        'a)\\tx;',
        'b)\\tnew;',
        'c)\\tx;',
        'resolves',
        '1\\tin view of considering c) above,',
      ),
    },
    {
      name: 'French: the renumbered clause is followed',
      markup: fr(
        'considérant',
        'a)\tx;',
        '+¶ {+b)\tnouveau;+}',
        '[-b-]{+c+})\tx;',
        'décide',
        '1\tcompte tenu du point b) du considérant,',
      ),
      findings: [
        {
          message: 'Reference `considérant b)` should be `considérant c)`: the clause was renumbered',
          clause: 'décide 1',
        },
      ],
      output: [
        FR_HEAD,
        'considérant',
        'a)\tx;',
        'b)\tnouveau;',
        'c)\tx;',
        'décide',
        '1\tcompte tenu du point c) du considérant,',
        'Motifs:\tClarté.',
      ].join('\n'),
    },
    {
      name: 'a reference to a deleted clause',
      markup: doc('considering', 'a)\tx;', '-¶ [-b)\told;-]', 'resolves', '1\tin view of considering b),'),
      findings: [{ message: 'Reference `considering b)` points to a deleted clause', fixable: false }],
    },
    {
      name: 'Spanish: a missing clause',
      markup: es(
        'reconociendo',
        'a)\tx;',
        'b)\tx,',
        'considerando',
        'a)\tlo indicado en el punto c) del reconociendo,',
      ),
      findings: [{ message: /^Reference `reconociendo c\)` points to no clause/ }],
    },
    {
      name: 'an operative reference to a missing clause',
      markup: doc('resolves', '1\tx;', '2\tas in resolves 3,'),
      findings: [{ message: 'Reference `resolves 3` points to no clause: resolves has 1 to 2' }],
    },
  ],
});

const seed = (name: string): string => readFileSync(join(__dirname, '../../fixtures/seeds', name), 'utf8');

describe('cross-reference on the seeds', () => {
  test('the French seed: `au point c) du reconnaissant en outre ci-dessus` resolves', () => {
    expect(
      check(fromMarkup(seed('fr-resolution-52.txt')), { rules: ['cross-reference'] }).diagnostics,
    ).toEqual([]);
  });
  test('the English seed: `recognizing further c) above` resolves', () => {
    expect(
      check(fromMarkup(seed('en-resolution-52.txt')), { rules: ['cross-reference'] }).diagnostics,
    ).toEqual([]);
  });
  test('the French seed with a clause inserted before reconnaissant en outre c) asks for the reference to follow', () => {
    const moved = seed('fr-resolution-52.txt')
      .replace(
        'c)\tle rapport du Président',
        '+¶ {+c)\tun nouvel alinéa;+}\n[-c-]{+d+})\tle rapport du Président',
      )
      .replace('+¶ {+d)\tles parties', '+¶ {+e)\tles parties');
    const r = check(fromMarkup(moved), { rules: ['cross-reference', 'clause-sequence'] });
    expect(r.diagnostics.map((d) => [d.ruleId, d.actual, d.expected])).toEqual([
      ['cross-reference', 'reconnaissant en outre c)', 'reconnaissant en outre d)'],
    ]);
  });
});
