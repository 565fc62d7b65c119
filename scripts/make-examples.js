#!/usr/bin/env node
/**
 * `npm run examples`: build examples/*.docx from the annotated seed contributions in
 * test/fixtures/seeds (real proposals, their tracked changes as real w:ins/w:del), so the README's
 * commands can be tried on real files. Needs the compiled CLI (`npm run build:cli`).
 */
const fs = require('node:fs');
const path = require('node:path');
const { buildDocx } = require('../lib/docx');
const { fromMarkup } = require('../lib/core/markup');

const ROOT = path.resolve(__dirname, '..');
const SEEDS = path.join(ROOT, 'test', 'fixtures', 'seeds');
const OUT = path.join(ROOT, 'examples');

fs.mkdirSync(OUT, { recursive: true });
for (const name of fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
  const markup = fs.readFileSync(path.join(SEEDS, name), 'utf8');
  const bytes = buildDocx(fromMarkup(markup));
  const file = path.join(OUT, name.replace(/\.txt$/, '.docx'));
  fs.writeFileSync(file, bytes);
  process.stdout.write(`wrote ${path.relative(ROOT, file)}\n`);
}
