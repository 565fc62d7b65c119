import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { prepareBase } from '../../src/core/compare';
import { check } from '../../src/core/engine';
import { fromMarkup, toMarkup } from '../../src/core/markup';
import { buildDocx, readDocx } from '../../src/docx';
import { amend, amendNew } from '../cli/cli-helpers';
import { currentView } from '../core/fix/helpers';
import { baseOf, seedMarkup, VARIANTS, type SeedName } from './helpers';

const read = (bytes: Uint8Array, name = 'doc.docx') => {
  const r = readDocx(bytes, name);
  if (!r.ok) throw new Error(r.reason);
  return r.value.snapshot;
};

/** The package with its document part rewritten. */
function withDocument(bytes: Uint8Array, change: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files['word/document.xml'] = strToU8(change(strFromU8(files['word/document.xml'])));
  return zipSync(files);
}

test('a field reads as the result Word shows: a REF field showing a citation equals the typed citation', () => {
  const seed = fromMarkup(seedMarkup('en-resolution-52'));
  const base = prepareBase(read(buildDocx(baseOf(seed))), 'in-force.docx');
  const field = (shown: string) =>
    '</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref130 \\h </w:instrText></w:r>' +
    `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${shown}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve">`;
  const bytes = buildDocx(seed);
  const withField = withDocument(bytes, (xml) =>
    xml.replace('parts of Resolution 130 ', `parts of ${field('Resolution 130 ')}`),
  );
  expect(withField).not.toEqual(bytes);
  expect(check(read(withField), { bases: [base], rules: ['untracked-change'] }).diagnostics).toEqual([]);
  // The same field showing another number is a difference.
  const wrong = withDocument(bytes, (xml) =>
    xml.replace('parts of Resolution 130 ', `parts of ${field('Resolution 131 ')}`),
  );
  const found = check(read(wrong), { bases: [base], rules: ['untracked-change'] }).diagnostics;
  expect(found.map((d) => [d.expected, d.actual])).toEqual([['130', '131']]);
});

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();
if (!hasSoffice) console.warn('soffice is not installed: skipping the LibreOffice checks of fix --base');

/** LibreOffice opens a .docx and writes it again its own way, into `dir/folder`; the path of its copy. */
function resave(file: string, dir: string, folder: string): string {
  const profile = `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`;
  const out = path.join(dir, folder);
  execFileSync(
    'soffice',
    [profile, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, file],
    {
      stdio: 'pipe',
      timeout: 120_000,
    },
  );
  return path.join(out, path.basename(file));
}

(hasSoffice ? describe : describe.skip)('LibreOffice opens what fix --base writes', () => {
  let dir: string;
  beforeAll(() => void (dir = mkdtempSync(path.join(tmpdir(), 'amend-compare-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each<SeedName>(['en-resolution-52', 'fr-resolution-52'])(
    '%s with a word, a clause typed, a clause removed and a mark changed, all with tracking off',
    async (seed) => {
      const markup = VARIANTS.slice(0, 4).reduce((m, v) => v.proposal(m), seedMarkup(seed));
      const proposal = path.join(dir, `${seed}.docx`);
      const base = path.join(dir, `${seed}-in-force.docx`);
      const fixed = path.join(dir, `${seed}-fixed.docx`);
      writeFileSync(proposal, buildDocx(fromMarkup(markup)));
      writeFileSync(base, buildDocx(baseOf(fromMarkup(seedMarkup(seed)))));
      const before = await amend('check', proposal, '--base', base, '--rule', 'untracked-change');
      expect(before.stdout).toMatch(/4 problems/);
      const fix = await amend('fix', proposal, '--base', base, '-o', fixed, '--rule', 'untracked-change');
      expect(fix.code).toBe(0);

      // LibreOffice reads it and writes it again its own way; its tracked changes must say the same.
      const again = resave(fixed, dir, 'out');
      const after = await amend('check', again, '--base', base, '--rule', 'untracked-change', 'base-version');
      expect(after.code).toBe(0);
      expect(after.stdout).toMatch(/no problems/);
      expect(currentView(read(new Uint8Array(readFileSync(again))))).toEqual(
        currentView(read(new Uint8Array(readFileSync(proposal)))),
      );
    },
    240_000,
  );

  test('amend new: LibreOffice keeps Track Changes on and shows the retag as tracked changes', async () => {
    const base = path.join(dir, 'new-in-force.docx');
    const made = path.join(dir, 'new-proposal.docx');
    writeFileSync(base, buildDocx(baseOf(fromMarkup(seedMarkup('en-resolution-52')), 'current')));
    const r = await amendNew({ base, marker: 'MOD', id: 'APT/44A14/1', conference: 'WTSA-24', out: made });
    expect(r.code).toBe(0);
    const again = new Uint8Array(readFileSync(resave(made, dir, 'new-out')));
    expect(strFromU8(unzipSync(again)['word/settings.xml'])).toMatch(/<w:trackRevisions\/>/);
    const lines = toMarkup(read(again)).split('\n');
    expect(lines).toContain('<<Normal>> RESOLUTION 52 (REV. [-HAMMAMET, 2016-]{+NEW DELHI, 2024+})');
  }, 240_000);
});
