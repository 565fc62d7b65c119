import { amend, docxFromMarkup, seedDocx } from './cli-helpers';

interface ClauseJson {
  label: string;
  paragraph: number;
  text: string;
  children: ClauseJson[];
}
interface OutlineJson {
  path: string;
  language: string;
  proposals: {
    marker: string | null;
    id: string | null;
    paragraph: number;
    number: string | null;
    tag: string | null;
    title: string | null;
    sections: { heading: string; paragraph: number; clauses: ClauseJson[] }[];
  }[];
}

describe('amend outline', () => {
  test('French seed: the labelled structure in the current view', async () => {
    const r = await amend('outline', seedDocx('fr-resolution-52'), '--format', 'json');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout) as OutlineJson;
    expect(o.language).toBe('fr');
    expect(o.proposals).toHaveLength(1);
    const p = o.proposals[0];
    expect(p).toMatchObject({
      marker: 'MOD',
      id: 'APT/44A14/1',
      paragraph: 11,
      number: '52',
      title: 'Lutter contre le spam',
    });
    expect(p.tag).toBe('Rév. HAMMAMET 2016');
    expect(p.sections.map((s) => s.heading)).toEqual([
      'reconnaissant',
      'reconnaissant en outre',
      'considérant',
      'notant',
      "décide de charger les commissions d'études compétentes",
      "charge en outre la Commission d'études 17 de l'UIT-T",
      'charge le Directeur du Bureau de la normalisation des télécommunications',
      'invite les Etats Membres, les Membres du Secteur et les Associés',
      'invite en outre les Etats Membres',
    ]);
    const considering = p.sections[2].clauses;
    expect(considering.map((c) => c.label)).toEqual([
      'a)',
      'b)',
      'c)',
      'd)',
      'e)',
      'f)',
      'g)',
      'h)',
      'i)',
      'j)',
      'k)',
      'l)',
    ]);
    expect(considering[8].text).toMatch(/^qu'il est urgent/);
    const further = p.sections[1].clauses;
    expect(further.map((c) => c.label)).toEqual(['a)', 'b)', 'c)', 'd)']);
    expect(further[2].children.map((c) => c.label)).toEqual(['i)', 'ii)', 'iii)', 'iv)', 'v)']);
    expect(further[3].children.map((c) => c.label)).toEqual(['i)', 'ii)']);
    expect(p.sections[3].clauses).toEqual([expect.objectContaining({ label: '', children: [] })]);
    expect(p.sections[5].clauses.map((c) => c.label)).toEqual(['1', '2', '3']);
  });

  test('text format: a tree with paragraph numbers, inserted clauses marked', async () => {
    const r = await amend('outline', seedDocx('fr-resolution-52'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+11 {2}MOD APT\/44A14\/1$/m);
    expect(r.stdout).toMatch(/h\) {2}que les caractéristiques.*\[inserted\]/);
    expect(r.stdout).toMatch(/i\) \[was h\)\] {2}qu'il est urgent/);
  });

  test('automatic numbering labels are read from numbering.xml', async () => {
    const file = docxFromMarkup(
      [
        'MOD\tEUR/XX/1',
        'RESOLUTION 1 (Rev. Hammamet, 2016)',
        'Title',
        '(Helsinki, 1993; Hammamet, 2016)',
        'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
        'considering',
        '#n:7:0:a) first;',
        '#n:7:0:b) second,',
        'resolves',
        '#n:8:0:1 to act.',
      ].join('\n'),
    );
    const o = JSON.parse((await amend('outline', file, '--format', 'json')).stdout) as OutlineJson;
    expect(o.proposals[0].sections.map((s) => s.clauses.map((c) => c.label))).toEqual([['a)', 'b)'], ['1']]);
  });

  test('bad input: one line, exit 2', async () => {
    const r = await amend('outline', 'no-such.docx');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
