import { parseProposalId } from '../identifier';
import type { Language, Marker } from '../lexicon';
import type { ChangeState, Line, NumberLine, Outline, Proposal, Section, Unplaced } from '../model';
import { existsIn, hasRevisions, paragraphText, type Paragraph, type Snapshot } from '../snapshot';
import {
  readAutomaticLabel,
  readTypedLabel,
  SectionReader,
  toClause,
  type LabelledParagraph,
} from './clauses';
import { looksLikeStyledHeading, matchHeading, matchHeadingForm } from './headings';
import { detectLanguage } from './language';
import {
  isHistoryLine,
  isPreamble,
  isReasons,
  matchNumberLine,
  matchProposalLine,
  type ProposalLineMatch,
} from './lines';

export { detectLanguage } from './language';
export { matchHeading } from './headings';
export { readTypedLabel } from './clauses';

/** Where the reader is inside a proposal. */
type Phase = 'head' | 'front' | 'body' | 'after';

interface SectionDraft {
  readonly heading: string;
  readonly name: string;
  readonly key: string;
  readonly paragraph: number;
  readonly reader: SectionReader;
}

interface ProposalDraft {
  marker: Marker | null;
  idText: string | null;
  paragraph: number | null;
  number: NumberLine | null;
  title: Line | null;
  history: Line | null;
  preamble: Line | null;
  sections: SectionDraft[];
  reasons: Line | null;
  start: number;
  end: number;
}

/** A paragraph's text in each view; check passes its caches, so rules reuse what the parser read. */
export interface ParseViews {
  text(paragraph: number): string;
  original(paragraph: number): string;
}

/**
 * Read a snapshot into its outline: proposals (proposal line, number line, title, history line,
 * preamble, sections of clauses, reasons), the paragraphs that could not be placed, and where the cover
 * ends. Pure and total: any snapshot gives an outline. Linear in the document: each paragraph's
 * current text is computed once, its original text only when a labelled clause carries revisions.
 */
