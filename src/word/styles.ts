/**
 * Styles by a name every Word understands. `Paragraph.style` takes the style's name in the user's
 * language ("Titre 1" in French Word); `Paragraph.styleBuiltIn` takes a locale-independent name for
 * built-in styles (learn.microsoft.com, Word.Paragraph: "Use this property for built-in styles that are
 * portable between locales"). Word writes a built-in style's English name in the file's w:name ("heading 1")
 * whatever the language of its interface (Word's practice: the Word 2003 XML Reference says "Built-in
 * style names are converted to a language-independent form"; ECMA-376 itself only makes w:name the
 * primary name), so that name tells which built-in style it is. A file that breaks the practice gets
 * its style set by name in a later step, whose failure keeps the edits (see word-host.ts).
 */

/** A `Word.BuiltInStyleName` value (WordApi 1.3). */
export type BuiltInStyle = string;

const FIXED: Readonly<Record<string, BuiltInStyle>> = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  caption: 'Caption',
  quote: 'Quote',
  'intense quote': 'IntenseQuote',
  'list paragraph': 'ListParagraph',
  'no spacing': 'NoSpacing',
  'footnote text': 'FootnoteText',
  'endnote text': 'EndnoteText',
  header: 'Header',
  footer: 'Footer',
  bibliography: 'Bibliography',
  'toc heading': 'TocHeading',
};

/** The built-in style a file's style name (w:name) stands for, or undefined for a custom style. */
export function builtInStyle(styleName: string): BuiltInStyle | undefined {
  const name = styleName.trim().toLowerCase().replace(/\s+/g, ' ');
  const numbered = /^(heading|toc) ([1-9])$/.exec(name);
  if (numbered) return `${numbered[1] === 'heading' ? 'Heading' : 'Toc'}${numbered[2]}`;
  return FIXED[name];
}
