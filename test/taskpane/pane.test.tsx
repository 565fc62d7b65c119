/** @jest-environment jsdom */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { isFixable } from '../../src/core/diagnostic';
import { check } from '../../src/core/engine';
import { existsIn, paragraphText } from '../../src/core/snapshot';
import { plainMessage } from '../../src/taskpane/message-text';
import { SAMPLE_MARKUP } from '../../src/taskpane/preview/sample';
import { FakeHost } from './fake-host';
import { renderPane } from './ui-helpers';

// Simulated typing and clicking through Fluent's popovers in jsdom is slow on a busy machine; this is a
// ceiling against hangs, not a timing check.
jest.setTimeout(30_000);

const findings = () => screen.getAllByRole('listitem');
const summary = () => screen.findByText(/^Errors: \d+ · Warnings: \d+$/);

describe('Issues tab', () => {
  test('lists every finding of the document, grouped under its proposal and section', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await summary();
    const expected = check(host.snapshot).diagnostics;
    expect(expected.length).toBeGreaterThanOrEqual(4);
    expect(findings()).toHaveLength(expected.length);
    const group = screen.getByRole('region', { name: /APT\/37A12\/1/ });
    // A clause finding sits under its section's heading, with its clause label and a worded severity.
    const clauseFinding = expected.find((d) => d.clause?.startsWith('considering'));
    expect(clauseFinding).toBeDefined();
    const considering = within(group).getByRole('heading', { name: 'considering' });
    expect(considering).toBeTruthy();
    // Messages show their backtick quotes as inline code, so compare the text as read.
    const shown = within(group)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(shown.some((t) => t?.includes(plainMessage(clauseFinding!.message)))).toBe(true);
    expect(within(group).getAllByText(/Error|Warning/).length).toBeGreaterThan(0);
  });

  test('clicking a finding, or Enter on it, selects its text in the document', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await summary();
    const first = check(host.snapshot).diagnostics[0];
    const button = within(findings()[0]).getAllByRole('button')[0];
    await userEvent.click(button);
    expect(host.selected[0]).toEqual({
      paragraph: first.paragraph,
      offset: first.offset,
      length: first.length,
    });
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(host.selected).toHaveLength(2);
  });

  test('Fix applies that one finding as a plan, then re-checks', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await summary();
    const before = check(host.snapshot).diagnostics;
    const target = before.find(isFixable)!;
    const reads = host.reads;
    await userEvent.click(screen.getAllByRole('button', { name: new RegExp(`^Fix: `) })[0]);
    await waitFor(() => expect(host.applied).toHaveLength(1));
    await waitFor(() => expect(host.reads).toBeGreaterThan(reads));
    expect(host.applied[0].edits).toEqual(target.fix);
    await waitFor(() => expect(findings().length).toBe(check(host.snapshot).diagnostics.length));
    expect(findings().length).toBeLessThan(before.length);
  });

  test('Fix all clears every fixable finding and says what is left', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await summary();
    const fixable = check(host.snapshot).diagnostics.filter(isFixable).length;
    await userEvent.click(screen.getByRole('button', { name: `Fix all (${fixable})` }));
    await screen.findByText(/^Fixed \d+ problems?\./);
    expect(check(host.snapshot).diagnostics.filter(isFixable)).toEqual([]);
    expect(screen.queryByRole('button', { name: /^Fix all/ })).toBeNull();
    // Every change, the new reasons paragraph included, was written as a tracked change, so the
    // original view is untouched.
    const originalView = (h: FakeHost) =>
      h.snapshot.paragraphs.filter((p) => existsIn(p, 'original')).map((p) => paragraphText(p, 'original'));
    expect(originalView(host)).toEqual(originalView(new FakeHost(SAMPLE_MARKUP)));
    const reasons = host.snapshot.paragraphs.find((p) => paragraphText(p).startsWith('Reasons:'));
    expect(reasons?.mark?.kind).toBe('ins');
  });

  test('a refused plan shows its one-line reason and leaves the findings listed', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await summary();
    const count = findings().length;
    host.failNextApply = 'paragraph 5 changed since it was read: re-check';
    await userEvent.click(screen.getAllByRole('button', { name: /^Fix: / })[0]);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'paragraph 5 changed since it was read: re-check',
    );
    expect(findings()).toHaveLength(count);
    await userEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('Re-check reads the document again and shows a read failure', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await summary();
    const reads = host.reads;
    host.failNextRead = 'Word could not read the document';
    await userEvent.click(screen.getByRole('button', { name: 'Re-check' }));
    expect(host.reads).toBe(reads + 1);
    expect((await screen.findByRole('alert')).textContent).toContain('Word could not read the document');
  });
});

