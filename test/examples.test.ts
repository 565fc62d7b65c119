import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fromMarkup, toMarkup } from '../src/core/markup';
import { readDocx } from '../src/docx';

const ROOT = path.join(__dirname, '..');
const examples = readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.docx'));

describe('examples/ (the files the README runs amend on)', () => {
  test('there is one per seed', () => {
    const seeds = readdirSync(path.join(ROOT, 'test', 'fixtures', 'seeds')).map((f) =>
      f.replace(/\.txt$/, '.docx'),
    );
    expect(examples.sort()).toEqual(seeds.sort());
  });
  test.each(examples)(
    '%s holds its seed, tracked changes included (run `npm run examples` after editing a seed)',
    (name) => {
      const doc = readDocx(new Uint8Array(readFileSync(path.join(ROOT, 'examples', name))), name);
      if (!doc.ok) throw new Error(doc.reason);
      const seed = readFileSync(
        path.join(ROOT, 'test', 'fixtures', 'seeds', name.replace(/\.docx$/, '.txt')),
        'utf8',
      );
      const plain = (markup: string) => markup.replace(/^<<[^>]+>> /gm, '');
      expect(plain(toMarkup(doc.value.snapshot))).toBe(plain(toMarkup(fromMarkup(seed))));
    },
  );
});
