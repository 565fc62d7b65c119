import { HEADINGS, LANGUAGES, type Language } from '../lexicon';

/** A section heading recognised from the lexicon. */
export interface HeadingMatch {
  /** Canonical English key ("further instructs"). */
  readonly key: string;
  /** The lexicon form as written at the start of the text ("charge en outre"). */
  readonly name: string;
}

interface Form {
  readonly lower: string;
  readonly key: string;
}

/** Forms per language, longest first, so "reconnaissant en outre" wins over "reconnaissant". */
const FORMS: Record<Language, readonly Form[]> = Object.fromEntries(
  LANGUAGES.map((lang) => {
    const forms: Form[] = [];
    for (const [key, names] of Object.entries(HEADINGS[lang]))
      for (const n of names) forms.push({ lower: n.toLowerCase(), key });
    forms.sort((a, b) => b.lower.length - a.lower.length);
    return [lang, forms];
  }),
) as unknown as Record<Language, readonly Form[]>;

/** The first characters of each language's forms. */
const FIRST: Record<Language, ReadonlySet<string>> = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, new Set(FORMS[lang].map((f) => f.lower[0]))]),
) as unknown as Record<Language, ReadonlySet<string>>;

/** Chinese has no spaces between words: a heading form simply opens the paragraph. */
const LETTER = /[\p{L}\p{N}]/u;

/** Longer paragraphs are not headings, and looking at them costs time on large documents. */
export const MAX_HEADING_LENGTH = 250;

/**
 * The heading form a text starts with, as a prefix ending at a word boundary (longest form first), or
 * null. The caller decides whether the paragraph as a whole can be a heading.
 */
export function matchHeadingForm(text: string, language: Language): HeadingMatch | null {
  const t = text.trimStart();
  if (t.length === 0 || t.length > MAX_HEADING_LENGTH) return null;
  // Most paragraphs start with a letter no form starts with; those cost one lookup.
  if (!FIRST[language].has(t[0].toLowerCase()[0])) return null;
  const lower = t.toLowerCase();
  const forms = FORMS[language];
  // An index loop: this runs for most paragraphs, before the optimising compiler has seen it, and an
  // unoptimised for…of makes an iterator result per form.
  for (let k = 0; k < forms.length; k++) {
    const f = forms[k];
    if (!lower.startsWith(f.lower)) continue;
    const after = lower.charAt(f.lower.length);
    if (language !== 'zh' && after !== '' && LETTER.test(after)) continue;
    return { key: f.key, name: t.slice(0, f.lower.length) };
  }
  return null;
}

/** Closing punctuation: a paragraph ending with it is an item, not a heading. */
const CLOSING = ';.,:;。；，：';
/** Whether a trimmed text ends with closing punctuation (a pattern anchored at the end is tried at every offset). */
const closes = (t: string): boolean => t.length > 0 && CLOSING.includes(t[t.length - 1]);

/**
 * A heading paragraph: starts with a lexicon form and has no closing punctuation. A Chinese heading is
 * short, since `请` also opens ordinary sentences.
 */
export function matchHeading(text: string, language: Language): HeadingMatch | null {
  const t = text.trim();
  if (closes(t)) return null;
  if (language === 'zh' && t.length > 40) return null;
  return matchHeadingForm(t, language);
}

/**
 * Headings recognised by style alone (ITU templates put them in the italic "Call" style): a short
 * paragraph, italic or in that style, no closing punctuation.
 */
export function looksLikeStyledHeading(
  text: string,
  italic: boolean,
  styleName: string | undefined,
): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 120 || closes(t)) return false;
  return italic || (styleName !== undefined && /^call$/i.test(styleName.trim()));
}
