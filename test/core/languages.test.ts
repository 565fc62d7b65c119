import { applyPlanToSnapshot } from '../../src/core/apply';
import { retagPlan } from '../../src/core/commands';
import { parseConference, type Conference } from '../../src/core/conferences';
import { check } from '../../src/core/engine';
import { fixAll } from '../../src/core/fix';
import { fromMarkup } from '../../src/core/markup';
import type { Clause } from '../../src/core/model';
import { parse } from '../../src/core/parse';
import { paragraphText, type Snapshot } from '../../src/core/snapshot';
import { buildDocx, readDocx } from '../../src/docx';
import { by, currentView, snapshotIo } from './fix/helpers';
import { CONTRIBUTIONS } from './fixtures';

/** A contribution as a real .docx (tracked changes as w:ins/w:del, automatic numbering in numbering.xml), read back. */
function docx(markup: string): Snapshot {
  const r = readDocx(buildDocx(fromMarkup(markup)), 'contribution.docx');
  if (!r.ok) throw new Error(r.reason);
  return r.value.snapshot;
}
const conference = (name: string): Conference => {
  const r = parseConference(name);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const labels = (clauses: readonly Clause[]): string[] =>
  clauses
    .filter((c) => c.change !== 'deleted')
    .map((c) => (c.children.length ? `${c.label}[${labels(c.children).join(' ')}]` : c.label || '-'));
const outlineOf = (s: Snapshot): string[] =>
  parse(s).proposals.flatMap((p) => p.sections.map((x) => `${x.name}: ${labels(x.clauses).join(' ')}`));
const byName = (name: string) => CONTRIBUTIONS.find((c) => c.name === name)!;

describe('a resolution in each language, built as a .docx like the examples', () => {
  test.each(
    CONTRIBUTIONS.filter((c) => !['en', 'fr'].includes(c.language)).map((c) => [c.language, c] as const),
  )('%s: read in its language, its history line and tags pass, nothing to report', (language, c) => {
    const result = check(docx(c.markup));
    expect(result.language).toBe(language);
    expect(result.conference?.short[0]).toBe('WTSA-16');
    expect(result.diagnostics.map((d) => `¶${d.paragraph} ${d.ruleId}: ${d.message}`)).toEqual([]);
  });

  test('Russian: Cyrillic letters, one inserted and the rest re-lettered', () => {
    expect(outlineOf(docx(byName('ru-resolution-52').markup))).toEqual([
      'признавая: а) б) в)',
      'учитывая: а) б) в) г)',
      'решает: 1 2',
    ]);
  });

  test('Arabic: letters in abjad order', () => {
    expect(outlineOf(docx(byName('ar-resolution-52').markup))).toEqual([
      'إذ يعترف: أ) ب) ج) د)',
      'يقرر: 1 2',
    ]);
  });

  test("Spanish: Word's numbering, roman sub-items in a list of their own are sub-items", () => {
    expect(outlineOf(docx(byName('es-resolution-52').markup))).toEqual([
      'reconociendo: a) b)[i) ii)] c)',
      'considerando: a) b) c)',
      'resuelve encargar: 1 2',
    ]);
  });

  test('Russian: a letter out of sequence is reported and fixed in Cyrillic', () => {
    const markup = byName('ru-resolution-52').markup.replace(
      'б)\tчто спам является серьезной',
      'г)\tчто спам является серьезной',
    );
    const s = docx(markup);
    const found = check(s, { rules: ['clause-sequence'] }).diagnostics;
    expect(found.map((d) => [d.actual, d.expected])).toEqual([['г)', 'б)']]);
    const fixed = fixAll(s, snapshotIo);
    expect(fixed.ok && currentView(fixed.value.doc)).toContain(
      'б)\tчто спам является серьезной и растущей проблемой;',
    );
  });

  test.each([
    ['zh-resolution-52', 'a)\t国际电联基本文件的相关规定；', 'a)\t国际电联基本文件的相关规定;', '；'],
    [
      'ar-resolution-52',
      'أ)\tبالأحكام ذات الصلة في الوثائق الأساسية للاتحاد؛',
      'أ)\tبالأحكام ذات الصلة في الوثائق الأساسية للاتحاد',
      '؛',
    ],
    [
      'ar-resolution-52',
      'أ)\tبالأحكام ذات الصلة في الوثائق الأساسية للاتحاد؛',
      'أ)\tبالأحكام ذات الصلة في الوثائق الأساسية للاتحاد;',
      '؛',
    ],
  ])('%s: list marks of its own script, and a fix writes no other', (name, good, bad, mark) => {
    const s = docx(byName(name).markup.replace(good, bad));
    const found = check(s, { rules: ['list-punctuation'] }).diagnostics;
    expect(found).toHaveLength(1);
    expect(found[0].expected).toBe(mark);
    const fixed = fixAll(s, snapshotIo, { rules: ['list-punctuation'] });
    if (!fixed.ok) throw new Error(fixed.reason);
    expect(currentView(fixed.value.doc)).toContain(good);
    expect(fixed.value.remaining).toEqual([]);
  });

  test.each([
    ['es-resolution-52', '(Rev. Nueva Delhi, 2024)', '; Nueva Delhi, 2024', '(Nueva Delhi, 2024)'],
    ['ru-resolution-52', '(Пересм. Нью-Дели, 2024 г.)', '; Нью-Дели, 2024 г.', '(Нью-Дели, 2024 г.)'],
    ['ar-resolution-52', '(المراجَع في نيودلهي، 2024)', '؛ نيودلهي، 2024', '(نيودلهي، 2024)'],
    ['zh-resolution-52', '（2024年，新德里，修订版）', '；2024年，新德里', '（2024年，新德里）'],
  ])('%s: retag for WTSA-24 writes the language forms check reads', (name, number, entry, preamble) => {
    const s = docx(byName(name).markup);
    const plan = retagPlan(s, parse(s), conference('WTSA-24'));
    if (!plan.ok) throw new Error(plan.reason);
    const applied = applyPlanToSnapshot(s, plan.value, by);
    if (!applied.ok) throw new Error(applied.reason);
    const out = applied.value;
    const p = parse(out).proposals[0];
    const text = (i: number) => paragraphText(out.paragraphs[i]);
    expect(text(p.number!.paragraph)).toContain(number);
    expect(text(p.history!.paragraph)).toContain(entry);
    expect(text(p.preamble!.paragraph)).toContain(preamble);
    expect(check(out).diagnostics.map((d) => d.message)).toEqual([]);
  });
});

describe('decimal paragraph numbers', () => {
  const doc = (...lines: string[]) =>
    [
      'MOD\tXX/1/1',
      'RESOLUTION 1 (Rev. Hammamet, 2016)',
      'Rules of procedure of the ITU Telecommunication Standardization Sector',
      '(Helsinki, 1993; Geneva, 1996; Montreal, 2000; Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012; Hammamet, 2016)',
      'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
      'resolves',
      ...lines,
      'Reasons:\tUpdate.',
    ].join('\n');

  test('paragraphs 1.1, 1.2 under 1, 2.1 under 2: read as such, in sequence', () => {
    const s = docx(
      doc(
        '1\tGeneral:',
        '1.1\tthe assembly meets;',
        '1.2\tit adopts texts;',
        '2\tStudy groups:',
        '2.1\tthey meet.',
      ),
    );
    expect(outlineOf(s)).toEqual(['resolves: 1[1.1 1.2] 2[2.1]']);
    expect(check(s, { rules: ['clause-sequence'] }).diagnostics).toEqual([]);
  });

  test('a decimal number out of sequence is reported with the one expected', () => {
    const s = docx(
      doc(
        '1\tGeneral:',
        '1.1\tthe assembly meets;',
        '1.3\tit adopts texts;',
        '2\tStudy groups:',
        '2.2\tthey meet.',
      ),
    );
    const found = check(s, { rules: ['clause-sequence'] }).diagnostics;
    expect(found.map((d) => [d.actual, d.expected])).toEqual([
      ['1.3', '1.2'],
      ['2.2', '2.1'],
    ]);
  });
});

describe('WRC and RA resolutions: the short form on the number line', () => {
  const wrc = (number: string, preamble: string, language: 'en' | 'fr' = 'en') =>
    [
      'MOD\tEUR/16A1/1',
      number,
      language === 'en' ? 'Revision of references to ITU-R Recommendations' : 'Révision des références',
      preamble,
      language === 'en' ? 'considering' : 'considérant',
      language === 'en'
        ? 'a)\tthat the Radio Regulations {+now +}refer to Recommendations;'
        : 'a)\tque le Règlement {+désormais +}renvoie aux Recommandations;',
      language === 'en' ? 'b)\tthat they are revised,' : 'b)\tqu’elles sont révisées,',
      language === 'en' ? 'resolves' : 'décide',
      language === 'en' ? '1\tto continue.' : '1\tde poursuivre.',
      language === 'en' ? 'Reasons:\tUpdate.' : 'Motifs:\tMise à jour.',
    ].join('\n');

  test('a MOD of a WRC resolution with its tracked changes: WRC-23, nothing to report', () => {
    const r = check(docx(byName('en-resolution-wrc-155').markup));
    expect(r.conference?.short[0]).toBe('WRC-23');
    expect(r.diagnostics.map((d) => d.message)).toEqual([]);
  });

  test('(REV.WRC-19) names WRC-19: a preamble of the same conference passes', () => {
    const r = check(
      docx(
        wrc('RESOLUTION 28 (REV.WRC-19)', 'The World Radiocommunication Conference (Sharm el-Sheikh, 2019),'),
      ),
    );
    expect(r.conference?.short[0]).toBe('WRC-19');
    expect(r.diagnostics.map((d) => d.message)).toEqual([]);
  });

  test('(REV.WRC-18): no WRC met in 2018', () => {
    const r = check(
      docx(
        wrc('RESOLUTION 28 (REV.WRC-18)', 'The World Radiocommunication Conference (Sharm el-Sheikh, 2019),'),
      ),
    );
    expect(r.diagnostics.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([
      'revision-tag: Unexpected `(REV.WRC-18)`: no WRC met in 2018',
    ]);
  });

  test('(RÉV.CMR-23) with a preamble left at 2019: the preamble is reported, fixed to Dubaï, 2023', () => {
    const s = docx(
      wrc(
        'RÉSOLUTION 28 (RÉV.CMR-23)',
        'La Conférence mondiale des radiocommunications (Charm el-Cheikh, 2019),',
        'fr',
      ),
    );
    const r = check(s);
    expect(r.conference?.short[0]).toBe('WRC-23');
    expect(r.diagnostics.map((d) => `${d.ruleId}: ${d.excerpt}`)).toEqual([
      'conference-consistency: (Charm el-Cheikh, 2019)',
    ]);
    const fixed = fixAll(s, snapshotIo);
    expect(fixed.ok && currentView(fixed.value.doc)).toContain(
      'La Conférence mondiale des radiocommunications (Dubaï, 2023),',
    );
  });

  test('another language’s abbreviation is reported: WRC in a French text is CMR', () => {
    const r = check(
      docx(
        wrc(
          'RÉSOLUTION 28 (RÉV.WRC-23)',
          'La Conférence mondiale des radiocommunications (Dubaï, 2023),',
          'fr',
        ),
      ),
    );
    expect(r.diagnostics.map((d) => [d.ruleId, d.expected])).toEqual([['revision-tag', '(RÉV.CMR-23)']]);
  });

  test('retag moves the year only: (REV.WRC-19) → (REV.WRC-23)', () => {
    const s = docx(
      wrc('RESOLUTION 28 (REV.WRC-19)', 'The World Radiocommunication Conference (Sharm el-Sheikh, 2019),'),
    );
    const plan = retagPlan(s, parse(s), conference('WRC-23'));
    expect(plan.ok && plan.value.edits.map((e) => e.kind === 'text' && [e.expected, e.text])).toEqual([
      ['19', '23'],
      ['Sharm el-Sheikh, 2019', 'Dubai, 2023'],
    ]);
  });
});

describe('WRC short tags: the revision word a MOD needs', () => {
  const doc = (marker: string, number: string) =>
    [
      `${marker}\tEUR/16A1/1`,
      number,
      'Use of the band',
      'The World Radiocommunication Conference (Dubai, 2023),',
      'resolves',
      '1\tto {+continue to +}study the band.',
      'Reasons:\tUpdate.',
    ].join('\n');

  test.each([
    ['MOD', 'Resolution 155 (WRC-23)', 'Resolution 155 (Rev.WRC-23)'],
    ['MOD', 'RESOLUTION 155 (WRC-23)', 'RESOLUTION 155 (REV.WRC-23)'],
    ['MOD', 'Resolution 155 (Rev.WRC-19)', 'Resolution 155 (Rev.WRC-23)'],
    ['ADD', 'Resolution 155 (Rev.WRC-23)', 'Resolution 155 (WRC-23)'],
  ])('%s %s is fixed to %s', (marker, number, fixed) => {
    const s = docx(doc(marker, number));
    const found = check(s, { rules: ['conference-consistency'] }).diagnostics;
    expect(found).toHaveLength(1);
    const out = fixAll(s, snapshotIo, { rules: ['conference-consistency'] });
    if (!out.ok) throw new Error(out.reason);
    expect(currentView(out.value.doc)).toContain(fixed);
    expect(out.value.remaining).toEqual([]);
  });

  test('retag of a first adoption adds the revision word with the year: (WRC-19) → (Rev.WRC-23)', () => {
    const s = docx(doc('MOD', 'Resolution 155 (WRC-19)').replace('(Dubai, 2023)', '(Sharm el-Sheikh, 2019)'));
    const plan = retagPlan(s, parse(s), conference('WRC-23'));
    if (!plan.ok) throw new Error(plan.reason);
    const applied = applyPlanToSnapshot(s, plan.value, by);
    expect(applied.ok && currentView(applied.value)).toContain('Resolution 155 (Rev.WRC-23)');
  });
});
