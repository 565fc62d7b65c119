import type { TextEdit } from '../core/plan';
import { fail, ok, type Result } from '../core/result';
import type { Paragraph } from '../core/snapshot';

/**
 * Where a snapshot paragraph's characters sit in the text Word's search runs over.
 *
 * Word has no character-offset API, so an edit's characters are found with `Range.search` as the k-th
 * occurrence of their exact text. Two texts matter, and they differ by host:
 * - `Paragraph.text`, which Amend compares at apply time to notice a user's edit. Word on the web puts
 *   tracked deletions in it (OfficeDev/office-js#1267, #5286), Word on Windows does when revisions are
 *   shown inline and not when they are in balloons (#2314); a footnote reference shows as a control
 *   character (U+0002 on Windows, #2749; U+FFFD in earlier Windows reports, #5027), a comment anchor as
 *   U+0005 (#2114 Windows, #2258 Mac). The web's forms are not documented, so any character only Word
 *   shows is taken as a mark.
 * - the text `search` matches, which holds tracked deletions in place (a needle that skips a deleted
 *   stretch finds nothing: documented for the Mac only, #5874, #4170; assumed on every host, which only
 *   ever makes Amend refuse more) and in which no needle matches across a footnote mark (#4401; across a
 *   comment anchor by analogy, not documented).
 * A field's result (a cross-reference's text, a SEQ number) is text Word computes and replaces when it
 * updates fields, so it is never addressed: the snapshot marks it (Run.field) and its characters are
 * cells of their own, which no needle holds, so no needle crosses a field's edge either (#5905, Mac: a
 * search whose text runs over a field's result finds nothing, while a shorter one over the same field
 * did match; Word.Field and Range.fields, WordApi 1.4, give a field's code and result range but say
 * nothing of search). Whether Paragraph.text shows only a field's result or also its characters (code
 * between begin and separator, then the result, then the end) is not documented for Office.js: both
 * align, the code and the edges becoming marks.
 * So at read time the snapshot's runs (deletions included) are aligned with Word's text once, giving
 * cells: text Amend may address, someone's tracked deletion, a field's result, or a mark (footnote
 * reference, comment anchor, any character only Word shows). A needle is only ever built from
 * consecutive text cells.
 */
export interface WordParagraphView {
  /** The paragraph's text as Word reported it at read time. */
  readonly wordText: string;
  /** Whether Word's text held tracked deletions (`flat`) or not (`current`). */
  readonly shows: 'current' | 'flat';
  /** What Word's search runs over: every run's text, deletions included, each mark as {@link MARK}. */
  readonly searchText: string;
  /** What each `searchText` position is. */
  readonly kinds: readonly CellKind[];
  /** Position in `searchText` of each current-view character (index = current-view offset). */
  readonly pos: readonly number[];
}

/** Text Amend may address; someone's tracked deletion; a field's result; a mark no needle may cross. */
export type CellKind = 'text' | 'del' | 'field' | 'mark';

/** Stands for a mark in `searchText`: a character no needle ever holds. */
export const MARK = '\u0000';

/**
 * A manual line break in `Paragraph.text`: U+000B, the character Office.js takes for one in insertText
 * (#1755, #4275). That Paragraph.text gives it back so is not documented; a carriage return or a form
 * feed is accepted there too.
 */
const LINE_BREAK = '\u000b';
/**
 * Word's field characters, begin and separator. Not documented for Office.js: 0x13 and 0x14 are Word's
 * own field characters (the deprecated VBA WdFindMatch has wdMatchField = 19, a Find code that happens to
 * equal the begin character; nothing documents 0x14). Where a host shows neither, nothing here applies.
 */
const FIELD_BEGIN = '\u0013';
const FIELD_SEPARATOR = '\u0014';
/**
 * Word's own non-breaking hyphen character. Not documented for Office.js; the deprecated VBA WdFindMatch
 * has wdMatchNonbreakingHyphen = 30, a Find code equal to Word's character. U+2011 is accepted as well.
 */
const WORD_NB_HYPHEN = '\u001e';

