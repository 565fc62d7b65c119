import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Language } from '../../src/core/conferences';

/** A contribution in markup (src/core/markup.ts) and the language it is written in. */
export interface Contribution {
  readonly name: string;
  readonly language: Language;
  readonly markup: string;
}

const read = (folder: string, name: string): string =>
  readFileSync(path.join(__dirname, '../fixtures', folder, `${name}.txt`), 'utf8');

/** The two seed contributions the examples are built from, one resolution in each other language, and a WRC one. */
export const CONTRIBUTIONS: readonly Contribution[] = [
  { name: 'en-resolution-52', language: 'en', markup: read('seeds', 'en-resolution-52') },
  { name: 'fr-resolution-52', language: 'fr', markup: read('seeds', 'fr-resolution-52') },
  ...(['es', 'ru', 'ar', 'zh'] as const).map((language) => ({
    name: `${language}-resolution-52`,
    language,
    markup: read('languages', `${language}-resolution-52`),
  })),
  { name: 'en-resolution-wrc-155', language: 'en', markup: read('languages', 'en-resolution-wrc-155') },
];

/** A contribution of CONTRIBUTIONS by name. */
export const contribution = (name: string): string => {
  const found = CONTRIBUTIONS.find((c) => c.name === name);
  if (!found) throw new Error(`no contribution ${name}`);
  return found.markup;
};

/**
 * A record a secretariat might pass with --conferences: WTSA-28 in Riyadh, its Arabic name marked
 * unverified, so that writing it must be flagged whatever the shipped record has verified since.
 */
export const RIYADH_UNVERIFIED_IN_ARABIC = {
  cities: { Riyadh: { en: 'Riyadh', fr: 'Riyad', ar: 'الرياض', unverified: ['ar'] } },
  conferences: [{ body: 'WTSA', city: 'Riyadh', year: 2028, short: ['WTSA-28'] }],
};
