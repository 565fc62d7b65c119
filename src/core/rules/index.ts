import type { Rule } from '../rule';
import clauseSequence from './clause-sequence';
import conferenceConsistency from './conference-consistency';
import crossReference from './cross-reference';
import historyLine from './history-line';
import listPunctuation from './list-punctuation';
import markerContent from './marker-content';
import proposalMarker from './proposal-marker';
import proposalPresent from './proposal-present';
import proposalSequence from './proposal-sequence';
import reasons from './reasons';
import revisionTag from './revision-tag';
import baseVersion from './base-version';
import untrackedChange from './untracked-change';

/** Every rule, in the order it runs. The ids are the contract with users and CI pipelines. */
export const RULES: readonly Rule[] = [
  proposalPresent,
  proposalMarker,
  proposalSequence,
  markerContent,
  revisionTag,
  historyLine,
  conferenceConsistency,
  clauseSequence,
  crossReference,
  listPunctuation,
  reasons,
  baseVersion,
  untrackedChange,
];
