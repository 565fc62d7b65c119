import { LANGUAGES, REASONS_LABEL, type Language } from '../lexicon';
import type { Outline, Proposal } from '../model';
import type { ParagraphEdit } from '../plan';
import type { Rule, RuleContext } from '../rule';
import type { Snapshot } from '../snapshot';
import { paragraphText } from '../snapshot';
import { isBlank, proposalName, shorten } from './proposal-span';

/**
 * reasons: every proposal ends with a statement of its reasons, `Reasons:<TAB>…` (`Motifs:` in French,
 * `Motivos:` in Spanish …). Conferences decide on proposals by their reasons; for a `SUP`, `SUP*` or
 * `NOC` they are required, so a missing one is an error there and a warning elsewhere.
 *
 * The fix adds the labelled paragraph after the proposal's last paragraph, for the author to fill in;
 * a reasons paragraph that holds only its label is reported ("the reasons are empty") and left to
 * the author, since nobody else can write them.
 */

const REQUIRED = new Set(['SUP', 'SUP*', 'NOC']);

/** The text after a reasons label, in any language (a French contribution may carry `Reasons:`). */
function reasonsBody(text: string): string {
  const trimmed = text.trimStart();
  for (const language of LANGUAGES)
    for (const label of REASONS_LABEL[language])
      if (trimmed.toLowerCase().startsWith(label.toLowerCase())) return trimmed.slice(label.length);
  return trimmed;
}

/** The last paragraph of a proposal with any text, in the current view. */
function lastParagraph(snapshot: Snapshot, p: Proposal): number {
  const first = p.paragraph ?? p.start;
  for (let i = Math.min(p.end, snapshot.paragraphs.length) - 1; i > first; i--)
    if (!isBlank(paragraphText(snapshot.paragraphs[i]))) return i;
  return first;
}

/**
 * The paragraph a new reasons paragraph takes its formatting from: another proposal's reasons when
 * the document has one (it carries the template's Reasons style), else the preamble, a plain body
 * paragraph without list numbering; never a clause, whose numbering would label the reasons.
 */
function styleSource(snapshot: Snapshot, outline: Outline, p: Proposal): number | undefined {
  const other = outline.proposals.find((q) => q.reasons !== null);
  if (other?.reasons) return other.reasons.paragraph;
  for (const line of [p.preamble, p.title])
    if (line && snapshot.paragraphs[line.paragraph]?.numbering === undefined) return line.paragraph;
  return undefined;
}

/**
 * The edit that adds an empty reasons paragraph (localised label and a TAB) at the end of a proposal.
 * Tracked, like every change Amend makes: the author sees it as an insertion to review and fill in.
 * Only the proposal line is written untracked (see the `mark` command).
 */
export function reasonsEdit(
  snapshot: Snapshot,
  outline: Outline,
  p: Proposal,
  language: Language,
): ParagraphEdit {
  const from = styleSource(snapshot, outline, p);
  return {
    kind: 'paragraph',
    before: lastParagraph(snapshot, p) + 1,
    text: `${REASONS_LABEL[language][0]}\t`,
    ...(from !== undefined ? { styleFrom: from } : {}),
    tracked: true,
  };
}

function checkProposal(context: RuleContext, p: Proposal): void {
  const label = REASONS_LABEL[context.language][0];
  if (p.reasons !== null) {
    if (isBlank(reasonsBody(p.reasons.text)))
      context.report({
        paragraph: p.reasons.paragraph,
        excerpt: shorten(p.reasons.text),
        severity: 'warning',
        message: `The reasons are empty: expected why ${proposalName(p)} is proposed after \`${label.trim()}\``,
      });
    return;
  }
  const required = p.marker !== null && REQUIRED.has(p.marker);
  const last = lastParagraph(context.snapshot, p);
  const lastText = context.text(last);
  context.report({
    paragraph: last,
    excerpt: shorten(lastText),
    offset: lastText.length,
    length: 0,
    severity: required ? 'error' : 'warning',
    message: `${p.marker ? `\`${p.marker}\` ` : ''}${proposalName(p)} has no reasons, expected a \`${label}<TAB>…\` paragraph after paragraph ${
      last + 1
    }${required ? `: a ${p.marker} must give its reasons` : ''}`,
    fix: [reasonsEdit(context.snapshot, context.outline, p, context.language)],
  });
}

const rule: Rule = {
  meta: {
    id: 'reasons',
    description:
      'Every proposal ends with a reasons paragraph (required for SUP, SUP* and NOC), and it is not empty.',
    severity: 'error',
    fixable: true,
  },
  check(context) {
    for (const p of context.outline.proposals)
      if (p.marker !== null || p.number !== null) checkProposal(context, p);
  },
};

export default rule;
