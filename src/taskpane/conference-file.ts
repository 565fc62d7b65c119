import {
  allConferences,
  extendConferences,
  readConferenceRecord,
  resetConferences,
} from '../core/conferences';
import { fail, ok, type Result } from '../core/result';

/** A record file the user added in the pane, and what it brought. */
export interface AddedRecord {
  readonly name: string;
  readonly conferences: number;
  readonly cities: number;
}

let added: AddedRecord | null = null;

/** The record file added in this pane, if any: it stays in use until removed or the pane is closed. */
export const addedRecord = (): AddedRecord | null => added;

/** How many conferences the record in use holds. */
export const recordSize = (): number => allConferences().length;

/**
 * Add a file of the shape `amend conferences --format json` writes (what `--conferences FILE` reads) to the
 * record in use. A second file replaces the first, as a second `--conferences` would not add to it; a file
 * that is not JSON or not that shape is one reason, and the record stays as it was.
 */
export function addRecordFile(bytes: Uint8Array, name: string): Result<AddedRecord> {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    return fail(`${name} is not a JSON file (${e instanceof Error ? e.message : String(e)})`);
  }
  // Checked before anything changes: a bad file leaves the record, and an earlier file, as they were.
  const record = readConferenceRecord(data);
  if (!record.ok) return fail(`${name}: ${record.reason}`);
  if (added) resetConferences();
  const extended = extendConferences(record.value);
  if (!extended.ok) return fail(`${name}: ${extended.reason}`);
  added = {
    name,
    conferences: extended.value.conferences?.length ?? 0,
    cities: Object.keys(extended.value.cities ?? {}).length,
  };
  return ok(added);
}

/** Back to the record Amend ships with. */
export function removeRecordFile(): void {
  resetConferences();
  added = null;
}
