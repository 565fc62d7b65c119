/**
 * Comparison with the in-force text: which resolution of the bases a proposal amends, whether it
 * starts from the version in force, and every difference its original view shows from that text.
 */
export {
  COMPARED_MARKERS,
  findBase,
  prepareBase,
  proposalBodies,
  type BaseResolution,
  type ComparedParagraph,
  type ComparisonBase,
} from './base';
export {
  differences,
  inForceParagraphs,
  proposalParagraphs,
  reproducesWhole,
  versionMismatches,
  type Difference,
  type VersionMismatch,
} from './compare';
export { lcs } from './diff';
export { normalise, tokens, type Normalised } from './normalise';
export { revealEdits } from './reveal';
export { baseFor, missingBases } from './match';
export { draftSkeleton, type SkeletonLine, type SkeletonRole } from './skeleton';
