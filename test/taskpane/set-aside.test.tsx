/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { isFixable } from '../../src/core/diagnostic';
import { check } from '../../src/core/engine';
import { SAMPLE_MARKUP } from '../../src/taskpane/preview/sample';
import { FakeHost } from './fake-host';
import { renderPane } from './ui-helpers';

// Simulated clicking through Fluent in jsdom is slow on a busy machine; a ceiling against hangs.
jest.setTimeout(30_000);

test('Fix all counts a fix the host cannot place among those that need the user, and says why beside it', async () => {
  const host = new FakeHost(SAMPLE_MARKUP);
  const before = check(host.snapshot).diagnostics;
  const fixable = before.filter(isFixable);
  expect(fixable.length).toBeGreaterThan(1);
  const [held] = fixable;
  const edit = held.fix![0];
  host.cannotPlace = (e) => JSON.stringify(e) === JSON.stringify(edit);
  renderPane(host);
  await userEvent.click(await screen.findByRole('button', { name: `Fix all (${fixable.length})` }));

  await screen.findByText(/^Fixed \d+ problems?\./);
  const left = check(host.snapshot).diagnostics;
  expect(left.filter(isFixable).map((d) => d.message)).toEqual([held.message]);
  expect(screen.getByText(/^Fixed \d+ problems?\./).textContent).toBe(
    `Fixed ${fixable.length - 1} problems. ${left.length} need you.`,
  );
  expect(screen.queryByRole('alert')).toBeNull();
  await waitFor(() => expect(document.querySelectorAll('[data-set-aside]')).toHaveLength(1));
  const item = document.querySelector('[data-set-aside]')!.closest('[data-rule]')!;
  expect(item.getAttribute('data-rule')).toBe(held.ruleId);
  expect(item.querySelector('[data-set-aside]')!.textContent).toBe(
    'Set aside by Fix all: the fake cannot place it. Make this fix by hand.',
  );

  // Dismissing the summary keeps the reason beside the finding; checking the document again clears it.
  await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
  expect(screen.queryByText(/^Fixed \d+ problems?\./)).toBeNull();
  expect(document.querySelectorAll('[data-set-aside]')).toHaveLength(1);
  await userEvent.click(screen.getByRole('button', { name: 'Re-check' }));
  await waitFor(() => expect(document.querySelectorAll('[data-set-aside]')).toHaveLength(0));
});
