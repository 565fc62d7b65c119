import type { Clause, Outline } from '../model';
import type { Rule, RuleContext } from '../rule';
import {
  findShortTags,
  fixedText,
  mayHoldTag,
  mergeEdits,
  paragraphEdit,
  type ShortTag,
  type TagMatch,
} from '../tags';

/**
 * Every revision tag of a proposal — number line, history line entries, preamble, and the tags of texts
 * cited in its title and clauses — is written in the document's language (`Rév.` in French, `г.` in
 * Russian, the Arabic comma), as `City, Year` with the comma, in one case, and names a city and year
 * where an ITU conference met. Why: a tag is how readers and the secretariat find the text revised; a
 * malformed one is the commonest slip in real contributions (`Hammamet 2016`). Form and case are fixed
 * token by token; an unknown venue or year needs a person (with the city it most likely means). WRC and
 * RA texts' short tags (`(Rev.WRC-15)`, `(RÉV.CMR-19)`) take the language's abbreviation and name a
 * year that body met. Two pairs run together (`(Rev. Guadalajara, 2010Busan, 2014)`, an edit made with
 * tracking off) are reported with the pair that should stand. A citation is not required to be the newest
 * revision: that is a matter of substance. The cover pages before the first proposal are not checked,
 * and revision words in a history line are the history-line rule's finding.
 */
const rule: Rule = {
  meta: {
    id: 'revision-tag',
    description: 'Revision tags are well formed in the document language and name a real ITU conference.',
    severity: 'error',
    fixable: true,
  },
  check(context: RuleContext): void {
    const { outline } = context;
    // One flag per paragraph of the document: a set of every paragraph read would grow to thousands of entries.
    const done = new Uint8Array(context.snapshot.paragraphs.length);
    for (const proposal of outline.proposals) {
      const history = proposal.history?.paragraph;
      for (let i = Math.max(proposal.start, outline.bodyStart); i < proposal.end; i++) {
        if (done[i]) continue;
        done[i] = 1;
        const tags = tagsAt(context, i, history);
        if (tags) for (let k = 0; k < tags.length; k++) report(context, i, tags[k]);
        if (i !== history && mayHoldTag(context.text(i)))
          for (const tag of findShortTags(context.text(i), context.language)) report(context, i, tag);
      }
    }
  },
};

/**
 * A history line's entries, or the tags in a paragraph's text; most paragraphs hold no parenthesis. A
 * preamble's parenthesis is read as its venue whatever city it names, so a misspelt or unknown one is
 * reported there (`New Dehli, 2024`, with the city meant) where a clause's `(Rice, 2019)` is no tag.
 */
function tagsAt(
  context: RuleContext,
  paragraph: number,
  history: number | undefined,
): readonly TagMatch[] | undefined {
  if (paragraph === history) return context.history(paragraph)?.entries;
  return mayHoldTag(context.text(paragraph)) ? context.tags(paragraph) : undefined;
}

function report(context: RuleContext, paragraph: number, tag: TagMatch | ShortTag): void {
  if (tag.problems.length === 0) return;
  const fix = mergeEdits(tag.problems.flatMap((p) => p.fix ?? [])).map((e) => paragraphEdit(paragraph, e));
  const expected = fix.length > 0 ? fixedText(tag) : undefined;
  const why = tag.problems.map((p) => p.message).join('; ');
  const clause = clauseName(context.outline, paragraph);
  context.report({
    message: expected
      ? `Unexpected \`${tag.text}\`, expected \`${expected}\`: ${why}`
      : `Unexpected \`${tag.text}\`: ${why}`,
    paragraph,
    ...(clause ? { clause } : {}),
    excerpt: tag.text,
    offset: tag.offset,
    length: tag.length,
    actual: tag.text,
    ...(expected ? { expected } : {}),
    ...(fix.length > 0 ? { fix } : {}),
  });
}

/** The clause a paragraph holds, as users cite it ("considérant i)", "recognizing further c) ii)"). */
function clauseName(outline: Outline, paragraph: number): string | undefined {
  const find = (clauses: readonly Clause[], prefix: string): string | undefined => {
    for (const c of clauses) {
      const name = c.label ? `${prefix} ${c.label}` : prefix;
      if (c.paragraph === paragraph) return name;
      const inner = find(c.children, name);
      if (inner) return inner;
    }
    return undefined;
  };
  for (const p of outline.proposals)
    if (paragraph >= p.start && paragraph < p.end)
      for (const s of p.sections) {
        const name = find(s.clauses, s.name);
        if (name) return name;
      }
  return undefined;
}

export default rule;
