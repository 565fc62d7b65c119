/**
 * How Word on the web, on Windows and on the Mac differ where the adapter can notice, each behaviour
 * from a documented source (an OfficeDev/office-js issue thread, or a learn.microsoft.com page). Where
 * no source says how a host behaves, the comment says "not documented", what the fake does instead, and
 * the tests run the adapter against the other plausible behaviour too where that is cheap.
 *
 * Shared by all three (so not a field here):
 * - `Range.search` runs over the text with tracked deletions in place: a needle that skips a deleted
 *   stretch finds nothing. Documented for the Mac only (#5874, revisions shown inline; #4170, a Mac
 *   screenshot with ignorePunct/ignoreSpace, closed for lack of feedback); modelled alike on the web and
 *   Windows.
 * - No search matches across a footnote or endnote reference (#4401: web, Windows and Mac). Across a
 *   comment anchor: not documented; modelled by analogy with #4401.
 * - A search string holds at most 255 characters (learn.microsoft.com, "Error handling with the
 *   application-specific JavaScript APIs": SearchStringInvalidOrTooLong, "The search string maximum is
 *   255 characters"); whether a `^` code counts as one character or two is not documented, so the fake
 *   counts the string as sent and the adapter keeps its needles far below the limit.
 * - `changeTrackingMode` is Off, TrackAll or TrackMineOnly and can be set from WordApi 1.4
 *   (learn.microsoft.com, Word.Document.changeTrackingMode).
 * - `Body.insertOoxml` under Track Changes is itself tracked (#329, #334, #559 "by design"); whether
 *   revision marks inside the inserted package stay revisions is not documented (the fake refuses such a
 *   package); a WOPI editor on the web refuses it with NotAllowed (#4640, an option of the fake).
 * - `Body.getReviewedText('Original' | 'Current')` (WordApi 1.4) gives each version's text whatever
 *   `Paragraph.text` shows.
 * - `insertText` returns the inserted range; 'Before'/'After' leave the range it was called on as it was
 *   (Word.Range.insertText; Word.InsertLocation), which showing an untracked change relies on.
 * - `Paragraph.style` takes the style's name in the user's language; `styleBuiltIn` (WordApi 1.3) a
 *   built-in style's locale-independent name (learn.microsoft.com, Word.Paragraph.style and
 *   styleBuiltIn). That built-in names are localized is said by the VBA object model (VBA,
 *   Style.NameLocal: "returns the name of a built-in style in the language of the user").
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
  /** `getOoxml` refuses a body holding a tracked deletion of text (#3898). */
  readonly ooxmlRefusesDeletions: boolean;
}

export const WEB: Personality = {
  name: 'web',
  platform: 'OfficeOnline',
  // #1267: "deleted redlined text is included" in paragraphs read through the API on Word on the web;
  // #5286: on the web (Simple Markup) deleted text is in body.text though not shown.
  textShowsDeletions: true,
  // Not documented for the web. The Windows threads first reported a footnote reference's own text as
  // U+FFFD (#5027, #6942, both PC desktop, about NoteItem.reference.text), later as U+0002 (#6942's
  // title; in #5027 Microsoft says reference.text returns "Word's internal reference marker (U+0002)").
  // U+FFFD here is an arbitrary alternate form, so the adapter meets a mark other than U+0002.
  footnoteMark: '\ufffd',
  // Not documented for the web (#2114 is Windows, #2258 the Mac): the fake shows no anchor.
  commentMark: '',
  // Not documented for the web: the fake gives the Unicode character the file's w:noBreakHyphen means.
  noBreakHyphen: '\u2011',
  // #3898: getOoxml() "on any range with a suggested deletion ... throws RichApi.Error: ooxmlIsMalformated
  // only in Word Online". The error's shape (#3898's code, or #240's GeneralException whose debugInfo
  // says ooxmlIsMalformated) and whether a deleted paragraph mark alone triggers it are options of the
  // fake (FakeWordOptions), since no thread settles them.
  ooxmlRefusesDeletions: true,
};

export const WINDOWS: Personality = {
  name: 'windows',
  platform: 'PC',
  // #2314 (Windows desktop): with "Show Revisions in Balloons" revisions are not reflected in body.text,
  // with "Show All Revisions Inline" they are. Which one is Word's default the thread does not say: the
  // fake's Windows user shows revisions in balloons (chosen, not documented), so Paragraph.text and
  // search disagree; the web and Mac personalities cover the inline case.
  textShowsDeletions: false,
  // #2749 (Windows desktop, Microsoft's investigation): Word inserts "the reference mark (\x2) into the
  // paragraph". #4997 (PC) tests `paragraph.text.startsWith("\x02")` on a paragraph inside the footnote
  // body, where the mark opens the note's own text.
  footnoteMark: '\u0002',
  // #2114 (Word 365 on Windows, "by design"): a comment appears in body.text as "\x05"; where it sits
  // (at the end of the commented range) is #2258's.
  commentMark: '\u0005',
  // Not documented for Office.js. The VBA WdFindMatch enum (deprecated; Find codes, not character codes)
  // has wdMatchNonbreakingHyphen = 30, which matches Word's own character for it; the fake uses
  // character 30 on the desktop and the adapter also accepts U+2011.
  noBreakHyphen: '\u001e',
  // #3898 does not reproduce on desktop; #6059's GeneralException on "specific documents" is a document's
  // property, set per test with `ooxmlFails`.
  ooxmlRefusesDeletions: false,
};

export const MAC: Personality = {
  name: 'mac',
  platform: 'Mac',
  // Not documented directly: #5286 says Windows and Mac return "the text visible in the document's
  // preview", and the fake's Mac user shows revisions inline (the setting of #5874), so Paragraph.text
  // includes the deletion.
  textShowsDeletions: true,
  // Not documented for the Mac: the fake borrows the desktop character of #2749.
  footnoteMark: '\u0002',
  // #2258 (Word for Mac 16.55): paragraph.text "contains \u0005 ... when the paragraph has a comment".
  commentMark: '\u0005',
  // Not documented for Office.js: as on Windows, character 30 (VBA WdFindMatch, see there).
  noBreakHyphen: '\u001e',
  // #3898: not on native Word applications.
  ooxmlRefusesDeletions: false,
};

export const PERSONALITIES: readonly Personality[] = [WEB, WINDOWS, MAC];

/**
 * Built-in style names as `Paragraph.style` wants them in an English and a French Word, keyed by
 * `Word.BuiltInStyleName`. The French names are what a French Word shows in its Styles gallery; only
 * the locale dependence itself is documented (VBA, Style.NameLocal), so tests use just these few.
 */
export const LOCAL_STYLE_NAMES: Readonly<Record<'en' | 'fr', Readonly<Record<string, string>>>> = {
  en: { Normal: 'Normal', Heading1: 'Heading 1', Heading2: 'Heading 2', Title: 'Title' },
  fr: { Normal: 'Normal', Heading1: 'Titre 1', Heading2: 'Titre 2', Title: 'Titre' },
};

/**
 * The file's w:name of a built-in style. ECMA-376 makes w:name the style's primary name; that Word
 * writes a built-in style's English name there whatever the language of its interface is Word's
 * practice (Word 2003 XML Reference, w:name: "Built-in style names are converted to a
 * language-independent form"), not a rule the standard states.
 */
export const FILE_STYLE_NAMES: Readonly<Record<string, string>> = {
  Normal: 'Normal',
  Heading1: 'heading 1',
  Heading2: 'heading 2',
  Title: 'Title',
};
