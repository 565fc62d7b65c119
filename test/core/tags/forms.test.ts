import type { Language } from '../../../src/core/conferences';
import { findShortTags, findTags, parseHistory } from '../../../src/core/tags';

/** The problems check finds in a text's tags (short forms included), as messages. */
const problems = (text: string, language: Language): string[] => [
  ...findTags(text, language).flatMap((t) => t.problems.map((p) => p.message)),
  ...findShortTags(text, language).flatMap((t) => t.problems.map((p) => p.message)),
];

describe('tag forms each language writes', () => {
  test.each([
    ['en', 'RESOLUTION 52 (REV. HAMMAMET, 2016)'],
    ['en', 'Resolution 130 (Rev. Busan, 2014) of the Plenipotentiary Conference'],
    ['fr', 'RÉSOLUTION 52 (RÉV. HAMMAMET, 2016)'],
    ['fr', 'RÉSOLUTION 52 (REV. HAMMAMET, 2016)'],
    ['es', 'RESOLUCIÓN 52 (REV. HAMMAMET, 2016)'],
    ['es', 'Resolución 130 (Rev. Busán, 2014)'],
    ['ru', 'РЕЗОЛЮЦИЯ 52 (ПЕРЕСМ. ХАММАМЕТ, 2016 Г.)'],
    ['ru', 'Резолюция 130 (Пересм. Пусан, 2014 г.)'],
    ['ar', 'القرار 52 (المراجَع في الحمامات، 2016)'],
    ['zh', '第52号决议（2016年，哈马马特，修订版）'],
    ['en', 'RESOLUTION 28 (REV.WRC-19)'],
    ['en', 'Resolution 28 (Rev. WRC-15)'],
    ['en', 'Resolution 155 (WRC-15)'],
    ['fr', 'RÉSOLUTION 28 (RÉV.CMR-19)'],
    ['fr', 'RÉSOLUTION 28 (REV.CMR-19)'],
    ['es', 'RESOLUCIÓN 28 (REV.CMR-19)'],
    ['ru', 'РЕЗОЛЮЦИЯ 28 (ПЕРЕСМ. ВКР-19)'],
    ['zh', '第28号决议（WRC-19，修订版）'],
    ['en', 'Resolution 95 (Rev.WRC-2000)'],
    ['en', 'Resolution ITU-R 1 (RA-23)'],
  ] as const)('%s: %s passes', (language, text) => {
    expect(findTags(text, language).length + findShortTags(text, language).length).toBe(1);
    expect(problems(text, language)).toEqual([]);
  });

  test.each([
    ['en', 'RESOLUTION 28 (REV.WRC-18)', 'no WRC met in 2018'],
    ['fr', 'RÉSOLUTION 28 (RÉV.WRC-19)', '`WRC` instead of `CMR`'],
    ['ru', 'Резолюция 28 (Rev. ВКР-19)', '`Rev.` instead of `Пересм.`'],
    [
      'en',
      'Resolution 52 (Rev. New Dehli, 2024)',
      'no ITU conference met in New Dehli; did you mean New Delhi, 2024?',
    ],
    ['ru', 'Резолюция 52 (Пересм. Хаммамет, 2016)', 'no `г.` after the year'],
    ['ar', 'القرار 52 (المراجَع في الحمامات, 2016)', '`,` instead of `،`'],
  ] as const)('%s: %s is reported: %s', (language, text, message) => {
    expect(problems(text, language)).toEqual([message]);
  });

  test.each([
    ['ru', '(Флорианополис, 2004 г.; Йоханнесбург, 2008 г.; Дубай, 2012 г.; Хаммамет, 2016 г.)'],
    ['ar', '(فلوريانوبوليس، 2004؛ جوهانسبرغ، 2008؛ دبي، 2012؛ الحمامات، 2016)'],
    ['zh', '（2004年，弗洛里亚诺波利斯；2008年，约翰内斯堡；2012年，迪拜；2016年，哈马马特）'],
    ['fr', '(Malaga-Torremolinos, 1984; Helsinki, 1993; Genève, 1996; Montréal, 2000)'],
  ] as const)('%s history line: every entry is a conference, well formed', (language, text) => {
    const h = parseHistory(text, language);
    expect(h?.entries.length).toBe(4);
    expect(h?.entries.flatMap((e) => e.problems.map((p) => p.message))).toEqual([]);
  });
});
