import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CONFERENCES } from '../../src/core/conferences';
import { RULES } from '../../src/core/rules';
import { amend, checkJson, docxFromMarkup, markupLines, seedDocx, tmpDir } from './cli-helpers';

/** What a delegate meets on the first day: the words of a dry run, of a run with nothing to do, of a bad -o. */

const clean = `MOD\tAPT/44A14/1
RESOLUTION 52 (REV. NEW DELHI, 2024)
Countering and combating spam
(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012; New Delhi, 2024)
The World Telecommunication Standardization Assembly (New Delhi, 2024),
considering
a)\tthat spam is a problem,
resolves
1\tto act.
Reasons:\tSpam grows.`;

const unmarked = `RESOLUTION 52 (Rev. Hammamet, 2016)
Countering and combating spam
(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012; Hammamet, 2016)
The World Telecommunication Standardization Assembly (Hammamet, 2016),
considering
a)\tthat spam is a problem,
resolves
1\tto act.`;

/** A user's mistake: exit 2 and exactly one line on stderr. */
function expectOneLineUsage(r: { code: number; stderr: string }): void {
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
}

describe('a dry run says what it would do, and writes nothing', () => {
  test('fix --dry-run: "would fix" on every line and in the summary, no "fixed", no file', async () => {
    const dir = tmpDir();
    const input = seedDocx('fr-resolution-52', dir);
    const before = readFileSync(input);
    const r = await amend('fix', input, '--dry-run', '-o', path.join(dir, 'out.docx'));
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => /^\s+would fix\s+¶\d+/.test(l)).length).toBeGreaterThan(1);
    expect(r.stdout).toMatch(/: would fix \d+ problems in \d+ pass/);
    expect(r.stdout).not.toMatch(/\bfixed\b/);
    expect(r.stdout).toMatch(/dry run: nothing written \(would write .*out\.docx\)/);
    expect(r.stdout).not.toMatch(/^wrote /m);
    expect(readdirSync(dir)).toEqual(['fr-resolution-52.docx']);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test('retag --dry-run: how many changes it would make, nothing written', async () => {
    const dir = tmpDir();
    const input = seedDocx('en-resolution-52', dir);
    const r = await amend('retag', input, '--dry-run', '--conference', 'WTSA-24');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Retag for WTSA-24 \(New Delhi, 2024\): would make 3 changes/);
    expect(r.stdout).toMatch(/dry run: nothing written/);
    expect(readdirSync(dir)).toEqual(['en-resolution-52.docx']);
  });
});

describe('a run that changes nothing writes nothing and says so', () => {
  test('fix -o on a clean file: "nothing to fix", no output file', async () => {
    const dir = tmpDir();
    const input = docxFromMarkup(clean, 'in.docx', dir);
    const r = await amend('fix', input, '-o', path.join(dir, 'out.docx'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nothing to fix/);
    expect(r.stdout).toMatch(/nothing written: the document needs no change/);
    expect(r.stdout).not.toMatch(/wrote/);
    expect(readdirSync(dir)).toEqual(['in.docx']);
  });

  test.each([
    ['fix', []],
    ['retag', ['--conference', 'WTSA-24']],
  ])('%s --in-place on a file with nothing to change leaves it untouched', async (command, extra) => {
    const dir = tmpDir();
    const input = docxFromMarkup(clean, 'in.docx', dir);
    const before = readFileSync(input);
    const mtime = statSync(input).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const r = await amend(command, input, '--in-place', ...extra);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nothing to (fix|change)/);
    expect(r.stdout).toMatch(/nothing written/);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(statSync(input).mtimeMs).toBe(mtime);
    expect(readdirSync(dir)).toEqual(['in.docx']);
  });
});

describe('the output is checked before any work is done', () => {
  test('-o into a missing folder: one line naming the folder, exit 2, no list of fixes', async () => {
    const dir = tmpDir();
    const input = seedDocx('fr-resolution-52', dir);
    const target = path.join(dir, 'missing', 'dir', 'out.docx');
    const r = await amend('fix', input, '-o', target);
    expectOneLineUsage(r);
    expect(r.stderr).toContain(`no such directory ${path.join(dir, 'missing', 'dir')}`);
    expect(r.stdout).toBe('');
    expect(existsSync(path.join(dir, 'missing'))).toBe(false);
  });

  test('retag and mark refuse a missing folder the same way', async () => {
    const dir = tmpDir();
    const input = docxFromMarkup(unmarked, 'in.docx', dir);
    for (const argv of [
      ['retag', input, '-o', path.join(dir, 'nope', 'out.docx'), '--conference', 'WTSA-24'],
      ['mark', input, '-o', path.join(dir, 'nope', 'out.docx'), '--id', 'APT/44A14'],
    ]) {
      const r = await amend(...argv);
      expectOneLineUsage(r);
      expect(r.stderr).toMatch(/no such directory .*nope/);
      expect(r.stdout).toBe('');
    }
  });

  test('-o out.txt is refused: the output is a .docx, and the message says what to write', async () => {
    const dir = tmpDir();
    const input = seedDocx('en-resolution-52', dir);
    for (const name of ['out.txt', 'out', 'out.doc']) {
      const r = await amend('fix', input, '-o', path.join(dir, name));
      expectOneLineUsage(r);
      expect(r.stderr).toMatch(/give it a \.docx name \(-o out\.docx\)/);
      expect(r.stdout).toBe('');
    }
    const upper = await amend('fix', input, '-o', path.join(dir, 'OUT.DOCX'));
    expect(upper.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['OUT.DOCX', 'en-resolution-52.docx']);
  });
});

