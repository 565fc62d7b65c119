import type { Language, Marker } from './lexicon';

/**
 * The outline: the labelled structure the parser builds from a snapshot.
 * contribution → proposals → number line, title, history line, preamble → sections → clauses → reasons.
 * All texts are in the current view (every tracked change accepted).
 */

export type ClauseKind = 'letter' | 'number' | 'roman' | 'none';

/** How a clause fared under tracked changes: a whole new paragraph, a deleted one, edited, or untouched. */
export type ChangeState = 'inserted' | 'deleted' | 'modified' | 'unchanged';

/** A paragraph of the outline that is not a clause: number line, title, history line, preamble, reasons. */
export interface Line {
  readonly paragraph: number;
  readonly text: string;
}

export interface Clause {
  /** The label in the current view: `a)`, `bbis)`, `1`, `iv)`; '' for a section's single unlabelled item. */
  readonly label: string;
  /** The label in the original view when it differs (a renumbered clause); absent otherwise. */
  readonly originalLabel?: string;
  readonly kind: ClauseKind;
  readonly paragraph: number;
  /** Current-view text after the label and its tab. */
  readonly text: string;
  /** Where the typed label's letters or digits sit in the paragraph's current text ('h' of 'h)'); absent for automatic labels. */
  readonly labelOffset?: number;
  readonly labelLength?: number;
  /** The label comes from Word's automatic numbering. */
  readonly automatic: boolean;
  readonly change: ChangeState;
  /** Sub-items (`i)`, `ii)` under a lettered clause). */
  readonly children: readonly Clause[];
}

export interface Section {
  /** The heading paragraph's full current text ("instructs the Director of …"). */
  readonly heading: string;
  /** The lexicon form the heading starts with, as written ("charge en outre"). */
  readonly name: string;
  /** The canonical English key ("further instructs"). */
  readonly key: string;
  readonly paragraph: number;
  readonly clauses: readonly Clause[];
}

export interface NumberLine extends Line {
  /** The resolution's number as written ("52", "ITU-R 38-4"). */
  readonly resolution: string;
}

/** A proposal identifier `SUBMITTER/DOC[A<addendum>]/SEQ`. */
export interface ProposalId {
  readonly text: string;
  readonly submitter: string;
  /** Document number, or "XX" before ITU assigns one. */
  readonly document: string;
  readonly addendum?: string;
  readonly sequence: number;
  /** The sequence as written (zero-padded "01" occurs). */
  readonly sequenceText: string;
}

export interface Proposal {
  /** The marker as written, or null when the resolution has no proposal line. */
  readonly marker: Marker | null;
  readonly id: ProposalId | null;
  /** The raw identifier text when present but malformed. */
  readonly idText?: string;
  /** Paragraph of the proposal line (or of the marker when marker and id sit on separate lines). */
  readonly paragraph: number | null;
  readonly number: NumberLine | null;
  readonly title: Line | null;
  readonly history: Line | null;
  readonly preamble: Line | null;
  readonly sections: readonly Section[];
  readonly reasons: Line | null;
  /** Paragraphs [start, end) that belong to this proposal, proposal line included. */
  readonly start: number;
  readonly end: number;
}

/** Something the parser saw but could not place. */
export interface Unplaced {
  readonly paragraph: number;
  readonly text: string;
  readonly reason: string;
}

export interface Outline {
  readonly language: Language;
  readonly proposals: readonly Proposal[];
  readonly unplaced: readonly Unplaced[];
  /** Paragraphs before this index are the cover page, summary and introduction: not resolution text. */
  readonly bodyStart: number;
}
