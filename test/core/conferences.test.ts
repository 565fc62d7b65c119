import {
  allConferences,
  canonicalCity,
  extendConferences,
  isCityNameVerified,
  isConferenceVenue,
  localCity,
  parseConference,
  resetConferences,
  suggestCity,
  unknownVenueHint,
  unverifiedNamesIn,
} from '../../src/core/conferences';

// Tests that extend the record leave the shipped one to the next.
afterEach(resetConferences);

describe('parseConference: what users type for --conference', () => {
  test.each([
    ['WTSA-24', 'WTSA', 'New Delhi', 2024],
    ['wtsa-2024', 'WTSA', 'New Delhi', 2024],
    ['WTSA-20', 'WTSA', 'Geneva', 2022],
    ['PP-22', 'PP', 'Bucharest', 2022],
    ['WTDC-17', 'WTDC', 'Buenos Aires', 2017],
    ['WRC-23', 'WRC', 'Dubai', 2023],
    ['New Delhi, 2024', 'WTSA', 'New Delhi', 2024],
    ['Hammamet 2016', 'WTSA', 'Hammamet', 2016],
    ['Dubaï, 2012', 'WTSA', 'Dubai', 2012],
    ['WRC Dubai 2023', 'WRC', 'Dubai', 2023],
    ['Busán, 2014', 'PP', 'Busan', 2014],
  ])('%s', (input, body, city, year) => {
    const r = parseConference(input);
    expect(r).toEqual({ ok: true, value: expect.objectContaining({ body, city, year }) });
  });

  test('a shared venue and year prefers the named body, then the preferred one', () => {
    // The Radiocommunication Assembly met in Dubai in 2023, just before WRC-23.
    const first = parseConference('Dubai, 2023');
    expect(first.ok && first.value.body).toBe('WRC');
    const preferred = parseConference('Dubai, 2023', 'RA');
    expect(preferred.ok && preferred.value.body).toBe('RA');
    const named = parseConference('RA Dubai 2023', 'WRC');
    expect(named.ok && named.value.body).toBe('RA');
  });

  test.each([
    ['Hammamet, 2017', /No ITU conference met in Hammamet in 2017 \(there: WTSA-16/],
    ['WTSA-17', /No WTSA met in 2017 \(known: .*WTSA-16/],
    ['Paris, 2016', /Give a short name such as WTSA-24/],
    ['', /Give a short name/],
  ])('unknown: %s', (input, message) => {
    const r = parseConference(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(message);
  });
});

describe('city names', () => {
  test('any language, accents and case folded', () => {
    expect(canonicalCity('DUBAÏ')).toBe('Dubai');
    expect(canonicalCity('Ginebra')).toBe('Geneva');
    expect(canonicalCity('Пусан')).toBe('Busan');
    expect(canonicalCity('Yasmine Hammamet')).toBe('Hammamet');
    expect(canonicalCity('Paris')).toBeUndefined();
  });
  test('written in the document language', () => {
    expect(localCity('Dubai', 'fr')).toBe('Dubaï');
    expect(localCity('Hammamet', 'ru')).toBe('Хаммамет');
    expect(localCity('New Delhi', 'fr')).toBe('New Delhi');
  });
  test('venues', () => {
    expect(isConferenceVenue('Hammamet', 2016)).toBe(true);
    expect(isConferenceVenue('Hammamet', 2017)).toBe(false);
  });
});

describe('the record', () => {
  test.each([
    ['PP-26', 'PP', 'Doha', 2026],
    ['WTDC-25', 'WTDC', 'Baku', 2025],
    ['WRC-27', 'WRC', 'Shanghai', 2027],
    ['CCITT-84', 'WTSA', 'Malaga-Torremolinos', 1984],
    ['WARC-92', 'WRC', 'Malaga-Torremolinos', 1992],
    ['WRC-2000', 'WRC', 'Istanbul', 2000],
    ['Bakou, 2025', 'WTDC', 'Baku', 2025],
  ])('knows %s', (input, body, city, year) => {
    expect(parseConference(input)).toEqual({
      ok: true,
      value: expect.objectContaining({ body, city, year }),
    });
  });

  test('every body from its first conference to the latest decided, each city in six languages', () => {
    for (const body of ['PP', 'WTSA', 'WTDC', 'WRC', 'RA'] as const)
      expect(allConferences().filter((c) => c.body === body).length).toBeGreaterThanOrEqual(9);
    for (const c of allConferences())
      for (const lang of ['fr', 'es', 'ru', 'ar', 'zh'] as const) {
        const name = localCity(c.city, lang);
        // Russian, Arabic and Chinese names are written in their own script.
        if (lang === 'ru') expect(name).toMatch(/^[А-Яа-яЁё -]+$/);
        if (lang === 'ar') expect(name).toMatch(/^[\u0600-\u06ff -]+$/);
        if (lang === 'zh') expect(name).toMatch(/^[\u4e00-\u9fff-]+$/);
        expect(canonicalCity(name)).toBe(c.city);
      }
  });

  test('Russian and Arabic history-line cities are venues', () => {
    expect(isConferenceVenue('Флорианополис', 2004)).toBe(true);
    expect(isConferenceVenue('Йоханнесбург', 2008)).toBe(true);
    expect(isConferenceVenue('جوهانسبرغ', 2008)).toBe(true);
    expect(isConferenceVenue('弗洛里亚诺波利斯', 2004)).toBe(true);
  });

  test('a misspelt venue gets the city it most likely means', () => {
    expect(suggestCity('New Dehli')).toBe('New Delhi');
    expect(unknownVenueHint('New Dehli', 2024)).toBe('did you mean New Delhi, 2024?');
    expect(unknownVenueHint('Hamamet', 2017)).toMatch(/^did you mean Hammamet \(WTSA-16/);
    const r = parseConference('New Dehli, 2024');
    expect(!r.ok && r.reason).toMatch(/did you mean New Delhi, 2024\?/);
    expect(suggestCity('Paris')).toBeUndefined();
  });
});

describe('extendConferences: a secretariat adds or moves a conference', () => {
  test('adds a conference and a city; replaces one of the same body and year', () => {
    const r = extendConferences({
      cities: { Riyadh: { en: 'Riyadh', fr: 'Riyad', ar: 'الرياض' } },
      conferences: [
        { body: 'WTSA', city: 'Riyadh', year: 2028, short: ['WTSA-28'] },
        { body: 'WRC', city: 'Geneva', year: 2027, short: ['WRC-27'] },
      ],
    });
    expect(r.ok).toBe(true);
    expect(parseConference('WTSA-28')).toEqual({
      ok: true,
      value: expect.objectContaining({ city: 'Riyadh' }),
    });
    expect(canonicalCity('الرياض')).toBe('Riyadh');
    expect(localCity('Riyadh', 'fr')).toBe('Riyad');
    expect(allConferences().filter((c) => c.short[0] === 'WRC-27')).toEqual([
      expect.objectContaining({ city: 'Geneva' }),
    ]);
    expect(isConferenceVenue('Shanghai', 2027)).toBe(true); // RA-27 still meets there
  });

  test.each([
    [[], /expected an object/],
    [{ conferences: [{ body: 'XYZ', city: 'Paris', year: 2030 }] }, /body: expected one of/],
    [{ conferences: [{ body: 'PP', city: 'Paris', year: 'soon' }] }, /year: expected a year/],
    [{ cities: { Paris: { fr: 3 } } }, /"Paris".fr: expected a name/],
    [
      { cities: { Paris: { fr: 'Paris', unverified: ['de'] } } },
      /"Paris".unverified: expected a list of languages/,
    ],
    [{ cities: { Paris: { fr: 'Paris', aliases: 'Lutèce' } } }, /"Paris".aliases: expected a list of names/],
  ])('refuses %j with one reason, changing nothing', (data, reason) => {
    const before = allConferences().length;
    const r = extendConferences(data);
    expect(!r.ok && r.reason).toMatch(reason);
    expect(allConferences().length).toBe(before);
  });
});

describe('unverified names: what no ITU text has yet been seen to write', () => {
  test('a name the file gives is verified unless the file says otherwise; the others keep their mark', () => {
    expect(
      extendConferences({
        cities: { Jeddah: { en: 'Jeddah', ar: 'جدة', zh: '吉达', ru: 'Джидда', unverified: ['ar', 'zh'] } },
      }).ok,
    ).toBe(true);
    expect(isCityNameVerified('Jeddah', 'ar')).toBe(false);
    expect(isCityNameVerified('Jeddah', 'ru')).toBe(true);
    expect(unverifiedNamesIn('(المراجَع في جدة، 2030)', 'ar')).toEqual([
      { city: 'Jeddah', name: 'جدة', missing: false },
    ]);
    // The same text in another language's document is not this city's Arabic name at work.
    expect(unverifiedNamesIn('(المراجَع في جدة، 2030)', 'fr')).toEqual([]);

    // A secretariat confirms the Arabic form: Chinese stays unverified.
    expect(extendConferences({ cities: { Jeddah: { ar: 'جدة' } } }).ok).toBe(true);
    expect(isCityNameVerified('Jeddah', 'ar')).toBe(true);
    expect(isCityNameVerified('Jeddah', 'zh')).toBe(false);
    expect(unverifiedNamesIn('(المراجَع في جدة، 2030)', 'ar')).toEqual([]);
    expect(unverifiedNamesIn('（2030年，吉达）', 'zh')).toEqual([
      { city: 'Jeddah', name: '吉达', missing: false },
    ]);
  });

  test('a language the record has no name for is written in English, and that is to be checked too', () => {
    expect(extendConferences({ cities: { Tashkent: { en: 'Tashkent', ru: 'Ташкент' } } }).ok).toBe(true);
    expect(isCityNameVerified('Tashkent', 'ru')).toBe(true);
    expect(isCityNameVerified('Tashkent', 'fr')).toBe(false);
    expect(localCity('Tashkent', 'fr')).toBe('Tashkent');
    expect(unverifiedNamesIn('(Rév. Tashkent, 2030)', 'fr')).toEqual([
      { city: 'Tashkent', name: 'Tashkent', missing: true },
    ]);
    expect(unverifiedNamesIn('(Пересм. Ташкент, 2030 г.)', 'ru')).toEqual([]);
  });

  test('English names are the record’s own and always verified', () => {
    for (const c of allConferences()) expect(isCityNameVerified(c.city, 'en')).toBe(true);
  });
});
