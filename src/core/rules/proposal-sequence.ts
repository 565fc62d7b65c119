import type { Proposal, ProposalId } from '../model';
import { textEdit } from '../plan';
import type { Rule, RuleContext } from '../rule';
import { shorten } from './proposal-span';

/**
 * proposal-sequence: the identifiers of one contribution are unique, name one document and addendum,
 * and number its proposals 1, 2, 3 … in document order, without gaps or duplicates. Zero-padded
 * sequences (`ACP/12/01`) are accepted when the contribution pads them all like its first identifier.
 *
 * The secretariat compiles proposals from many contributions by identifier, and other documents cite
 * them (`APT/44A14/3`), so a gap, a repeat or a stray document number sends readers to the wrong text.
 * The fix replaces only the sequence number (`4` → `3`); a wrong document number needs a person.
 */

/** The document and addendum part of an identifier, as written in it: `44A14`, `XX`. */
const documentKey = (id: ProposalId): string =>
  id.addendum !== undefined ? `${id.document}A${id.addendum}` : id.document;

/** Where an identifier's sequence number sits in the current text, if it can be found near its proposal line. */
function locateSequence(
  context: RuleContext,
  p: Proposal,
  id: ProposalId,
): { paragraph: number; offset: number } | null {
  const count = context.snapshot.paragraphs.length;
  const first = p.paragraph ?? p.start;
  // Older layouts put the identifier on its own line next to the marker, before or after it.
  for (const paragraph of [first, first + 1, first - 1]) {
    if (paragraph < 0 || paragraph >= count) continue;
    const text = context.text(paragraph);
    let at = text.indexOf(id.text);
    while (at >= 0) {
      const before = at === 0 ? '' : text[at - 1];
      const after = text[at + id.text.length] ?? '';
      if (!/[\p{L}\d/]/u.test(before) && !/[\p{L}\d/]/u.test(after)) {
        const offset = at + id.text.length - id.sequenceText.length;
        if (text.slice(offset, offset + id.sequenceText.length) === id.sequenceText)
          return { paragraph, offset };
      }
      at = text.indexOf(id.text, at + 1);
    }
  }
  return null;
}

const rule: Rule = {
  meta: {
    id: 'proposal-sequence',
    description:
      "A contribution's proposal identifiers are unique, share one document and addendum, and run 1, 2, 3 … in order.",
    severity: 'error',
    fixable: true,
  },
  check(context) {
    // A malformed identifier (proposal-marker reports it) still takes its place in the sequence.
    const lined = context.outline.proposals.filter((p) => p.id !== null || p.idText !== undefined);
    const numbered = lined.filter((p): p is Proposal & { id: ProposalId } => p.id !== null);
    if (numbered.length === 0) return;
    const reference = numbered[0];
    const referenceAt = (reference.paragraph ?? reference.start) + 1;
    const document = documentKey(reference.id);
    // The first identifier sets the style: `01` pads every sequence to two digits, `1` pads none.
    const padded = reference.id.sequenceText.length > 1 && reference.id.sequenceText.startsWith('0');
    const width = padded ? reference.id.sequenceText.length : 0;
    const seen = new Map<string, number>();

    lined.forEach((p, position) => {
      if (p.id === null) return;
      const id = p.id;
      const at = locateSequence(context, p, id);
      const paragraph = at?.paragraph ?? p.paragraph ?? p.start;
      const excerpt = shorten(context.text(paragraph));

      const key = documentKey(id);
      if (key !== document)
        context.report({
          paragraph,
          excerpt,
          message: `Identifier \`${id.text}\` names document \`${key}\`, expected \`${document}\` like \`${reference.id.text}\` (paragraph ${referenceAt}): one contribution's proposals share one document`,
          actual: key,
          expected: document,
        });

      const expected = String(position + 1).padStart(width, '0');
      const duplicateOf = seen.get(`${key}/${id.sequence}`);
      if (duplicateOf === undefined) seen.set(`${key}/${id.sequence}`, paragraph + 1);
      if (id.sequenceText === expected) return;

      let message: string;
      if (duplicateOf !== undefined)
        message = `Duplicate identifier \`${id.text}\` (first at paragraph ${duplicateOf}), expected sequence \`${expected}\``;
      else if (id.sequence === position + 1)
        message = `Unexpected sequence \`${id.sequenceText}\` in \`${id.text}\`, expected \`${expected}\` ${
          padded ? 'zero-padded' : 'without zero padding'
        } like \`${reference.id.text}\` (paragraph ${referenceAt})`;
      else
        message = `Unexpected sequence \`${id.sequenceText}\` in \`${id.text}\`, expected \`${expected}\`: proposals are numbered 1, 2, 3 … in order`;

      context.report({
        paragraph,
        excerpt,
        message,
        actual: id.sequenceText,
        expected,
        ...(at ? { offset: at.offset, length: id.sequenceText.length } : {}),
        ...(at ? { fix: [textEdit(at.paragraph, at.offset, id.sequenceText, expected)] } : {}),
      });
    });
  },
};

export default rule;
