/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TextDecoder, TextEncoder } from 'node:util';
import { fromMarkup } from '../../src/core/markup';
import { buildDocx } from '../../src/docx';
import { createPreviewHost } from '../../src/taskpane/preview/preview-host';
import { renderPane } from '../taskpane/ui-helpers';
import { baseOf, seedMarkup, VARIANTS, type SeedName } from './helpers';

jest.setTimeout(120_000);

// jsdom has no TextEncoder or TextDecoder; the browser and Node do.
Object.assign(globalThis, { TextEncoder, TextDecoder });

/** A picked file as the pane reads it (jsdom's File may lack arrayBuffer). */
function file(bytes: Uint8Array, name: string): File {
  const f = new File([bytes as BlobPart], name);
  Object.defineProperty(f, 'arrayBuffer', { value: async () => bytes.slice().buffer });
  return f;
}

const rules = () => [...document.querySelectorAll('[data-rule]')].map((e) => e.getAttribute('data-rule'));
const count = (id: string) => rules().filter((r) => r === id).length;

/**
 * The pane gives each fixture exactly the findings the command line gives (test/compare/cli.test.ts
 * holds the same table), and in the preview Fix all leaves no untracked change.
 */
describe.each<SeedName>(['en-resolution-52', 'fr-resolution-52'])('the pane compares %s', (seed) => {
  test.each(VARIANTS.map((v) => [v.name, v] as const))('%s', async (_name, variant) => {
    const proposal = buildDocx(fromMarkup(variant.proposal(seedMarkup(seed))));
    const host = createPreviewHost({ bytes: proposal, name: 'proposal.docx' });
    if (!host.ok) throw new Error(host.reason);
    renderPane(host.value);
    await screen.findByRole('button', { name: /^Compare with the in-force text/ }, { timeout: 30_000 });
    const built = baseOf(fromMarkup(seedMarkup(seed)), variant.baseView, variant.name.startsWith('(c)'));
    const input = document.querySelector<HTMLInputElement>('[data-testid="compare-file"]')!;
    await userEvent.upload(
      input,
      file(buildDocx(variant.base ? variant.base(built) : built), 'in-force.docx'),
    );
    await screen.findByText('Compared with in-force.docx', {}, { timeout: 30_000 });
    await waitFor(
      () =>
        expect({
          'untracked-change': count('untracked-change'),
          'base-version': count('base-version'),
        }).toEqual(variant.expected),
      { timeout: 30_000 },
    );
    if (variant.expected['untracked-change'] === 0) return;
    await userEvent.click(screen.getByRole('button', { name: /^Fix all/ }));
    await waitFor(() => expect(screen.queryByText(/^Fixed \d+ problems?\./)).not.toBeNull(), {
      timeout: 60_000,
    });
    expect(screen.queryByRole('alert')?.textContent ?? '').toBe('');
    await waitFor(() => expect(count('untracked-change')).toBe(0), { timeout: 30_000 });
  });
});
