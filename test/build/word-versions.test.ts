import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { APPLY_NEEDS, READ_NEEDS, WORD_API, wordSupport } from '../../src/word/requirements';

/** manifest.xml, the adapter's run-time checks and the README say the same about which Word runs Amend. */
const ROOT = path.resolve(__dirname, '../..');
const manifest = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');

/** A Word that supports WordApi up to `max`. */
const wordUpTo = (max: string) => ({
  isSetSupported: (name: string, version = '1.1') =>
    name === 'WordApi' && Number(version.split('.')[1]) <= Number(max.split('.')[1]),
});

test('the manifest requires exactly what reading needs, nothing more', () => {
  const sets = [...manifest.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\/>/g)].map(
    (m) => `${m[1]} ${m[2]}`,
  );
  expect(sets).toEqual([`WordApi ${WORD_API.read}`]);
});

test('a Word the manifest admits but that cannot fix still checks: the README promise can happen', () => {
  expect(wordSupport(wordUpTo(WORD_API.read))).toEqual({ read: true, apply: false });
  expect(wordSupport(wordUpTo(WORD_API.apply))).toEqual({ read: true, apply: true });
});

test('the messages and the README name the same versions', () => {
  expect(READ_NEEDS).toContain(`API ${WORD_API.read}`);
  expect(APPLY_NEEDS).toContain(`API ${WORD_API.apply}`);
  expect(readme).toContain(`requires the Word JavaScript API ${WORD_API.read}`);
  expect(readme).toContain(`Fixing needs WordApi ${WORD_API.apply}`);
});
