/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TextDecoder, TextEncoder } from 'node:util';
import { fromMarkup } from '../../src/core/markup';
import type { Snapshot } from '../../src/core/snapshot';
import { buildDocx } from '../../src/docx';
import { baseOf, seedMarkup } from '../compare/helpers';
import { renderPane } from '../taskpane/ui-helpers';
import { FakeWord } from './fake-word';
import { flatOpc } from './flat-opc';
import { PERSONALITIES } from './personalities';
import { hostOn } from './host-on';

jest.setTimeout(90_000);

// jsdom has no TextEncoder or TextDecoder; the browser and Node do.
Object.assign(globalThis, { TextEncoder, TextDecoder });

/** A picked file as the pane reads it (jsdom's File may lack arrayBuffer). */
function file(bytes: Uint8Array, name: string): File {
  const f = new File([bytes as BlobPart], name);
  Object.defineProperty(f, 'arrayBuffer', { value: async () => bytes.slice().buffer });
  return f;
}

function paneOn(snapshot: Snapshot, personality: (typeof PERSONALITIES)[number]) {
  const word = new FakeWord(snapshot, { personality, ooxml: flatOpc, trackingMode: 'Off' });
  const host = hostOn(word);
  renderPane(host);
  return word;
}

const seed = seedMarkup('en-resolution-52');
const base = () => file(buildDocx(baseOf(fromMarkup(seed), 'current')), 'res52.docx');

/** Draft > New proposal from in-force text, filled in: the base, WTSA-24. Returns the Insert button. */
async function fillIn(): Promise<HTMLElement> {
  await userEvent.click(await screen.findByRole('tab', { name: 'Draft' }, { timeout: 20_000 }));
  const input = await waitFor(
    () => document.querySelector<HTMLInputElement>('[data-testid="new-from-base-file"]')!,
    { timeout: 20_000 },
  );
  await userEvent.upload(input, base());
  const insert = await screen.findByRole('button', { name: 'Insert into this document' });
  const conference = screen.getAllByRole('combobox', { name: 'Target conference' }).at(-1)!;
  await userEvent.click(conference);
  await userEvent.click(await screen.findByRole('option', { name: 'WTSA-24 (New Delhi, 2024)' }));
  await waitFor(() => expect(insert.hasAttribute('disabled')).toBe(false), { timeout: 20_000 });
  return insert;
}

test.each(PERSONALITIES.map((p) => [p.name, p] as const))(
  'Word (%s): Draft inserts the new proposal into the empty document, Track Changes on, and checks it',
  async (_name, personality) => {
    const word = paneOn({ paragraphs: [{ index: 0, runs: [] }] }, personality);
    await userEvent.click(await fillIn());
    await waitFor(() => expect(word.texts('current')[0]).toMatch(/^MOD\t/), { timeout: 20_000 });
    await waitFor(() => expect(word.texts('current').some((l) => /^Reasons:/.test(l))).toBe(true), {
      timeout: 20_000,
    });
    expect(word.texts('current')[1]).toBe('RESOLUTION 52 (REV. NEW DELHI, 2024)');
    expect(word.texts('original')[1]).toBe('RESOLUTION 52 (REV. HAMMAMET, 2016)');
    expect(word.trackingMode).toBe('TrackAll');
    // The pane read the result back: the outline shows the proposal.
    await userEvent.click(screen.getByRole('tab', { name: 'Outline' }));
    const name = await screen.findByText(/^MOD APT\/XX\/1 ·$/, {}, { timeout: 20_000 });
    expect(name.textContent).toBe('MOD APT/XX/1 · RESOLUTION 52 (REV. NEW DELHI, 2024)');
  },
);

test('Word: a document that is not empty is refused, with the reason shown and nothing changed', async () => {
  const word = paneOn(fromMarkup('Notes for the meeting'), PERSONALITIES[0]);
  await userEvent.click(await fillIn());
  await screen.findByText(/goes into an empty document/, {}, { timeout: 20_000 });
  expect(word.writes).toEqual([]);
  expect(word.texts('current')).toEqual(['Notes for the meeting']);
});