describe('Outline tab', () => {
  test('shows sections and clauses, marks an inserted clause in words, and selects on click', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await summary();
    await userEvent.click(screen.getByRole('tab', { name: 'Outline' }));
    const tree = screen.getByRole('tree', { name: 'Outline' });
    // The number line has its own item, and names the proposal too.
    expect(within(tree).getByRole('treeitem', { name: 'RESOLUTION 52 (Rev. Geneva 2022)' })).toBeTruthy();
    expect(within(tree).getByText(/^MOD APT\/37A12\/1 ·$/).textContent).toBe(
      'MOD APT/37A12/1 · RESOLUTION 52 (Rev. Geneva 2022)',
    );
    const considering = within(tree).getByText('considering');
    expect(within(tree).getAllByText('[inserted]')).toHaveLength(1);
    await userEvent.click(considering);
    const outline = check(host.snapshot).outline;
    const section = outline.proposals[0].sections.find((s) => s.heading === 'considering')!;
    expect(host.selected.at(-1)).toEqual({ paragraph: section.paragraph });
    // Selecting a section does not fold it away.
    expect(within(tree).getByText(/there are currently a variety of definitions/)).toBeTruthy();
    expect(within(tree).getByText('[No reasons]')).toBeTruthy();
  });
});

describe('Draft tab', () => {
  test('inserts a reasons paragraph through the core command', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await summary();
    await userEvent.click(screen.getByRole('tab', { name: 'Draft' }));
    await userEvent.click(screen.getByRole('button', { name: 'Insert reasons paragraph' }));
    await waitFor(() => expect(host.applied).toHaveLength(1));
    const edit = host.applied[0].edits[0];
    expect(edit.kind === 'paragraph' && edit.text.startsWith('Reasons:')).toBe(true);
    expect(check(host.snapshot).outline.proposals[0].reasons).not.toBeNull();
  });

  test('retags the resolution for the conference picked from the registry', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await summary();
    // Clicks skip the pointer-events check, which reads the computed style of every ancestor: with the
    // registry's whole list open that is most of this test's time on a busy machine.
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    await user.click(screen.getByRole('tab', { name: 'Draft' }));
    await user.click(screen.getByRole('combobox', { name: 'Target conference' }));
    // The registry's whole list is long: find the option by its text, not by a role query over them all.
    const option = [...document.querySelectorAll('[role="option"]')].find(
      (o) => o.textContent === 'WTSA-24 (New Delhi, 2024)',
    );
    await user.click(option!);
    await user.click(screen.getByRole('button', { name: 'Retag' }));
    await waitFor(() => expect(host.applied).toHaveLength(1));
    const texts = host.snapshot.paragraphs.map((p) => paragraphText(p));
    // The sample's tag lacks its comma; the retag writes the canonical form, comma included.
    expect(texts).toContain('RESOLUTION 52 (Rev. New Delhi, 2024)');
    expect(texts).toContain(
      '(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012; Hammamet, 2016; Geneva, 2022; New Delhi, 2024)',
    );
    expect(texts).toContain('The World Telecommunication Standardization Assembly (New Delhi, 2024),');
  });

  test('suggests the next free proposal sequence for the identifier being built', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await summary();
    await userEvent.click(screen.getByRole('tab', { name: 'Draft' }));
    // The sample already uses APT/37A12/1, so the series' next free number is 2.
    expect(screen.getByText(/Next free: 2/)).toBeTruthy();
    const addendum = screen.getByRole('textbox', { name: 'Addendum' });
    await userEvent.clear(addendum);
    await userEvent.type(addendum, '13');
    expect(screen.getByText(/Next free: 1/)).toBeTruthy();
    expect(screen.getByText(/APT\/37A13\/1/)).toBeTruthy();
  });
});

describe('language', () => {
  test('the pane speaks French when Office or the browser does', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host, 'fr');
    await screen.findByText(/^Erreurs : \d+ · Avertissements : \d+$/);
    expect(screen.getByRole('tab', { name: 'Problèmes' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Revérifier' })).toBeTruthy();
  });
});

test('the progress indicator shows while the document is read', async () => {
  const host = new FakeHost(SAMPLE_MARKUP);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const read = host.read.bind(host);
  host.read = async (onProgress) => {
    onProgress?.(0.5);
    await gate;
    return read();
  };
  renderPane(host);
  expect(await screen.findByRole('progressbar')).toBeTruthy();
  await act(async () => release());
  await summary();
  expect(screen.queryByRole('progressbar')).toBeNull();
});
