import type { Find, WordOp } from './locate';

/** `Document.changeTrackingMode` (learn.microsoft.com, Word.ChangeTrackingMode, WordApi 1.4). */
export type TrackingMode = 'Off' | 'TrackAll' | 'TrackMineOnly';

/** Queue one located text edit, with change tracking as the caller has set it (TrackAll for fixes). */
export function writeOp(op: WordOp, paragraph: Word.Paragraph, range: (find: Find) => Word.Range): void {
  switch (op.kind) {
    case 'replace':
      if (op.text === '') range(op.find).delete();
      else range(op.find).insertText(op.text, 'Replace');
      return;
    case 'after':
      range(op.find).insertText(op.text, 'After');
      return;
    case 'start':
      paragraph.insertText(op.text, 'Start');
      return;
    case 'end':
      paragraph.insertText(op.text, 'End');
      return;
  }
}

/**
 * Show an edit made with tracking off as tracked changes, from pieces Word documents:
 * - with `changeTrackingMode` Off a write is not tracked, with TrackAll it is (learn.microsoft.com,
 *   Word.ChangeTrackingMode), and the mode set between two writes of one batch applies to the writes
 *   after it, as every queued command runs in order at `sync` ("Application-specific API model");
 * - `insertText` returns the range of the text it inserted (learn.microsoft.com, Word.Range.insertText
 *   and Word.Paragraph.insertText), and with 'Before'/'After' leaves the range it was called on as it was
 *   (Word.InsertLocation: "the new content will be outside of the modified object");
 * - with tracking on, 'Replace' and `delete` record what they remove as a tracked deletion and what
 *   they insert as a tracked insertion (#559, "by design": replacing deletes some content and adds some).
 * So the in-force words are first written back untracked where the delegate's words are (or where the
 * in-force words were removed), then the delegate's words are written over them, or they are deleted,
 * with tracking on. The original view then reads the in-force words, the current view is unchanged, and
 * no one else's revision is inside the range (the locator never singles out characters that run into
 * one). Word's own revision marks inside inserted OOXML (another conceivable route) are not documented
 * to survive `insertOoxml`, so that route is not taken.
 */
export function writeRestore(
  op: WordOp,
  paragraph: Word.Paragraph,
  range: (find: Find) => Word.Range,
  track: (mode: TrackingMode) => void,
): void {
  const restore = op.restore!;
  if (op.kind === 'replace') {
    if (restore === '') {
      // Typed where the in-force text has nothing: the same characters again, tracked, and the untracked
      // ones removed untracked.
      track('TrackAll');
      range(op.find).insertText(op.text, 'Before');
      track('Off');
      range(op.find).delete();
      return;
    }
    track('Off');
    const back = range(op.find).insertText(restore, 'Replace');
    track('TrackAll');
    back.insertText(op.text, 'Replace');
    return;
  }
  track('Off');
  const back =
    op.kind === 'after'
      ? range(op.find).insertText(restore, 'After')
      : paragraph.insertText(restore, op.kind === 'start' ? 'Start' : 'End');
  track('TrackAll');
  back.delete();
}
