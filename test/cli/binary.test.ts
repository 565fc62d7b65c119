import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'amend.js');
const built = existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'));

const run = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });

// `npm ci` compiles the CLI (the prepare script); this runs the installed binary as a user would.
(built || process.env.CI ? describe : describe.skip)('the amend binary (compiled by npm ci)', () => {
  test('--help lists the commands and exits 0', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: amend/);
    for (const c of ['check', 'outline', 'fix', 'retag', 'mark']) expect(r.stdout).toContain(c);
  });

  test('check on the French example: exit 1, the four comma-less tags', () => {
    const r = run('check', 'examples/fr-resolution-52.docx', '--format', 'json');
    expect(r.status).toBe(1);
    const d = JSON.parse(r.stdout).files[0].diagnostics as { ruleId: string; severity: string }[];
    expect(d.filter((x) => x.severity === 'error').map((x) => x.ruleId)).toEqual(
      Array(4).fill('revision-tag'),
    );
  });

  test('bad input: one line on stderr, exit 2, no stack trace', () => {
    const r = run('check', 'package.json');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^amend: package\.json: /);
  });
});
