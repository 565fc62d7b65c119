/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';
import './ui-helpers';

// jsdom has no TextEncoder; the preview's .docx builder needs one, as every browser has.
Object.assign(globalThis, { TextEncoder, TextDecoder });

/**
 * The pane's entry point inside Office, with office.js stood in for: every start-up failure ends on a
 * message with Reload, never the sample and never a spinner that does not stop.
 */
jest.setTimeout(30_000);

type Globals = { Office?: unknown; Word?: unknown };

function office(host: string | null, url = 'https://contoso.sharepoint.com/Drafts/R52.docx') {
  return {
    onReady: () => Promise.resolve({ host, platform: 'PC' }),
    context: {
      displayLanguage: 'en-US',
      requirements: { isSetSupported: () => true },
      document: { url },
      officeTheme: undefined,
    },
    HostType: { Word: 'Word' },
  };
}

function startPane(globals: Globals, windowName = '') {
  document.body.innerHTML = '<div id="root"></div>';
  window.name = windowName;
  Object.assign(globalThis, globals);
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the entry point per test
    require('../../src/taskpane/index');
  });
}

// The entry point renders on its own schedule, as in a browser, not inside a test's act().
beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

afterEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  delete (globalThis as Globals).Office;
  delete (globalThis as Globals).Word;
  window.name = '';
  jest.dontMock('../../src/word/word-host');
});

test('the Word adapter fails to load (a chunk error): a message with Reload', async () => {
  jest.doMock('../../src/word/word-host', () => {
    throw new Error('Loading chunk 179 failed. (error: https://localhost:3000/word.e900ac7b.js)');
  });
  startPane({ Office: office('Word'), Word: { run: jest.fn() } });
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('Amend could not start');
  expect(alert.textContent).toContain('Part of the add-in could not be loaded: Loading chunk 179 failed.');
  expect(within(alert).getByRole('button', { name: 'Reload' })).toBeTruthy();
  expect(screen.queryByText('Starting…')).toBeNull();
});

test('office.js missing in a page Office opened: a message with Reload, not the sample', async () => {
  startPane({}, '{"hostInfo":"Word|Web|16.00|en-US"}');
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('Office did not load its JavaScript library');
  expect(screen.queryByText('Preview — not connected to Word')).toBeNull();
});

test('in Word, a document named with a bare % opens, and a read that fails says so', async () => {
  const run = jest
    .fn()
    .mockRejectedValue(Object.assign(new Error('GeneralException'), { code: 'GeneralException' }));
  startPane({ Office: office('Word', 'C:\\Drafts\\Agreed 100% text.docx'), Word: { run } });
  await screen.findByText('Agreed 100% text.docx');
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toMatch(/Could not read the document/);
  expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('false');
  expect(run).toHaveBeenCalled();
});

test('office.js loaded outside Office (no host): the preview', async () => {
  startPane({ Office: office(null) });
  await screen.findByText('Preview — not connected to Word');
});
