import type { Language } from '../../../src/core/conferences';
import { findTags, fixedText, mergeEdits, type TagMatch } from '../../../src/core/tags';

/** The text after applying a tag's fixes, right to left. */
function fixed(text: string, tag: TagMatch): string {
  const edits = mergeEdits(tag.problems.flatMap((p) => p.fix ?? [])).reverse();
  let s = text;
  for (const e of edits) {
    expect(s.slice(e.offset, e.offset + e.length)).toBe(e.expected);
    s = s.slice(0, e.offset) + e.text + s.slice(e.offset + e.length);
  }
  return s;
}

describe('findTags: well-formed tags in every language', () => {
  const good: [Language, string, string, number, boolean, string][] = [
    ['en', 'RESOLUTION 52 (Rev. Hammamet, 2016)', 'Hammamet', 2016, true, 'WTSA-16'],
    ['en', 'RESOLUTION 52 (REV. HAMMAMET, 2016)', 'HAMMAMET', 2016, true, 'WTSA-16'],
    ['en', 'Resolution 174 (Busan, 2014) of the Plenipotentiary Conference', 'Busan', 2014, false, 'PP-14'],
    ['en', 'RESOLUTION 1 (Rev. New Delhi, 2024)', 'New Delhi', 2024, true, 'WTSA-24'],
    ['en', 'Resolution\u00a045 (Rev.\u00a0Hyderabad, 2010) of the', 'Hyderabad', 2010, true, 'WTDC-10'],
    ['fr', 'RÉSOLUTION 52 (Rév. Hammamet, 2016)', 'Hammamet', 2016, true, 'WTSA-16'],
    ['fr', 'RÉSOLUTION 52 (RÉV. HAMMAMET, 2016)', 'HAMMAMET', 2016, true, 'WTSA-16'],
    ['fr', 'la Résolution 45 (Rév. Dubaï, 2014) de la Conférence', 'Dubaï', 2014, true, 'WTDC-14'],
    ['es', 'RESOLUCIÓN 52 (Rev. Hammamet, 2016)', 'Hammamet', 2016, true, 'WTSA-16'],
    ['ru', 'РЕЗОЛЮЦИЯ 52 (Пересм. Хаммамет, 2016 г.)', 'Хаммамет', 2016, true, 'WTSA-16'],
    ['ru', 'РЕЗОЛЮЦИЯ 52 (Хаммамет, 2016 г.)', 'Хаммамет', 2016, false, 'WTSA-16'],
    ['ar', 'القرار 52 (المراجَع في الحمامات، 2016)', 'الحمامات', 2016, true, 'WTSA-16'],
    ['ar', 'القرار 52 (الحمامات، 2016)', 'الحمامات', 2016, false, 'WTSA-16'],
    ['zh', '第52号决议(2016年，哈马马特，修订版)', '哈马马特', 2016, true, 'WTSA-16'],
    ['zh', '第52号决议（2016年，哈马马特）', '哈马马特', 2016, false, 'WTSA-16'],
  ];
  test.each(good)('%s %s', (language, text, city, year, revised, short) => {
    const tags = findTags(text, language);
    expect(tags).toHaveLength(1);
    const [t] = tags;
    expect(t.problems).toEqual([]);
    expect({ city: t.city, year: t.year, revised: t.revised, conference: t.conference?.short[0] }).toEqual({
      city,
      year,
      revised,
      conference: short,
    });
    expect(text.slice(t.offset, t.offset + t.length)).toBe(t.text);
    expect(text.slice(t.parts.city.offset, t.parts.city.offset + t.parts.city.length)).toBe(city);
    expect(text.slice(t.parts.year.offset, t.parts.year.offset + 4)).toBe(String(year));
  });
});

describe('findTags: what is not a revision tag', () => {
  test.each([
    'Resolution 28 (Rev.WRC-15)',
    'Resolution 28 (Rev. WRC-15)',
    'Resolution 155 (WRC-15)',
    'Resolution ITU-R 38-4 (1995-1997-2000-2003-2012)',
    'for 2012-2015 (Part I, § 5) set out in',
    'Sommet mondial (SMSI) dispose',
    'countering spam (e.g. e-mail) and',
    'Task Force (IETF)), in order',
    'the plan (September 2016) says',
    // A list of venues is a history, not two glued pairs.
    'the texts (Florianópolis, 2004; Johannesburg, 2008) of the',
  ])('%s', (text) => {
    expect(findTags(text, 'en')).toEqual([]);
  });

  test.each([
    ['Resolution 71 (Rev. Guadalajara, 2010Busan, 2014) of the', '(Rev. Busan, 2014)'],
    ['Resolution 174 (Guadalajara, 2010Rev. Busan, 2014) of the', '(Rev. Busan, 2014)'],
    ['RÉSOLUTION 52 (Rév. Dubaï, 2012 HAMMAMET 2016)', '(Rév. Hammamet, 2016)'],
    ['Resolution 45 (Rev. Hyderabad, 2010Rev. Dubai, 2014) of', '(Rev. Dubai, 2014)'],
  ])('glued pairs, as an edit with tracking off leaves them: %s stands as %s', (text, fixed) => {
    const tags = findTags(text, text.startsWith('RÉS') ? 'fr' : 'en');
    expect(tags).toHaveLength(1);
    expect(tags[0].problems[0]).toEqual(
      expect.objectContaining({
        kind: 'glued',
        message: expect.stringMatching(/^two city\/year pairs run together/),
      }),
    );
    // The other pair goes, and the standing one is made right with it (comma, case).
    expect(fixedText(tags[0])).toBe(fixed);
  });
});

