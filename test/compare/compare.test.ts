import { applyPlanToSnapshot } from '../../src/core/apply';
import { differences, normalise, prepareBase, tokens, type ComparedParagraph } from '../../src/core/compare';
import { check } from '../../src/core/engine';
import { fixAll, type FixIo } from '../../src/core/fix';
import { fromMarkup } from '../../src/core/markup';
import type { Snapshot } from '../../src/core/snapshot';
import { by, currentView, originalView } from '../core/fix/helpers';
import { automaticLabels, baseOf, seedMarkup, VARIANTS, type SeedName } from './helpers';

const RULE_IDS = ['untracked-change', 'base-version'];

describe('normalisations: differences that do not change what the text says', () => {
  const same = (a: string, b: string, labelA = '', labelB = '') =>
    expect(normalise(a, labelA).text).toBe(normalise(b, labelB).text);
  test('whitespace runs read as one space, none at either end', () =>
    same(' to  continue\u00a0 its\u202fwork ', 'to continue its work'));
  test('a tab or a space after a label', () => same('a)\tthat spam', 'a) that spam'));
  test('straight and typographic quotes', () => {
    same('the term \u201cspam\u201d', 'the term "spam"');
    same('l\u2019Union', "l'Union");
  });
  test('soft hyphens and invisible characters', () => same('pro\u00adblem\u200b', 'problem'));
  test('a non-breaking hyphen reads as a hyphen', () => same('ITU\u2011T', 'ITU-T'));
  test('an automatic label reads as typed', () => same('that spam', 'a)\tthat spam', 'a)', ''));
  test('what does change the text is kept: words, punctuation, a missing space', () => {
    expect(normalise('solutions;').text).not.toBe(normalise('solutions.').text);
    expect(normalise('of the').text).not.toBe(normalise('ofthe').text);
    expect(normalise('b)\tthat').text).not.toBe(normalise('that', 'a)').text);
  });
  test('every normalised character maps back to its raw offset', () => {
    const n = normalise('  a)\t\u201cspam\u201d  pro\u00adblem ');
    expect(n.text).toBe('a) "spam" problem');
    expect(n.map[n.text.indexOf('"')]).toBe(5);
    expect(n.map[n.text.length]).toBe(21);
  });
});

describe('differences', () => {
  const para = (text: string, index: number): ComparedParagraph => ({
    index,
    raw: text,
    label: '',
    norm: normalise(text),
  });
  const list = (...texts: string[]) => texts.map(para);
  test('a changed word is one difference, at its raw range', () => {
    const [d] = differences(list('a)\tthe big cat;'), list('a)\tthe  small cat;'), 1);
    expect(d).toMatchObject({
      kind: 'changed',
      inForce: 'big',
      proposal: 'small',
      from: 8,
      to: 13,
      restore: 'big',
    });
  });
  test('an inserted and a deleted paragraph', () => {
    const ds = differences(
      list('one thing', 'two things', 'three things'),
      list('one thing', 'three things', 'something else entirely'),
      3,
    );
    expect(ds.map((d) => d.kind)).toEqual(['deleted', 'inserted']);
    expect(ds[0]).toMatchObject({ before: 1 });
  });
  test('an edited paragraph pairs with the in-force one it is most like, not the first alike enough', () => {
    // d) was removed and e) edited: e) is half like d) but nearly all like e), so d) is the one deleted.
    const ds = differences(
      list('c) that spam;', 'd) that work information;', 'e) that work information spam spam,'),
      list('c) that spam;', 'e) that work information altered spam,'),
      2,
    );
    expect(ds).toMatchObject([
      { kind: 'deleted', inForce: { raw: 'd) that work information;' }, before: 1 },
      { kind: 'changed', inForce: 'spam', proposal: 'altered' },
    ]);
    expect(ds).toHaveLength(2);
  });
  test('tokens are words, single blanks and single marks', () =>
    expect(tokens('spam, e-mail').map((t) => t.text)).toEqual(['spam', ',', ' ', 'e', '-', 'mail']));
});

const snapshotIo: FixIo<Snapshot> = { read: (s) => s, apply: (s, plan) => applyPlanToSnapshot(s, plan, by) };

