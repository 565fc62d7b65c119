import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyPlanToSnapshot } from '../../../src/core/apply';
import type { FixIo } from '../../../src/core/fix';
import { existsIn, paragraphText, type Snapshot } from '../../../src/core/snapshot';

export const by = { author: 'Amend', date: '2024-10-01T12:00:00Z' };

export const seed = (name: 'fr-resolution-52' | 'en-resolution-52'): string =>
  readFileSync(path.join(__dirname, '../../fixtures/seeds', `${name}.txt`), 'utf8');

/** The French seed as it was before its author re-lettered: new h) inserted, old h)–k) still h)–k). */
export const frenchSeedUnrenumbered = (): string =>
  seed('fr-resolution-52').replace(/\[-([h-k])-\]\{\+[i-l]\+\}\)/g, '$1)');

/** Fix loop io over snapshots in memory. */
export const snapshotIo: FixIo<Snapshot> = {
  read: (s) => s,
  apply: (s, plan) => applyPlanToSnapshot(s, plan, by),
};

/** The paragraphs of the original view (every tracked change rejected). */
export const originalView = (s: Snapshot): string[] =>
  s.paragraphs.filter((p) => existsIn(p, 'original')).map((p) => paragraphText(p, 'original'));

/** The current view. */
export const currentView = (s: Snapshot): string[] =>
  s.paragraphs.filter((p) => existsIn(p, 'current')).map((p) => paragraphText(p, 'current'));
