import { pickLanguage, translator, MESSAGES } from '../../src/taskpane/i18n';
import { luminance, resolveTheme } from '../../src/taskpane/theme';
import { fixedName } from '../../src/taskpane/preview/download';

describe('pickLanguage', () => {
  test.each([
    ['fr-FR', 'fr'],
    ['fr', 'fr'],
    ['es-419', 'es'],
    ['ES_es', 'es'],
    ['en-GB', 'en'],
    ['ru-RU', 'en'],
    [undefined, 'en'],
    ['', 'en'],
  ])('%s → %s', (tag, expected) => expect(pickLanguage(tag)).toBe(expected));
});

test('every language has every message, with the same placeholders', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[])
    for (const lang of ['fr', 'es'] as const) {
      expect(MESSAGES[lang][key]).toBeTruthy();
      expect(placeholders(MESSAGES[lang][key])).toEqual(placeholders(MESSAGES.en[key]));
    }
  expect(translator('es')('fixAll', { count: 3 })).toBe('Corregir todo (3)');
});

describe('resolveTheme', () => {
  const env = { prefersDark: false, forcedColors: false };
  test('an explicit choice wins', () =>
    expect(resolveTheme('dark', { ...env, forcedColors: true })).toBe('dark'));
  test('forced colours mean high contrast', () =>
    expect(resolveTheme('auto', { ...env, forcedColors: true })).toBe('contrast'));
  test("Office's dark grey and black backgrounds are dark", () => {
    expect(resolveTheme('auto', { ...env, officeBackground: '#262626' })).toBe('dark');
    expect(resolveTheme('auto', { ...env, officeBackground: '#000000' })).toBe('dark');
  });
  test("Office's white and colourful backgrounds are light, whatever the browser prefers", () => {
    expect(
      resolveTheme('auto', { prefersDark: true, forcedColors: false, officeBackground: '#FFFFFF' }),
    ).toBe('light');
    expect(resolveTheme('auto', { ...env, officeBackground: '#E6E6E6' })).toBe('light');
  });
  test('without Office, the browser preference decides', () => {
    expect(resolveTheme('auto', { ...env, prefersDark: true })).toBe('dark');
    expect(resolveTheme('auto', env)).toBe('light');
  });
  test('luminance of unreadable colours is unknown', () => {
    expect(luminance('red')).toBeUndefined();
    expect(luminance('#ffffff')).toBeCloseTo(1);
  });
});

test('a download is named apart from the original', () => {
  expect(fixedName('proposal.docx')).toBe('proposal-amended.docx');
  expect(fixedName('proposal-amended.docx')).toBe('proposal-amended.docx');
  expect(fixedName('Prop.DOCX')).toBe('Prop-amended.docx');
});
