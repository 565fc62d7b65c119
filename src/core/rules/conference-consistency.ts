import { describeConference, type Conference, type Language } from '../conferences';
import type { Line, Proposal } from '../model';
import type { Rule, RuleContext } from '../rule';
import {
  findShortTags,
  formatVenue,
  mergeEdits,
  namesConference,
  paragraphEdit,
  retagEdit,
  retagShortEdit,
  shortRevisionEdit,
  revisionInsertion,
  tagIsUpper,
  type TagEdit,
  type TagMatch,
} from '../tags';

/**
 * A MOD or ADD is prepared for one conference, and its number line, history line and preamble all name
 * it: the target conference (given by the user, or the newest one the document names). A MOD's number
 * line says `Rev.`; an ADD carries only the new conference. Why: a proposal that updates the history
 * line but leaves `(Rev. Dubai, 2012)` on the number line or in the preamble contradicts itself, and the
 * secretariat's editors catch it by hand. The fix replaces the stale city and year only
 * (`Dubai, 2012` → `New Delhi, 2024`). A MOD's history line is the history-line rule's business, and a
 * tag naming no conference at all is the revision-tag rule's.
 */
const rule: Rule = {
  meta: {
    id: 'conference-consistency',
    description: 'Number line, history line and preamble name the same target conference.',
    severity: 'error',
    fixable: true,
  },
  check(context: RuleContext): void {
    const target = context.conference;
    if (!target) return;
    for (const proposal of context.outline.proposals) {
      const marker = proposal.marker;
      const isMod = marker === 'MOD' || marker === '(MOD)';
      const isAdd = marker === 'ADD' || marker === 'ADD*';
      if (!isMod && !isAdd) continue;
      if (proposal.number)
        checkTag(context, proposal.number, 'number line', target, isMod ? 'revised' : 'new');
      if (proposal.preamble) checkTag(context, proposal.preamble, 'preamble', target, 'bare');
      if (isAdd && proposal.history) checkNewHistory(context, proposal, target);
    }
  },
};

/**
 * A WRC or RA number line (`(REV.WRC-19)`) names the target by its year (only the digits change), and
 * says `Rev.` on a MOD, not on an ADD.
 */
function checkShortTag(
  context: RuleContext,
  line: Line,
  where: string,
  target: Conference,
  revision: Revision,
): void {
  const tag = findShortTags(context.text(line.paragraph), context.language).find((t) => t.conference);
  if (!tag) return;
  const stale = tag.year !== target.year;
  const venue = stale ? retagShortEdit(tag, target) : null;
  const rev = revision === 'bare' ? null : shortRevisionEdit(tag, context.language, revision === 'revised');
  if (!stale && !rev) return;
  const reasons: string[] = [];
  if (stale) reasons.push(`names \`${tag.text}\`, not the target conference ${describeConference(target)}`);
  if (rev)
    reasons.push(
      revision === 'revised'
        ? 'lacks the revision word: the text is revised'
        : 'says the text is revised, but it is new',
    );
  const edits = mergeEdits([venue, rev].filter((e): e is TagEdit => e !== null));
  reportTag(context, line, where, tag, reasons, venue?.text, edits);
}

/** A tag that does not name the target as it should: why, what should stand, and the edits that make it. */
function reportTag(
  context: RuleContext,
  line: Line,
  where: string,
  tag: { readonly text: string; readonly offset: number; readonly length: number },
  reasons: readonly string[],
  expected: string | undefined,
  edits: readonly TagEdit[],
): void {
  context.report({
    message: `The ${where} tag ${reasons.join(', and ')}`,
    paragraph: line.paragraph,
    excerpt: tag.text,
    offset: tag.offset,
    length: tag.length,
    actual: tag.text,
    ...(expected !== undefined ? { expected } : {}),
    ...(edits.length > 0 ? { fix: edits.map((e) => paragraphEdit(line.paragraph, e)) } : {}),
  });
}

/** What the revision word should be: present on a MOD's number line, absent on an ADD's, not judged elsewhere. */
type Revision = 'revised' | 'new' | 'bare';

function checkTag(
  context: RuleContext,
  line: Line,
  where: string,
  target: Conference,
  revision: Revision,
): void {
  const language = context.language;
  const tag = context.tags(line.paragraph).find((t) => t.conferences.length > 0);
  if (!tag) {
    checkShortTag(context, line, where, target, revision);
    return;
  }
  const stale = !namesConference(tag, target);
  const venue = stale ? retagEdit(tag, target, language) : null;
  const rev = revisionEdit(tag, language, revision);
  const edits = mergeEdits([venue, rev].filter((e): e is TagEdit => e !== null));
  if (edits.length === 0) return;
  const reasons: string[] = [];
  if (stale) reasons.push(`names \`${tag.text}\`, not the target conference ${describeConference(target)}`);
  if (rev && revision === 'revised')
    reasons.push(`lacks \`${rev.text.trim().replace(/^，/, '')}\`: the text is revised`);
  if (rev && revision === 'new')
    reasons.push(`says \`${rev.expected.trim().replace(/^，/, '')}\`, but the text is new`);
  const expected = stale ? formatVenue(target, language, tagIsUpper(tag.parts)) : undefined;
  reportTag(context, line, where, tag, reasons, expected, edits);
}

/** The edit adding or removing the revision word, keeping the tag's case; null when it is right already. */
function revisionEdit(tag: TagMatch, language: Language, revision: Revision): TagEdit | null {
  const { city, revision: word, revisionGap } = tag.parts;
  if (revision === 'revised' && !word) return revisionInsertion(tag, language);
  if (revision === 'new' && word) {
    // Chinese writes the word last, after its own comma; elsewhere it comes first, before a space.
    const [from, to] =
      language === 'zh' || word.offset > city.offset
        ? [(revisionGap ?? word).offset, word.offset + word.length]
        : [word.offset, word.offset + word.length + (revisionGap?.length ?? 0)];
    const all = tag.text;
    return {
      offset: from,
      length: to - from,
      expected: all.slice(from - tag.offset, to - tag.offset),
      text: '',
    };
  }
  return null;
}

function checkNewHistory(context: RuleContext, proposal: Proposal, target: Conference): void {
  const paragraph = proposal.history!.paragraph;
  const history = context.history(paragraph);
  if (!history) return;
  const others = history.entries.filter((e) => !namesConference(e, target));
  if (others.length === 0) return;
  context.report({
    message: `A new text's history line names only the target conference ${describeConference(target)}, not \`${others.map((e) => e.text).join('`, `')}\``,
    paragraph,
    excerpt: others[0].text,
    offset: others[0].offset,
    length: others[0].length,
  });
}

export default rule;
