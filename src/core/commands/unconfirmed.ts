import { unverifiedNamesIn, type Language } from '../conferences';
import { LANGUAGE_NAMES } from '../lexicon';
import type { Edit } from '../plan';

/**
 * The city names these edits write, in the document's language, whose form no ITU text has yet been
 * seen to use (the record's `unverified`): retag and fix write them for want of a better one, so the
 * user is asked to check them rather than trust them.
 */
export function unconfirmedNames(
  edits: readonly Edit[],
  language: Language,
): readonly { readonly city: string; readonly name: string }[] {
  const written = edits.filter((e) => !(e.kind === 'paragraph' && e.deleted)).map((e) => e.text);
  return unverifiedNamesIn(written.join('\n'), language);
}

/** The same as lines for the user: the name to check, and why. */
export function unconfirmedNotes(edits: readonly Edit[], language: Language): string[] {
  return unconfirmedNames(edits, language).map(
    ({ city, name }) =>
      `check "${name}" (${city} in ${LANGUAGE_NAMES[language]}): no ITU text has yet been seen to confirm this spelling`,
  );
}
