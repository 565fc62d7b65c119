import type { Paragraph, Revision, Run, Snapshot } from './snapshot';

/**
 * A compact text form of a snapshot, for tests, fixtures, benchmarks and the built-in sample:
 * one paragraph per line, `{+inserted+}` and `[-deleted-]` runs, `[^1]` a footnote reference,
 * `\t` a tab (a literal tab works too). A line may open with:
 * - `+¶ ` — the paragraph mark is inserted (a whole new paragraph when all its text is inserted too);
 * - `-¶ ` — the paragraph mark is deleted;
 * - `<<StyleName>> ` — the paragraph's style (id is the name without spaces);
 * - `#n:ID:L ` — the paragraph has automatic numbering (numId ID, level L), label computed by the reader;
 *   in a markup snapshot the label is given after a second colon: `#n:1:0:a) `.
 * Lines starting with `//` are comments; `[^1]: text` defines footnote 1's text; an empty line is an
 * empty paragraph.
 */
export function fromMarkup(markup: string, author = 'Delegate', date = '2016-08-01T00:00:00Z'): Snapshot {
  const paragraphs: Paragraph[] = [];
  const footnotes: Record<string, string> = {};
  for (const raw of markup.replace(/\r\n?/g, '\n').split('\n')) {
    if (raw.startsWith('//')) continue;
    const note = /^\[\^([^\]]+)\]: (.*)$/.exec(raw);
    if (note) {
      footnotes[note[1]] = note[2];
      continue;
    }
    paragraphs.push(paragraphFromMarkup(raw, paragraphs.length, author, date));
  }
  while (paragraphs.length > 0 && paragraphs[paragraphs.length - 1].runs.length === 0) paragraphs.pop();
  return Object.keys(footnotes).length > 0 ? { paragraphs, footnotes } : { paragraphs };
}

const TOKEN = /\{\+([\s\S]*?)\+\}|\[-([\s\S]*?)-\]|\[\^([^\]]+)\]/g;

export function paragraphFromMarkup(
  line: string,
  index: number,
  author = 'Delegate',
  date?: string,
): Paragraph {
  let rest = line;
  let mark: Revision | undefined;
  let styleName: string | undefined;
  let numbering: Paragraph['numbering'];
  for (;;) {
    let m: RegExpExecArray | null;
    if (rest.startsWith('+¶ ') || rest.startsWith('-¶ ')) {
      mark = { kind: rest[0] === '+' ? 'ins' : 'del', author, date };
      rest = rest.slice(3);
    } else if ((m = /^<<([^>]+)>> /.exec(rest))) {
      styleName = m[1];
      rest = rest.slice(m[0].length);
    } else if ((m = /^#n:([^:]+):(\d)(?::([^ ]*))? /.exec(rest))) {
      numbering = { numId: m[1], level: Number(m[2]), label: m[3] ?? '' };
      rest = rest.slice(m[0].length);
    } else break;
  }
  rest = rest.replace(/\\t/g, '\t');
  const runs: Run[] = [];
  let last = 0;
  const push = (text: string, revision?: Revision, footnote?: string) => {
    if (text === '' && footnote === undefined) return;
    runs.push({ text, ...(revision ? { revision } : {}), ...(footnote !== undefined ? { footnote } : {}) });
  };
  for (const m of rest.matchAll(TOKEN)) {
    push(rest.slice(last, m.index));
    if (m[1] !== undefined) push(m[1], { kind: 'ins', author, date });
    else if (m[2] !== undefined) push(m[2], { kind: 'del', author, date });
    else push('', undefined, m[3]);
    last = m.index + m[0].length;
  }
  push(rest.slice(last));
  return {
    index,
    runs,
    ...(styleName ? { styleName, styleId: styleName.replace(/\s+/g, '') } : {}),
    ...(numbering ? { numbering } : {}),
    ...(mark ? { mark } : {}),
  };
}

/** The markup of a snapshot (inverse of fromMarkup, without authors and dates). */
export function toMarkup(snapshot: Snapshot): string {
  const notes = Object.entries(snapshot.footnotes ?? {}).map(([id, text]) => `\n[^${id}]: ${text}`);
  return snapshot.paragraphs
    .map((p) => {
      let s = '';
      if (p.mark) s += p.mark.kind === 'ins' ? '+¶ ' : '-¶ ';
      if (p.styleName) s += `<<${p.styleName}>> `;
      if (p.numbering) s += `#n:${p.numbering.numId}:${p.numbering.level}:${p.numbering.label} `;
      for (const r of p.runs) {
        if (r.footnote !== undefined) s += `[^${r.footnote}]`;
        else if (r.revision?.kind === 'ins') s += `{+${r.text}+}`;
        else if (r.revision?.kind === 'del') s += `[-${r.text}-]`;
        else s += r.text;
      }
      return s;
    })
    .join('\n')
    .concat(...notes);
}
