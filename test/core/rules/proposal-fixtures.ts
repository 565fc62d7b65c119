import { fromMarkup } from '../../../src/core/markup';
import { paragraphText } from '../../../src/core/snapshot';

/**
 * Small proposals in markup (src/core/markup.ts) for the proposal-level rule tests: a complete MOD
 * that every rule accepts, and pieces to vary one thing at a time.
 */

/** The resolution text of a MOD, with its tracked changes (number line to last clause). */
export const MOD_TEXT = [
  'RESOLUTION 52 (Rev. [-Dubai, 2012-]{+Hammamet, 2016+})',
  'Countering and combating spam',
  '(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012{+; Hammamet, 2016+})',
  'The World Telecommunication Standardization Assembly ([-Dubai, 2012-]{+Hammamet, 2016+}),',
  'considering',
  'a)\\tthat spam is a global problem;',
  'b)\\tthat it keeps growing,',
  'resolves',
  '1\\tto continue the work{+ of Study Group 17+};',
  '2\\tto report on progress.',
];

/** The same resolution reproduced without any change (what a NOC or SUP shows). */
export const CLEAN_TEXT = [
  'RESOLUTION 52 (Rev. Hammamet, 2016)',
  'Countering and combating spam',
  '(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012; Hammamet, 2016)',
  'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
  'considering',
  'a)\\tthat spam is a global problem;',
  'b)\\tthat it keeps growing,',
  'resolves',
  '1\\tto continue the work;',
  '2\\tto report on progress.',
];

/** A draft new resolution, clean. */
export const ADD_TEXT = [
  'DRAFT NEW RESOLUTION [APT-1]',
  'Spam in the Asia-Pacific region',
  'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
  'considering',
  'a)\\tthat spam is a global problem;',
  'b)\\tthat it keeps growing,',
  'resolves',
  'to act.',
];

export const REASONS = 'Reasons:\\tThe work must go on.';

/** A proposal: its proposal line, its text, and its reasons unless `reasons` is null. */
export function proposal(
  line: string | null,
  text: readonly string[] = MOD_TEXT,
  reasons: string | null = REASONS,
): string {
  return [...(line === null ? [] : [line]), ...text, ...(reasons === null ? [] : [reasons])].join('\n');
}

/** Several proposals one after the other, as one contribution. */
export const contribution = (...proposals: string[]): string => proposals.join('\n');

/** The current text of every paragraph of a markup document, one per line: a RuleTester `output`. */
export function currentText(markup: string): string {
  return fromMarkup(markup)
    .paragraphs.map((p) => paragraphText(p))
    .join('\n');
}
