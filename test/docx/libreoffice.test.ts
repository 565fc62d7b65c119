import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { fromMarkup } from '../../src/core/markup';
import { existsIn, paragraphText, type Snapshot, type View } from '../../src/core/snapshot';
import { applyPlan, buildDocx, readDocx } from '../../src/docx';

/** Has LibreOffice convert a .docx: `txt:Text`, or `docx:MS Word 2007 XML` to write it again its own way. */
function soffice(bytes: Uint8Array, dir: string, name: string, filter: string, ext: string): Buffer {
  const file = join(dir, `${name}.docx`);
  const out = join(dir, 'out');
  writeFileSync(file, bytes);
  const profile = `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`;
  execFileSync('soffice', [profile, '--headless', '--convert-to', filter, '--outdir', out, file], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  return readFileSync(join(out, `${name}.${ext}`));
}

const sofficeText = (bytes: Uint8Array, dir: string, name: string): string =>
  soffice(bytes, dir, name, 'txt:Text', 'txt')
    .toString('utf8')
    .replace(/^\uFEFF/, '');

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
    const lines = sofficeText(written.value, dir, 'written').split(/\r?\n/);
    expect(lines).toContain('RESOLUTION 52 (REV. DUBAI, 2012HAMMAMET, 2016)');
    expect(lines).toContain('h)\ta new clause;');
    expect(lines).toContain('hi)\tthat spam is a global problem;');
    expect(lines.some((l) => l.startsWith('ij)\tthat many countries'))).toBe(true);
  }, 180_000);

  const views = (s: Snapshot) =>
    (['current', 'original'] as View[]).map((v) =>
      s.paragraphs.filter((p) => existsIn(p, v)).map((p) => paragraphText(p, v)),
    );

  test.each(['en-resolution-52.txt', 'fr-resolution-52.txt'])(
    'reads what LibreOffice writes back from the seed %s',
    (name) => {
      const seed = fromMarkup(readFileSync(join(__dirname, '../fixtures/seeds', name), 'utf8'));
      const resaved = soffice(
        buildDocx(seed),
        dir,
        name.replace('.txt', ''),
        'docx:MS Word 2007 XML',
        'docx',
      );
      const doc = readDocx(new Uint8Array(resaved), name);
      if (!doc.ok) throw new Error(doc.reason);
      expect(views(doc.value.snapshot)).toEqual(views(seed));
      expect(Object.values(doc.value.snapshot.footnotes ?? {})).toEqual(Object.values(seed.footnotes ?? {}));

      // Writing into LibreOffice's XML (explicit styles, empty run properties, marks as open/close tags).
      const ps = doc.value.snapshot.paragraphs;
      const clause = ps.findIndex(
        (p) => /^[a-z]\)\t/.test(paragraphText(p)) && !p.mark && p.runs.every((r) => !r.revision),
      );
      const marked = ps.findIndex((p) => p.mark?.kind === 'ins');
      const letter = paragraphText(ps[clause])[0];
      const edits = [
        { kind: 'text' as const, paragraph: clause, offset: 0, length: 1, expected: letter, text: 'z' },
        {
          kind: 'paragraph' as const,
          before: clause,
          text: 'y)\tnew clause;',
          styleFrom: marked,
          tracked: true,
        },
      ];
      const written = applyPlan(
        doc.value,
        { title: 't', edits, anchors: [{ paragraph: clause, text: paragraphText(ps[clause]) }] },
        { author: 'Amend', date: '2024-01-01T00:00:00Z' },
      );
      if (!written.ok) throw new Error(written.reason);
      const back = readDocx(written.value, name);
      if (!back.ok) throw new Error(back.reason);
      const [current, original] = views(back.value.snapshot);
      expect(original).toEqual(views(doc.value.snapshot)[1]);
      expect(current).toContain('y)\tnew clause;');
      expect(current).toContain(`z${paragraphText(ps[clause]).slice(1)}`);
      expect(sofficeText(written.value, dir, `${name}-written`)).toContain(`${letter}z)\t`);
    },
    180_000,
  );
});