describe.each<SeedName>(['en-resolution-52', 'fr-resolution-52'])('%s against its in-force text', (seed) => {
  test.each(VARIANTS.map((v) => [v.name, v] as const))('%s', (_name, variant) => {
    const proposal = fromMarkup(variant.proposal(seedMarkup(seed)));
    for (const volume of [false, true]) {
      const built = baseOf(fromMarkup(seedMarkup(seed)), variant.baseView, volume);
      const base = prepareBase(variant.base ? variant.base(built) : built, 'in-force.docx');
      const found = check(proposal, { bases: [base], rules: RULE_IDS }).diagnostics;
      const count = (id: string) => found.filter((d) => d.ruleId === id).length;
      expect({
        'untracked-change': count('untracked-change'),
        'base-version': count('base-version'),
      }).toEqual(variant.expected);
      for (const d of found) expect(d.message).toMatch(/`/);

      // Fixing shows every untracked difference: the original view becomes the in-force text, the current view stays.
      const fixed = fixAll(proposal, snapshotIo, { bases: [base], rules: ['untracked-change'] });
      if (!fixed.ok) throw new Error(fixed.reason);
      expect(fixed.value.remaining).toEqual([]);
      expect(currentView(fixed.value.doc)).toEqual(currentView(proposal));
      if (variant.expected['untracked-change'] > 0) {
        expect(check(fixed.value.doc, { bases: [base], rules: RULE_IDS }).diagnostics).toEqual([]);
        expect(originalView(fixed.value.doc)).not.toEqual(originalView(proposal));
      }
    }
  });
});

test('a finding names the clause and quotes both texts', () => {
  const seed = seedMarkup('en-resolution-52');
  const proposal = fromMarkup(VARIANTS[0].proposal(seed));
  const base = prepareBase(baseOf(fromMarkup(seed)), 'in-force.docx');
  const [d] = check(proposal, { bases: [base], rules: RULE_IDS }).diagnostics;
  expect(d).toMatchObject({ clause: 'considering b)', expected: 'currently', actual: 'presently' });
  expect(d.message).toBe(
    'The in-force text says `currently`, the original view says `presently`: changed with track changes off',
  );
});

test('the normalisation-only variant really numbers clauses automatically in its in-force text', () => {
  const base = automaticLabels(baseOf(fromMarkup(seedMarkup('en-resolution-52'))));
  expect(base.paragraphs.filter((p) => p.numbering).map((p) => p.numbering!.label)).toEqual([
    'a)',
    'b)',
    'c)',
  ]);
});

test('each proposal of a contribution is compared with its own resolution of a volume; a NOC short form by its title', () => {
  const volume = fromMarkup(
    [
      'RESOLUTION 50 (Rev. Hammamet, 2016)',
      'Cybersecurity',
      '(Geneva, 1996; Hammamet, 2016)',
      'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
      'considering',
      'that it matters,',
      'resolves',
      'to keep it.',
      'RESOLUTION 52 (Rev. Hammamet, 2016)',
      'Countering spam',
      '(Dubai, 2012; Hammamet, 2016)',
      'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
      'considering',
      'a)\tthat spam is bad;',
      'b)\tthat spam grows,',
      'resolves',
      'to fight it.',
    ].join('\n'),
  );
  const contribution = (title50: string) =>
    fromMarkup(
      [
        'NOC\tAPT/44A14/1',
        'RESOLUTION 50 (Rev. Hammamet, 2016)',
        title50,
        'Reasons:\tStill right.',
        'MOD\tAPT/44A14/2',
        'RESOLUTION 52 (Rev. [-Hammamet, 2016-]{+New Delhi, 2024+})',
        'Countering spam',
        '(Dubai, 2012; Hammamet, 2016{+; New Delhi, 2024+})',
        'The World Telecommunication Standardization Assembly ([-Hammamet, 2016-]{+New Delhi, 2024+}),',
        'considering',
        'a)\tthat spam is very bad;',
        'b)\tthat spam grows,',
        'resolves',
        'to fight it.',
        'Reasons:\tMore.',
      ].join('\n'),
    );
  const bases = [prepareBase(volume, 'volume.docx')];
  const found = (s: Snapshot) =>
    check(s, { bases, rules: RULE_IDS }).diagnostics.map((d) => [d.paragraph + 1, d.clause, d.actual]);
  expect(found(contribution('Cybersecurity'))).toEqual([[11, 'considering a)', 'very ']]);
  expect(found(contribution('Cyber security'))).toEqual([
    [3, undefined, 'Cyber security'],
    [11, 'considering a)', 'very '],
  ]);
});
