import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { toMarkup } from '../../src/core/markup';
import { paragraphText } from '../../src/core/snapshot';
import { frenchSeedUnrenumbered, originalView } from '../core/fix/helpers';
import { amend, checkJson, docxFromMarkup, readSnapshot as read, seedDocx, tmpDir } from './cli-helpers';

describe('amend fix', () => {
  test('the French seed with its re-lettering undone: h)–k) become i)–l), four one-letter tracked replacements', async () => {
    const dir = tmpDir();
    const input = docxFromMarkup(frenchSeedUnrenumbered(), 'in.docx', dir);
    const before = readFileSync(input);
    const output = path.join(dir, 'out.docx');
    const r = await amend('fix', input, '-o', output, '--rule', 'clause-sequence', '--author', 'Test Author');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const fixedLines = r.stdout.split('\n').filter((l) => l.includes('fixed  ¶'));
    expect(fixedLines.map((l) => /"(\w)" → "(\w)"/.exec(l)?.slice(1).join('→'))).toEqual([
      'h→i',
      'i→j',
      'j→k',
      'k→l',
    ]);
    expect(fixedLines[0]).toMatch(/considérant/);
    expect(readFileSync(input).equals(before)).toBe(true);
    const out = read(output);
    const relettered = toMarkup(out)
      .split('\n')
      .filter((l) => /^\[-[h-k]-\]\{\+[i-l]\+\}\)\t/.test(l));
    expect(relettered.map((l) => l.slice(0, 11))).toEqual([
      '[-h-]{+i+})',
      '[-i-]{+j+})',
      '[-j-]{+k+})',
      '[-k-]{+l+})',
    ]);
    const mine = out.paragraphs
      .flatMap((p) => p.runs)
      .filter((run) => run.revision?.author === 'Test Author');
    expect(mine.map((run) => `${run.revision!.kind}:${run.text}`)).toEqual([
      'del:h',
      'ins:i',
      'del:i',
      'ins:j',
      'del:j',
      'ins:k',
      'del:k',
      'ins:l',
    ]);
    expect(mine.every((run) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(run.revision!.date!))).toBe(true);
  });

  test.each(['fr-resolution-52', 'en-resolution-52'] as const)(
    '%s: nothing lost, nothing fixable left, a second fix changes nothing',
    async (name) => {
      const dir = tmpDir();
      const input = seedDocx(name, dir);
      const output = path.join(dir, 'out.docx');
      const r = await amend('fix', input, '-o', output);
      expect(r.code).toBe(0);
      // Every change is tracked, the reasons paragraph the seeds lack included: rejecting them all gives the input.
      expect(originalView(read(output))).toEqual(originalView(read(input)));
      const reasons = read(output).paragraphs.filter((p) => /^(Motifs|Reasons):\t$/.test(paragraphText(p)));
      expect(reasons.map((p) => [p.mark?.kind, p.mark?.author])).toEqual([['ins', 'Amend']]);
      const json = checkJson((await amend('check', output, '--format', 'json')).stdout);
      expect(json.files[0].diagnostics.filter((d) => d.fixable).map((d) => d.message)).toEqual([]);
      const again = await amend('fix', output, '-o', path.join(dir, 'again.docx'));
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/nothing to fix/);
      expect(again.stdout).toMatch(/nothing written/);
      expect(existsSync(path.join(dir, 'again.docx'))).toBe(false);
    },
  );

  test('prints what is left for a person after what it fixed', async () => {
    const dir = tmpDir();
    const r = await amend('fix', seedDocx('fr-resolution-52', dir), '-o', path.join(dir, 'out.docx'));
    expect(r.stdout).toMatch(/fixed \d+ problems? in \d+ pass/);
    expect(r.stdout).toMatch(/wrote .*out\.docx/);
  });

  test('refuses to overwrite its input without --in-place; --in-place does; --dry-run writes nothing', async () => {
    const dir = tmpDir();
    const input = docxFromMarkup(frenchSeedUnrenumbered(), 'in.docx', dir);
    const before = readFileSync(input);
    const same = await amend('fix', input, '-o', path.join(dir, '.', 'in.docx'));
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/^amend: .*--in-place.*\n$/);
    const none = await amend('fix', input);
    expect(none.code).toBe(2);
    const dry = await amend('fix', input, '--dry-run', '-o', path.join(dir, 'dry.docx'));
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/dry run: nothing written/);
    expect(existsSync(path.join(dir, 'dry.docx'))).toBe(false);
    expect(readFileSync(input).equals(before)).toBe(true);
    const inPlace = await amend('fix', input, '--in-place', '--rule', 'clause-sequence');
    expect(inPlace.code).toBe(0);
    expect(paragraphText(read(input).paragraphs.find((p) => /urgent/.test(paragraphText(p)))!)).toMatch(
      /^i\)/,
    );
    expect(readdirSync(dir).sort()).toEqual(['in.docx']);
  });

  test('unreadable input, unknown conference or rule: exit 2, one line, nothing written', async () => {
    const dir = tmpDir();
    const output = path.join(dir, 'out.docx');
    const bad = docxFromMarkup('x', 'bad.docx', dir);
    writeFileSync(bad, 'not a zip');
    for (const argv of [
      ['fix', bad, '-o', output],
      ['fix', path.join(dir, 'missing.docx'), '-o', output],
      ['fix', seedDocx('en-resolution-52', dir), '-o', output, '--conference', 'WTSA-17'],
      ['fix', seedDocx('en-resolution-52', dir), '-o', output, '--rule', 'no-such-rule'],
    ]) {
      const r = await amend(...argv);
      expect(r.code).toBe(2);
      // One line says what is wrong (commander may add its pointer to --help).
      expect(
        r.stderr
          .trim()
          .split('\n')
          .filter((l) => !l.includes('amend --help')),
      ).toHaveLength(1);
      expect(existsSync(output)).toBe(false);
    }
  });

  test('LibreOffice opens the output and shows our edits side by side like the seeds (hi))', async () => {
    const soffice = ['soffice', 'libreoffice'].find(
      (bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0,
    );
    if (!soffice) {
      if (process.env.CI) throw new Error('soffice is required in CI');
      console.warn('skipped: LibreOffice (soffice) is not installed');
      return;
    }
    const dir = tmpDir();
    const input = docxFromMarkup(frenchSeedUnrenumbered(), 'in.docx', dir);
    const output = path.join(dir, 'out.docx');
    const r = await amend('fix', input, '-o', output, '--rule', 'clause-sequence');
    expect(r.code).toBe(0);
    execFileSync(
      soffice,
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/lo`,
        '--convert-to',
        'txt:Text',
        '--outdir',
        dir,
        output,
      ],
      {
        stdio: 'ignore',
        timeout: 120_000,
      },
    );
    const text = readFileSync(path.join(dir, 'out.txt'), 'utf8');
    for (const pair of ['hi)', 'ij)', 'jk)', 'kl)']) expect(text).toContain(pair);
  }, 180_000);
});
