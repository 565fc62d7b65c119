import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { fromMarkup } from '../../src/core/markup';
import { paragraphText } from '../../src/core/snapshot';
import { applyPlan, buildDocx, readDocx } from '../../src/docx';

/** LibreOffice's own reading of a .docx as plain text, or null when soffice is not installed. */
function sofficeText(bytes: Uint8Array, dir: string, name: string): string | null {
  const file = join(dir, `${name}.docx`);
  writeFileSync(file, bytes);
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--convert-to',
        'txt:Text',
        '--outdir',
        dir,
        file,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  return readFileSync(join(dir, `${name}.txt`), 'utf8').replace(/^\uFEFF/, '');
}

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();
if (!hasSoffice)
  console.warn('soffice is not installed: skipping the LibreOffice checks of built and written .docx files');

(hasSoffice ? describe : describe.skip)('LibreOffice opens what we build and write', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'amend-docx-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a written plan shows deleted and inserted tokens side by side, like the seeds', () => {
    const snapshot = fromMarkup(
      [
        'RESOLUTION 52 (REV. [-DUBAI, 2012-]{+HAMMAMET, 2016+})',
        '<<Call>> considering',
        'h)\tthat spam is a global problem;',
        'i)\tthat many countries[^1] need help,',
        '[^1]: A footnote.',
      ].join('\n'),
    );
    const doc = readDocx(buildDocx(snapshot), 'sample.docx');
    if (!doc.ok) throw new Error(doc.reason);
    const ps = doc.value.snapshot.paragraphs;
    const edits = [
      { kind: 'text' as const, paragraph: 2, offset: 0, length: 1, expected: 'h', text: 'i' },
      { kind: 'text' as const, paragraph: 3, offset: 0, length: 1, expected: 'i', text: 'j' },
      { kind: 'paragraph' as const, before: 2, text: 'h)\ta new clause;', styleFrom: 2, tracked: true },
    ];
    const anchors = [2, 3].map((i) => ({ paragraph: i, text: paragraphText(ps[i]) }));
    const written = applyPlan(
      doc.value,
      { title: 'Insert considering h)', edits, anchors },
      { author: 'Amend', date: '2024-01-01T00:00:00Z' },
    );
    if (!written.ok) throw new Error(written.reason);
    const text = sofficeText(written.value, dir, 'written');
    expect(text).not.toBeNull();
    const lines = text!.split(/\r?\n/);
    expect(lines).toContain('RESOLUTION 52 (REV. DUBAI, 2012HAMMAMET, 2016)');
    expect(lines).toContain('h)\ta new clause;');
    expect(lines).toContain('hi)\tthat spam is a global problem;');
    expect(lines.some((l) => l.startsWith('ij)\tthat many countries'))).toBe(true);
  }, 180_000);
});
