/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TextDecoder, TextEncoder } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { extendConferences, resetConferences } from '../../src/core/conferences';
import { fromMarkup, toMarkup } from '../../src/core/markup';
import { buildDocx, readDocx } from '../../src/docx';
import { createPreviewHost } from '../../src/taskpane/preview/preview-host';
import { contribution, RIYADH_UNVERIFIED_IN_ARABIC } from '../core/fixtures';
import { FakeHost } from '../taskpane/fake-host';
import { renderPane } from '../taskpane/ui-helpers';
import { baseOf, seedMarkup, VARIANTS } from './helpers';

jest.setTimeout(90_000);

// jsdom has no TextEncoder or TextDecoder; the browser and Node do.
Object.assign(globalThis, { TextEncoder, TextDecoder });

const seed = seedMarkup('en-resolution-52');
/** Word-changed, clause-typed, clause-removed and punctuation-changed, all with tracking off. */
const proposalMarkup = VARIANTS.slice(0, 4).reduce((m, v) => v.proposal(m), seed);

/** A picked file as the pane reads it (jsdom's File may lack arrayBuffer). */
function file(bytes: Uint8Array, name: string): File {
  const f = new File([bytes as BlobPart], name);
  Object.defineProperty(f, 'arrayBuffer', { value: async () => bytes.slice().buffer });
  return f;
}

/** The pane has read and checked the document (the machine may be busy: a ceiling, not a timing). */
const ready = () =>
  screen.findByRole('button', { name: 'Compare with the in-force text…' }, { timeout: 20_000 });
const compareInput = () => document.querySelector<HTMLInputElement>('[data-testid="compare-file"]')!;
const rules = () => [...document.querySelectorAll('[data-rule]')].map((e) => e.getAttribute('data-rule'));

// A test that extends the record leaves the shipped one to the next.
afterEach(resetConferences);

test('Compare with the in-force text adds the comparison findings to Issues; in Word a whole paragraph added or removed is listed without a fix', async () => {
  const host = new FakeHost(proposalMarkup);
  renderPane(host);
  await ready();
  expect(rules()).not.toContain('untracked-change');
  await userEvent.upload(compareInput(), file(buildDocx(baseOf(fromMarkup(seed))), 'in-force.docx'));
  await screen.findByText('Compared with in-force.docx', {}, { timeout: 20_000 });
  expect(rules().filter((r) => r === 'untracked-change')).toHaveLength(4);
  // A word and a punctuation mark changed get a fix; the clause typed and the clause removed do not.
  const fixable = [...document.querySelectorAll('[data-rule="untracked-change"]')].map(
    (finding) => finding.querySelector('button[aria-label^="Fix:"]') !== null,
  );
  expect(fixable.filter(Boolean)).toHaveLength(2);
  await userEvent.click(screen.getByRole('button', { name: 'Stop comparing' }));
  await waitFor(() => expect(rules()).not.toContain('untracked-change'), { timeout: 20_000 });
});

test('in the preview, Fix all shows every untracked edit as tracked changes', async () => {
  const oneWord = VARIANTS[0].proposal(seed);
  const host = createPreviewHost({ bytes: buildDocx(fromMarkup(oneWord)), name: 'proposal.docx' });
  if (!host.ok) throw new Error(host.reason);
  renderPane(host.value);
  await ready();
  await userEvent.upload(compareInput(), file(buildDocx(baseOf(fromMarkup(seed))), 'in-force.docx'));
  await waitFor(() => expect(rules().filter((r) => r === 'untracked-change')).toHaveLength(1), {
    timeout: 20_000,
  });
  await userEvent.click(screen.getByRole('button', { name: /^Fix all/ }));
  await waitFor(
    () => expect(screen.queryByText(/^Fixed \d+ problems?\./) ?? screen.queryByRole('alert')).not.toBeNull(),
    {
      timeout: 60_000,
    },
  );
  expect(screen.queryByRole('alert')?.textContent ?? '').toBe('');
  await waitFor(() => expect(rules()).not.toContain('untracked-change'), { timeout: 20_000 });
});

