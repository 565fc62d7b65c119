import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Option } from 'commander';
import { missingBases, prepareBase, type ComparisonBase } from '../core/compare';
import type { Conference } from '../core/conferences';
import type { Outline } from '../core/model';
import { fail, ok, type Result } from '../core/result';
import { loadSnapshot } from './io';

/** `--base IN-FORCE.docx...`: the in-force texts to compare with (files, or folders of .docx). */
export const baseOption = (): Option =>
  new Option('-b, --base <files...>', 'in-force texts to compare with (.docx files or folders of them)');

/** Read every in-force text named (a folder gives its .docx files, in name order); one line on the first failure. */
export async function loadBases(names: readonly string[]): Promise<Result<ComparisonBase[]>> {
  const files: string[] = [];
  for (const name of names) {
    const stat = await fs.stat(name).catch(() => null);
    if (stat?.isDirectory()) {
      const inside = (await fs.readdir(name))
        .filter((f) => f.toLowerCase().endsWith('.docx') && !f.startsWith('~$'))
        .sort();
      if (inside.length === 0) return fail(`${name}: the folder holds no .docx file to compare with`);
      files.push(...inside.map((f) => path.join(name, f)));
    } else files.push(name);
  }
  const bases: ComparisonBase[] = [];
  for (const file of files) {
    const doc = await loadSnapshot(file);
    if (!doc.ok) return doc;
    const base = prepareBase(doc.value.snapshot, file);
    if (base.resolutions.length === 0) return fail(`${file}: holds no resolution to compare with`);
    bases.push(base);
  }
  return ok(bases);
}

/** Why a document cannot be compared with the bases, as one line naming it; null when it can. */
export function cannotCompare(
  file: string,
  outline: Outline,
  bases: readonly ComparisonBase[],
  conference: Conference | null,
  original: (paragraph: number) => string,
): string | null {
  const why = missingBases(outline, bases, conference, original);
  return why === null ? null : `${file}: ${why}`;
}
