/** @jest-environment jsdom */
import './jsdom-text';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPane } from '../taskpane/ui-helpers';
import { openCommented, PREAMBLE } from './set-aside-case';
import { WEB } from './personalities';

// Rendering Fluent in jsdom on a busy machine is slow; a ceiling against hangs, not a timing check.
jest.setTimeout(60_000);

/**
 * The pane's Fix all in Word on the web when a reviewer's comment ends inside the characters of one
 * fix (the preamble's tag, see set-aside-case.ts): Word cannot place that fix (set-aside.test.ts), so
 * the pane makes the four others, counts the one set aside among those that need the user, and says why
 * beside it.
 */
it('Word (web): Fix all makes every fix but the one Word cannot place, which stays listed with the reason', async () => {
  const { word, host } = openCommented(WEB);
  const original = word.texts('original');
  renderPane(host);
  await userEvent.click(await screen.findByRole('button', { name: 'Fix all (5)' }, { timeout: 20_000 }));
  await screen.findByText('Fixed 4 problems. 1 needs you.', undefined, { timeout: 20_000 });
  expect(screen.queryByRole('alert')).toBeNull();

  const findings = () => [...document.querySelectorAll('[data-rule]')];
  await waitFor(() => expect(findings()).toHaveLength(1));
  const [left] = findings();
  expect(left.getAttribute('data-rule')).toBe('conference-consistency');
  expect(left.textContent).toContain('¶ 5');
  expect(left.querySelector('[data-set-aside]')?.textContent).toBe(
    'Set aside by Fix all: Word finds "Dubai, 2012" differently from the file (found 0 times, expected 1). Make this fix by hand.',
  );

  const now = word.texts('current');
  expect(now[PREAMBLE]).toBe('The World Telecommunication Standardization Assembly (Dubai, 2012),');
  expect(now.slice(7)).toEqual([
    'b) that measures help,',
    'resolves',
    '1\tto continue work on spam;',
    '2\tto report on progress in spam regularly.',
    'Reasons:\tThe resolution needs updating.',
  ]);
  expect(word.texts('original')).toEqual(original);
  expect(word.touchedMarks).toBe(0);
  expect(word.touchedDeletions).toBe(0);

  // Its own Fix is refused as before, naming the paragraph and what Word could not find.
  await userEvent.click(screen.getByRole('button', { name: /^Fix: The preamble tag/ }));
  const alert = await screen.findByRole('alert', undefined, { timeout: 20_000 });
  expect(alert.textContent).toContain(
    'Word finds "Dubai, 2012" in paragraph 5 differently from the file (found 0 times, expected 1); make "Fix: The preamble tag names',
  );
  expect(word.texts('current')).toEqual(now);
});
