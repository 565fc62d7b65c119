import { unverifiedNamesIn, type Language, type UnconfirmedName } from '../conferences';
import { LANGUAGE_NAMES } from '../lexicon';
import type { Edit } from '../plan';

/**
 * The city names these edits write, in the document's language, whose form no ITU text has yet been
 * seen to use (the record's `unverified`): retag and fix write them for want of a better one, so the
 * user is asked to check them rather than trust them.
 */
export function unconfirmedNames(edits: readonly Edit[], language: Language): readonly UnconfirmedName[] {
  const written = edits.filter((e) => !(e.kind === 'paragraph' && e.deleted)).map((e) => e.text);
  return unverifiedNamesIn(written.join('\n'), language);
}

/** The same as lines for the user: the name to check, and why. */
export function unconfirmedNotes(edits: readonly Edit[], language: Language): string[] {
  return notesOf(unconfirmedNames(edits, language), language);
}

/** Lines for the user about the unconfirmed names in a text Amend wrote whole (a new resolution's skeleton). */
export function unconfirmedNotesIn(text: string, language: Language): string[] {
  return notesOf(unverifiedNamesIn(text, language), language);
}

function notesOf(names: readonly UnconfirmedName[], language: Language): string[] {
  return names.map(({ city, name, missing }) =>
    missing
      ? `check "${name}": the conference record has no ${LANGUAGE_NAMES[language]} name for ${city}, so the English one was written`
      : `check "${name}" (${city} in ${LANGUAGE_NAMES[language]}): no ITU text has yet been seen to confirm this spelling`,
  );
}
