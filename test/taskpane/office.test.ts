/** @jest-environment jsdom */
import { documentName, officeHinted, start, type StartEnvironment } from '../../src/taskpane/office';

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

/** office.js as far as start-up uses it: `onReady` resolving with a host, or never. */
const office = (host: string | null | 'never'): StartEnvironment['office'] => ({
  onReady: () =>
    (host === 'never'
      ? new Promise(() => undefined)
      : Promise.resolve({ host, platform: null })) as ReturnType<typeof Office.onReady>,
});

describe('start', () => {
  afterEach(() => jest.useRealTimers());

  test('Word ready: the pane runs on Word', async () => {
    await expect(start({ office: office('Word'), hinted: true })).resolves.toEqual({ kind: 'word' });
  });

  test('office.js loaded in a browser, Office says no host: the preview', async () => {
    await expect(start({ office: office(null), hinted: false })).resolves.toEqual({ kind: 'preview' });
  });

  test('office.js did not load (offline) in a page Office did not open: the preview', async () => {
    await expect(start({ office: undefined, hinted: false })).resolves.toEqual({ kind: 'preview' });
  });

  test('office.js did not load inside Office: an error, not the sample', async () => {
    await expect(start({ office: undefined, hinted: true })).resolves.toEqual({
      kind: 'failed',
      failure: { reason: 'no-office' },
    });
  });

  test('inside Office but Office names no host: an error, not the sample', async () => {
    await expect(start({ office: office(null), hinted: true })).resolves.toEqual({
      kind: 'failed',
      failure: { reason: 'no-host' },
    });
  });

  test('another Office application: an error naming it', async () => {
    await expect(start({ office: office('Excel'), hinted: true })).resolves.toEqual({
      kind: 'failed',
      failure: { reason: 'other-host', host: 'Excel' },
    });
  });

  test('onReady that never settles: an error after the time limit, in Office or not', async () => {
    jest.useFakeTimers();
    for (const hinted of [true, false]) {
      const started = start({ office: office('never'), hinted }, 15_000);
      await jest.advanceTimersByTimeAsync(15_000);
      await expect(started).resolves.toEqual({ kind: 'failed', failure: { reason: 'timeout', seconds: 15 } });
    }
  });

  test('Word ready after the time limit still starts the pane', async () => {
    jest.useFakeTimers();
    let ready: (info: unknown) => void = () => undefined;
    const late = jest.fn();
    const env: StartEnvironment = {
      office: {
        onReady: () =>
          new Promise((resolve) => {
            ready = resolve as (info: unknown) => void;
          }) as ReturnType<typeof Office.onReady>,
      },
      hinted: true,
    };
    const started = start(env, 1_000, late);
    await jest.advanceTimersByTimeAsync(1_000);
    expect((await started).kind).toBe('failed');
    expect(late).not.toHaveBeenCalled();
    ready({ host: 'Word', platform: 'PC' });
    await jest.advanceTimersByTimeAsync(0);
    expect(late).toHaveBeenCalledTimes(1);
  });

  test('?preview forces the preview even where Office would answer', async () => {
    await expect(start({ office: office('Word'), hinted: false, forcePreview: true })).resolves.toEqual({
      kind: 'preview',
    });
  });
});

describe('documentName', () => {
  test('the last part of the URL, decoded', () =>
    expect(documentName('https://x.sharepoint.com/Shared%20Documents/R%C3%A9s%2052.docx')).toBe(
      'Rés 52.docx',
    ));
  test('a Windows path', () =>
    expect(documentName('C:\\Users\\d\\Proposal 52.docx')).toBe('Proposal 52.docx'));
  test('a % that is not an escape is kept as written, not thrown on', () =>
    expect(documentName('C:\\Drafts\\Agreed 100% text.docx')).toBe('Agreed 100% text.docx'));
  test('a new document has no name', () => expect(documentName('')).toBeUndefined());
});
