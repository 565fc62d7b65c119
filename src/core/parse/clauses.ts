import { follows, labelValue, nextValue, labelToken, type LabelKind } from '../labels';
import type { ChangeState, Clause, ClauseKind } from '../model';

/** A label typed at the start of a paragraph's text. */
export interface TypedLabel {
  /** The label's letters or digits: `h`, `bbis`, `12`. */
  readonly token: string;
  /** `)` after letters, `)`/`.`/'' after numbers. */
  readonly close: string;
  /** Where the token starts in the text. */
  readonly offset: number;
  /** Where the clause's own text starts (after the label and its tab). */
  readonly textStart: number;
  readonly numeric: boolean;
  /** The label is followed by spaces rather than a tab. */
  readonly bySpace: boolean;
}

/** Latin letters, one Cyrillic letter (`а)`), one Arabic letter (`أ)`, `هـ)`), each with `bis`/`ter`. */
const LETTER_LABEL =
  /^[ \u00a0]*([a-z]{1,8}|[а-я](?:bis|ter|quater)?|[\u0621-\u064a]\u0640?(?:bis|ter|quater)?)\)(?:[\t \u00a0]+|$)/;
/** Numbers, and decimal paragraph numbers (`1.1`, `2.3.1`). */
const NUMBER_LABEL =
  /^[ \u00a0]*(\d{1,3}(?:\.\d{1,3}){0,3}(?:bis|ter|quater)?)([.)]?)(\t[\t \u00a0]*|[ \u00a0]+|$)/;

/** Read the label typed at the start of a text, or null. Letters must make a letter or roman label. */
export function readTypedLabel(text: string): TypedLabel | null {
  let m = LETTER_LABEL.exec(text);
  if (m) {
    const token = m[1];
    if (labelValue('letter', token) === null && labelValue('roman', token) === null) return null;
    const offset = m[0].indexOf(token);
    return {
      token,
      close: ')',
      offset,
      textStart: m[0].length,
      numeric: false,
      bySpace: !m[0].includes('\t'),
    };
  }
  m = NUMBER_LABEL.exec(text);
  if (m) {
    const token = m[1];
    if (labelValue('number', token) === null) return null;
    // A bare number at the end of the text is a number, not a label.
    if (m[3] === '' && m[2] === '') return null;
    return {
      token,
      close: m[2],
      offset: m[0].indexOf(token),
      textStart: m[0].length,
      numeric: true,
      bySpace: !m[3].includes('\t'),
    };
  }
  return null;
}

/** The token of an automatic label ("a)", "(iv)", "3.", "12") and whether it is numeric. */
export function readAutomaticLabel(label: string): { token: string; numeric: boolean } | null {
  const m = /^\(?([A-Za-z]{1,8}|[а-яА-Я]|[\u0621-\u064a]\u0640?|\d{1,3}(?:\.\d{1,3}){0,3})[.)]?$/.exec(
    label.trim(),
  );
  if (!m) return null;
  const token = m[1].toLowerCase();
  const numeric = /^\d/.test(token);
  if (numeric) return labelValue('number', token) ? { token, numeric } : null;
  return labelValue('letter', token) || labelValue('roman', token) ? { token, numeric } : null;
}

/** A clause while its section is being read. */
export interface ClauseDraft {
  label: string;
  originalLabel?: string;
  kind: ClauseKind;
  token: string;
  paragraph: number;
  text: string;
  labelOffset?: number;
  labelLength?: number;
  automatic: boolean;
  change: ChangeState;
  level?: number;
  /** The automatic list (numId) the clause is numbered by. */
  list?: string;
  /** The clause introduces sub-items (its text ends with a colon). */
  opensList: boolean;
  children: ClauseDraft[];
}

/** What the section reader knows about one paragraph that carries a label. */
export interface LabelledParagraph {
  readonly paragraph: number;
  readonly token: string;
  readonly numeric: boolean;
  readonly text: string;
  readonly labelOffset?: number;
  readonly automatic: boolean;
  readonly level?: number;
  /** The automatic list (numId): a list of its own at the same level is not the lettered list. */
  readonly list?: string;
  readonly change: ChangeState;
  /** Token in the original view when it differs ('' when the original had no label). */
  readonly originalToken?: string;
  readonly close: string;
}

/** Whether the text ends with a colon, blanks after it aside (trimEnd drops what \s matches, without a regex tried at every offset). */
function endsWithColon(text: string): boolean {
  const t = text.trimEnd();
  const last = t[t.length - 1];
  return last === ':' || last === '：';
}

/**
 * Reads one section's clauses in order, deciding for each ambiguous letter (`i`, `v`, `x`, `ii`) whether
 * it continues the letters or is a roman sub-item: `i)` after `h)` is a letter, `i)` after
 * `c) … namely:` opens sub-items, `v)` after `iv)` continues them. Automatic numbering levels settle
 * it when present. Deleted paragraphs are placed but do not move the context forward.
 */
export class SectionReader {
  readonly clauses: ClauseDraft[] = [];
  private lastTop: ClauseDraft | undefined;
  private lastChild: ClauseDraft | undefined;

  /** Whether the section holds a current-view clause yet. */
  get hasCurrentClause(): boolean {
    return this.clauses.some((c) => c.change !== 'deleted');
  }

  /** Whether all current clauses are unlabelled (a single item, possibly rewritten). */
  get onlyUnlabelled(): boolean {
    return this.clauses.every((c) => c.kind === 'none');
  }

  addUnlabelled(paragraph: number, text: string, change: ChangeState): void {
    const c: ClauseDraft = {
      label: '',
      kind: 'none',
      token: '',
      paragraph,
      text,
      automatic: false,
      change,
      opensList: endsWithColon(text),
      children: [],
    };
    this.clauses.push(c);
    if (change !== 'deleted') {
      this.lastTop = c;
      this.lastChild = undefined;
    }
  }

