import { RESOLUTION_WORD } from '../lexicon';
import type { Rule } from '../rule';
import { shorten } from './proposal-span';

/**
 * proposal-present: a contribution holds at least one proposal or resolution to check: a proposal line
 * (`MOD<TAB>APT/44A14/1`) or a resolution's number line (`RESOLUTION 52 (Rev. Hammamet, 2016)`). Why: a
 * secretariat checking a batch must hear that a file holds nothing to check (a cover letter, the wrong
 * attachment) rather than read "no problems" for it. Nothing can fix that but the right file.
 */
const rule: Rule = {
  meta: {
    id: 'proposal-present',
    description: 'The file holds at least one proposal or resolution to check.',
    severity: 'error',
    fixable: false,
  },
  check(context) {
    if (context.outline.proposals.length > 0) return;
    const paragraphs = context.snapshot.paragraphs;
    let first = 0;
    while (first < paragraphs.length - 1 && context.text(first).trim() === '') first++;
    const word = RESOLUTION_WORD[context.language][0];
    context.report({
      message: `No proposal and no resolution in this file: expected a proposal line such as \`MOD<TAB>APT/44A14/1\` or a number line such as \`${word} 52\``,
      paragraph: first,
      excerpt: paragraphs.length > 0 ? shorten(context.text(first)) : '',
    });
  },
};

export default rule;
