import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { amend, checkJson as json, docxFromMarkup, seedDocx, tmpDir } from './cli-helpers';

/** Rewrite the uncompressed size a zip records for one entry (local header and central directory). */
function claimSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const nameBytes = strToU8(name);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true);
    const [sizeAt, nameLenAt, nameAt] =
      sig === 0x04034b50 ? [22, 26, 30] : sig === 0x02014b50 ? [24, 28, 46] : [0, 0, 0];
    if (!sizeAt) continue;
    const n = view.getUint16(i + nameLenAt, true);
    if (n === nameBytes.length && nameBytes.every((b, k) => zip[i + nameAt + k] === b))
      view.setUint32(i + sizeAt, size, true);
  }
  return zip;
}

describe('amend check on the seeds', () => {
  test('French seed: exactly the four comma-less city/year tags are revision-tag errors, no clause-sequence error', async () => {
    const file = seedDocx('fr-resolution-52');
    const r = await amend('check', file, '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const report = json(r.stdout).files[0];
    expect(report.language).toBe('fr');
    expect(report.conference).toEqual({ body: 'WTSA', city: 'Hammamet', year: 2016 });
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.filter((d) => d.ruleId === 'clause-sequence')).toEqual([]);
    const commas = errors.filter((d) => d.ruleId === 'revision-tag' && /comma/i.test(d.message));
    expect(commas.map((d) => d.excerpt.match(/HAMMAMET 2016|Hammamet 2016|Busan 2014/i)?.[0])).toEqual([
      'HAMMAMET 2016',
      'Hammamet 2016',
      'Hammamet 2016',
      'Busan 2014',
    ]);
    // Number line, history line, preamble, then the citation in reconnaissant en outre a).
    expect(commas.map((d) => d.paragraph)).toEqual([12, 14, 15, 21]);
    expect(errors.every((d) => d.ruleId === 'revision-tag')).toBe(true);
  });

  test('English seed: no error at all, exit 0', async () => {
    const file = seedDocx('en-resolution-52');
    const r = await amend('check', file, '--format', 'json');
    const report = json(r.stdout).files[0];
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
    expect(report.language).toBe('en');
  });

  test('text output reads like ESLint: file, one line per finding, a summary', async () => {
    const file = seedDocx('fr-resolution-52');
    const r = await amend('check', file);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toContain('fr-resolution-52.docx');
    expect(r.stdout).toMatch(/¶12 .* error {2}.*revision-tag/);
    expect(r.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)/);
  });

  test('SARIF 2.1.0', async () => {
    const file = seedDocx('fr-resolution-52');
    const r = await amend('check', file, '--format', 'sarif');
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('amend');
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toContain('revision-tag');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'revision-tag');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.region.startLine).toBe(12);
  });

  test('several files: one report each, exit 1 when any has an error', async () => {
    const dir = tmpDir();
    const r = await amend(
      'check',
      seedDocx('en-resolution-52', dir),
      seedDocx('fr-resolution-52', dir),
      '--format',
      'json',
    );
    expect(json(r.stdout).files.map((f) => path.basename(f.path))).toEqual([
      'en-resolution-52.docx',
      'fr-resolution-52.docx',
    ]);
    expect(r.code).toBe(1);
  });

  test('--rule limits the rules', async () => {
    const r = await amend(
      'check',
      seedDocx('fr-resolution-52'),
      '--format',
      'json',
      '--rule',
      'clause-sequence',
    );
    expect(json(r.stdout).files[0].diagnostics).toEqual([]);
    expect(r.code).toBe(0);
  });

  test('--conference sets the target: Hammamet tags are stale for WTSA-24', async () => {
    const r = await amend(
      'check',
      seedDocx('en-resolution-52'),
      '--format',
      'json',
      '--conference',
      'WTSA-24',
    );
    const report = json(r.stdout).files[0];
    expect(report.conference).toEqual({ body: 'WTSA', city: 'New Delhi', year: 2024 });
    expect(
      report.diagnostics.some((d) => d.ruleId === 'conference-consistency' || d.ruleId === 'history-line'),
    ).toBe(true);
    expect(r.code).toBe(1);
  });
});

describe('amend check: usage and bad input get one line and exit 2', () => {
  const oneLine = (s: string) => {
    expect(s.trim().split('\n')).toHaveLength(1);
    expect(s).not.toMatch(/\n\s+at /); // no stack trace
  };

  test('unknown conference', async () => {
    const r = await amend('check', seedDocx('en-resolution-52'), '--conference', 'Hammamet, 2017');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Hammamet, 2017/);
    expect(r.stdout).toBe('');
  });

  test('unknown option and unknown rule', async () => {
    expect((await amend('check', 'x.docx', '--bogus')).code).toBe(2);
    expect((await amend('check', 'x.docx', '--rule', 'no-such-rule')).code).toBe(2);
  });

  const dir = tmpDir();
  const write = (name: string, bytes: Uint8Array | string) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  const cases: [string, () => string, RegExp][] = [
    ['a missing file', () => path.join(dir, 'missing.docx'), /missing\.docx: no such file/],
    ['an empty file', () => write('empty.docx', ''), /empty\.docx: .*empty/i],
    [
      'a text file',
      () => write('notes.docx', 'just some text, not a zip'),
      /notes\.docx: .*not a .*(zip|docx)/i,
    ],
    [
      'a zip without word/document.xml',
      () => write('other.docx', zipSync({ 'hello.txt': strToU8('hi') })),
      /other\.docx: .*word\/document\.xml/,
    ],
    [
      'a legacy .doc',
      () =>
        write(
          'old.doc',
          new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
        ),
      /old\.doc: .*(legacy|\.doc|encrypted)/i,
    ],
    [
      'XML with a DOCTYPE',
      () =>
        write(
          'entity.docx',
          zipSync({
            '[Content_Types].xml': strToU8(
              '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
            ),
            'word/document.xml': strToU8(
              '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>',
            ),
          }),
        ),
      /entity\.docx.*DOCTYPE/i,
    ],
    [
      'a zip bomb (a part that claims to inflate past the bound)',
      () =>
        write(
          'bomb.docx',
          claimSize(
            zipSync({
              '[Content_Types].xml': strToU8('<Types/>'),
              'word/document.xml': new Uint8Array(1 << 20),
            }),
            'word/document.xml',
            600 << 20,
          ),
        ),
      /bomb\.docx.*(expands past|compression ratio)/i,
    ],
  ];
  for (const [name, make, message] of cases)
    test(name, async () => {
      const file = make();
      const r = await amend('check', file);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      oneLine(r.stderr);
      expect(r.stderr).toMatch(message);
    });

  test('a bad file among good ones: the good ones are still checked, exit 2', async () => {
    const good = docxFromMarkup('MOD\tAPT/44A14/1\nRESOLUTION 52 (Rev. Hammamet, 2016)', 'good.docx', dir);
    const r = await amend('check', path.join(dir, 'missing.docx'), good, '--format', 'json');
    expect(r.code).toBe(2);
    expect(json(r.stdout).files).toHaveLength(1);
  });
});

describe('amend --help and --version', () => {
  test('help lists the commands', async () => {
    const r = await amend('--help');
    expect(r.code).toBe(0);
    for (const c of ['check', 'outline', 'fix', 'retag', 'mark']) expect(r.stdout).toContain(c);
  });
  test('version', async () => {
    const r = await amend('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
