import { fromMarkup } from '../../src/core/markup';
import type { Diagnostic } from '../../src/core/diagnostic';
import { FakeWord } from './fake-word';
import { flatOpc } from './flat-opc';
import { hostOn } from './host-on';
import type { Personality } from './personalities';

/**
 * A proposal retagged for WTSA-24 but for its preamble, with a clause lettered and one numbered out of
 * sequence and two clauses ending wrongly: five fixes. A reviewer's comment ends inside the preamble's
 * `Dubai`, in the characters the preamble's fix replaces.
 */
export const MARKUP = [
  'MOD\tAPT/44A14/1',
  'RESOLUTION 52 (Rev. New Delhi, 2024)',
  'Countering and combating spam',
  '(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012; New Delhi, 2024)',
  'The World Telecommunication Standardization Assembly (Dubai, 2012),',
  'considering',
  'a) that spam is a growing problem for e-mail users;',
  'c) that [-the old -]measures help;',
  'resolves',
  '1\tto continue work on spam;',
  '3\tto report on {+progress in +}spam regularly;',
  'Reasons:\tThe resolution needs updating.',
].join('\n');

export const PREAMBLE = 4;

/** The preamble's finding, whose fix replaces `Dubai, 2012`. */
export const isPreambleTag = (d: Pick<Diagnostic, 'ruleId' | 'paragraph'>): boolean =>
  d.ruleId === 'conference-consistency' && d.paragraph === PREAMBLE;

/** The proposal opened in a Word, the comment added, and the Word host over it. */
export function openCommented(personality: Personality) {
  const word = new FakeWord(fromMarkup(MARKUP), { personality, user: 'Amend user', ooxml: flatOpc });
  word.addComment(PREAMBLE, 'The World Telecommunication Standardization Assembly (Du'.length);
  const host = hostOn(word, { platform: personality.platform, officeVersion: '16.0' });
  return { word, host };
}
