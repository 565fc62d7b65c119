/** @jest-environment jsdom */
import { TextDecoder, TextEncoder } from 'node:util';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { allConferences } from '../../src/core/conferences';
import { RIYADH_UNVERIFIED_IN_ARABIC } from '../core/fixtures';
import { FakeHost } from './fake-host';
import { renderPane } from './ui-helpers';

// jsdom lacks the encoders; Node's are the browser's.
Object.assign(globalThis, { TextEncoder, TextDecoder });

// A ceiling against hangs of Fluent's popovers in jsdom, not a timing check.
jest.setTimeout(30_000);

/** A MOD for a conference Amend's own record does not know yet. */
const FOR_RIYADH = `MOD\tAPT/1/1
RESOLUTION 52 (Rev. {+Riyadh, 2028+})
Countering and combating spam
(Hammamet, 2016{+; Riyadh, 2028+})
The World Telecommunication Standardization Assembly ({+Riyadh, 2028+}),
considering
a)\tthat spam is a problem.
Reasons:\tFor WTSA-28.`;

const file = (text: string, name: string): File => {
  const bytes = new TextEncoder().encode(text);
  const f = new File([bytes as BlobPart], name, { type: 'application/json' });
  Object.defineProperty(f, 'arrayBuffer', { value: async () => bytes.slice().buffer });
  return f;
};

const summary = () => screen.findByText(/^Errors: \d+ · Warnings: \d+$/);
const unknownVenue = () => screen.queryAllByText(/no ITU conference met in Riyadh/);
const recordInput = () => document.querySelector<HTMLInputElement>('[data-testid="conference-file"]')!;
const offered = async (form: HTMLElement) => {
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  await user.click(within(form).getByRole('combobox', { name: 'Target conference' }));
  const options = [...document.querySelectorAll('[role="option"]')].map((o) => o.textContent);
  await user.keyboard('{Escape}');
  return options;
};

test('a secretariat’s record file adds a conference for this pane: the document is checked again, retag offers it, and removing it goes back', async () => {
  const shipped = allConferences().length;
  renderPane(new FakeHost(FOR_RIYADH));
  await summary();
  expect(unknownVenue().length).toBeGreaterThan(0);

  await userEvent.click(screen.getByRole('tab', { name: 'Draft' }));
  const record = screen.getByRole('region', { name: 'Conference record' });
  expect(within(record).getByText(`${shipped} conferences, as Amend ships them.`)).toBeTruthy();
  expect(await offered(screen.getByRole('region', { name: 'Retag for a conference' }))).not.toContain(
    'WTSA-28 (Riyadh, 2028)',
  );

  await userEvent.upload(recordInput(), file(JSON.stringify(RIYADH_UNVERIFIED_IN_ARABIC), 'wtsa28.json'));
  await within(record).findByText(
    `${shipped + 1} conferences: Amend’s own, with 1 conference and 1 city added or replaced from wtsa28.json.`,
  );
  expect(await offered(screen.getByRole('region', { name: 'Retag for a conference' }))).toContain(
    'WTSA-28 (Riyadh, 2028)',
  );
  await userEvent.click(screen.getByRole('tab', { name: 'Issues' }));
  await waitFor(() => expect(unknownVenue()).toEqual([]));

  await userEvent.click(screen.getByRole('tab', { name: 'Draft' }));
  await userEvent.click(screen.getByRole('button', { name: 'Remove wtsa28.json' }));
  await screen.findByText(`${shipped} conferences, as Amend ships them.`);
  // The button went with the file; the keyboard user is left on Add, not on the page.
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add conferences from a file…' }));
  expect(allConferences().length).toBe(shipped);
  await userEvent.click(screen.getByRole('tab', { name: 'Issues' }));
  await waitFor(() => expect(unknownVenue().length).toBeGreaterThan(0));
});

test.each([
  [
    '{"conferences": [{"body": "XYZ", "city": "Paris", "year": 2030}]',
    'bad.json',
    /^bad\.json is not a JSON file/,
  ],
  [
    '{"conferences": [{"body": "XYZ", "city": "Paris", "year": 2030}]}',
    'bad.json',
    /^bad\.json: "conferences"\[0\]\.body: expected one of/,
  ],
])(
  'a file that is not a record is one line, and the record stays as it was (%s)',
  async (text, name, reason) => {
    const shipped = allConferences().length;
    renderPane(new FakeHost(FOR_RIYADH));
    await summary();
    await userEvent.click(screen.getByRole('tab', { name: 'Draft' }));
    await userEvent.upload(recordInput(), file(text, name));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(reason);
    expect(alert.textContent!.split('\n')).toHaveLength(1);
    expect(allConferences().length).toBe(shipped);
    expect(screen.getByText(`${shipped} conferences, as Amend ships them.`)).toBeTruthy();
  },
);
