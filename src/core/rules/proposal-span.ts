import type { Proposal } from '../model';

/**
 * Small helpers shared by the proposal-level rules (proposal-marker, proposal-sequence, marker-content,
 * reasons, list-punctuation): how to name a proposal in a message and which paragraphs hold its text.
 */

/** How a message names a proposal: its identifier, else its number line, else where it starts. */
export function proposalName(p: Proposal): string {
  if (p.id) return `\`${p.id.text}\``;
  if (p.number) return `\`${shorten(p.number.text, 40)}\``;
  return `the proposal at paragraph ${p.start + 1}`;
}

/**
 * The paragraphs [from, to) of the resolution a proposal reproduces: from its number line up to its
 * reasons (or its end), so the proposal line and the reasons are not counted as amended text.
 */
export function resolutionRange(p: Proposal): readonly [number, number] {
  const from = p.number?.paragraph ?? (p.paragraph !== null ? p.paragraph + 1 : p.start);
  const to = p.reasons !== null && p.reasons.paragraph >= from ? p.reasons.paragraph : p.end;
  return [from, Math.max(from, to)];
}

/** A piece of text short enough for a message or an excerpt. */
export function shorten(text: string, max = 60): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/** Whitespace as Word texts have it: spaces, tabs, no-break and narrow no-break spaces. */
export const isBlank = (s: string): boolean => /^[\s\u00a0\u202f]*$/.test(s);
