import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { paragraphText, type Snapshot } from '../../src/core/snapshot';
import { readDocx } from '../../src/docx';
import { DOCUMENT, fieldDocx, REF_PARAGRAPH, SEQ_PARAGRAPH } from '../word/field-ooxml';
import { partText } from './package-edit';

/** `amend fix` on a proposal whose cross-reference is a REF field and whose clause number is a SEQ field. */

async function amend(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'amend-fields-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (file: string): Snapshot => {
  const r = readDocx(new Uint8Array(readFileSync(file)), file);
  if (!r.ok) throw new Error(r.reason);
  return r.value.snapshot;
};
const fields = (s: Snapshot) =>
  s.paragraphs.flatMap((p, i) => p.runs.filter((r) => r.field).map((r) => [i, r.text, r.field!.instruction]));

test('amend fix fixes around field results, leaves them as they were and says why', async () => {
  const input = path.join(dir, 'proposal.docx');
  const out = path.join(dir, 'fixed.docx');
  writeFileSync(input, fieldDocx(DOCUMENT));
  const r = await amend('fix', input, '-o', out);
  expect(r.code).toBe(0);
  const fixed = read(out);
  const text = (i: number) => paragraphText(fixed.paragraphs[i]);
  expect(text(REF_PARAGRAPH)).toBe('1\tto act now as in considering c) above;');
  expect(text(SEQ_PARAGRAPH)).toBe('3\tto report on spam regularly;');
  expect(text(SEQ_PARAGRAPH + 1)).toBe('3\tto invite Member States to cooperate.');
  expect(fields(fixed)).toEqual(fields(read(input)));
  expect(fields(fixed)).toHaveLength(2);
  // The field codes are in the file as they were.
  const xml = partText(new Uint8Array(readFileSync(out)), 'word/document.xml');
  expect(xml).toContain('> REF _Ref_b \\h </w:instrText>');
  expect(xml).toContain('> SEQ resolves \\* ARABIC </w:instrText>');
  // What stays for the user names the fields and what to do.
  expect(r.stdout + r.stderr).toMatch(/REF field, text Word computes/);
  expect(r.stdout + r.stderr).toMatch(/SEQ field, text Word computes/);
});
