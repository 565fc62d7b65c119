import type { Marker } from '../lexicon';
import type { Proposal } from '../model';
import { hasRevisions, paragraphText, type Snapshot } from '../snapshot';

/** A number line of a draft new text: `DRAFT NEW RESOLUTION [APT-1]`, `PROJET DE NOUVELLE RÉSOLUTION`, or a bracketed placeholder. */
const DRAFT_NEW = /\b(?:new|nouvelle|nouveau|nueva|nuevo)\b|новая|новой|جديد|新|\[[A-Z/]+-?\d*\]/i;

/**
 * The marker a resolution's content calls for: tracked changes that keep some original text → MOD;
 * text that is all new (every paragraph inserted, or a clean draft new resolution) → ADD;
 * nothing changed → NOC.
 */
export function suggestMarker(snapshot: Snapshot, proposal: Proposal): Marker {
  const first = proposal.paragraph !== null ? proposal.paragraph + 1 : proposal.start;
  const last = proposal.reasons ? proposal.reasons.paragraph : proposal.end;
  const body = snapshot.paragraphs.slice(first, last);
  const revised = body.some(hasRevisions);
  const original = body
    .map((p) => paragraphText(p, 'original'))
    .join('')
    .trim();
  if (revised) return original === '' ? 'ADD' : 'MOD';
  return proposal.number && DRAFT_NEW.test(proposal.number.text) ? 'ADD' : 'NOC';
}
