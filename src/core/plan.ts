/**
 * Edit plans: small edits anchored to paragraphs and to offsets in the current view, each carrying the
 * text it expects to find, so an applier (the .docx writer, the Word adapter) can refuse a stale one.
 */

/** Replace `length` characters of the paragraph's current text at `offset` with `text`. */
export interface TextEdit {
  readonly kind: 'text';
  /** Snapshot index of the paragraph. */
  readonly paragraph: number;
  /** Offset in the paragraph's current-view text. */
  readonly offset: number;
  /** How many current-view characters are removed; 0 for a pure insertion. */
  readonly length: number;
  /** The current-view text the edit removes (`length` characters); '' for a pure insertion. */
  readonly expected: string;
  /** The text inserted; '' for a pure deletion. */
  readonly text: string;
  /**
   * Set only to show a change made with tracking off (comparison with the in-force text): `text`
   * equals `expected`, whose characters no tracked change covers; they stay but become a tracked
   * insertion, and `restore` is written before them as a tracked deletion. The current view does not
   * change; the original view reads `restore` where it read `expected`.
   */
  readonly restore?: string;
  /** With `restore`: the paragraph's own mark becomes a tracked insertion too (a paragraph typed with tracking off). */
  readonly insertedMark?: boolean;
}

/** Insert a whole new paragraph before snapshot paragraph `before` (`paragraphs.length` appends). */
export interface ParagraphEdit {
  readonly kind: 'paragraph';
  readonly before: number;
  readonly text: string;
  /** Copy paragraph properties (style, numbering) from this snapshot paragraph. */
  readonly styleFrom?: number;
  /** Style id to set (wins over styleFrom's style). */
  readonly styleId?: string;
  /** Tracked (w:ins with an inserted paragraph mark) unless false: proposal lines are not tracked. */
  readonly tracked: boolean;
  /**
   * The paragraph comes back as a tracked deletion, text and mark: one removed with tracking off,
   * restored so the original view has it while the current view does not.
   */
  readonly deleted?: boolean;
}

export type Edit = TextEdit | ParagraphEdit;

/** A text edit that replaces `expected`, found at `offset` in the paragraph's current text, with `text`. */
export const textEdit = (paragraph: number, offset: number, expected: string, text: string): TextEdit => ({
  kind: 'text',
  paragraph,
  offset,
  length: expected.length,
  expected,
  text,
});

/** The current text, at read time, of a paragraph a plan touches. */
export interface Anchor {
  readonly paragraph: number;
  readonly text: string;
}

export interface EditPlan {
  /** What the plan does, in the user's words ("Renumber considérant h)–k)"). */
  readonly title: string;
  readonly edits: readonly Edit[];
  /** Every paragraph the plan's edits touch or sit next to, as read; an applier refuses the plan if one changed. */
  readonly anchors: readonly Anchor[];
}

/** The range of a text edit, for overlap checks: [start, end) in its paragraph. */
export function editRange(e: TextEdit): readonly [number, number] {
  return [e.offset, e.offset + e.length];
}

/** Two text edits overlap when they touch the same paragraph and their ranges meet (insertions at the same point too). */
export function overlaps(a: Edit, b: Edit): boolean {
  if (a.kind !== 'text' || b.kind !== 'text') {
    if (a.kind === 'paragraph' && b.kind === 'paragraph') return a.before === b.before;
    return false;
  }
  if (a.paragraph !== b.paragraph) return false;
  const [a0, a1] = editRange(a);
  const [b0, b1] = editRange(b);
  if (a0 === a1 || b0 === b1) return a0 <= b1 && b0 <= a1;
  return a0 < b1 && b0 < a1;
}
