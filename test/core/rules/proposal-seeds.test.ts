import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../../src/core/engine';
import { fromMarkup } from '../../../src/core/markup';

/**
 * The two real contributions must pass the proposal-level and punctuation rules without an error:
 * they are what delegates actually submit. Warnings are expected where the texts break the conventions.
 */
const RULES = ['proposal-marker', 'proposal-sequence', 'marker-content', 'reasons', 'list-punctuation'];

const seed = (name: string) =>
  check(fromMarkup(readFileSync(join(__dirname, '../../fixtures/seeds', name), 'utf8')), { rules: RULES })
    .diagnostics;

const summary = (diagnostics: ReturnType<typeof seed>) =>
  diagnostics.map((d) => `${d.paragraph + 1} ${d.ruleId} ${d.severity}: ${d.message}`);

describe('seed contributions', () => {
  test('English (AFCP/42A25/1): no error; its sub-items lack punctuation and it has no reasons', () => {
    const diagnostics = seed('en-resolution-52.txt');
    expect(summary(diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
    const punctuation = diagnostics.filter((d) => d.ruleId === 'list-punctuation');
    expect(punctuation.map((d) => `${d.clause}: '${d.actual}' → '${d.expected}'`)).toEqual([
      "recognizing further c) i): '' → ';'",
      "recognizing further c) ii): '' → ';'",
      "recognizing further c) iii): '' → ';'",
      "recognizing further c) iv): '' → ';'",
    ]);
    const reasons = diagnostics.filter((d) => d.ruleId === 'reasons');
    expect(reasons.map((d) => d.severity)).toEqual(['warning']);
    expect(diagnostics.filter((d) => !['list-punctuation', 'reasons'].includes(d.ruleId))).toEqual([]);
  });

  test('French (APT/44A14/1): no error, no punctuation finding', () => {
    const diagnostics = seed('fr-resolution-52.txt');
    expect(summary(diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
    expect(summary(diagnostics.filter((d) => d.ruleId === 'list-punctuation'))).toEqual([]);
    const reasons = diagnostics.filter((d) => d.ruleId === 'reasons');
    expect(reasons.map((d) => [d.severity, d.fix?.[0]?.kind === 'paragraph' && d.fix[0].text])).toEqual([
      ['warning', 'Motifs:\t'],
    ]);
  });
});