/**
 * Line breaks are `\n` in snapshots and a vertical tab (or a carriage return, or a form feed for a page
 * break) in Word's text; a non-breaking hyphen is U+2011 in snapshots and character 30 in Word.
 */
function sameChar(snap: string, word: string): boolean {
  if (snap === word) return true;
  if (snap === '\n') return word === LINE_BREAK || word === '\r' || word === '\f';
  return snap === '\u2011' && word === WORD_NB_HYPHEN;
}

/**
 * Characters Word's text may hold that have no counterpart in a snapshot: control characters (footnote
 * marks U+0002, comment anchors U+0005, field characters; #2749, #2114, #2258), U+FFFD (a footnote mark
 * in earlier Windows reports, #5027, #6942), and U+200B and U+FEFF, which no source documents in
 * Paragraph.text: accepted as marks in case a host shows them, at no cost when none does.
 */
function wordOnly(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code < 0x20 && c !== '\t') || c === '\u200b' || c === '\ufeff' || c === '\ufffd';
}

/**
 * Align a snapshot paragraph with the text Word reports for it, trying the current view first (the two
 * agree when the paragraph has no tracked deletion). `undefined` when neither view matches.
 */
export function alignParagraph(p: Paragraph, wordText: string): WordParagraphView | undefined {
  for (const shows of ['current', 'flat'] as const) {
    const view = alignView(p, wordText, shows);
    if (view) return view;
  }
  return undefined;
}

function alignView(p: Paragraph, wordText: string, shows: 'current' | 'flat'): WordParagraphView | undefined {
  let searchText = '';
  const kinds: CellKind[] = [];
  const pos: number[] = [];
  const cell = (ch: string, kind: CellKind) => {
    searchText += ch;
    kinds.push(kind);
  };
  let j = 0;
  const marksBefore = (next: string | undefined) => {
    while (
      j < wordText.length &&
      wordOnly(wordText[j]) &&
      (next === undefined || !sameChar(next, wordText[j]))
    ) {
      // A field's code, where Word shows it, runs from its begin character to its separator; the
      // snapshot keeps only the result, so the whole code is one stop.
      if (wordText[j] === FIELD_BEGIN) {
        const separator = wordText.indexOf(FIELD_SEPARATOR, j);
        if (separator > j) j = separator;
      }
      cell(MARK, 'mark');
      j++;
    }
  };
  for (const r of p.runs) {
    const deleted = r.revision?.kind === 'del';
    if (r.footnote !== undefined) {
      // The reference is one character in Word's text (or none, where a host leaves it out).
      if (j < wordText.length && wordOnly(wordText[j]) && (!deleted || shows === 'flat')) j++;
      cell(MARK, 'mark');
      continue;
    }
    for (const ch of r.text) {
      if (deleted && shows === 'current') {
        cell(ch, 'del');
        continue;
      }
      marksBefore(ch);
      if (j >= wordText.length || !sameChar(ch, wordText[j])) return undefined;
      if (!deleted) pos.push(kinds.length);
      cell(ch, deleted ? 'del' : r.field !== undefined ? 'field' : 'text');
      j++;
    }
  }
  marksBefore(undefined);
  if (j < wordText.length) return undefined;
  return { wordText, shows, searchText, kinds, pos };
}

/** A way to find exact characters with `Range.search`: the k-th of `total` occurrences of `needle`. */
export interface Occurrence {
  readonly needle: string;
  readonly k: number;
  readonly total: number;
}

/** Characters of a paragraph to find: one search, or a head and a tail joined (`expandTo`). */
export type Find =
  | { readonly kind: 'one'; readonly at: Occurrence }
  | { readonly kind: 'span'; readonly head: Occurrence; readonly tail: Occurrence };

/** One Word operation in a paragraph (`at` is a `searchText` position, for ordering). */
export type WordOp = (
  | { readonly kind: 'replace'; readonly find: Find; readonly text: string; readonly at: number }
  | { readonly kind: 'after'; readonly find: Find; readonly text: string; readonly at: number }
  | { readonly kind: 'start' | 'end'; readonly text: string; readonly at: number }
) & {
  /**
   * Showing an edit made with tracking off (TextEdit.restore): the in-force text to bring back as a
   * tracked deletion where the op writes; the op's `text` is then the current text, which stays.
   */
  readonly restore?: string;
};

