import { readFileSync } from 'fs';
import { join } from 'path';
import { check } from '../../../src/core/engine';
import { fromMarkup } from '../../../src/core/markup';
import { paragraphText } from '../../../src/core/snapshot';

const RULES = ['revision-tag', 'history-line', 'conference-consistency'];
const seed = (name: string) =>
  fromMarkup(readFileSync(join(__dirname, '../../fixtures/seeds', name), 'utf8'));

describe('the seeds', () => {
  test('French seed: exactly the four comma-less tags, no history or consistency error', () => {
    const snapshot = seed('fr-resolution-52.txt');
    const result = check(snapshot, { rules: RULES });
    expect(result.conference?.short[0]).toBe('WTSA-16');
    const found = result.diagnostics.map((d) => [d.ruleId, d.severity, d.actual, d.expected]);
    expect(found).toEqual([
      // The number line's tag also mixes cases: `Rév.` sets the case, so `HAMMAMET` becomes `Hammamet`.
      ['revision-tag', 'error', '(Rév. HAMMAMET 2016)', '(Rév. Hammamet, 2016)'],
      ['revision-tag', 'error', 'Hammamet 2016', 'Hammamet, 2016'],
      ['revision-tag', 'error', '(Hammamet 2016)', '(Hammamet, 2016)'],
      ['revision-tag', 'error', '(Rév. Busan 2014)', '(Rév. Busan, 2014)'],
    ]);
    const texts = result.diagnostics.map((d) => paragraphText(snapshot.paragraphs[d.paragraph]));
    expect(texts[0]).toMatch(/^RÉSOLUTION 52/);
    expect(texts[1]).toMatch(/^\(Florianópolis/);
    expect(texts[2]).toMatch(/^L'Assemblée mondiale/);
    expect(texts[3]).toMatch(/Résolution\s130\s\(Rév\.\sBusan\s2014\)/);
    expect(result.diagnostics[3].clause).toBe('reconnaissant en outre a)');
    expect(result.diagnostics.every((d) => d.fix && d.fix.length > 0)).toBe(true);
  });

  test('French seed: fixing the four tags leaves none of our findings', () => {
    const snapshot = seed('fr-resolution-52.txt');
    const first = check(snapshot, { rules: RULES });
    const lines = snapshot.paragraphs.map((p) => paragraphText(p));
    for (const d of first.diagnostics)
      for (const e of [...(d.fix ?? [])].reverse())
        if (e.kind === 'text')
          lines[e.paragraph] =
            lines[e.paragraph].slice(0, e.offset) + e.text + lines[e.paragraph].slice(e.offset + e.length);
    const fixed = fromMarkup(lines.map((l) => l.replace(/\t/g, '\\t')).join('\n'));
    expect(check(fixed, { rules: RULES }).diagnostics.map((d) => d.message)).toEqual([]);
  });

  test('English seed: no finding at all from the tag rules', () => {
    const result = check(seed('en-resolution-52.txt'), { rules: RULES });
    expect(result.conference?.short[0]).toBe('WTSA-16');
    expect(result.diagnostics.map((d) => `${d.paragraph + 1}: ${d.message}`)).toEqual([]);
  });

  test('the English seed checked for another conference names every stale part', () => {
    const result = check(seed('en-resolution-52.txt'), {
      rules: RULES,
      conference: { body: 'WTSA', city: 'New Delhi', year: 2024, short: ['WTSA-24'] },
    });
    expect(result.diagnostics.map((d) => [d.ruleId, d.expected])).toEqual([
      ['conference-consistency', 'NEW DELHI, 2024'],
      ['history-line', 'New Delhi, 2024'],
      ['conference-consistency', 'New Delhi, 2024'],
    ]);
  });
});
