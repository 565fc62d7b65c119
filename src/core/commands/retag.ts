import { describeConference, type Conference, type Language } from '../conferences';
import { anchorsOf } from './anchors';
import type { Outline } from '../model';
import { textEdit, type EditPlan, type TextEdit } from '../plan';
import { fail, ok, type Result } from '../result';
import { paragraphText, type Snapshot } from '../snapshot';
import {
  findShortTags,
  findTags,
  formatHistoryEntry,
  HISTORY_SEPARATOR,
  mergeEdits,
  namesConference,
  paragraphEdit,
  parseHistory,
  retagEdit,
  retagShortEdit,
  shortRevisionEdit,
  revisionInsertion,
  type TagEdit,
  type TagMatch,
} from '../tags';

/**
 * The edits that make a tag name the target conference, keeping its case (the venue edit comes from
 * tags' `retagEdit`); on the number line a first adoption also gains the revision word
 * (`(Dubai, 2012)` → `(Rev. New Delhi, 2024)`), merged into the venue edit when they would touch.
 */
function tagEdits(
  paragraph: number,
  tag: TagMatch,
  conference: Conference,
  language: Language,
  revise: boolean,
): TextEdit[] {
  const venue = retagEdit(tag, conference, language);
  if (!venue) return [];
  const edits = revise && !tag.revised ? mergeEdits([venue, revisionInsertion(tag, language)]) : [venue];
  return edits.map((e) => paragraphEdit(paragraph, e));
}

/**
 * Prepare every resolution of the contribution for a target conference, consistently and in the
 * document's language: the number line's tag names the target (`(Rev. Dubai, 2012)` →
 * `(Rev. New Delhi, 2024)`, a first adoption gains `Rev.`, capitals kept), the history line gains
 * `; New Delhi, 2024`, the preamble's tag names it too. Token-minimal: only the city and year are
 * replaced (only the year when the city stays). Parts that already name the target are left alone, so retagging twice changes nothing.
 */
export function retagPlan(snapshot: Snapshot, outline: Outline, conference: Conference): Result<EditPlan> {
  const language = outline.language;
  const text = (i: number) => paragraphText(snapshot.paragraphs[i]);
  const edits: TextEdit[] = [];
  let tagged = 0;
  for (const p of outline.proposals) {
    if (p.number) {
      const tag = findTags(text(p.number.paragraph), language)[0];
      const short = tag ? undefined : findShortTags(text(p.number.paragraph), language)[0];
      if (tag) {
        tagged++;
        edits.push(...tagEdits(p.number.paragraph, tag, conference, language, true));
      } else if (short) {
        // A WRC or RA text keeps its short form (`(Rev.WRC-19)` → `(Rev.WRC-23)`).
        tagged++;
        const year = retagShortEdit(short, conference);
        const word = shortRevisionEdit(short, language, true);
        const both = mergeEdits([year, word].filter((e): e is TagEdit => e !== null));
        edits.push(...both.map((e) => paragraphEdit(p.number!.paragraph, e)));
      }
    }
    if (p.history) {
      const history = parseHistory(text(p.history.paragraph), language);
      const entries = history?.entries ?? [];
      // A text is only ever revised forward: an older conference would break the history.
      const newest = Math.max(...entries.map((e) => e.year));
      if (entries.length > 0 && newest > conference.year)
        return fail(
          `the history line already names ${newest}: ${describeConference(conference)} is older than the text's last revision`,
        );
      if (entries.length > 0 && !entries.some((e) => namesConference(e, conference))) {
        const last = entries[entries.length - 1];
        const entry = `${HISTORY_SEPARATOR[language]}${formatHistoryEntry(conference, language)}`;
        edits.push(textEdit(p.history.paragraph, last.offset + last.length, '', entry));
        tagged++;
      }
    }
    if (p.preamble) {
      const tag = findTags(text(p.preamble.paragraph), language)[0];
      if (tag) {
        tagged++;
        edits.push(...tagEdits(p.preamble.paragraph, tag, conference, language, false));
      }
    }
  }
  if (tagged === 0) return fail('no revision tag, history line or preamble to retag: is this a resolution?');
  return ok({
    title: `Retag for ${describeConference(conference)}`,
    edits,
    anchors: anchorsOf(snapshot, edits),
  });
}
