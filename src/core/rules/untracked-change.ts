import {
  baseFor,
  differences,
  inForceParagraphs,
  proposalParagraphs,
  reproducesWhole,
  revealEdits,
  versionMismatches,
  type Difference,
} from '../compare';
import type { Proposal } from '../model';
import type { Rule, RuleContext } from '../rule';
import { resolutionRange, shorten } from './proposal-span';

/**
 * untracked-change: what a proposal shows as its starting point is the text in force. Its original view
 * (every tracked change rejected) is compared with the in-force text, paragraph by paragraph and token by
 * token, after the normalisations of `compare/normalise` (whitespace, quotes, soft hyphens, fields,
 * automatic labels). Any difference left is an edit made with track changes off: the proposal would
 * change the resolution without showing it. The fix shows it — the in-force words restored as a tracked
 * deletion, the proposal's as a tracked insertion — so nothing the delegate wrote is lost.
 *
 * Runs only with in-force texts (`--base`), and not on a proposal that amends another version
 * (base-version reports that; word differences with an old text are noise).
 */

const quote = (s: string) => `\`${shorten(s, 80)}\``;

function report(context: RuleContext, d: Difference): void {
  const fix = revealEdits(context.snapshot.paragraphs, d);
  const fixPart = fix ? { fix } : {};
  if (d.kind === 'deleted') {
    context.report({
      paragraph: d.before < context.snapshot.paragraphs.length ? d.before : d.before - 1,
      ...(d.inForce.clause ? { clause: d.inForce.clause } : {}),
      excerpt: shorten(d.inForce.raw),
      expected: d.inForce.norm.text,
      message: `The in-force text has ${quote(d.inForce.norm.text)} here; the original view does not: deleted with track changes off`,
      ...fixPart,
    });
    return;
  }
  const paragraph = d.paragraph.index;
  const clause = d.paragraph.clause ? { clause: d.paragraph.clause } : {};
  if (d.kind === 'inserted') {
    context.report({
      paragraph,
      ...clause,
      excerpt: shorten(context.text(paragraph)),
      actual: d.paragraph.norm.text,
      message: `The original view has ${quote(d.paragraph.norm.text)}, which the in-force text does not: inserted with track changes off`,
      ...fixPart,
    });
    return;
  }
  const what =
    d.proposal === ''
      ? `The in-force text says ${quote(d.inForce)} where the original view has nothing: deleted with track changes off`
      : d.inForce === ''
        ? `The original view says ${quote(d.proposal)} where the in-force text has nothing: inserted with track changes off`
        : `The in-force text says ${quote(d.inForce)}, the original view says ${quote(d.proposal)}: changed with track changes off`;
  const current = fix?.[0]?.kind === 'text' ? fix[0] : undefined;
  context.report({
    paragraph,
    ...clause,
    excerpt: shorten(context.text(paragraph)),
    ...(current ? { offset: current.offset, length: current.length } : {}),
    actual: d.proposal,
    expected: d.inForce,
    message: what,
    ...fixPart,
  });
}

function checkProposal(context: RuleContext, p: Proposal): void {
  const base = baseFor(p, context.bases!, context.language, context.conference, context.original);
  if (!base || versionMismatches(p, context.original, context.language, base).length > 0) return;
  const whole = reproducesWhole(p);
  const mine = proposalParagraphs(context.snapshot, p, whole);
  const theirs = inForceParagraphs(base, whole);
  for (const d of differences(theirs, mine, resolutionRange(p)[1])) report(context, d);
}

const rule: Rule = {
  meta: {
    id: 'untracked-change',
    description:
      'The original view of a MOD, SUP or NOC reads as the in-force text: no edit made with track changes off.',
    severity: 'error',
    fixable: true,
  },
  check(context) {
    if (!context.bases || context.bases.length === 0) return;
    for (const p of context.outline.proposals) checkProposal(context, p);
  },
};

export default rule;
