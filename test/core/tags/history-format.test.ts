import { parseConference, type Conference } from '../../../src/core/conferences';
import {
  findTags,
  formatHistoryEntry,
  formatPreambleTag,
  formatTag,
  parseHistory,
  retagEdit,
} from '../../../src/core/tags';

const conf = (s: string): Conference => {
  const r = parseConference(s);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('parseHistory', () => {
  test('reads entries with offsets and the gaps between them', () => {
    const text = '(Florianópolis, 2004; Johannesburg, 2008; Dubaï, 2012; Hammamet 2016)';
    const h = parseHistory(text, 'fr')!;
    expect(h.open?.offset).toBe(0);
    expect(h.close?.offset).toBe(text.length - 1);
    expect(h.entries.map((e) => [e.city, e.year, e.conference?.short[0]])).toEqual([
      ['Florianópolis', 2004, 'WTSA-04'],
      ['Johannesburg', 2008, 'WTSA-08'],
      ['Dubaï', 2012, 'WTSA-12'],
      ['Hammamet', 2016, 'WTSA-16'],
    ]);
    expect(h.gaps.map((g) => g.text)).toEqual(['', '; ', '; ', '; ', '']);
    for (const e of h.entries) expect(text.slice(e.offset, e.offset + e.length)).toBe(e.text);
    expect(h.entries.map((e) => e.problems.map((p) => p.kind))).toEqual([[], [], [], ['separator']]);
  });

  test('keeps a revision word and odd separators for the history rule to judge', () => {
    const h = parseHistory('(Dubai, 2012, Rev. Hammamet, 2016', 'en')!;
    expect(h.close).toBeNull();
    expect(h.entries.map((e) => [e.city, e.revised])).toEqual([
      ['Dubai', false],
      ['Hammamet', true],
    ]);
    expect(h.gaps.map((g) => g.text)).toEqual(['', ', ', '']);
  });

  test('Russian, Arabic and Chinese history lines', () => {
    expect(parseHistory('(Дубай, 2012 г.; Хаммамет, 2016 г.)', 'ru')!.entries.map((e) => e.problems)).toEqual(
      [[], []],
    );
    expect(parseHistory('(دبي، 2012؛ الحمامات، 2016)', 'ar')!.gaps.map((g) => g.text)).toEqual([
      '',
      '؛ ',
      '',
    ]);
    expect(parseHistory('（2012年，迪拜；2016年，哈马马特）', 'zh')!.entries.map((e) => e.year)).toEqual([
      2012, 2016,
    ]);
  });

  test('a line without any City, Year is not a history line', () => {
    expect(parseHistory('Countering and combating spam', 'en')).toBeNull();
  });
});

describe('formatting', () => {
  test.each([
    ['WTSA-24', 'en', { revised: true }, 'Rev. New Delhi, 2024'],
    ['WTSA-24', 'en', { revised: true, upper: true }, 'REV. NEW DELHI, 2024'],
    ['WTSA-16', 'fr', { revised: true }, 'Rév. Hammamet, 2016'],
    ['WTSA-16', 'fr', { revised: true, upper: true }, 'RÉV. HAMMAMET, 2016'],
    ['WTSA-12', 'fr', {}, 'Dubaï, 2012'],
    ['PP-14', 'es', { revised: true }, 'Rev. Busán, 2014'],
    ['WTSA-16', 'ru', { revised: true }, 'Пересм. Хаммамет, 2016 г.'],
    ['WTSA-16', 'ar', { revised: true }, 'المراجَع في الحمامات، 2016'],
    ['WTSA-16', 'zh', { revised: true }, '2016年，哈马马特，修订版'],
    ['WTSA-16', 'zh', {}, '2016年，哈马马特'],
  ] as const)('%s %s %j', (short, language, style, expected) => {
    const text = formatTag(conf(short), language, style);
    expect(text).toBe(expected);
    // What we write, we read back as a correct tag of the same conference.
    const [t] = findTags(`(${text})`, language);
    expect(t.problems).toEqual([]);
    expect(t.conferences).toContain(conf(short));
  });

  test('history entries and preamble tags carry no revision word', () => {
    expect(formatHistoryEntry(conf('WTSA-24'), 'en')).toBe('New Delhi, 2024');
    expect(formatHistoryEntry(conf('WTSA-16'), 'ru')).toBe('Хаммамет, 2016 г.');
    expect(formatPreambleTag(conf('WTSA-12'), 'fr')).toBe('(Dubaï, 2012)');
  });

  test.each([
    [
      'RESOLUTION 52 (Rev. Dubai, 2012)',
      'en',
      'WTSA-24',
      'RESOLUTION 52 (Rev. New Delhi, 2024)',
      'Dubai, 2012',
    ],
    [
      'RESOLUTION 52 (REV. DUBAI, 2012)',
      'en',
      'WTSA-24',
      'RESOLUTION 52 (REV. NEW DELHI, 2024)',
      'DUBAI, 2012',
    ],
    ['RESOLUTION 52 (Rev. Geneva, 1996)', 'en', 'WTSA-20', 'RESOLUTION 52 (Rev. Geneva, 2022)', '1996'],
    [
      'RÉSOLUTION 52 (Rév. Dubaï, 2012)',
      'fr',
      'WTSA-16',
      'RÉSOLUTION 52 (Rév. Hammamet, 2016)',
      'Dubaï, 2012',
    ],
    [
      '第52号决议（2012年，迪拜，修订版）',
      'zh',
      'WTSA-16',
      '第52号决议（2016年，哈马马特，修订版）',
      '2012年，迪拜',
    ],
    // A malformed venue is written in the canonical form, not copied: the comma a tag lacked is added.
    [
      'RESOLUTION 52 (Rev. Geneva 2022)',
      'en',
      'WTSA-24',
      'RESOLUTION 52 (Rev. New Delhi, 2024)',
      'Geneva 2022',
    ],
    [
      'RESOLUTION 52 (REV. GENEVA 2022)',
      'en',
      'WTSA-24',
      'RESOLUTION 52 (REV. NEW DELHI, 2024)',
      'GENEVA 2022',
    ],
    ['RESOLUTION 52 (Rev. Geneva 1996)', 'en', 'WTSA-20', 'RESOLUTION 52 (Rev. Geneva, 2022)', ' 1996'],
    ['RESOLUTION 52 (Rev. Geneva ,1996)', 'en', 'WTSA-20', 'RESOLUTION 52 (Rev. Geneva, 2022)', ' ,1996'],
    ['RÉSOLUTION 52 (Rév. Dubaï 2012)', 'fr', 'WTSA-16', 'RÉSOLUTION 52 (Rév. Hammamet, 2016)', 'Dubaï 2012'],
    [
      'РЕЗОЛЮЦИЯ 52 (Пересм. Дубай, 2012)',
      'ru',
      'WTSA-16',
      'РЕЗОЛЮЦИЯ 52 (Пересм. Хаммамет, 2016 г.)',
      'Дубай, 2012',
    ],
    [
      'القرار 52 (المراجَع في دبي, 2012)',
      'ar',
      'WTSA-16',
      'القرار 52 (المراجَع في الحمامات، 2016)',
      'دبي, 2012',
    ],
    [
      '第52号决议（2012，迪拜，修订版）',
      'zh',
      'WTSA-16',
      '第52号决议（2016年，哈马马特，修订版）',
      '2012，迪拜',
    ],
    // Parts already right stay untouched, however they are spaced: only the year changes here.
    [
      'RESOLUTION 52 (Rev. Geneva,\u00a01996)',
      'en',
      'WTSA-20',
      'RESOLUTION 52 (Rev. Geneva,\u00a02022)',
      '1996',
    ],
  ] as const)('retagEdit %s → %s', (text, language, short, expected, replaced) => {
    const [t] = findTags(text, language);
    const e = retagEdit(t, conf(short), language)!;
    expect(e.expected).toBe(replaced);
    expect(text.slice(e.offset, e.offset + e.length)).toBe(e.expected);
    expect(text.slice(0, e.offset) + e.text + text.slice(e.offset + e.length)).toBe(expected);
    const [after] = findTags(expected, language);
    expect(after.problems).toEqual([]);
    expect(retagEdit(after, conf(short), language)).toBeNull();
  });

  test('retagEdit leaves a tag that already names the conference to the revision-tag rule, comma or not', () => {
    const [t] = findTags('RESOLUTION 52 (Rev. New Delhi 2024)', 'en');
    expect(retagEdit(t, conf('WTSA-24'), 'en')).toBeNull();
  });
});

test('parseHistory reports missing parentheses for callers that read lines the parser did not label', () => {
  const h = parseHistory('Dubai, 2012; Hammamet, 2016', 'en')!;
  expect([h.open, h.close]).toEqual([null, null]);
  expect(h.entries).toHaveLength(2);
});
