import type { ProposalId } from './model';

/**
 * Proposal identifiers `SUBMITTER/DOC[A<addendum>]/SEQ`: `APT/44A14/1`, `SEN/56/1`, `ACP/12/01`,
 * `EUR/XX/1` (document not yet numbered), joint submitters `B/CAN/CLM/USA/12/3`.
 */
const ID = /^([A-Z]{1,6}(?:\/[A-Z]{1,6})*)\/(\d{1,5}|XX)(?:A(\d{1,4}))?\/(\d{1,4})$/;

/** Read an identifier (surrounding spaces ignored), or null when the text is not one. */
export function parseProposalId(text: string): ProposalId | null {
  const t = text.trim();
  const m = ID.exec(t);
  if (!m) return null;
  const sequence = Number(m[4]);
  if (sequence === 0) return null;
  return {
    text: t,
    submitter: m[1],
    document: m[2],
    ...(m[3] !== undefined ? { addendum: m[3] } : {}),
    sequence,
    sequenceText: m[4],
  };
}

/** Write an identifier; the sequence is written as `sequenceText` when given (to keep zero-padding). */
export function formatProposalId(id: {
  readonly submitter: string;
  readonly document: string;
  readonly addendum?: string;
  readonly sequence: number;
  readonly sequenceText?: string;
}): string {
  const addendum = id.addendum !== undefined && id.addendum !== '' ? `A${id.addendum}` : '';
  return `${id.submitter}/${id.document}${addendum}/${id.sequenceText ?? String(id.sequence)}`;
}

/** Whether a text has the shape of an identifier even if malformed (`APT/44A14`, `APT/44/x`): slash-separated, no spaces. */
export const looksLikeProposalId = (text: string): boolean =>
  /^[A-Z]{1,6}(?:\/[A-Z0-9]+){1,6}$/.test(text.trim());
