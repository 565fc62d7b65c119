import type { Diagnostic } from '../core/diagnostic';
import type { Outline, Proposal, Section } from '../core/model';

/** Where a paragraph sits in the outline. */
export interface Place {
  /** Index into outline.proposals, or -1 before the first proposal (cover page, introduction). */
  readonly proposal: number;
  /** Index into the proposal's sections, or -1 for its opening lines and reasons. */
  readonly section: number;
}

export function locate(outline: Outline, paragraph: number): Place {
  const proposal = outline.proposals.findIndex((p) => paragraph >= p.start && paragraph < p.end);
  if (proposal < 0) return { proposal: -1, section: -1 };
  const sections = outline.proposals[proposal].sections;
  let section = -1;
  for (let i = 0; i < sections.length; i++) if (sections[i].paragraph <= paragraph) section = i;
  const reasons = outline.proposals[proposal].reasons;
  if (reasons && paragraph >= reasons.paragraph) section = -1;
  return { proposal, section };
}

export interface SectionGroup {
  readonly section: Section | null;
  readonly findings: readonly Diagnostic[];
}

export interface ProposalGroup {
  /** null for findings before the first proposal. */
  readonly proposal: Proposal | null;
  readonly index: number;
  readonly sections: readonly SectionGroup[];
}

/** Findings grouped by proposal, then section, in document order. */
export function groupFindings(outline: Outline, diagnostics: readonly Diagnostic[]): ProposalGroup[] {
  const byProposal = new Map<number, Map<number, Diagnostic[]>>();
  for (const d of diagnostics) {
    const place = locate(outline, d.paragraph);
    const sections = byProposal.get(place.proposal) ?? new Map<number, Diagnostic[]>();
    byProposal.set(place.proposal, sections);
    sections.set(place.section, [...(sections.get(place.section) ?? []), d]);
  }
  return [...byProposal.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, sections]) => {
      const proposal = index < 0 ? null : outline.proposals[index];
      return {
        proposal,
        index,
        sections: [...sections.entries()]
          // The opening lines (-1) come first, except a proposal's reasons, which sort by paragraph anyway.
          .sort(([a, fa], [b, fb]) => fa[0].paragraph - fb[0].paragraph || a - b)
          .map(([s, findings]) => ({ section: proposal && s >= 0 ? proposal.sections[s] : null, findings })),
      };
    });
}

/** How a proposal is named in the pane: its line (`MOD APT/37A12/1`) or its resolution number. */
export function proposalName(p: Proposal, fallback: string): string {
  const line = [p.marker, p.id?.text ?? p.idText].filter(Boolean).join(' ');
  if (line) return p.number ? `${line} · ${p.number.text}` : line;
  return p.number?.text ?? fallback;
}
