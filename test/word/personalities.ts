/**
 * How Word on the web, on Windows and on the Mac differ where the adapter can notice, each behaviour
 * from a documented source (an OfficeDev/office-js issue thread, or a learn.microsoft.com reference
 * page). Where no source says how one host behaves, the comment says so and which documented behaviour
 * the fake borrows; the adapter must cope with either.
 *
 * Shared by all three (so not a field here):
 * - `Range.search` runs over the text with tracked deletions in place: a needle that skips a deleted
 *   stretch finds nothing (#5874 on the Mac with revisions inline, #4170 on the Mac; not documented for
 *   the web or Windows, modelled alike).
 * - No search matches across a footnote or endnote reference (#4401: web, Windows and Mac).
 * - A search string holds at most 255 characters (learn.microsoft.com, Word.Range.search).
 * - `changeTrackingMode` is Off, TrackAll or TrackMineOnly and can be set from WordApi 1.4
 *   (learn.microsoft.com, Word.Document.changeTrackingMode).
 * - `Paragraph.style` takes the style's name in the user's language; `styleBuiltIn` a built-in style's
 *   locale-independent name (learn.microsoft.com, Word.Paragraph.style and styleBuiltIn; Style.NameLocal
 *   "returns the name of a built-in style in the language of the user").
 */
export interface Personality {
  readonly name: 'web' | 'windows' | 'mac';
  /** `Office.context.diagnostics.platform`. */
  readonly platform: 'OfficeOnline' | 'PC' | 'Mac';
  /** `Paragraph.text` includes tracked deletions. */
  readonly textShowsDeletions: boolean;
  /** What `Paragraph.text` holds for a footnote reference. */
  readonly footnoteMark: string;
  /** What `Paragraph.text` holds where a comment's range ends ('' for nothing). */
  readonly commentMark: string;
  /** What `Paragraph.text` holds for a non-breaking hyphen (w:noBreakHyphen). */
  readonly noBreakHyphen: string;
  /** `getOoxml` throws `ooxmlIsMalformated` when the body holds a tracked deletion. */
  readonly ooxmlRefusesDeletions: boolean;
}

export const WEB: Personality = {
  name: 'web',
  platform: 'OfficeOnline',
  // #1267: "deleted redlined text is included" in paragraphs read through the API on Word on the web;
  // #5286: on the web (Simple Markup) deleted text is in body.text though not shown.
  textShowsDeletions: true,
  // No thread documents Paragraph.text on the web; #5027 and #6942 document the reference range's own
  // text as U+FFFD, which the fake borrows here so the adapter meets both forms of the mark.
  footnoteMark: '\ufffd',
  // Not documented for the web (#2114 and #2258 are Windows and Mac): the fake shows no anchor.
  commentMark: '',
  // Not documented for the web: the fake gives the Unicode character the file's w:noBreakHyphen means.
  noBreakHyphen: '\u2011',
  // #3898: getOoxml() "on any range with a suggested deletion ... throws RichApi.Error: ooxmlIsMalformated
  // only in Word Online".
  ooxmlRefusesDeletions: true,
};

export const WINDOWS: Personality = {
  name: 'windows',
  platform: 'PC',
  // #2314 (Windows desktop): with "Show Revisions in Balloons" revisions are not reflected in body.text,
  // with "Show All Revisions Inline" they are. The fake's Windows user shows revisions in balloons, so
  // Paragraph.text and search disagree (the web personality covers the inline case).
  textShowsDeletions: false,
  // #4997 (PC): the workaround tests `paragraph.text.startsWith("\x02")` for a footnote at the start;
  // #2749: Word inserts "the reference mark (\x2) into the paragraph".
  footnoteMark: '\u0002',
  // #2114 (Word 365 on Windows, "by design"): a comment appears in body.text as "\x05".
  commentMark: '\u0005',
  // learn.microsoft.com, WdFindMatch: wdMatchNonbreakingHyphen = 30, Word's own character for it.
  noBreakHyphen: '\u001e',
  // #3898 does not reproduce on desktop; #6059's GeneralException on "specific documents" is a document's
  // property, set per test with `ooxmlFails`.
  ooxmlRefusesDeletions: false,
};

export const MAC: Personality = {
  name: 'mac',
  platform: 'Mac',
  // #5874 (Word for Mac, revisions inline): text with a deleted revision is not the Final text
  // (getReviewedText('Current') is needed for that), so Paragraph.text includes the deletion.
  textShowsDeletions: true,
  // Not documented for the Mac: the fake borrows the desktop character of #4997 and #2749.
  footnoteMark: '\u0002',
  // #2258 (Word for Mac 16.55): paragraph.text "contains \u0005 ... when the paragraph has a comment".
  commentMark: '\u0005',
  // learn.microsoft.com, WdFindMatch (the desktop object model): character 30.
  noBreakHyphen: '\u001e',
  // #3898: not on native Word applications.
  ooxmlRefusesDeletions: false,
};

export const PERSONALITIES: readonly Personality[] = [WEB, WINDOWS, MAC];

/**
 * Built-in style names as `Paragraph.style` wants them in an English and a French Word, keyed by
 * `Word.BuiltInStyleName`. The French names are what a French Word shows in its Styles gallery; only
 * the locale dependence itself is documented (Style.NameLocal), so tests use just these few.
 */
export const LOCAL_STYLE_NAMES: Readonly<Record<'en' | 'fr', Readonly<Record<string, string>>>> = {
  en: { Normal: 'Normal', Heading1: 'Heading 1', Heading2: 'Heading 2', Title: 'Title' },
  fr: { Normal: 'Normal', Heading1: 'Titre 1', Heading2: 'Titre 2', Title: 'Titre' },
};

/** The file's w:name of a built-in style (always English in a .docx). */
export const FILE_STYLE_NAMES: Readonly<Record<string, string>> = {
  Normal: 'Normal',
  Heading1: 'heading 1',
  Heading2: 'heading 2',
  Title: 'Title',
};
