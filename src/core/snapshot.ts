/**
 * The document snapshot: what every door (a .docx file, Word, the browser sample) hands the engine.
 * Paragraphs in body order (tables included), each with its runs and their revision state.
 */

/** A tracked change on a run or a paragraph mark. `move` marks w:moveFrom / w:moveTo. */
export interface Revision {
  readonly kind: 'ins' | 'del';
  readonly author?: string;
  readonly date?: string;
  readonly id?: string;
  readonly move?: boolean;
  /**
   * On a deleted run: the text was someone's tracked insertion that was later deleted (Word writes a
   * w:ins holding a w:del; a w:del holding a w:ins means the same, ECMA-376 Part 1 §17.13.5). Such a
   * run is absent from both views.
   */
  readonly inserted?: Revision;
}

/**
 * A field whose result Word computes (`w:fldSimple`, or `w:fldChar` begin … separate … end around
 * `w:instrText`): a cross-reference (REF), an automatic number (SEQ), a date. Its result is shown as
 * text, but Word replaces it whenever fields are updated, so no edit may target it.
 */
export interface Field {
  /** The field's instruction, trimmed: `REF _Ref123 \h`, `SEQ Table \* ARABIC`. */
  readonly instruction: string;
}

/** A run of text. Tabs are `\t`, breaks `\n`; a footnote reference is an empty run with `footnote` set. */
export interface Run {
  readonly text: string;
  readonly revision?: Revision;
  /** Footnote (or endnote) id when this run is a footnote reference. */
  readonly footnote?: string;
  /**
   * Set when the run is (part of) a field's result: the outermost field holding it, one object shared
   * by every run of that field's result, so two fields side by side stay apart.
   */
  readonly field?: Field;
}

/** A label produced by Word's automatic numbering (w:numPr), rendered as Word would show it. */
export interface AutoNumber {
  readonly label: string;
  readonly numId: string;
  readonly level: number;
}

export interface Paragraph {
  /** 0-based position among the body's paragraphs; users see `index + 1`. */
  readonly index: number;
  readonly runs: readonly Run[];
  readonly styleId?: string;
  readonly styleName?: string;
  readonly numbering?: AutoNumber;
  /** Set when the paragraph mark itself is a tracked insertion or deletion. */
  readonly mark?: Revision;
  readonly inTable?: boolean;
  /** Style or direct formatting makes the paragraph italic (headings often are). */
  readonly italic?: boolean;
}

export interface Snapshot {
  readonly paragraphs: readonly Paragraph[];
  /** Footnote texts by id, where the door can read them (not checked as resolution text). */
  readonly footnotes?: Readonly<Record<string, string>>;
}

/** Which view of tracked changes: `current` accepts all of them, `original` rejects all of them. */
export type View = 'current' | 'original';

/** The text of a paragraph in a view (automatic numbering labels are not part of it). */
export function paragraphText(p: Paragraph, view: View = 'current'): string {
  const runs = p.runs;
  // Most paragraphs are one run; an index loop, since this runs for every paragraph from cold.
  if (runs.length === 1) return hidden(runs[0], view) ? '' : runs[0].text;
  let s = '';
  for (let k = 0; k < runs.length; k++) if (!hidden(runs[k], view)) s += runs[k].text;
  return s;
}

/** Whether a run is absent in a view. */
export function hidden(r: Run, view: View): boolean {
  if (r.revision === undefined) return false;
  if (view === 'current') return r.revision.kind === 'del';
  return r.revision.kind === 'ins' || r.revision.inserted !== undefined;
}

/** A paragraph exists in a view unless its mark and every run are absent from it. */
export function existsIn(p: Paragraph, view: View): boolean {
  const gone = view === 'current' ? 'del' : 'ins';
  if (p.mark?.kind !== gone) return true;
  for (let k = 0; k < p.runs.length; k++) if (!hidden(p.runs[k], view) && p.runs[k].text !== '') return true;
  return false;
}

/** Whether any run or the mark of the paragraph carries a tracked change. */
export function hasRevisions(p: Paragraph): boolean {
  if (p.mark !== undefined) return true;
  for (let k = 0; k < p.runs.length; k++) if (p.runs[k].revision !== undefined) return true;
  return false;
}

/**
 * How a paragraph reads in the seeds' flattened export: deleted and inserted text side by side.
 * Useful for messages and tests.
 */
export function flatText(p: Paragraph): string {
  return p.runs.map((r) => r.text).join('');
}

/** A field's kind, the first word of its instruction in capitals: `REF`, `SEQ`, `PAGE`. */
export function fieldKind(field: Field): string {
  return (/^\s*(\S+)/.exec(field.instruction)?.[1] ?? '').toUpperCase();
}

/**
 * The field whose result holds any of the view's characters `[offset, offset + length)` of a paragraph;
 * for an insertion (`length` 0), the field whose result holds the characters on both sides of it (text
 * put between two fields, or at a field's edge, stays outside them). Undefined when no field is touched.
 */
export function fieldAt(
  p: Paragraph,
  offset: number,
  length: number,
  view: View = 'current',
): Field | undefined {
  const runs = p.runs;
  let at = 0;
  let before: Field | undefined;
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k];
    if (hidden(r, view) || r.text === '') continue;
    const end = at + r.text.length;
    if (length > 0) {
      if (r.field !== undefined && end > offset && at < offset + length) return r.field;
    } else {
      if (at < offset && offset < end) return r.field;
      if (end === offset) before = r.field;
      else if (at === offset) return before !== undefined && before === r.field ? before : undefined;
    }
    if (at >= offset + length && at > offset) break;
    at = end;
  }
  return undefined;
}

/** What a finding says instead of offering a fix that would edit a field's result. */
export function fieldAdvice(field: Field): string {
  return `no fix offered: it is ${fieldReason(field)}; update the field in Word instead`;
}

/** Why text in a field's result is left alone, for messages: "the result of a REF field, which …". */
export function fieldReason(field: Field): string {
  const kind = fieldKind(field);
  return `the result of ${kind ? `a ${kind} field` : 'a field'}, text Word computes and replaces whenever it updates fields`;
}