/**
 * Word's search takes at most 255 characters (learn.microsoft.com, "Error handling with the
 * application-specific JavaScript APIs": SearchStringInvalidOrTooLong, "The search string maximum is 255
 * characters"). Whether a `^` code counts as one character or two is not documented, so needles stay at
 * 120 characters, at most 240 once escaped; longer stretches are found by head and tail.
 */
const MAX_NEEDLE = 120;
const HEAD = 60;
/** How far back an insertion looks for a token to insert after. */
const MAX_TOKEN = 40;

/**
 * Escape text for Word's (non-wildcard) search: `^` introduces Word's special codes (`^^` caret, `^t`
 * tab, `^l` manual line break, `^~` non-breaking hyphen: learn.microsoft.com, "Use search options in
 * your Word add-in to find text"). A raw tab or U+000B in a needle finds nothing on the web (#2331,
 * #5403), so they are always sent as codes.
 */
export function searchString(needle: string): string {
  return needle
    .replace(/\^/g, '^^')
    .replace(/\t/g, '^t')
    .replace(/\n/g, '^l')
    .replaceAll(LINE_BREAK, '^l')
    .replaceAll('\u2011', '^~')
    .replaceAll(WORD_NB_HYPHEN, '^~');
}

/**
 * Which occurrence of `needle` starts at `start`, counted left to right without overlap. How Word's
 * search counts overlapping matches is not documented; apply compares Word's count with `total` and
 * refuses when they differ, so either way no wrong occurrence is written. `undefined` when none starts
 * at `start` (an earlier overlapping match hides it).
 */
export function occurrence(text: string, needle: string, start: number): Occurrence | undefined {
  let k = -1;
  let total = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
    if (i === start) k = total;
    total++;
  }
  return k < 0 ? undefined : { needle, k, total };
}

/** Whether every cell in [start, end) is text Amend may address. */
function addressable(view: WordParagraphView, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (view.kinds[i] !== 'text') return false;
  return end > start;
}

/**
 * How to find cells [start, end) of a paragraph: `undefined` when they hold a deletion or a mark (no
 * needle may cross one) or when Word's search cannot single them out.
 */
export function findRange(view: WordParagraphView, start: number, end: number): Find | undefined {
  if (!addressable(view, start, end)) return undefined;
  const text = view.searchText;
  if (end - start <= MAX_NEEDLE) {
    const at = occurrence(text, text.slice(start, end), start);
    return at && { kind: 'one', at };
  }
  const head = occurrence(text, text.slice(start, start + HEAD), start);
  const tail = occurrence(text, text.slice(end - HEAD, end), end - HEAD);
  return head && tail && { kind: 'span', head, tail };
}

/** Maximal stretches of consecutive cells holding current characters [from, to) of a paragraph. */
export function pieces(view: WordParagraphView, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (let c = from; c < to; c++) {
    const at = view.pos[c];
    const last = out[out.length - 1];
    if (last && last[1] === at) last[1] = at + 1;
    else out.push([at, at + 1]);
  }
  return out;
}

/**
 * Characters of an edit Word cannot single out: `reason` refuses the plan, `why` says it of this edit
 * alone (without its paragraph's number), for a caller that sets the edit aside and writes the others.
 */
export interface Unaddressable {
  readonly ok: false;
  readonly reason: string;
  readonly why: string;
}

/**
 * Turn a text edit into token-minimal Word operations: the removed characters are replaced where they
 * stand (in several pieces when someone's tracked deletion or a mark sits between them, the first piece
 * taking the new text, so no deletion is ever inside a replaced range), an insertion goes after the
 * token before it, or at the paragraph's start or end. Fails, naming the place, when Word cannot address
 * the exact characters (an {@link Unaddressable}: the edit alone is at fault, the plan's other edits may
 * still be written).
 */