  add(p: LabelledParagraph): void {
    const { kind, child } = this.place(p);
    const token = p.token;
    const draft: ClauseDraft = {
      label: kind === 'number' ? token + p.close : `${token})`,
      kind,
      token,
      paragraph: p.paragraph,
      text: p.text,
      automatic: p.automatic,
      change: p.change,
      opensList: endsWithColon(p.text),
      children: [],
    };
    // Optional fields set in place, in a fixed order, rather than spread from temporary objects.
    if (p.level !== undefined) draft.level = p.level;
    if (p.list !== undefined) draft.list = p.list;
    if (p.labelOffset !== undefined) {
      draft.labelOffset = p.labelOffset;
      draft.labelLength = token.length;
    }
    if (p.originalToken !== undefined && p.originalToken !== token)
      draft.originalLabel =
        p.originalToken === '' ? '' : kind === 'number' ? p.originalToken + p.close : `${p.originalToken})`;
    if (child && this.lastTop) this.lastTop.children.push(draft);
    else this.clauses.push(draft);
    if (p.change === 'deleted') return;
    if (child) this.lastChild = draft;
    else {
      this.lastTop = draft;
      this.lastChild = undefined;
    }
  }

  private place(p: LabelledParagraph): { kind: LabelKind; child: boolean } {
    const top = this.lastTop;
    const dotted = p.numeric ? p.token.indexOf('.') : -1;
    if (dotted > 0) {
      // `1.1` under `1` is its paragraph; decimal numbers with no such parent form their own run.
      const child = top?.kind === 'number' && top.token === p.token.slice(0, dotted);
      return { kind: 'number', child };
    }
    if (p.numeric) {
      // Numbers are operative clauses; under an automatic deeper level they are sub-items.
      const child =
        top !== undefined && p.level !== undefined && top.level !== undefined && p.level > top.level;
      return { kind: 'number', child };
    }
    const letter = labelValue('letter', p.token);
    const roman = labelValue('roman', p.token);
    const topKind = top?.kind;
    // Letters and numbers take sub-items; a roman item or an unlabelled one does not.
    const parentable = top !== undefined && (topKind === 'letter' || topKind === 'number');
    // A roman item of an automatic list of its own (another numId at the same level) is a sub-item of
    // the lettered clause before it, and so are the items after it in that list.
    const last = this.lastChild;
    if (p.automatic && p.list !== undefined && top?.automatic && top.list !== p.list && parentable) {
      if (last?.automatic && last.list === p.list) return { kind: last.kind as LabelKind, child: true };
      if (roman !== null) return { kind: 'roman', child: true };
    }
    // Automatic numbering knows the nesting: a deeper level is a sub-item.
    if (p.automatic && p.level !== undefined && top?.automatic && top.level !== undefined && parentable) {
      if (p.level > top.level)
        return { kind: this.subKind(p.token, roman !== null, letter !== null), child: true };
      if (p.level === top.level && topKind !== 'number')
        return { kind: letter ? 'letter' : 'roman', child: false };
    }
    if (roman === null) return { kind: 'letter', child: parentable && topKind === 'number' };
    if (letter === null) {
      if (parentable) return { kind: 'roman', child: true };
      return { kind: 'roman', child: false };
    }
    // Both readings are possible.
    if (last && last.kind === 'roman') {
      const lastValue = labelValue('roman', last.token);
      if (lastValue && follows(lastValue, roman)) return { kind: 'roman', child: true };
    }
    if (last && last.kind === 'letter' && topKind === 'number') return { kind: 'letter', child: true };
    if (top && topKind === 'letter') {
      const topValue = labelValue('letter', top.token);
      if (
        topValue &&
        labelToken('letter', nextValue(topValue)) === p.token &&
        !(top.opensList && roman.index === 1 && !last)
      )
        return { kind: 'letter', child: false };
      if ((top.opensList && roman.index === 1) || last) return { kind: 'roman', child: true };
      return { kind: 'letter', child: false };
    }
    if (top && topKind === 'number') {
      if (top.opensList && roman.index === 1 && !last) return { kind: 'roman', child: true };
      return { kind: last?.kind === 'roman' ? 'roman' : 'letter', child: true };
    }
    if (topKind === 'roman') return { kind: 'roman', child: false };
    // First clause of the section: `i)` opens a roman list, anything else is a letter.
    return {
      kind: top === undefined && roman.index === 1 && p.token === 'i' ? 'roman' : 'letter',
      child: false,
    };
  }

  private subKind(token: string, isRoman: boolean, isLetter: boolean): LabelKind {
    if (!isLetter) return 'roman';
    if (!isRoman) return 'letter';
    const last = this.lastChild;
    if (last) return last.kind === 'roman' ? 'roman' : 'letter';
    return token === 'i' ? 'roman' : 'letter';
  }
}

/** Freeze a draft into the outline's clause: one object per clause, optional fields set in place. */
export function toClause(d: ClauseDraft): Clause {
  const clause: { -readonly [K in keyof Clause]: Clause[K] } = {
    label: d.label,
    kind: d.kind,
    paragraph: d.paragraph,
    text: d.text,
    automatic: d.automatic,
    change: d.change,
    children: d.children.length === 0 ? NO_CLAUSES : d.children.map(toClause),
  };
  if (d.originalLabel !== undefined) clause.originalLabel = d.originalLabel;
  if (d.labelOffset !== undefined) {
    clause.labelOffset = d.labelOffset;
    clause.labelLength = d.labelLength;
  }
  return clause;
}

/** The children of a clause without sub-items: shared, since the outline is read-only. */
const NO_CLAUSES: readonly Clause[] = Object.freeze([]);
