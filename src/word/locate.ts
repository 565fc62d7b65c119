import type { TextEdit } from '../core/plan';
import { fail, ok, type Result } from '../core/result';
import type { Paragraph } from '../core/snapshot';

/**
 * Where a snapshot paragraph's characters sit in the text Word reports for it.
 *
 * Word has no character-offset API, and `Paragraph.text` differs by host and markup view: Word on the
 * web and some desktop builds include tracked deletions in it, others do not; a footnote reference may
 * show as a control character. So at read time we align the snapshot's runs with Word's text once,
 * and later locate an edit's characters by the k-th occurrence of their exact text in Word's text.
 */
export interface WordParagraphView {
  /** The paragraph's text as Word reported it at read time. */
  readonly wordText: string;
  /** Whether Word's text holds tracked deletions (`flat`) or not (`current`). */
  readonly shows: 'current' | 'flat';
  /** Position in `wordText` of each current-view character (index = current-view offset). */
  readonly wordPos: readonly number[];
}

/** Word's manual line break in `Paragraph.text`. */
const LINE_BREAK = String.fromCharCode(11);

/** Line breaks are `\n` in snapshots and a vertical tab (or a carriage return) in Word's text. */
function sameChar(snap: string, word: string): boolean {
  return snap === word || (snap === '\n' && (word === LINE_BREAK || word === '\r'));
}

/** Characters Word's text may hold that have no counterpart in a snapshot (footnote marks, anchors). */
function wordOnly(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code < 0x20 && c !== '\t') || c === '\u200b' || c === '\ufeff';
}

/**
 * Align a snapshot paragraph with the text Word reports for it, trying the current view first (the two
 * agree when the paragraph has no tracked deletion). `undefined` when neither view matches.
 */
export function alignParagraph(p: Paragraph, wordText: string): WordParagraphView | undefined {
  for (const shows of ['current', 'flat'] as const) {
    const wordPos = alignView(p, wordText, shows);
    if (wordPos) return { wordText, shows, wordPos };
  }
  return undefined;
}

function alignView(p: Paragraph, wordText: string, shows: 'current' | 'flat'): number[] | undefined {
  const chars: { ch: string; current: boolean }[] = [];
  for (const r of p.runs) {
    const current = r.revision?.kind !== 'del';
    if (!current && shows === 'current') continue;
    for (const ch of r.text) chars.push({ ch, current });
  }
  const wordPos: number[] = [];
  let j = 0;
  for (const c of chars) {
    while (j < wordText.length && !sameChar(c.ch, wordText[j]) && wordOnly(wordText[j])) j++;
    if (j >= wordText.length || !sameChar(c.ch, wordText[j])) return undefined;
    if (c.current) wordPos.push(j);
    j++;
  }
  for (; j < wordText.length; j++) if (!wordOnly(wordText[j])) return undefined;
  return wordPos;
}

/** A way to find exact characters with `Range.search`: the k-th of `total` occurrences of `needle`. */
export interface Occurrence {
  readonly needle: string;
  readonly k: number;
  readonly total: number;
}

/** Characters of a paragraph to find: one search, or a head and a tail joined (`expandTo`) when too long to search. */
export type Find =
  | { readonly kind: 'one'; readonly at: Occurrence }
  | { readonly kind: 'span'; readonly head: Occurrence; readonly tail: Occurrence };

/** One Word operation in a paragraph (indexes are Word's text positions, for ordering). */
export type WordOp =
  | { readonly kind: 'replace'; readonly find: Find; readonly text: string; readonly at: number }
  | { readonly kind: 'after'; readonly find: Find; readonly text: string; readonly at: number }
  | { readonly kind: 'start' | 'end'; readonly text: string; readonly at: number };

/** Word's search takes at most 255 characters, `^` codes included; longer stretches are found by head and tail. */
const MAX_NEEDLE = 120;
const HEAD = 60;
/** How far back an insertion looks for a token to insert after. */
const MAX_TOKEN = 40;

/** Escape text for Word's (non-wildcard) search: `^` introduces special codes, tabs and line breaks have their own. */
export function searchString(needle: string): string {
  return needle.replace(/\^/g, '^^').replace(/\t/g, '^t').replace(/\n/g, '^l').replaceAll(LINE_BREAK, '^l');
}

/**
 * Which occurrence of `needle`, counted as Word's search counts them (left to right, not overlapping),
 * starts at `start`. `undefined` when none does (an earlier overlapping match hides it).
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

/** How to find Word's characters [start, end) of a paragraph's Word text. */
export function findRange(text: string, start: number, end: number): Find | undefined {
  if (end - start <= MAX_NEEDLE) {
    const at = occurrence(text, text.slice(start, end), start);
    return at && { kind: 'one', at };
  }
  const head = occurrence(text, text.slice(start, start + HEAD), start);
  const tail = occurrence(text, text.slice(end - HEAD, end), end - HEAD);
  return head && tail && { kind: 'span', head, tail };
}

/**
 * Turn a text edit into token-minimal Word operations, relative to Word's text: the removed characters
 * are replaced where they stand (in several pieces when tracked deletions sit between them, the first
 * piece taking the new text), an insertion goes after the token before it, or at the paragraph's start
 * or end. Fails when the edit does not match the paragraph or its characters cannot be found uniquely.
 */
export function planTextEdit(view: WordParagraphView, current: string, edit: TextEdit): Result<WordOp[]> {
  const where = `paragraph ${edit.paragraph + 1}`;
  if (
    current.slice(edit.offset, edit.offset + edit.length) !== edit.expected ||
    edit.offset + edit.length > current.length
  )
    return fail(
      `The change in ${where} expects "${edit.expected}" where the paragraph has "${current.slice(edit.offset, edit.offset + edit.length)}".`,
    );
  const text = view.wordText;
  const unique = `Amend cannot locate "${edit.expected || edit.text}" in ${where} exactly in Word; make this change by hand.`;
  if (edit.length === 0) {
    if (edit.offset === 0) return ok([{ kind: 'start', text: edit.text, at: 0 }]);
    if (edit.offset === current.length) return ok([{ kind: 'end', text: edit.text, at: text.length }]);
    const end = view.wordPos[edit.offset - 1] + 1;
    const space = /\s/.test(current[edit.offset - 1]);
    let c = edit.offset - 1;
    while (
      c > 0 &&
      edit.offset - c < MAX_TOKEN &&
      view.wordPos[c - 1] === view.wordPos[c] - 1 &&
      /\s/.test(current[c - 1]) === space
    )
      c--;
    const find = findRange(text, view.wordPos[c], end);
    return find ? ok([{ kind: 'after', find, text: edit.text, at: end }]) : fail(unique);
  }
  const pieces: [number, number][] = [];
  for (let c = edit.offset; c < edit.offset + edit.length; c++) {
    const pos = view.wordPos[c];
    const last = pieces[pieces.length - 1];
    if (last && last[1] === pos) last[1] = pos + 1;
    else pieces.push([pos, pos + 1]);
  }
  const ops: WordOp[] = [];
  for (const [i, [start, end]] of pieces.entries()) {
    const find = findRange(text, start, end);
    if (!find) return fail(unique);
    ops.push({ kind: 'replace', find, text: i === 0 ? edit.text : '', at: start });
  }
  return ok(ops);
}