describe('mark says what it chose', () => {
  test('no --id and no --renumber: one line that says what to give', async () => {
    const dir = tmpDir();
    const r = await amend('mark', docxFromMarkup(unmarked, 'in.docx', dir), '-o', path.join(dir, 'out.docx'));
    expectOneLineUsage(r);
    expect(r.stderr).toMatch(/--id APT\/44A14.*--renumber/);
    expect(readdirSync(dir)).toEqual(['in.docx']);
  });

  test('a resolution without tracked changes is marked NOC, and the output says so and why', async () => {
    const dir = tmpDir();
    const output = path.join(dir, 'out.docx');
    const r = await amend(
      'mark',
      docxFromMarkup(unmarked, 'in.docx', dir),
      '-o',
      output,
      '--id',
      'APT/44A14',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/marker NOC suggested because it has no tracked changes; give --marker/);
    expect(markupLines(output)[0]).toBe('NOC\tAPT/44A14/1');
  });

  test('a resolution with tracked changes is marked MOD, with its reason; an explicit marker gets no note', async () => {
    const dir = tmpDir();
    const modified = unmarked.replace('(Rev. Hammamet, 2016)', '(Rev. [-Dubai, 2012-]{+Hammamet, 2016+})');
    const input = docxFromMarkup(modified, 'in.docx', dir);
    const suggested = await amend('mark', input, '-o', path.join(dir, 'a.docx'), '--id', 'APT/44A14');
    expect(suggested.stdout).toMatch(/marker MOD suggested because it has tracked changes/);
    const given = await amend(
      'mark',
      input,
      '-o',
      path.join(dir, 'b.docx'),
      '--id',
      'APT/44A14',
      '--marker',
      'ADD',
    );
    expect(given.code).toBe(0);
    expect(given.stdout).not.toMatch(/suggested/);
    expect(markupLines(path.join(dir, 'b.docx'))[0]).toBe('ADD\tAPT/44A14/1');
  });
});

describe('--help says what each option accepts, with examples', () => {
  test.each(['check', 'outline', 'fix', 'retag', 'mark', 'new', 'conferences'])(
    '%s --help has examples and exit codes',
    async (command) => {
      const r = await amend(command, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`Examples:\\n  \\$ amend ${command} `));
      expect(r.stdout).toMatch(/Exit codes: 0 .*, 2 /);
    },
  );

  test('check --help: the formats, every rule id, the conference forms and the exit codes', async () => {
    const r = await amend('check', '--help');
    const text = r.stdout.replace(/\s+/g, ' ');
    for (const format of ['text', 'json', 'sarif']) expect(text).toContain(`"${format}"`);
    for (const rule of RULES) expect(text).toContain(`"${rule.meta.id}"`);
    // Each body's latest conference by its short name, as the record has it, then the "City, Year" form.
    for (const body of new Set(CONFERENCES.map((c) => c.body))) {
      const latest = CONFERENCES.filter((c) => c.body === body).sort((a, b) => b.year - a.year)[0];
      expect(text).toContain(latest.short[0]);
    }
    expect(text).toMatch(/WTSA-24.*"City, Year"/);
    expect(text).toMatch(/1 at least one error found/);
  });

  test('mark --help: the markers it accepts and that --id or --renumber is required', async () => {
    const text = (await amend('mark', '--help')).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('MOD, (MOD), ADD, ADD*, SUP, SUP*, NOC');
    expect(text).toMatch(/one of them is required/);
  });
});

describe('check --format json names the role of each paragraph, as the text output does', () => {
  test('the French seed: number line, history line, preamble by role; a clause as "clause"; old fields kept', async () => {
    const json = checkJson((await amend('check', seedDocx('fr-resolution-52'), '--format', 'json')).stdout);
    const tags = json.files[0].diagnostics.filter((d) => d.ruleId === 'revision-tag');
    expect(tags.map((d) => [d.paragraph, d.clause, d.role])).toEqual([
      [12, null, 'number line'],
      [14, null, 'history line'],
      [15, null, 'preamble'],
      [21, 'reconnaissant en outre a)', 'clause'],
    ]);
    expect(Object.keys(json.files[0].diagnostics[0]).sort()).toEqual(
      ['clause', 'excerpt', 'fixable', 'message', 'paragraph', 'role', 'ruleId', 'severity'].sort(),
    );
    const text = (await amend('check', seedDocx('fr-resolution-52'))).stdout;
    for (const role of ['number line', 'history line', 'preamble']) expect(text).toContain(`  ${role}  `);
  });
});
