/**
 * Revision ids for what the writer adds. Word reads `w:id` of tracked changes and formatting changes
 * as one id space over the whole package (document, headers, footers, footnotes, endnotes, comments),
 * and rejects or silently merges revisions that share one; so a new id is above every numeric id of
 * any part, and a copied element (a split run's properties, a reopened insertion) gets a new one.
 */

/** The largest id Word accepts (ST_DecimalNumber as Word reads it: a signed 32-bit integer). */
const MAX_ID = 0x7fffffff;

/** Any numeric `id` attribute: an over-approximation of revision ids, which costs nothing but larger numbers. */
const ID_ATTR = /\s(?:[\w.-]+:)?id\s*=\s*["'](\d{1,15})["']/g;

/** Revision elements that can sit in what the writer copies (run and paragraph properties, wrappers). */
const COPIED_REVISION =
  /<((?:[\w.-]+:)?(?:ins|del|moveFrom|moveTo|rPrChange|pPrChange|sectPrChange|numberingChange))(\s[^>]*)?>/g;
const ITS_ID = /(\s(?:[\w.-]+:)?id\s*=\s*)(["'])[^"']*\2/;

export class RevisionIds {
  private last: number;
  /** Every id in use, when the numbers run out at the top and free ones below must be found. */
  private used: Set<number> | undefined;

  /**
   * `documentXml` and `documentMax`: the document part and the largest id its reader saw; `others`:
   * the text of every other XML part of the package.
   */
  constructor(
    private readonly documentXml: string,
    documentMax: number,
    private readonly others: Iterable<string>,
  ) {
    let max = documentMax;
    const texts: string[] = [];
    for (const text of others) {
      texts.push(text);
      for (const m of text.matchAll(ID_ATTR)) max = Math.max(max, Number(m[1]));
    }
    this.others = texts;
    this.last = Number.isSafeInteger(max) && max >= 0 ? max : MAX_ID;
  }

  /** A revision id no part of the package uses, nor any id given before. */
  next(): number {
    if (this.last < MAX_ID) return ++this.last;
    // Someone used the top of the range: take the free ids from the bottom.
    const used = (this.used ??= this.collect());
    let id = 1;
    while (used.has(id)) id++;
    used.add(id);
    return id;
  }

  /** `xml` (copied markup) with a new id on each revision element it holds. */
  renew(xml: string): string {
    if (!xml.includes('id')) return xml;
    return xml.replace(COPIED_REVISION, (tag: string, _name: string, attrs: string | undefined) =>
      attrs && ITS_ID.test(attrs)
        ? tag.replace(ITS_ID, (_m, before: string, q: string) => `${before}${q}${this.next()}${q}`)
        : tag,
    );
  }

  private collect(): Set<number> {
    const used = new Set<number>();
    for (const text of [this.documentXml, ...this.others])
      for (const m of text.matchAll(ID_ATTR)) used.add(Number(m[1]));
    return used;
  }
}