export function planTextEdit(
  view: WordParagraphView,
  current: string,
  edit: TextEdit,
): Result<WordOp[]> | Unaddressable {
  const where = `paragraph ${edit.paragraph + 1}`;
  if (
    current.slice(edit.offset, edit.offset + edit.length) !== edit.expected ||
    edit.offset + edit.length > current.length
  )
    return fail(
      `The change in ${where} expects "${edit.expected}" where the paragraph has "${current.slice(edit.offset, edit.offset + edit.length)}".`,
    );
  const because = '(its characters repeat or run into a tracked change, footnote, comment or field)';
  const cannot = (what: string): Unaddressable => ({
    ok: false,
    reason: `Word cannot single out "${what}" in ${where} ${because}; make this change by hand. Nothing was changed.`,
    why: `Word cannot single out "${what}" ${because}`,
  });
  if (edit.restore !== undefined) return planRestore(view, current, edit, cannot);
  if (edit.length === 0) return planPoint(view, current, edit.offset, edit.text, cannot);
  const ops: WordOp[] = [];
  for (const [i, [start, end]] of pieces(view, edit.offset, edit.offset + edit.length).entries()) {
    // A long stretch is replaced in chunks each found by a needle of its own, never by a range joined
    // with expandTo: a joined range would also hold any mark Word leaves out of Paragraph.text (a comment
    // anchor on the web), and replacing it erases the mark (#2749); a needle across it finds nothing.
    const chunks = Math.ceil((end - start) / MAX_NEEDLE);
    const size = Math.ceil((end - start) / chunks);
    for (let from = start; from < end; from += size) {
      const to = Math.min(end, from + size);
      const find = findRange(view, from, to);
      if (!find) return cannot(view.searchText.slice(from, to));
      ops.push({ kind: 'replace', find, text: i === 0 && from === start ? edit.text : '', at: from });
    }
  }
  return ok(ops);
}

/**
 * An insertion at a point: at the paragraph's start or end, or after the token that ends there (the
 * run of like characters, blanks or not, Word can single out without crossing a stop).
 */
function planPoint(
  view: WordParagraphView,
  current: string,
  offset: number,
  text: string,
  cannot: (what: string) => Unaddressable,
  extra: { readonly restore?: string } = {},
): Result<WordOp[]> | Unaddressable {
  if (offset === 0) return ok([{ kind: 'start', text, at: 0, ...extra }]);
  if (offset === current.length) return ok([{ kind: 'end', text, at: view.searchText.length, ...extra }]);
  const end = view.pos[offset - 1] + 1;
  const space = /\s/.test(current[offset - 1]);
  let c = offset - 1;
  while (
    c > 0 &&
    offset - c < MAX_TOKEN &&
    view.pos[c - 1] === view.pos[c] - 1 &&
    /\s/.test(current[c - 1]) === space
  )
    c--;
  const find = findRange(view, view.pos[c], end);
  return find ? ok([{ kind: 'after', find, text, at: end, ...extra }]) : cannot(current.slice(c, offset));
}

/**
 * The op that shows an edit made with tracking off: at a point (the in-force text was removed), or over
 * the current characters as one stretch Word can single out (they were typed over the in-force text).
 * A paragraph typed with tracking off needs its paragraph mark recorded as inserted, which no Word API
 * does after the fact: refused.
 */
function planRestore(
  view: WordParagraphView,
  current: string,
  edit: TextEdit,
  cannot: (what: string) => Unaddressable,
): Result<WordOp[]> | Unaddressable {
  const restore = edit.restore!;
  if (edit.insertedMark)
    return fail(
      `Paragraph ${edit.paragraph + 1} was added with tracking off; Word's API cannot record a paragraph as inserted after the fact. Run \`amend fix --base\` on the file. Nothing was changed.`,
    );
  if (edit.length === 0) return planPoint(view, current, edit.offset, '', cannot, { restore });
  const stretches = pieces(view, edit.offset, edit.offset + edit.length);
  const [start, end] = stretches[0];
  const find = stretches.length === 1 && end - start <= MAX_NEEDLE ? findRange(view, start, end) : undefined;
  return find?.kind === 'one'
    ? ok([{ kind: 'replace', find, text: edit.text, at: start, restore }])
    : cannot(edit.expected);
}
