import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fromMarkup } from '../../src/core/markup';
import { buildDocx } from '../../src/docx';
import { baseOf } from '../compare/helpers';
import { contribution, RIYADH_UNVERIFIED_IN_ARABIC } from '../core/fixtures';
import { amend, amendNew, checkJson, docxFromMarkup, seedDocx, tmpDir } from './cli-helpers';

describe('amend conferences', () => {
  test('lists every body, past and scheduled, with the city in six languages', async () => {
    const r = await amend('conferences');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}PP-26 +Doha, 2026 +Doha · Doha · Доха\?? · الدوحة\?? · 多哈\??/m);
    expect(r.stdout).toMatch(/^ {2}WRC-27 +Shanghai, 2027 .*\(scheduled\)/m);
    expect(r.stdout).toMatch(/^ {2}CCITT-84 +Malaga-Torremolinos, 1984/m);
  });

  test('--format json is the shape --conferences reads', async () => {
    const r = await amend('conferences', '--format', 'json');
    const record = JSON.parse(r.stdout) as { conferences: { short: string[] }[]; cities: object };
    expect(record.conferences.map((c) => c.short[0])).toContain('WTDC-25');
    const file = path.join(tmpDir(), 'record.json');
    writeFileSync(file, r.stdout);
    expect((await amend('conferences', '--conferences', file)).code).toBe(0);
  });
});

describe('--conferences FILE', () => {
  test('a conference added by file is a target for check and retag, wherever the option stands', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'extra.json');
    writeFileSync(
      file,
      JSON.stringify({
        cities: { Riyadh: { en: 'Riyadh', fr: 'Riyad' } },
        conferences: [{ body: 'WTSA', city: 'Riyadh', year: 2028, short: ['WTSA-28'] }],
      }),
    );
    const doc = seedDocx('fr-resolution-52', dir);
    const refused = await amend('check', doc, '--conference', 'WTSA-28');
    expect(refused.code).toBe(2);
    const r = await amend('check', doc, '--conference', 'WTSA-28', '--conferences', file, '-f', 'json');
    expect(checkJson(r.stdout).files[0].conference).toEqual(
      expect.objectContaining({ city: 'Riyadh', year: 2028 }),
    );
    const out = path.join(dir, 'out.docx');
    const retag = await amend('--conferences', file, 'retag', doc, '-o', out, '--conference', 'WTSA-28');
    expect(retag.stdout).toMatch(/"Riyad, 2028"/);
  });

  test('a missing or malformed file is one line, exit 2', async () => {
    const doc = docxFromMarkup('MOD\tAPT/1/1\nRESOLUTION 52 (Rev. Hammamet, 2016)');
    const missing = await amend('check', doc, '--conferences', '/nonexistent/x.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/x\.json: no such file/);
    const bad = path.join(tmpDir(), 'bad.json');
    writeFileSync(bad, '{"conferences": [{"body": "XYZ"}]}');
    const malformed = await amend('check', doc, '--conferences', bad);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr.trim().split('\n')).toHaveLength(1);
    expect(malformed.stderr).toMatch(/body: expected one of/);
  });

  test('a misspelt venue is answered with the one meant', async () => {
    const doc = docxFromMarkup('MOD\tAPT/1/1\nRESOLUTION 52 (Rev. Hammamet, 2016)');
    const r = await amend('check', doc, '--conference', 'New Dehli, 2024');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean New Delhi, 2024\?/);
  });
});

describe('names no ITU text has yet been seen to write', () => {
  const record = (dir: string) => {
    const file = path.join(dir, 'riyadh.json');
    writeFileSync(file, JSON.stringify(RIYADH_UNVERIFIED_IN_ARABIC));
    return file;
  };

  test('the list marks them and says what the mark means', async () => {
    const r = await amend('--conferences', record(tmpDir()), 'conferences');
    // French is the file's; Arabic it marks unverified; Spanish, Russian and Chinese it lacks (English stands in).
    expect(r.stdout).toMatch(
      /^ {2}WTSA-28 +Riyadh, 2028 +Riyad · Riyadh\? · Riyadh\? · الرياض\? · Riyadh\?$/m,
    );
    expect(r.stdout).toMatch(/^\? not yet seen in an ITU text/m);
  });

  test('retag, fix and new name each one they write, and only those', async () => {
    const dir = tmpDir();
    const extra = record(dir);
    const markup = contribution('ar-resolution-52');
    const arabic = docxFromMarkup(markup, 'ar.docx', dir);
    const note =
      /check "الرياض" \(Riyadh in Arabic\): no ITU text has yet been seen to confirm this spelling/;
    const retag = await amend(
      '--conferences',
      extra,
      'retag',
      arabic,
      '--dry-run',
      '--conference',
      'WTSA-28',
    );
    expect(retag.stdout).toMatch(note);
    const fix = await amend('--conferences', extra, 'fix', arabic, '--dry-run', '--conference', 'WTSA-28');
    expect(fix.stdout).toMatch(/would fix .*الرياض، 2028/);
    expect(fix.stdout).toMatch(note);
    // The French name is confirmed by the same file: nothing to check.
    const french = seedDocx('fr-resolution-52', dir);
    const fr = await amend('--conferences', extra, 'retag', french, '--dry-run', '--conference', 'WTSA-28');
    expect(fr.stdout).toMatch(/"Riyad, 2028"/);
    expect(fr.stdout).not.toMatch(/no ITU text/);
    const base = path.join(dir, 'in-force.docx');
    writeFileSync(base, buildDocx(baseOf(fromMarkup(markup), 'current', true)));
    const made = await amendNew({
      base,
      resolution: '52',
      marker: 'MOD',
      id: 'ARB/1/1',
      conference: 'WTSA-28',
      out: path.join(dir, 'new.docx'),
      global: ['--conferences', extra],
    });
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(note);
  });
});
