/**
 * Which Word the add-in runs in, checked with `Office.context.requirements` rather than by version
 * numbers, and said plainly when something needs a newer Word.
 */

/** The part of `Office.context.requirements` the adapter uses. */
export interface RequirementSets {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** What this Word lets the add-in do. */
export interface WordSupport {
  /** Reading the document (WordApi 1.1: every Word that runs add-ins). */
  readonly read: boolean;
  /** Applying fixes as tracked changes: switching tracking on needs WordApi 1.4. */
  readonly apply: boolean;
}

/** Ask Word which of the adapter's features it supports. */
export function wordSupport(sets: RequirementSets): WordSupport {
  return { read: sets.isSetSupported('WordApi', '1.1'), apply: sets.isSetSupported('WordApi', '1.4') };
}

/** Why reading is unavailable. */
export const READ_NEEDS =
  'Amend needs a Word that runs add-ins with the Word JavaScript API (Word 2016 or later, Word for Mac, Word on the web).';

/**
 * Why applying is unavailable, and which Word does it: WordApi 1.4 is supported on the web, on Windows
 * from Version 2208 (Build 15601.20148) but "Not available" in volume-licensed Office, on Mac and iPad
 * from 16.64 (learn.microsoft.com, "Word JavaScript API requirement sets").
 */
export const APPLY_NEEDS =
  'Applying fixes as tracked changes needs Word API 1.4: Microsoft 365 Word on Windows version 2208 or later, ' +
  'Word for Mac or iPad 16.64 or later, or Word on the web. This Word can check the document but not change it; ' +
  'volume-licensed Word 2016, 2019 and 2021 cannot switch tracking on for an add-in.';
