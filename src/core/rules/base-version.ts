import { baseFor, versionMismatches } from '../compare';
import type { Rule } from '../rule';
import { proposalName, shorten } from './proposal-span';

/**
 * base-version: a proposal amends the version of the resolution in force. Its original view — the text
 * before its tracked changes — must carry the in-force number-line tag and history line: a MOD drafted on
 * the Dubai, 2012 text when the Hammamet, 2016 text is in force amends words that may no longer exist,
 * and every comparison of its words with the in-force text would be noise. Runs only with in-force texts
 * (`--base`); a person must start again from the right text, so nothing is fixed.
 */
const rule: Rule = {
  meta: {
    id: 'base-version',
    description:
      "The proposal amends the version in force: its original number-line tag and history line are the in-force text's.",
    severity: 'error',
    fixable: false,
  },
  check(context) {
    const bases = context.bases;
    if (!bases || bases.length === 0) return;
    for (const p of context.outline.proposals) {
      const base = baseFor(p, bases, context.language, context.conference, context.original);
      if (!base) continue;
      for (const m of versionMismatches(p, context.original, context.language, base))
        context.report({
          paragraph: m.paragraph,
          excerpt: shorten(context.text(m.paragraph)),
          actual: m.proposal,
          expected: m.inForce,
          message: `${proposalName(p)} amends another version: its original ${m.line} is \`${shorten(m.proposal, 90)}\`, the in-force text (${base.source}) has \`${shorten(m.inForce, 90)}\`; start from the text in force`,
        });
    }
  },
};

export default rule;
