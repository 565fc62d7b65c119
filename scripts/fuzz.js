#!/usr/bin/env node
/**
 * `npm run fuzz [-- --seconds N] [-- --soffice K]`: the fuzz suite (test/fuzz) for N seconds in all
 * (default 120), split between Word-realistic documents and damaged packages, each case bounded in
 * time and memory, and K fixed documents (default 5) opened in LibreOffice. `npm test` runs the same
 * suite for a few seconds. A failure prints fast-check's seed and path to replay it.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`fuzz: --${name} takes a positive number`);
    process.exit(2);
  }
  return value;
};
const seconds = option('seconds', 120);
const soffice = option('soffice', 5);

const jest = require.resolve('jest/bin/jest');
const r = spawnSync(
  process.execPath,
  [jest, '--selectProjects', 'unit', '--runTestsByPath', path.join('test', 'fuzz', 'fuzz.test.ts')],
  {
    cwd: path.resolve(__dirname, '..'),
    stdio: 'inherit',
    env: {
      ...process.env,
      AMEND_FUZZ_SECONDS: String(Math.max(1, Math.round(seconds / 2))),
      AMEND_FUZZ_SOFFICE: String(soffice),
      AMEND_FUZZ_LIMITS: '1',
    },
  },
);
process.exit(r.status ?? 1);
