/**
 * Revision tags: finding and judging them in text (`(Rev. Hammamet, 2016)` and its malformed
 * cousins), reading history lines, inferring the target conference, and writing tags.
 */
export {
  findTags,
  fixedText,
  isUpper,
  mayHoldTag,
  mergeEdits,
  namesConference,
  paragraphEdit,
  revisionWord,
  tagIsUpper,
} from './match';
export type { Span, TagEdit, TagMatch, TagParts, TagProblem, TagProblemKind } from './match';
export { HISTORY_SEPARATOR, parseHistory } from './history';
export type { HistoryLine } from './history';
export { inferConference } from './infer';
export { findShortTags, formatShortTag, retagShortEdit, shortRevisionEdit } from './short';
export type { ShortTag } from './short';
export {
  formatHistoryEntry,
  formatPreambleTag,
  formatTag,
  formatVenue,
  retagEdit,
  revisionInsertion,
} from './format';
export type { TagStyle } from './format';