export function parse(snapshot: Snapshot, views: ParseViews = uncachedViews(snapshot)): Outline {
  const paragraphs = snapshot.paragraphs;
  const n = paragraphs.length;
  const texts: string[] = new Array(n);
  const trimmed: string[] = new Array(n);
  const current: boolean[] = new Array(n);
  for (let i = 0; i < n; i++) {
    current[i] = existsIn(paragraphs[i], 'current');
    // A paragraph absent from the current view has no current text: its runs are deleted or empty.
    texts[i] = current[i] ? views.text(i) : '';
    trimmed[i] = texts[i].trim();
  }
  const original = views.original;
  const language = detectLanguage(trimmed);

  const proposalLines: (ProposalLineMatch | null)[] = trimmed.map((t) =>
    t === '' ? null : matchProposalLine(t),
  );
  const bodyStart = findBodyStart(trimmed, proposalLines, language);

  const proposals: ProposalDraft[] = [];
  const unplaced: Unplaced[] = [];
  // One mutable state object: the helpers below move it, and TypeScript would otherwise narrow stale copies.
  const st: { proposal: ProposalDraft | null; section: SectionDraft | null; phase: Phase } = {
    proposal: null,
    section: null,
    phase: 'after',
  };

  const place = (i: number, reason: string) => unplaced.push({ paragraph: i, text: trimmed[i], reason });
  const open = (start: number, marker: Marker | null, idText: string | null, paragraph: number | null) => {
    if (st.proposal && st.proposal.reasons === null) st.proposal.end = start;
    const proposal: ProposalDraft = {
      marker,
      idText,
      paragraph,
      number: null,
      title: null,
      history: null,
      preamble: null,
      sections: [],
      reasons: null,
      start,
      end: n,
    };
    proposals.push(proposal);
    st.proposal = proposal;
    st.section = null;
    st.phase = 'head';
    return proposal;
  };
  const nextNonEmpty = (i: number): number => {
    let j = i + 1;
    while (j < n && trimmed[j] === '') j++;
    return j;
  };
  const line = (i: number): Line => ({ paragraph: i, text: trimmed[i] });

  for (let i = bodyStart; i < n; i++) {
    const p = paragraphs[i];
    if (!current[i]) {
      // A deleted paragraph stays in its st.section as a deleted clause, read in the original view.
      if (st.phase === 'body' && st.section !== null) addDeleted(st.section, original(i), i);
      continue;
    }
    const t = trimmed[i];
    if (t === '') continue;

    const pl = proposalLines[i];
    if (pl !== null) {
      const j = nextNonEmpty(i);
      const next = j < n ? proposalLines[j] : null;
      if (pl.kind === 'full') open(i, pl.marker, pl.idText, i);
      else if (pl.kind === 'marker' && next?.kind === 'id') {
        open(i, pl.marker, next.idText, i);
        i = j;
      } else if (pl.kind === 'id' && next?.kind === 'marker') {
        open(i, next.marker, pl.idText, j);
        i = j;
      } else if (pl.kind === 'marker') open(i, pl.marker, null, i);
      else open(i, null, pl.idText, i);
      continue;
    }

    if (isReasons(t)) {
      if (st.proposal !== null && st.phase !== 'after') {
        const pr: ProposalDraft = st.proposal;
        pr.reasons = line(i);
        pr.end = i + 1;
        st.phase = 'after';
        st.section = null;
      } else place(i, 'reasons outside a proposal');
      continue;
    }

    const number = matchNumberLine(t);
    if (number !== null) {
      const pr: ProposalDraft =
        st.proposal !== null && st.phase === 'head' && st.proposal.number === null
          ? st.proposal
          : open(i, null, null, null);
      pr.number = { paragraph: i, text: t, resolution: number.resolution };
      st.phase = 'front';
      continue;
    }

    if (st.proposal !== null && st.phase === 'after') {
      place(i, 'after the reasons of a proposal');
      continue;
    }
    // Text with no proposal line or number line before it (a fragment starting at a heading).
    const pr: ProposalDraft = st.proposal ?? open(i, null, null, null);

    const label = readLabel(p, t, texts[i], st.section);
    const heading = label === null ? matchHeading(t, language) : null;
    const styled = label === null && looksLikeStyledHeading(t, p.italic === true, p.styleName);

    if (st.phase === 'head' || st.phase === 'front') {
      const startsSections =
        heading !== null &&
        (st.phase === 'head' ||
          pr.title !== null ||
          pr.preamble !== null ||
          styled ||
          matchHeadingForm(t, language)?.name.length === t.length);
      if (startsSections || (styled && (pr.preamble !== null || st.phase === 'head'))) {
        st.section = openSection(pr, i, t, heading);
        st.phase = 'body';
        continue;
      }
      if (st.phase === 'head') {
        place(
          i,
          label !== null
            ? 'clause before any section heading'
            : 'text between the proposal line and the number line',
        );
        continue;
      }
      if (label === null) {
        if (pr.history === null && pr.preamble === null && isHistoryLine(t)) {
          pr.history = line(i);
          continue;
        }
        if (pr.preamble === null && isPreamble(t)) {
          pr.preamble = line(i);
          continue;
        }
        if (pr.title === null && pr.history === null && pr.preamble === null) {
          pr.title = line(i);
          continue;
        }
      }
      place(
        i,
        label !== null ? 'clause before any section heading' : 'text between the title and the first section',
      );
      continue;
    }

    // st.phase === 'body'
    if (heading !== null || styled) {
      st.section = openSection(pr, i, t, heading);
      continue;
    }
    const s = st.section;
    if (s === null) {
      place(i, 'text outside any section');
      continue;
    }
    const change = changeOf(p, true);
    if (label !== null) {
      s.reader.add(withOriginal(label, change, original, i));
      continue;
    }
    if (!s.reader.hasCurrentClause) s.reader.addUnlabelled(i, t, change);
    else
      place(
        i,
        s.reader.onlyUnlabelled
          ? 'a second unlabelled item in a section'
          : 'unlabelled paragraph among labelled clauses',
      );
  }

  return {
    language,
    proposals: proposals.map(freeze),
    unplaced,
    bodyStart,
  };
}

/**
 * The cover ends at the first proposal line (or lone marker or identifier) or number line, whichever
 * comes first: a resolution reproduced before any proposal line is a proposal missing its line, not
 * cover text. Without either, it ends at the first section heading; a document with none is all cover.
 */
