import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fromMarkup } from '../../src/core/markup';
import { buildDocx } from '../../src/docx';
import { amend, checkJson, readSnapshot, tmpDir } from '../cli/cli-helpers';
import { currentView } from '../core/fix/helpers';
import { baseOf, seedMarkup, VARIANTS, type SeedName, type Variant } from './helpers';

/** A variant of a seed and its in-force text, as .docx files in a fresh folder. */
export function variantFiles(seed: SeedName, variant: Variant, volume = false) {
  const dir = tmpDir();
  const proposal = path.join(dir, 'proposal.docx');
  const base = path.join(dir, 'in-force.docx');
  writeFileSync(proposal, buildDocx(fromMarkup(variant.proposal(seedMarkup(seed)))));
  const built = baseOf(fromMarkup(seedMarkup(seed)), variant.baseView, volume);
  writeFileSync(base, buildDocx(variant.base ? variant.base(built) : built));
  return { dir, proposal, base };
}

const compared = (stdout: string) =>
  checkJson(stdout).files[0].diagnostics.filter(
    (d) => d.ruleId === 'untracked-change' || d.ruleId === 'base-version',
  );

describe.each<SeedName>(['en-resolution-52', 'fr-resolution-52'])('amend check --base, %s', (seed) => {
  test.each(VARIANTS.map((v) => [v.name, v] as const))('%s', async (_name, variant) => {
    const { dir, proposal, base } = variantFiles(seed, variant, variant.name.startsWith('(c)'));
    const r = await amend('check', proposal, '--base', base, '--format', 'json');
    expect(r.stderr).toBe('');
    const found = compared(r.stdout);
    const count = (id: string) => found.filter((d) => d.ruleId === id).length;
    expect({ 'untracked-change': count('untracked-change'), 'base-version': count('base-version') }).toEqual(
      variant.expected,
    );
    if (found.length > 0) expect(r.code).toBe(1);

    const out = path.join(dir, 'fixed.docx');
    const fixed = await amend('fix', proposal, '--base', base, '-o', out);
    expect(fixed.code).toBe(0);
    const again = await amend('check', out, '--base', dir, '--format', 'json');
    expect(compared(again.stdout).filter((d) => d.ruleId === 'untracked-change')).toEqual([]);
    // Fixing only what the comparison found leaves what the proposal says exactly as it was.
    const shown = path.join(dir, 'shown.docx');
    const only = await amend('fix', proposal, '--base', base, '-o', shown, '--rule', 'untracked-change');
    expect(only.code).toBe(0);
    if (variant.expected['untracked-change'] === 0) {
      // Nothing to show: a run that changes nothing writes nothing.
      expect(only.stdout).toMatch(/nothing written/);
      expect(existsSync(shown)).toBe(false);
    } else expect(currentView(readSnapshot(shown))).toEqual(currentView(readSnapshot(proposal)));
  });
});

describe('amend check --base: what cannot be compared is one line, exit 2', () => {
  test('a base in another language', async () => {
    const en = variantFiles('en-resolution-52', VARIANTS[0]);
    const fr = variantFiles('fr-resolution-52', VARIANTS[0]);
    const r = await amend('check', en.proposal, '--base', fr.base);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/in-force\.docx \(French\) is not in the proposal's language \(English\)/);
  });

  test('a base without the resolution', async () => {
    const dir = tmpDir();
    const other = path.join(dir, 'resolution-50.docx');
    writeFileSync(
      other,
      buildDocx(
        fromMarkup(
          'RESOLUTION 50 (Rev. Hammamet, 2016)\nCybersecurity\n(Geneva, 1996; Hammamet, 2016)\nconsidering\nthat it is here,',
        ),
      ),
    );
    const en = variantFiles('en-resolution-52', VARIANTS[0]);
    const r = await amend('check', en.proposal, '--base', other);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /no in-force text of Resolution 52 of WTSA among .*resolution-50\.docx \(it holds Resolution 50\)/,
    );
  });

  test('fix --base refuses the same way and writes nothing', async () => {
    const en = variantFiles('en-resolution-52', VARIANTS[0]);
    const fr = variantFiles('fr-resolution-52', VARIANTS[0]);
    const out = path.join(en.dir, 'out.docx');
    const r = await amend('fix', en.proposal, '--base', fr.base, '-o', out);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(() => readSnapshot(out)).toThrow();
  });
});
