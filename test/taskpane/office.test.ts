/** @jest-environment jsdom */
import { connectToWord, officeHinted } from '../../src/taskpane/office';

const fakeWindow = (search: string, name = '', extra: object = {}) =>
  ({
    location: { search, hash: '' },
    name,
    sessionStorage: { getItem: () => null },
    ...extra,
  }) as unknown as Window;

describe('officeHinted', () => {
  test('a plain browser page is not Office', () => expect(officeHinted(fakeWindow(''))).toBe(false));
  test('Office passes _host_Info in the URL', () =>
    expect(officeHinted(fakeWindow('?_host_Info=Word$Win32$16.01$en-US$$$$0'))).toBe(true));
  test('Word on the web passes it in the window name', () =>
    expect(officeHinted(fakeWindow('', '{"hostInfo":"Word|Web"}'))).toBe(true));
  test('older Mac hosts expose the Agave message handler', () =>
    expect(officeHinted(fakeWindow('', '', { webkit: { messageHandlers: { Agave: {} } } }))).toBe(true));
  test('?preview forces the preview', () =>
    expect(officeHinted(fakeWindow('?preview&_host_Info=Word'))).toBe(false));
});

test('outside Office the pane starts the preview at once, without fetching office.js', async () => {
  const started = Date.now();
  expect(await connectToWord(5_000)).toBe(false);
  expect(Date.now() - started).toBeLessThan(1_000);
  expect(document.querySelector('script[src*="office.js"]')).toBeNull();
});