function findBodyStart(
  trimmed: readonly string[],
  lines: readonly (ProposalLineMatch | null)[],
  language: Language,
): number {
  const n = trimmed.length;
  for (let i = 0; i < n; i++)
    if (lines[i] !== null || (trimmed[i] !== '' && matchNumberLine(trimmed[i]) !== null)) return i;
  for (let i = 0; i < n; i++) if (trimmed[i] !== '' && matchHeading(trimmed[i], language) !== null) return i;
  return n;
}

function openSection(
  pr: ProposalDraft,
  i: number,
  t: string,
  heading: { key: string; name: string } | null,
): SectionDraft {
  const s: SectionDraft = {
    heading: t,
    name: heading?.name ?? t,
    key: heading?.key ?? '',
    paragraph: i,
    reader: new SectionReader(),
  };
  pr.sections.push(s);
  return s;
}

/** How a paragraph fared under tracked changes. */
function changeOf(p: Paragraph, inCurrent: boolean): ChangeState {
  if (!inCurrent) return 'deleted';
  if (!existsIn(p, 'original')) return 'inserted';
  return hasRevisions(p) ? 'modified' : 'unchanged';
}

type ReadLabel = Omit<LabelledParagraph, 'change' | 'originalToken'>;

/** The paragraph's label, typed or automatic. A number followed by a mere space only counts where numbers are expected. */
function readLabel(
  p: Paragraph,
  trimmed: string,
  text: string,
  section: SectionDraft | null,
): ReadLabel | null {
  if (p.numbering && p.numbering.label !== '') {
    const auto = readAutomaticLabel(p.numbering.label);
    if (auto !== null)
      return {
        paragraph: p.index,
        token: auto.token,
        numeric: auto.numeric,
        text: trimmed,
        automatic: true,
        level: p.numbering.level,
        list: p.numbering.numId,
        close: auto.numeric ? '' : ')',
      };
  }
  const typed = readTypedLabel(text);
  if (typed === null) return null;
  if (typed.numeric && typed.bySpace && typed.close === '') {
    const last = section?.reader.clauses.at(-1);
    if (typed.token !== '1' && last?.kind !== 'number') return null;
  }
  return {
    paragraph: p.index,
    token: typed.token,
    numeric: typed.numeric,
    text: text.slice(typed.textStart).trim(),
    labelOffset: typed.offset,
    automatic: false,
    close: typed.close,
  };
}

/** Attach the change state and, for an edited typed label, the label the original view shows. */
function withOriginal(
  label: ReadLabel,
  change: ChangeState,
  original: (paragraph: number) => string,
  i: number,
): LabelledParagraph {
  // readLabel made `label` for this paragraph alone: complete it rather than copy it (one per clause).
  const done = label as { -readonly [K in keyof LabelledParagraph]: LabelledParagraph[K] };
  done.change = change;
  if (change === 'modified' && !label.automatic)
    done.originalToken = readTypedLabel(original(i))?.token ?? '';
  return done;
}

function addDeleted(section: SectionDraft, text: string, i: number): void {
  const t = text.trim();
  if (t === '') return;
  const typed = readTypedLabel(text);
  if (typed === null) {
    section.reader.addUnlabelled(i, t, 'deleted');
    return;
  }
  section.reader.add({
    paragraph: i,
    token: typed.token,
    numeric: typed.numeric,
    text: text.slice(typed.textStart).trim(),
    automatic: false,
    change: 'deleted',
    close: typed.close,
  });
}

function freeze(d: ProposalDraft): Proposal {
  const id = d.idText === null ? null : parseProposalId(d.idText);
  const sections: Section[] = d.sections.map((s) => ({
    heading: s.heading,
    name: s.name,
    key: s.key,
    paragraph: s.paragraph,
    clauses: s.reader.clauses.map(toClause),
  }));
  return {
    marker: d.marker,
    id,
    ...(d.idText !== null && id === null ? { idText: d.idText } : {}),
    paragraph: d.paragraph,
    number: d.number,
    title: d.title,
    history: d.history,
    preamble: d.preamble,
    sections,
    reasons: d.reasons,
    start: d.start,
    end: d.end,
  };
}

/** Views computed on demand, for callers of parse that hold no cache. */
function uncachedViews(snapshot: Snapshot): ParseViews {
  return {
    text: (i) => paragraphText(snapshot.paragraphs[i], 'current'),
    original: (i) => paragraphText(snapshot.paragraphs[i], 'original'),
  };
}
