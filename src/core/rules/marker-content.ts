import type { Marker } from '../lexicon';
import type { Proposal } from '../model';
import type { Rule, RuleContext } from '../rule';
import type { Paragraph } from '../snapshot';
import { isBlank, proposalName, resolutionRange, shorten } from './proposal-span';

/**
 * marker-content: the text under a proposal shows what its marker says. A `MOD` or `(MOD)` shows its
 * changes as tracked insertions and deletions; an `ADD` or `ADD*` is new text, either clean or inserted
 * as a whole, never with tracked deletions; a `NOC`, `SUP` or `SUP*` changes nothing, so it shows no
 * tracked changes at all.
 *
 * A mismatch means either the marker or the text is wrong (track changes was off, or a MOD was labelled
 * ADD), and only a person can tell which, so nothing is fixed. The lines from the number line to the
 * reasons are looked at; the proposal line and the reasons are not amended text.
 */

type Content = 'changed' | 'new' | 'unchanged';

const EXPECTS: Record<Marker, Content> = {
  MOD: 'changed',
  '(MOD)': 'changed',
  ADD: 'new',
  'ADD*': 'new',
  SUP: 'unchanged',
  'SUP*': 'unchanged',
  NOC: 'unchanged',
};

const hasDeletion = (p: Paragraph): boolean =>
  p.mark?.kind === 'del' || p.runs.some((r) => r.revision?.kind === 'del');
const hasRevision = (p: Paragraph): boolean =>
  p.mark !== undefined || p.runs.some((r) => r.revision !== undefined);
/** Text that is neither inserted nor deleted, leaving out blanks and footnote references. */
const hasCleanText = (p: Paragraph): boolean =>
  p.runs.some((r) => r.revision === undefined && !isBlank(r.text));
const hasInsertedText = (p: Paragraph): boolean =>
  p.runs.some((r) => r.revision?.kind === 'ins' && !isBlank(r.text));

function checkProposal(context: RuleContext, p: Proposal, marker: Marker): void {
  const [from, to] = resolutionRange(p);
  const paragraphs = context.snapshot.paragraphs.slice(from, to);
  const where = p.paragraph ?? from;
  const report = (paragraph: number, message: string) =>
    context.report({ paragraph, excerpt: shorten(context.text(paragraph)), message, actual: marker });
  const name = `\`${marker}\` ${proposalName(p)}`;

  switch (EXPECTS[marker]) {
    case 'changed':
      if (!paragraphs.some(hasRevision))
        report(
          where,
          `${name} shows no tracked changes, expected its changes as tracked insertions and deletions (a text kept as it is is a NOC)`,
        );
      return;
    case 'unchanged': {
      const changed = paragraphs.find(hasRevision);
      if (changed)
        report(
          changed.index,
          `${name} changes nothing, but paragraph ${changed.index + 1} has tracked changes: changing words of a text is a MOD`,
        );
      return;
    }
    case 'new': {
      const deleted = paragraphs.find(hasDeletion);
      if (deleted) {
        report(
          deleted.index,
          `${name} is new text, but paragraph ${deleted.index + 1} has tracked deletions: changing an existing text is a MOD`,
        );
        return;
      }
      const clean = paragraphs.find(hasCleanText);
      const inserted = paragraphs.find(hasInsertedText);
      if (!clean || !inserted) return;
      // Point at whichever state departs from how the text begins.
      const [odd, usual] = clean.index < inserted.index ? [inserted, clean] : [clean, inserted];
      report(
        odd.index,
        `${name} is new text, expected clean or inserted as a whole, but paragraph ${odd.index + 1} is ${
          odd === inserted ? 'tracked as inserted' : 'not tracked'
        } while paragraph ${usual.index + 1} is ${usual === inserted ? 'tracked as inserted' : 'not tracked'}: inserting words into an existing text is a MOD`,
      );
      return;
    }
  }
}

const rule: Rule = {
  meta: {
    id: 'marker-content',
    description:
      'A MOD shows tracked changes, an ADD is clean or wholly inserted new text, and a NOC or SUP changes nothing.',
    severity: 'warning',
    fixable: false,
  },
  check(context) {
    for (const p of context.outline.proposals)
      if (p.marker !== null && p.number !== null) checkProposal(context, p, p.marker);
  },
};

export default rule;
