/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { check } from '../../src/core/engine';
import { SAMPLE_MARKUP } from '../../src/taskpane/preview/sample';
import { messageParts, plainMessage } from '../../src/taskpane/message-text';
import { FakeHost } from './fake-host';
import { renderPane } from './ui-helpers';

// Simulated typing and clicking through Fluent's popovers in jsdom is slow on a busy machine; this is a
// ceiling against hangs, not a timing check.
jest.setTimeout(30_000);

describe('messageParts', () => {
  test('cuts a message into plain text and backtick-quoted code, in order', () => {
    expect(messageParts('Unexpected `h)`, expected `i)`')).toEqual([
      { text: 'Unexpected ', code: false },
      { text: 'h)', code: true },
      { text: ', expected ', code: false },
      { text: 'i)', code: true },
    ]);
    expect(messageParts('`MOD` `APT/37A12/1`')).toEqual([
      { text: 'MOD', code: true },
      { text: ' ', code: false },
      { text: 'APT/37A12/1', code: true },
    ]);
  });

  test('leaves a lone or empty pair of backticks as text', () => {
    expect(messageParts('a ` b')).toEqual([{ text: 'a ` b', code: false }]);
    expect(messageParts('a `` b')).toEqual([{ text: 'a `` b', code: false }]);
    expect(plainMessage('Unexpected `h)`, expected `i)`')).toBe('Unexpected h), expected i)');
  });
});

describe('Issues tab messages', () => {
  test('show backtick quotes as inline code, never as raw backticks', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await screen.findByText(/^Errors: \d+ · Warnings: \d+$/);
    const sequence = check(host.snapshot).diagnostics.find(
      (d) => d.message === 'Unexpected `h)`, expected `i)`',
    );
    expect(sequence).toBeDefined();
    const items = screen.getAllByRole('listitem');
    const item = items.find((li) => li.textContent?.includes('Unexpected h), expected i)'));
    expect(item).toBeDefined();
    const codes = [...item!.querySelectorAll('code')];
    expect(codes.map((c) => c.textContent)).toEqual(['h)', 'i)']);
    // Each quote is styled (Fluent's makeStyles gives it a class) and sits inside the message's text.
    expect(codes.every((c) => c.className !== '')).toBe(true);
    expect(codes[0].parentElement?.textContent).toBe('Unexpected h), expected i)');
    for (const li of items) expect(li.textContent).not.toContain('`');
    // The Fix button is named after the message without backticks, which screen readers would spell out.
    expect(within(item!).getByRole('button', { name: 'Fix: Unexpected h), expected i)' })).toBeTruthy();
  });
});