describe('findTags: malformed tags and their fixes', () => {
  const bad: [Language, string, string[], string | null][] = [
    [
      'fr',
      'RÉSOLUTION 52 (Rév. HAMMAMET 2016)',
      ['separator', 'case'],
      'RÉSOLUTION 52 (Rév. Hammamet, 2016)',
    ],
    [
      'fr',
      'Résolution 130 (Rév. Busan 2014) de la',
      ['separator'],
      'Résolution 130 (Rév. Busan, 2014) de la',
    ],
    ['en', 'The Assembly (Hammamet 2016),', ['separator'], 'The Assembly (Hammamet, 2016),'],
    ['fr', 'RÉSOLUTION 52 (Rev. Hammamet, 2016)', ['revision-word'], 'RÉSOLUTION 52 (Rév. Hammamet, 2016)'],
    ['en', 'RESOLUTION 52 (Rév. Hammamet, 2016)', ['revision-word'], 'RESOLUTION 52 (Rev. Hammamet, 2016)'],
    ['en', 'RESOLUTION 52 (Rev Hammamet, 2016)', ['revision-word'], 'RESOLUTION 52 (Rev. Hammamet, 2016)'],
    ['en', 'RESOLUTION 52 (Rev.Hammamet, 2016)', ['separator'], 'RESOLUTION 52 (Rev. Hammamet, 2016)'],
    ['en', 'RESOLUTION 52 (REV. Hammamet, 2016)', ['case'], 'RESOLUTION 52 (REV. HAMMAMET, 2016)'],
    ['fr', 'RÉSOLUTION 52 (Rév. DUBAI, 2012)', ['case'], 'RÉSOLUTION 52 (Rév. Dubaï, 2012)'],
    ['en', 'RESOLUTION 52 (Rev. Hammamet ,2016)', ['separator'], 'RESOLUTION 52 (Rev. Hammamet, 2016)'],
    ['en', 'RESOLUTION 52 (Rev. Hammamet,2016)', ['separator'], 'RESOLUTION 52 (Rev. Hammamet, 2016)'],
    [
      'ru',
      'РЕЗОЛЮЦИЯ 52 (Пересм. Хаммамет, 2016)',
      ['year-suffix'],
      'РЕЗОЛЮЦИЯ 52 (Пересм. Хаммамет, 2016 г.)',
    ],
    [
      'ru',
      'РЕЗОЛЮЦИЯ 52 (Rev. Хаммамет, 2016 г.)',
      ['revision-word'],
      'РЕЗОЛЮЦИЯ 52 (Пересм. Хаммамет, 2016 г.)',
    ],
    ['ar', 'القرار 52 (المراجَع في الحمامات, 2016)', ['separator'], 'القرار 52 (المراجَع في الحمامات، 2016)'],
    [
      'zh',
      '第52号决议(2016,哈马马特，修订版)',
      ['year-suffix', 'separator'],
      '第52号决议(2016年，哈马马特，修订版)',
    ],
    ['en', 'RESOLUTION 52 (Rev. Hammamet, 2017)', ['venue'], null],
    ['en', 'RESOLUTION 52 (Hammamet 2017)', ['separator', 'venue'], 'RESOLUTION 52 (Hammamet, 2017)'],
    ['en', 'Resolution 12 (Paris, 2016)', ['venue'], null],
    ['en', 'RESOLUTION 52 (Rev. New DELHI, 2024)', ['case'], 'RESOLUTION 52 (Rev. New Delhi, 2024)'],
  ];
  test.each(bad)('%s %s', (language, text, kinds, output) => {
    const tags = findTags(text, language);
    expect(tags).toHaveLength(1);
    expect(tags[0].problems.map((p) => p.kind)).toEqual(kinds);
    const fixable = tags[0].problems.filter((p) => p.fix);
    if (output === null) expect(fixable).toEqual([]);
    else {
      expect(fixed(text, tags[0])).toBe(output);
      expect(fixedText(tags[0])).toBe(
        output.slice(tags[0].offset, tags[0].offset + output.length - text.length + tags[0].length),
      );
    }
    if (output !== null) expect(findTags(output, language)[0].problems.filter((p) => p.fix)).toEqual([]);
  });

  test('a tag mixing cases without a revision word is reported but not guessed', () => {
    const [t] = findTags('Resolution 1 (New DELHI, 2024)', 'en');
    expect(t.problems.map((p) => [p.kind, p.fix])).toEqual([['case', undefined]]);
  });

  test('an unknown year names no conference', () => {
    const [t] = findTags('RESOLUTION 52 (Rev. Hammamet, 2017)', 'en');
    expect(t.conference).toBeNull();
    expect(t.problems[0].message).toBe('no ITU conference met in Hammamet in 2017');
  });

  test('Dubai 2012 names both WTSA-12 and WRC-12; the registry order puts WTSA first', () => {
    const [t] = findTags('RESOLUTION 52 (Rev. Dubai, 2012)', 'en');
    expect(t.conferences.map((c) => c.short[0])).toEqual(['WTSA-12']);
    const [g] = findTags('Resolution 1 (Rev. Geneva, 2012)', 'en');
    expect(g.conferences.map((c) => c.short[0])).toEqual(['WRC-12', 'RA-12']);
  });

  test('several tags in one clause, each with its own offsets', () => {
    const text = 'Resolution 130 (Rev. Busan, 2014) and Resolution 174 (Rev. Busan 2014) of the';
    const tags = findTags(text, 'en');
    expect(tags.map((t) => [t.text, t.problems.length])).toEqual([
      ['(Rev. Busan, 2014)', 0],
      ['(Rev. Busan 2014)', 1],
    ]);
  });
});
