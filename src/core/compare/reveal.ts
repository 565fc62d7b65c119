import type { Edit, ParagraphEdit, TextEdit } from '../plan';
import { hidden, type Paragraph } from '../snapshot';
import type { Difference } from './compare';

/** A character of a paragraph's original view: whether no tracked change covers it, and its current offset. */
interface Char {
  readonly plain: boolean;
  readonly current: number;
}

function originalChars(p: Paragraph): { chars: Char[]; length: number } {
  const chars: Char[] = [];
  let current = 0;
  for (const r of p.runs) {
    const inOriginal = !hidden(r, 'original');
    const inCurrent = !hidden(r, 'current');
    for (let k = 0; k < r.text.length; k++) {
      if (inOriginal) chars.push({ plain: r.revision === undefined, current: inCurrent ? current : -1 });
      if (inCurrent) current++;
    }
  }
  return { chars, length: current };
}

/**
 * The edits that make an untracked difference visible without changing what the proposal says: the
 * proposal's words become a tracked insertion and the in-force words are restored before them as a
 * tracked deletion (a whole paragraph typed with tracking off becomes an inserted paragraph; a
 * paragraph removed with tracking off comes back as a deleted one). Afterwards the original view reads
 * as in force and the current view is unchanged. Undefined when a person must do it: the words sit in
 * someone's tracked change, or involve an automatic label.
 */
export function revealEdits(paragraphs: readonly Paragraph[], d: Difference): Edit[] | undefined {
  if (d.kind === 'deleted') {
    const text = d.inForce.label ? `${d.inForce.label}\t${d.inForce.raw}` : d.inForce.raw;
    const neighbour = d.before < paragraphs.length ? d.before : paragraphs.length - 1;
    const edit: ParagraphEdit = {
      kind: 'paragraph',
      before: d.before,
      text,
      ...(neighbour >= 0 ? { styleFrom: neighbour } : {}),
      tracked: true,
      deleted: true,
    };
    return [edit];
  }
  const p = paragraphs[d.paragraph.index];
  const { chars, length } = originalChars(p);
  if (d.kind === 'inserted') {
    if (p.mark !== undefined || p.runs.some((r) => r.revision !== undefined) || length === 0)
      return undefined;
    // Every run is untracked, so the original text is the current text.
    return [reveal(d.paragraph.index, 0, d.paragraph.raw, '', true)];
  }
  if (d.restore === null) return undefined;
  const { from, to } = d;
  if (from === to) {
    // Nothing of the proposal's to mark: the in-force words come back as a deletion before the next character.
    if (from < chars.length && !chars[from].plain) return undefined;
    const at = from < chars.length ? chars[from].current : length;
    return [reveal(d.paragraph.index, at, '', d.restore, false)];
  }
  const span = chars.slice(from, to);
  if (span.some((c) => !c.plain) || span[span.length - 1].current - span[0].current !== to - from - 1)
    return undefined;
  return [reveal(d.paragraph.index, span[0].current, d.paragraph.raw.slice(from, to), d.restore, false)];
}

const reveal = (
  paragraph: number,
  offset: number,
  expected: string,
  restore: string,
  mark: boolean,
): TextEdit => ({
  kind: 'text',
  paragraph,
  offset,
  length: expected.length,
  expected,
  text: expected,
  restore,
  ...(mark ? { insertedMark: true } : {}),
});
