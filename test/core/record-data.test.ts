import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import RECORD from '../../src/core/conference-record.json';
import type { CityNames, Language } from '../../src/core/conferences';
import { LANGUAGE_NAMES } from '../../src/core/lexicon';

const cities = RECORD.cities as Record<string, CityNames & { sources?: Partial<Record<Language, string>> }>;

describe('the conference record as data', () => {
  test('a source is given only for a form no longer unverified, and names where it was seen', () => {
    for (const [city, names] of Object.entries(cities))
      for (const [language, source] of Object.entries(names.sources ?? {})) {
        expect([city, language, (names.unverified ?? []).includes(language as Language)]).toEqual([
          city,
          language,
          false,
        ]);
        // An address, and the words as ITU wrote them, quoted.
        expect(source).toMatch(/https?:\/\/\S+/);
        expect(source).toMatch(/"[^"]+"/);
      }
  });

  test('every city of a conference has its names, and unverified lists only languages it has a name in', () => {
    for (const c of RECORD.conferences) expect(Object.keys(cities)).toContain(c.city);
    for (const [city, names] of Object.entries(cities)) {
      for (const language of Object.keys(LANGUAGE_NAMES) as Language[])
        expect([city, language, typeof names[language]]).toEqual([city, language, 'string']);
      for (const language of names.unverified ?? []) expect(names[language]).toBeDefined();
      expect(names.unverified ?? []).not.toContain('en');
    }
  });

  test('the README counts the unverified forms as the record has them', () => {
    const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8').replace(/\s+/g, ' ');
    const unverified = Object.values(cities).flatMap((n) => n.unverified ?? []);
    const byLanguage = (l: Language) => unverified.filter((u) => u === l).length;
    const withAny = Object.values(cities).filter((n) => (n.unverified ?? []).length > 0).length;
    const parts = (['ru', 'ar', 'zh', 'es', 'fr'] as const)
      .filter((l) => byLanguage(l) > 0)
      .map((l) => `${byLanguage(l)} ${LANGUAGE_NAMES[l]}`)
      .join(', ');
    expect(readme).toContain(
      `${unverified.length} city-name forms in ${withAny} of the record's ${Object.keys(cities).length} cities (${parts})`,
    );
  });
});
