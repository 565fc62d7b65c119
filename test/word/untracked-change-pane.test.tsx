/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TextDecoder, TextEncoder } from 'node:util';
import { fromMarkup } from '../../src/core/markup';
import { buildDocx } from '../../src/docx';
import { baseOf, seedMarkup, VARIANTS } from '../compare/helpers';
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

const seed = seedMarkup('en-resolution-52');
const rules = () => [...document.querySelectorAll('[data-rule]')].map((e) => e.getAttribute('data-rule'));

test.each(PERSONALITIES.map((p) => [p.name, p] as const))(
  'Word (%s): Fix on an untracked change within a paragraph shows it as tracked changes, and the finding goes',
  async (_name, personality) => {
    const word = new FakeWord(fromMarkup(VARIANTS[0].proposal(seed)), {
      personality,
      ooxml: flatOpc,
      trackingMode: 'TrackMineOnly',
    });
    const host = hostOn(word);
    renderPane(host);
    await screen.findByRole('button', { name: 'Compare with the in-force text…' }, { timeout: 20_000 });
    const current = word.texts('current');
    const input = document.querySelector<HTMLInputElement>('[data-testid="compare-file"]')!;
    await userEvent.upload(input, file(buildDocx(baseOf(fromMarkup(seed))), 'in-force.docx'));
    await waitFor(() => expect(rules()).toContain('untracked-change'), { timeout: 20_000 });
    const finding = document.querySelector('[data-rule="untracked-change"]')!;
    await userEvent.click(finding.querySelector<HTMLButtonElement>('button[aria-label^="Fix:"]')!);
    await waitFor(() => expect(rules()).not.toContain('untracked-change'), { timeout: 20_000 });
    expect(word.texts('current')).toEqual(current);
    expect(word.texts('original').some((l) => l.includes('there are currently a variety'))).toBe(true);
    expect(word.trackingMode).toBe('TrackMineOnly');
  },
);

test.each(PERSONALITIES.map((p) => [p.name, p] as const))(
  'Word (%s): Fix all shows the changes within paragraphs and leaves the paragraphs typed or removed with tracking off reported',
  async (_name, personality) => {
    // A word changed, a clause typed, a clause removed and a mark changed, all with tracking off.
    const proposal = VARIANTS.slice(0, 4).reduce((m, v) => v.proposal(m), seed);
    const word = new FakeWord(fromMarkup(proposal), { personality, ooxml: flatOpc, trackingMode: 'Off' });
    renderPane(hostOn(word));
    await screen.findByRole('button', { name: 'Compare with the in-force text…' }, { timeout: 20_000 });
    const input = document.querySelector<HTMLInputElement>('[data-testid="compare-file"]')!;
    await userEvent.upload(input, file(buildDocx(baseOf(fromMarkup(seed))), 'in-force.docx'));
    await waitFor(() => expect(rules().filter((r) => r === 'untracked-change')).toHaveLength(4), {
      timeout: 20_000,
    });
    await userEvent.click(screen.getByRole('button', { name: /^Fix all/ }));
    await waitFor(() => expect(screen.queryByText(/^Fixed \d+ problems?\./)).not.toBeNull(), {
      timeout: 60_000,
    });
    expect(screen.queryByRole('alert')?.textContent ?? '').toBe('');
    await waitFor(() => expect(rules().filter((r) => r === 'untracked-change')).toHaveLength(2), {
      timeout: 20_000,
    });
    // The delegate's words stand (other rules' fixes may add to the text); the in-force word and
    // mark are back as tracked deletions.
    const now = word.texts('current');
    expect(now.some((l) => l.includes('there are presently a variety'))).toBe(true);
    const original = word.texts('original');
    expect(original.some((l) => l.includes('there are currently a variety'))).toBe(true);
    expect(original.some((l) => l.includes('in order to find solutions;'))).toBe(true);
    expect(word.trackingMode).toBe('Off');
  },
);
