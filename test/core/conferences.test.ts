import { canonicalCity, isConferenceVenue, localCity, parseConference } from '../../src/core/conferences';

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
