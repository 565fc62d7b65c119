import type { Anchor, Edit } from '../plan';
import { paragraphText, type Snapshot } from '../snapshot';

/** The current text of every paragraph the edits touch, and of the neighbours of an inserted paragraph. */
export function anchorsOf(snapshot: Snapshot, edits: readonly Edit[]): Anchor[] {
  const n = snapshot.paragraphs.length;
  const at = new Set<number>();
  for (const e of edits) {
    if (e.kind === 'text') at.add(e.paragraph);
    else {
      for (const i of [e.before - 1, e.before, e.styleFrom ?? -1]) if (i >= 0 && i < n) at.add(i);
    }
  }
  return [...at]
    .sort((a, b) => a - b)
    .map((i) => ({ paragraph: i, text: paragraphText(snapshot.paragraphs[i]) }));
}
