import { allConferences, parseConference } from '../../src/core/conferences';
import { addedRecord, addRecordFile, removeRecordFile } from '../../src/taskpane/conference-file';

const bytes = (data: unknown) => new TextEncoder().encode(JSON.stringify(data));
const wtsa = (city: string, year: number) => ({
  cities: { [city]: { en: city } },
  conferences: [{ body: 'WTSA', city, year, short: [`WTSA-${String(year).slice(2)}`] }],
});

describe('a record file added in the pane', () => {
  afterEach(removeRecordFile);

  test('a second file replaces the first; a bad one leaves the one in use', () => {
    const shipped = allConferences().length;
    expect(addRecordFile(bytes(wtsa('Riyadh', 2028)), 'a.json')).toEqual({
      ok: true,
      value: { name: 'a.json', conferences: 1, cities: 1 },
    });
    expect(addRecordFile(bytes(wtsa('Nairobi', 2032)), 'b.json').ok).toBe(true);
    expect(parseConference('WTSA-28').ok).toBe(false);
    expect(parseConference('WTSA-32').ok).toBe(true);
    expect(allConferences().length).toBe(shipped + 1);

    const refused = addRecordFile(bytes({ conferences: 'none' }), 'c.json');
    expect(!refused.ok && refused.reason).toBe('c.json: "conferences" is a list');
    expect(addedRecord()?.name).toBe('b.json');
    expect(parseConference('WTSA-32').ok).toBe(true);

    removeRecordFile();
    expect(addedRecord()).toBeNull();
    expect(parseConference('WTSA-32').ok).toBe(false);
    expect(allConferences().length).toBe(shipped);
  });

  test('a file that is not UTF-8 JSON is refused by name', () => {
    const r = addRecordFile(new Uint8Array([0xff, 0xfe, 0x00]), 'record.json');
    expect(!r.ok && r.reason).toMatch(/^record\.json is not a JSON file/);
    expect(addedRecord()).toBeNull();
  });

  test('a file that moves a conference to another city replaces it, and removing it puts it back', () => {
    expect(addRecordFile(bytes(wtsa('Riyadh', 2024)), 'moved.json').ok).toBe(true);
    expect(parseConference('WTSA-24')).toEqual({
      ok: true,
      value: expect.objectContaining({ city: 'Riyadh' }),
    });
    removeRecordFile();
    expect(parseConference('WTSA-24')).toEqual({
      ok: true,
      value: expect.objectContaining({ city: 'New Delhi' }),
    });
  });
});
