/**
 * Which Word the add-in runs in, checked with `Office.context.requirements` rather than by version
 * numbers, and said plainly when something needs a newer Word.
 */

/** The part of `Office.context.requirements` the adapter uses. */
export interface RequirementSets {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/**
 * The Word API versions checked. `read` is also what manifest.xml requires, so Office offers Amend only
 * where it can read: WordApi 1.1 alone is Word 2016 without a subscription, which shows add-ins in
 * Internet Explorer, where the pane cannot run; 1.3 is Word 2019 or later, Microsoft 365, Mac, iPad and
 * the web. `apply` is checked at run time, so a Word without it still checks the document.
 */
export const WORD_API = { read: '1.3', apply: '1.4' } as const;

/** What this Word lets the add-in do. */
export interface WordSupport {
  /** Reading the document (WordApi 1.3, as the manifest requires). */
  readonly read: boolean;
  /** Applying fixes as tracked changes: switching tracking on needs WordApi 1.4. */
  readonly apply: boolean;
}

/** Ask Word which of the adapter's features it supports. */
export function wordSupport(sets: RequirementSets): WordSupport {
  return {
    read: sets.isSetSupported('WordApi', WORD_API.read),
    apply: sets.isSetSupported('WordApi', WORD_API.apply),
  };
}

/** Why reading is unavailable. */
export const READ_NEEDS =
  'Amend needs a Word that runs add-ins with the Word JavaScript API 1.3 (Microsoft 365, Word 2019 or later, Word for Mac or iPad, Word on the web).';

/**
 * Why applying is unavailable, and which Word does it: WordApi 1.4 is supported on the web, on Windows
 * from Version 2208 (Build 15601.20148) but "Not available" in volume-licensed Office, on Mac and iPad
 * from 16.64 (learn.microsoft.com, "Word JavaScript API requirement sets").
 */
export const APPLY_NEEDS =
  'Applying fixes as tracked changes needs Word API 1.4: Microsoft 365 Word on Windows version 2208 or later, ' +
  'Word for Mac or iPad 16.64 or later, or Word on the web. This Word can check the document but not change it; ' +
  'volume-licensed Word 2019 and 2021 cannot switch tracking on for an add-in.';
