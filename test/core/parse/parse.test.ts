import { readFileSync } from 'fs';
import { join } from 'path';
import { fromMarkup } from '../../../src/core/markup';
import type { Clause, Outline } from '../../../src/core/model';
import { parse } from '../../../src/core/parse';

const seed = (name: string): Outline =>
  parse(fromMarkup(readFileSync(join(__dirname, '../../fixtures/seeds', name), 'utf8')));
const labels = (clauses: readonly Clause[]): string =>
  clauses.map((c) => c.label + (c.children.length ? `[${labels(c.children)}]` : '')).join(' ');

describe('the French seed', () => {
  const o = seed('fr-resolution-52.txt');
  const [p] = o.proposals;

  test('is French, one MOD proposal after the cover', () => {
    expect(o.language).toBe('fr');
    expect(o.proposals).toHaveLength(1);
    expect(p.marker).toBe('MOD');
    expect(p.id).toMatchObject({ submitter: 'APT', document: '44', addendum: '14', sequence: 1 });
    expect(o.bodyStart).toBe(p.paragraph);
    expect(p.start).toBe(p.paragraph);
    expect(p.number?.resolution).toBe('52');
    expect(p.title?.text).toBe('Lutter contre le spam');
    expect(p.history?.text).toMatch(/^\(Florianópolis, 2004;/);
    expect(p.preamble?.text).toMatch(/^L'Assemblée mondiale/);
    expect(p.reasons).toBeNull();
  });

  test('sections with their lexicon names and keys', () => {
    expect(p.sections.map((s) => `${s.key}=${s.name}`)).toEqual([
      'recognizing=reconnaissant',
      'recognizing further=reconnaissant en outre',
      'considering=considérant',
      'noting=notant',
      'resolves to instruct=décide de charger',
      'further instructs=charge en outre',
      'instructs=charge',
      'invites=invite',
      'further invites=invite en outre',
    ]);
    expect(p.sections[6].heading).toBe(
      'charge le Directeur du Bureau de la normalisation des télécommunications',
    );
  });

  test('labels, roman sub-items under c) and under the inserted d)', () => {
    expect(labels(p.sections[1].clauses)).toBe('a) b) c)[i) ii) iii) iv) v)] d)[i) ii)]');
    expect(p.sections[1].clauses[3].change).toBe('inserted');
    expect(p.sections[1].clauses[3].children.map((c) => c.change)).toEqual(['inserted', 'inserted']);
    expect(p.sections[1].clauses[2].children.map((c) => c.kind)).toEqual([
      'roman',
      'roman',
      'roman',
      'roman',
      'roman',
    ]);
    expect(labels(p.sections[3].clauses)).toBe('');
    expect(p.sections[3].clauses[0]).toMatchObject({ label: '', kind: 'none', change: 'modified' });
    expect(labels(p.sections[5].clauses)).toBe('1 2 3');
  });

  test('the renumbered considérant clauses keep their original labels and label offsets', () => {
    const considering = p.sections[2].clauses;
    expect(labels(considering)).toBe('a) b) c) d) e) f) g) h) i) j) k) l)');
    expect(considering[7]).toMatchObject({ label: 'h)', change: 'inserted' });
    expect(considering[7].originalLabel).toBeUndefined();
    expect(considering.slice(8).map((c) => `${c.originalLabel}→${c.label}`)).toEqual([
      'h)→i)',
      'i)→j)',
      'j)→k)',
      'k)→l)',
    ]);
    expect(considering[8]).toMatchObject({
      change: 'modified',
      labelOffset: 0,
      labelLength: 1,
      automatic: false,
      kind: 'letter',
    });
    expect(considering[0].change).toBe('unchanged');
    expect(considering[8].text).toBe("qu'il est urgent de traiter le problème du spam;");
  });

  test('nothing inside the proposal is left unplaced', () => {
    expect(o.unplaced.filter((u) => u.paragraph >= p.start && u.paragraph < p.end)).toEqual([]);
  });
});

describe('the English seed', () => {
  const o = seed('en-resolution-52.txt');
  const [p] = o.proposals;
  test('outline shape', () => {
    expect(o.language).toBe('en');
    expect(p.marker).toBe('MOD');
    expect(p.id?.text).toBe('AFCP/42A25/1');
    // "1\tIntroduction" and "2\tProposal" belong to the cover.
    expect(o.bodyStart).toBe(p.paragraph);
    expect(p.number?.text).toBe('RESOLUTION 52 (REV. HAMMAMET, 2016)');
    expect(p.sections.map((s) => s.key)).toEqual([
      'recognizing',
      'recognizing further',
      'considering',
      'noting',
      'resolves to instruct',
      'further instructs',
      'instructs',
      'invites',
      'further invites',
    ]);
    // i) after h) is a letter; i) after "namely:" a roman sub-item.
    expect(labels(p.sections[2].clauses)).toBe('a) b) c) d) e) f) g) h) i) j) k)');
    expect(labels(p.sections[1].clauses)).toBe('a) b) c)[i) ii) iii) iv) v)]');
    expect(p.sections[5].clauses.map((c) => `${c.label}:${c.change}`)).toEqual(['1:modified', '2:inserted']);
    expect(p.sections[8].clauses).toHaveLength(1);
    expect(p.sections[8].clauses[0].text).toMatch(/propagation\.$/);
  });
});

const head = (marker: string, number: string, title: string, preamble: string) =>
  [marker, number, title, preamble].filter((l) => l !== '').join('\n');

describe('languages', () => {
  test('Spanish', () => {
    const o = parse(
      fromMarkup(
        [
          head(
            'MOD\tIAP/12/3',
            'RESOLUCIÓN 52 (Rev. Hammamet, 2016)',
            'Combatir el spam',
            'La Asamblea Mundial de Normalización de las Telecomunicaciones (Hammamet, 2016),',
          ),
          'reconociendo además',
          'a)\tx;',
          'b)\ty,',
          'resuelve encargar a las comisiones de estudio',
          '1\tz;',
          '2\tw.',
          'Motivos:\tClaridad.',
        ].join('\n'),
      ),
    );
    expect(o.language).toBe('es');
    const [p] = o.proposals;
    expect(p.sections.map((s) => `${s.key}=${s.name}`)).toEqual([
      'recognizing further=reconociendo además',
      'resolves to instruct=resuelve encargar',
    ]);
    expect(p.reasons?.text).toBe('Motivos:\tClaridad.');
    expect(p.end).toBe(p.reasons!.paragraph + 1);
  });

  test('Russian', () => {
    const o = parse(
      fromMarkup(
        [
          'MOD\tRCC/20/1',
          'РЕЗОЛЮЦИЯ 52 (Пересм. Хаммамет, 2016 г.)',
          'Противодействие спаму',
          'учитывая',
          'a)\tx;',
          'b)\ty,',
          'решает',
          '1\tz.',
          'Основания:\tx',
        ].join('\n'),
      ),
    );
    expect(o.language).toBe('ru');
    expect(o.proposals[0].number?.resolution).toBe('52');
    expect(o.proposals[0].sections.map((s) => s.key)).toEqual(['considering', 'resolves']);
    expect(o.proposals[0].reasons).not.toBeNull();
  });

  test('Arabic', () => {
    const o = parse(
      fromMarkup(
        [
          'MOD\tARB/30/2',
          'القرار 52 (المراجَع في الحمامات، 2016)',
          'مكافحة الرسائل الاقتحامية',
          'إذ يضع في اعتباره',
          'أن x،',
          'يقرر',
          '1\tz.',
        ].join('\n'),
      ),
    );
    expect(o.language).toBe('ar');
    expect(o.proposals[0].number?.resolution).toBe('52');
    expect(o.proposals[0].sections.map((s) => s.key)).toEqual(['considering', 'resolves']);
  });

  test('Chinese', () => {
    const o = parse(
      fromMarkup(
        [
          'MOD\tAPT/44A14/1',
          '第52号决议（2016年，哈马马特，修订版）',
          '打击垃圾信息',
          '考虑到',
          'a)\tx；',
          '做出决议',
          '1\tz。',
        ].join('\n'),
      ),
    );
    expect(o.language).toBe('zh');
    expect(o.proposals[0].number?.resolution).toBe('52');
    expect(o.proposals[0].sections.map((s) => s.key)).toEqual(['considering', 'resolves']);
  });

  test('English by default', () => {
    expect(parse(fromMarkup('Hello\nWorld')).language).toBe('en');
    expect(parse({ paragraphs: [] })).toEqual({ language: 'en', proposals: [], unplaced: [], bodyStart: 0 });
  });
});

describe('proposal lines', () => {
  test('older layout: marker and identifier on separate lines, in either order', () => {
    const o = parse(
      fromMarkup(
        [
          'Cover',
          'MOD',
          'APT/44A14/1',
          'RESOLUTION 1 (Rev. Hammamet, 2016)',
          'Title',
          'APT/44A14/2',
          'SUP',
          'RESOLUTION 2 (Hammamet, 2016)',
          'Reasons:\tx',
        ].join('\n'),
      ),
    );
    expect(o.bodyStart).toBe(1);
    expect(o.proposals.map((p) => [p.marker, p.id?.text, p.paragraph, p.number?.resolution])).toEqual([
      ['MOD', 'APT/44A14/1', 1, '1'],
      ['SUP', 'APT/44A14/2', 6, '2'],
    ]);
    expect(o.proposals[0].end).toBe(5);
  });

  test('a resolution without a proposal line is a proposal with marker null; a malformed identifier is kept', () => {
    const o = parse(
      fromMarkup(
        [
          'RESOLUTION 1 (Rev. Hammamet, 2016)',
          'Title',
          'ADD\tAPT/44A14',
          'DRAFT NEW RESOLUTION [APT-1]',
          'New title',
        ].join('\n'),
      ),
    );
    expect(o.bodyStart).toBe(0);
    expect(o.proposals.map((p) => [p.marker, p.id, p.idText, p.number?.resolution])).toEqual([
      [null, null, undefined, '1'],
      ['ADD', null, 'APT/44A14', '[APT-1]'],
    ]);
  });

  test('an unknown marker before an identifier still opens a proposal', () => {
    const o = parse(
      fromMarkup(['Intro', 'MODIF\tAPT/44A14/1', 'RESOLUTION 1 (Rev. Hammamet, 2016)'].join('\n')),
    );
    expect(o.proposals.map((p) => [p.marker, p.id?.text, p.paragraph])).toEqual([[null, 'APT/44A14/1', 1]]);
  });
});

describe('clauses', () => {
  const parseBody = (...lines: string[]) =>
    parse(
      fromMarkup(
        [
          'MOD\tEUR/XX/1',
          'RESOLUTION 9 (Rev. Hammamet, 2016)',
          'T',
          'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
          ...lines,
        ].join('\n'),
      ),
    );

  test('i) after h) ending with a colon opens sub-items; v) continues them', () => {
    const o = parseBody(
      'considering',
      ...'abcdefg'.split('').map((l) => `${l})\tx;`),
      'h)\tx, namely:',
      'i)\tx;',
      'ii)\tx;',
      'iii)\tx;',
      'iv)\tx;',
      'v)\tx;',
      'i)\tx,',
    );
    expect(labels(o.proposals[0].sections[0].clauses)).toBe('a) b) c) d) e) f) g) h)[i) ii) iii) iv) v)] i)');
  });

  test('automatic labels: kind from the label, nesting from the level, no offsets', () => {
    const o = parseBody('resolves', '#n:4:0:1 x:', '#n:4:1:a) y;', '#n:4:1:b) z;', '#n:4:0:2 w.');
    const [one, two] = o.proposals[0].sections[0].clauses;
    expect(labels(o.proposals[0].sections[0].clauses)).toBe('1[a) b)] 2');
    expect(one).toMatchObject({ automatic: true, kind: 'number', text: 'x:' });
    expect(one.labelOffset).toBeUndefined();
    expect(two.kind).toBe('number');
  });

  test('bis and ter labels, a space instead of a tab, and the label offset past leading spaces', () => {
    const o = parseBody('considering', 'a) x;', 'abis)\tx;', ' b)\ty,');
    const cs = o.proposals[0].sections[0].clauses;
    expect(cs.map((c) => [c.label, c.labelOffset, c.labelLength])).toEqual([
      ['a)', 0, 1],
      ['abis)', 0, 4],
      ['b)', 1, 1],
    ]);
  });

  test('deleted paragraphs stay as deleted clauses; an inserted label shows its original as empty', () => {
    const o = parseBody('considering', '-¶ [-a)\told;-]', '[-b-]{+a+})\tx;', 'b)\ty,');
    expect(o.proposals[0].sections[0].clauses.map((c) => [c.label, c.originalLabel, c.change])).toEqual([
      ['a)', undefined, 'deleted'],
      ['a)', 'b)', 'modified'],
      ['b)', undefined, 'unchanged'],
    ]);
  });

  test('a heading recognised by the Call style alone; stray paragraphs go to unplaced with a reason', () => {
    const o = parseBody('<<Call>> acknowledging', 'a)\tx;', 'loose text', 'Reasons:\tx', 'after the reasons');
    const [s] = o.proposals[0].sections;
    expect([s.key, s.name, labels(s.clauses)]).toEqual(['', 'acknowledging', 'a)']);
    expect(o.unplaced.map((u) => [u.paragraph, u.reason])).toEqual([
      [6, 'unlabelled paragraph among labelled clauses'],
      [8, 'after the reasons of a proposal'],
    ]);
  });

  test('numbers followed by a space count only where numbers are expected', () => {
    const o = parseBody('noting', '17 Member States have acted,', 'resolves', '1 x;', '2 y.');
    const [noting, resolves] = o.proposals[0].sections;
    expect(noting.clauses.map((c) => c.label)).toEqual(['']);
    expect(resolves.clauses.map((c) => c.label)).toEqual(['1', '2']);
  });
});
