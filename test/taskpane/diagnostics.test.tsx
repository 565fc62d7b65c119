/** @jest-environment jsdom */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { diagnosticsRequested, diagnosticsText } from '../../src/taskpane/diagnostics';
import type { DiagnosableHost, HostDiagnostics } from '../../src/taskpane/host';
import { translator } from '../../src/taskpane/i18n';
import { SAMPLE_MARKUP } from '../../src/taskpane/preview/sample';
import { FakeHost } from './fake-host';
import { renderPane } from './ui-helpers';

jest.setTimeout(30_000);

/** What Word on the web would say after a read that fell back to the whole file. */
const WEB: HostDiagnostics = {
  host: 'Word',
  platform: 'OfficeOnline',
  officeVersion: '16.0.19127.20264',
  requirementSets: [
    { name: 'WordApi 1.1', supported: true },
    { name: 'WordApi 1.4', supported: false },
  ],
  readPath: 'file',
  lastRead: { name: 'read', milliseconds: 840, roundTrips: 2, ok: true },
  lastError: {
    message: 'Could not read the document: Word could not give the document as OOXML.',
    code: 'GeneralException',
    debugInfo: '{"code":"GeneralException","message":"ooxmlIsMalformated","errorLocation":"Body.getOoxml"}',
  },
};

class DiagnosedHost extends FakeHost implements DiagnosableHost {
  constructor(private readonly report: HostDiagnostics) {
    super(SAMPLE_MARKUP);
  }
  diagnostics(): HostDiagnostics {
    return this.report;
  }
}

const TIME = new Date('2026-01-15T10:00:00Z');

describe('the report', () => {
  test('every line a support person needs, with the Office error’s debugInfo', () => {
    const text = diagnosticsText(
      {
        host: new DiagnosedHost(WEB),
        trace: {},
        userAgent: 'Mozilla/5.0 (Macintosh)',
        time: TIME,
        version: '0.1.0',
      },
      translator('en'),
    );
    expect(text.split('\n')).toEqual([
      'Amend 0.1.0 diagnostics, 2026-01-15T10:00:00.000Z',
      'Host: Word (Test document)',
      'Platform: OfficeOnline',
      'Office version: 16.0.19127.20264',
      'Requirement sets: WordApi 1.1 yes, WordApi 1.4 no',
      'Read path: the whole file (getFileAsync)',
      'Last read: 840 ms, 2 round trips, done',
      'Last change: none',
      'Last error: Could not read the document: Word could not give the document as OOXML.',
      'Error code: GeneralException',
      'Debug info: {"code":"GeneralException","message":"ooxmlIsMalformated","errorLocation":"Body.getOoxml"}',
      'Browser: Mozilla/5.0 (Macintosh)',
    ]);
  });

  test('in French', () => {
    const text = diagnosticsText(
      { host: new DiagnosedHost(WEB), trace: {}, time: TIME, version: '0.1.0' },
      translator('fr'),
    );
    expect(text).toContain('Mode de lecture : le fichier entier (getFileAsync)');
    expect(text).toContain('Dernière lecture : 840 ms, 2 allers-retours, réussie');
    expect(text).toContain('Navigateur : inconnu');
  });

  test("a host that keeps no record: the pane's own timings and last error stand in", () => {
    const text = diagnosticsText(
      {
        host: new FakeHost(SAMPLE_MARKUP),
        trace: {
          lastRead: { name: 'read', milliseconds: 60_000, ok: false },
          lastError: { message: 'Word did not answer within 60 seconds.', at: TIME.toISOString() },
        },
        time: TIME,
      },
      translator('en'),
    );
    expect(text).toContain('Host: Word (Test document)');
    expect(text).toContain('Last read: 60000 ms, failed');
    expect(text).toContain('Last error: Word did not answer within 60 seconds.');
    expect(text).toContain('Read path: unknown');
  });

  test('a host whose diagnostics throw still gets a report, with that error', () => {
    const host = Object.assign(new FakeHost(SAMPLE_MARKUP), {
      diagnostics: (): HostDiagnostics => {
        throw new Error('Office.context.diagnostics is undefined');
      },
    });
    const text = diagnosticsText({ host, trace: {}, time: TIME }, translator('en'));
    expect(text).toContain('Last error: Office.context.diagnostics is undefined');
  });

  test('?diagnostics asks for the view at start', () => {
    expect(diagnosticsRequested('?diagnostics')).toBe(true);
    expect(diagnosticsRequested('?preview&diagnostics')).toBe(true);
    expect(diagnosticsRequested('?preview')).toBe(false);
  });
});

describe('the Diagnostics dialog', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  test('opens from the pane by keyboard, shows the report as read-only text, and copies it', async () => {
    const user = userEvent.setup();
    // After setup, which puts its own clipboard in place.
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderPane(new DiagnosedHost(WEB));
    await screen.findByText(/^Errors: \d+ · Warnings: \d+$/);
    screen.getByRole('button', { name: 'Diagnostics' }).focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Diagnostics' });
    const report = within(dialog).getByRole('textbox', { name: 'Diagnostics' }) as HTMLTextAreaElement;
    expect(report.readOnly).toBe(true);
    expect(report.value).toContain('Debug info: {"code":"GeneralException"');
    // The pane's own record of the read it just made is there too, for a host that keeps none.
    expect(report.value).toContain('Read path: the whole file (getFileAsync)');
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(report.value);
    expect(within(dialog).getByRole('status').textContent).toBe('Copied. Paste it into your message.');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('where the clipboard is refused, the text is selected and the user told to press Ctrl+C', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('NotAllowedError')) },
      configurable: true,
    });
    renderPane(new DiagnosedHost(WEB));
    await user.click(screen.getByRole('button', { name: 'Diagnostics' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    const report = within(dialog).getByRole('textbox') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(report);
    expect(report.selectionEnd - report.selectionStart).toBe(report.value.length);
    expect(within(dialog).getByRole('status').textContent).toMatch(/press Ctrl\+C/);
  });

  test('?diagnostics in the URL opens it at start', async () => {
    window.history.replaceState(null, '', '/taskpane.html?diagnostics');
    renderPane(new DiagnosedHost(WEB));
    const dialog = await screen.findByRole('dialog', { name: 'Diagnostics' });
    expect((within(dialog).getByRole('textbox') as HTMLTextAreaElement).value).toContain('Host: Word');
    await act(async () => undefined);
  });
});