test('an in-force text in another language is one message, and nothing is compared', async () => {
  const host = new FakeHost(proposalMarkup);
  renderPane(host);
  await ready();
  const french = buildDocx(baseOf(fromMarkup(seedMarkup('fr-resolution-52'))));
  await userEvent.upload(compareInput(), file(french, 'fr.docx'));
  await screen.findByText(/not in the proposal's language \(English\)/, {}, { timeout: 20_000 });
  expect(screen.queryByText(/Compared with/)).toBeNull();
});

jest.mock('../../src/taskpane/preview/download', () => ({
  ...jest.requireActual('../../src/taskpane/preview/download'),
  download: jest.fn(),
}));

/** The preview on the seed, its Draft tab open, the in-force text of `markup` picked for a new proposal. */
async function newProposalFrom(markup: string, name: string) {
  const host = createPreviewHost({ bytes: buildDocx(fromMarkup(seed)), name: 'proposal.docx' });
  if (!host.ok) throw new Error(host.reason);
  renderPane(host.value);
  await ready();
  await userEvent.click(screen.getByRole('tab', { name: 'Draft' }));
  const input = document.querySelector<HTMLInputElement>('[data-testid="new-from-base-file"]')!;
  await userEvent.upload(input, file(buildDocx(baseOf(fromMarkup(markup), 'current')), name));
  return {
    make: await screen.findByRole('button', { name: 'Download new proposal' }),
    conference: screen.getAllByRole('combobox', { name: 'Target conference' }).at(-1)!,
  };
}

test('the preview Draft tab makes a new proposal from the in-force text, as a download with Track Changes on', async () => {
  const { download } = jest.requireMock('../../src/taskpane/preview/download') as { download: jest.Mock };
  const { make, conference } = await newProposalFrom(seed, 'res52.docx');
  await userEvent.click(conference);
  await userEvent.click(await screen.findByRole('option', { name: 'WTSA-24 (New Delhi, 2024)' }));
  await waitFor(() => expect(make.hasAttribute('disabled')).toBe(false), { timeout: 20_000 });
  await userEvent.click(make);
  await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
  const [bytes, name] = download.mock.calls[0] as [Uint8Array, string];
  expect(name).toBe('AFCP-42A25-1.docx');
  const made = readDocx(bytes, name);
  if (!made.ok) throw new Error(made.reason);
  const lines = toMarkup(made.value.snapshot).split('\n');
  expect(lines[0]).toBe('MOD\tAFCP/42A25/1');
  expect(lines[1]).toBe('RESOLUTION 52 (REV. [-HAMMAMET, 2016-]{+NEW DELHI, 2024+})');
  expect(strFromU8(unzipSync(bytes)['word/settings.xml'])).toMatch(/<w:trackRevisions\/>/);
});

test('New proposal names a city the retag would write in a form no ITU text has yet been seen to use', async () => {
  expect(extendConferences(RIYADH_UNVERIFIED_IN_ARABIC).ok).toBe(true);
  const arabic = contribution('ar-resolution-52');
  const { make, conference } = await newProposalFrom(arabic, 'ar-52.docx');
  const note = /^Check “الرياض” \(Riyadh\): no ITU text has yet been seen/;

  await userEvent.click(conference);
  await userEvent.click(await screen.findByRole('option', { name: 'WTSA-28 (Riyadh, 2028)' }));
  const shown = await screen.findByText(note, {}, { timeout: 20_000 });
  expect(make.getAttribute('aria-describedby')).toBe(shown.parentElement!.id);

  // New Delhi's Arabic name is in ITU's own texts: nothing to check.
  await userEvent.click(conference);
  await userEvent.click(await screen.findByRole('option', { name: 'WTSA-24 (New Delhi, 2024)' }));
  await waitFor(() => expect(screen.queryByText(note)).toBeNull());
  expect(make.getAttribute('aria-describedby')).toBeNull();
});
