import { formatNumber } from '../../src/docx/numbering';
import { readAutomaticLabel } from '../../src/core/parse/clauses';

describe("Word's Russian and Arabic list formats", () => {
  test.each([
    ['russianLower', [1, 2, 3, 9, 10], ['а', 'б', 'в', 'и', 'к']],
    ['russianUpper', [1, 2, 3], ['А', 'Б', 'В']],
    ['arabicAbjad', [1, 2, 3, 5], ['أ', 'ب', 'ج', 'هـ']],
  ])('%s counts in its alphabet, and the reader takes the labels as letters', (fmt, values, letters) => {
    expect(values.map((n) => formatNumber(n, fmt))).toEqual(letters);
    for (const letter of letters)
      expect(readAutomaticLabel(`${letter})`)).toEqual({ token: letter.toLowerCase(), numeric: false });
  });
});
