import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { withTrackRevisions } from '../../src/docx/excerpt';
import { fromMarkup, toMarkup } from '../../src/core/markup';
import { buildDocx } from '../../src/docx';
import { amend, amendNew, checkJson, readSnapshot, tmpDir } from '../cli/cli-helpers';
import { contribution } from '../core/fixtures';
import { baseOf, seedMarkup, type SeedName } from './helpers';

/** An in-force proceedings volume holding the seed's resolution (its current view, Hammamet, 2016) among others. */
function volume(seed: SeedName, dir = tmpDir()): string {
  const file = path.join(dir, 'in-force.docx');
  // The French seed writes some tags without their comma; an in-force text has them right.
  const markup = seedMarkup(seed)
    .replace(/(HAMMAMET|Hammamet|Busan) (\d{4})/g, '$1, $2')
    .replace('{+ HAMMAMET', '{+ Hammamet');
  writeFileSync(file, buildDocx(baseOf(fromMarkup(markup), 'current', true)));
  return file;
}

const paragraphsOf = (file: string) =>
  toMarkup(readSnapshot(file))
    .split('\n')
    .filter((l) => !l.startsWith('[^') && l.trim() !== '');

const settingsOf = (file: string) =>
  strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/settings.xml']);

describe.each<SeedName>(['en-resolution-52', 'fr-resolution-52'])('amend new from %s', (seed) => {
  test('MOD: the in-force text with the proposal line, the retag as tracked changes, reasons, Track Changes on', async () => {
    const dir = tmpDir();
    const base = volume(seed, dir);
    const out = path.join(dir, 'proposal.docx');
    const r = await amendNew({
      base,
      resolution: '52',
      marker: 'MOD',
      id: 'APT/44A14/1',
      conference: 'WTSA-24',
      out,
      author: 'Delegate',
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(settingsOf(out)).toMatch(/<w:trackRevisions\/>/);
    const lines = paragraphsOf(out);
    expect(lines[0]).toBe('MOD\tAPT/44A14/1');
    expect(lines[1]).toMatch(
      /^(RESOLUTION 52 \(REV\. \[-HAMMAMET, 2016-\]\{\+NEW DELHI|RÉSOLUTION 52 \(Rév\. \[-Hammamet, 2016-\]\{\+New Delhi), 2024\+\}\)$/,
    );
    expect(lines.some((l) => /\{\+; New Delhi, 2024\+\}\)$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^\+¶ \{\+(Reasons|Motifs):\t\+\}$/);
    // No other resolution of the volume came along.
    expect(lines.join('\n')).not.toMatch(/RESOLUTION 50|RESOLUTION 58/);

    const checked = await amend('check', out, '--base', base, '--format', 'json');
    const errors = checkJson(checked.stdout).files[0].diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    expect(checked.code).toBe(0);
  });

  test.each(['SUP', 'NOC'])('%s: the short form, with no error against its own base', async (marker) => {
    const dir = tmpDir();
    const base = volume(seed, dir);
    const out = path.join(dir, 'proposal.docx');
    const r = await amendNew({ base, resolution: '52', marker, id: 'APT/44A14/1', out });
    expect(r.code).toBe(0);
    const lines = paragraphsOf(out);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`${marker}\tAPT/44A14/1`);
    expect(lines[2]).toMatch(/spam/);
    const checked = await amend('check', out, '--base', base, '--format', 'json');
    expect(checkJson(checked.stdout).files[0].diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

test('ADD: a draft new resolution skeleton in the base language, styles taken from it', async () => {
  const dir = tmpDir();
  const base = volume('fr-resolution-52', dir);
  const out = path.join(dir, 'draft.docx');
  const r = await amendNew({ base, marker: 'ADD', id: 'APT/44A14/3', conference: 'WTSA-24', out });
  expect(r.code).toBe(0);
  const lines = paragraphsOf(out);
  expect(lines.slice(0, 4)).toEqual([
    'ADD\tAPT/44A14/3',
    'PROJET DE NOUVELLE RÉSOLUTION [APT-1]',
    '[Titre]',
    "L'Assemblée mondiale de normalisation des télécommunications (New Delhi, 2024),",
  ]);
  expect(lines).toContain('considérant');
  expect(lines).toContain('décide');
  expect(lines.at(-1)).toBe('Motifs:\t');
  expect(lines.join('\n')).not.toMatch(/\{\+|\[-/);
});

test.each([
  ['en-resolution-52', 'a)'],
  ['fr-resolution-52', 'a)'],
  ['es-resolution-52', 'a)'],
  ['ru-resolution-52', 'а)'],
])(
  'ADD from %s: each section starts its items again (%s, then 1 in the operative part) and the draft checks clean but for its reasons',
  async (name, letter) => {
    const dir = tmpDir();
    const base = path.join(dir, 'base.docx');
    // The language fixtures number their clauses automatically: the skeleton must not go on with that list.
    writeFileSync(base, buildDocx(fromMarkup(contribution(name))));
    const out = path.join(dir, 'draft.docx');
    const r = await amendNew({ base, marker: 'ADD', id: 'APT/1/1', conference: 'WTSA-24', out });
    expect(r.stderr).toBe('');
    const items = paragraphsOf(out).filter((l) => /^\S+\t…[,.]$/.test(l));
    expect(items.map((l) => l.split('\t')[0])).toEqual([letter, letter, letter, '1', '1', '1']);
    const checked = checkJson((await amend('check', out, '--format', 'json')).stdout);
    expect(checked.files[0].diagnostics.map((d) => d.ruleId)).toEqual(['reasons']);
  },
);

test('mistakes are one line and exit 2, nothing written', async () => {
  const dir = tmpDir();
  const base = volume('en-resolution-52', dir);
  const out = path.join(dir, 'p.docx');
  const r = await amendNew({ base, marker: 'MOD', id: 'APT/44A14/1', conference: 'WTSA-24', out });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/holds 3 resolutions \(50, 52, 58\): name the one to start from/);
  const missing = await amendNew({ base, resolution: '99', id: 'APT/44A14/1', conference: 'WTSA-24', out });
  expect(missing.code).toBe(2);
  expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  expect(() => readSnapshot(out)).toThrow();
});

test('Track Changes goes where the settings schema puts it', () => {
  expect(
    withTrackRevisions(
      '<w:settings xmlns:w="x"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/></w:settings>',
    ),
  ).toBe(
    '<w:settings xmlns:w="x"><w:zoom w:percent="100"/><w:trackRevisions/><w:defaultTabStop w:val="720"/></w:settings>',
  );
  expect(withTrackRevisions('<w:settings xmlns:w="x"><w:trackRevisions/></w:settings>')).toBe(
    '<w:settings xmlns:w="x"><w:trackRevisions/></w:settings>',
  );
  expect(withTrackRevisions('<w:settings xmlns:w="x"/>')).toBe(
    '<w:settings xmlns:w="x"><w:trackRevisions/></w:settings>',
  );
});
