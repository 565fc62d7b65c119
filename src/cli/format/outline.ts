import type { Clause, Outline, Proposal } from '../../core/model';

interface ClauseJson {
  label: string;
  paragraph: number;
  text: string;
  change: string;
  children: ClauseJson[];
}

/** The revision tag of a number line, without its parentheses: `Rev. Hammamet, 2016`. */
export function numberLineTag(text: string): string | null {
  const m = /\(([^()]*)\)\s*$/.exec(text);
  return m ? m[1].trim() : null;
}

const clauseJson = (c: Clause): ClauseJson => ({
  label: c.label,
  paragraph: c.paragraph + 1,
  text: c.text,
  change: c.change,
  children: c.children.map(clauseJson),
});

function proposalJson(p: Proposal) {
  return {
    marker: p.marker,
    id: p.id?.text ?? p.idText ?? null,
    paragraph: (p.paragraph ?? p.number?.paragraph ?? p.start) + 1,
    number: p.number?.resolution ?? null,
    tag: p.number ? numberLineTag(p.number.text) : null,
    title: p.title?.text ?? null,
    sections: p.sections.map((s) => ({
      heading: s.heading,
      paragraph: s.paragraph + 1,
      clauses: s.clauses.map(clauseJson),
    })),
    reasons: p.reasons ? { paragraph: p.reasons.paragraph + 1, text: p.reasons.text } : null,
  };
}

/** The JSON contract of `amend outline --format json`. */
export function outlineToJson(path: string, outline: Outline): string {
  return (
    JSON.stringify(
      { path, language: outline.language, proposals: outline.proposals.map(proposalJson) },
      null,
      2,
    ) + '\n'
  );
}

const CHANGE_MARK: Record<string, string> = {
  inserted: ' [inserted]',
  deleted: ' [deleted]',
  modified: '',
  unchanged: '',
};

function shorten(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/** The labelled structure as an indented tree, paragraph numbers on the left. */
export function outlineToText(path: string, outline: Outline): string {
  const lines: string[] = [`${path}  (${outline.language})`];
  const row = (paragraph: number, depth: number, text: string) =>
    lines.push(`${String(paragraph + 1).padStart(5)}  ${'  '.repeat(depth)}${text}`);
  const clause = (c: Clause, depth: number) => {
    row(
      c.paragraph,
      depth,
      `${c.label || '·'}${c.originalLabel ? ` [was ${c.originalLabel}]` : ''}  ${shorten(c.text)}${CHANGE_MARK[c.change]}`,
    );
    for (const k of c.children) clause(k, depth + 1);
  };
  if (outline.proposals.length === 0) lines.push('  no proposal found');
  for (const p of outline.proposals) {
    const head = p.marker
      ? `${p.marker} ${p.id?.text ?? p.idText ?? '(no identifier)'}`
      : '(no proposal line)';
    row(p.paragraph ?? p.start, 0, head);
    if (p.number) row(p.number.paragraph, 1, shorten(p.number.text));
    if (p.title) row(p.title.paragraph, 1, `title: ${shorten(p.title.text)}`);
    if (p.history) row(p.history.paragraph, 1, `history: ${shorten(p.history.text)}`);
    if (p.preamble) row(p.preamble.paragraph, 1, `preamble: ${shorten(p.preamble.text)}`);
    for (const s of p.sections) {
      row(s.paragraph, 1, shorten(s.heading));
      for (const c of s.clauses) clause(c, 2);
    }
    if (p.reasons) row(p.reasons.paragraph, 1, shorten(p.reasons.text));
  }
  for (const u of outline.unplaced) row(u.paragraph, 0, `? ${u.reason}: ${shorten(u.text, 50)}`);
  return lines.join('\n') + '\n';
}
