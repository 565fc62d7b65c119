/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { isFixable } from '../../src/core/diagnostic';
import { check } from '../../src/core/engine';
import { SAMPLE_MARKUP } from '../../src/taskpane/preview/sample';
import { FakeHost } from './fake-host';
import { renderPane } from './ui-helpers';

// A ceiling against hangs on a busy machine, not a timing check.
jest.setTimeout(30_000);

const summary = () => screen.findByText(/^Errors: \d+ · Warnings: \d+$/);

describe('keyboard use of the Outline tree', () => {
  async function outline() {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await summary();
    await userEvent.click(screen.getByRole('tab', { name: 'Outline' }));
    const tree = screen.getByRole('tree', { name: 'Outline' });
    const item = (text: string | RegExp) =>
      within(tree).getByText(text).closest<HTMLElement>('[role="treeitem"]')!;
    return { host, item, proposal: check(host.snapshot).outline.proposals[0] };
  }

  test('Enter and Space on a branch (proposal, section) select its paragraph, and keep it open', async () => {
    const { host, item, proposal } = await outline();
    const considering = proposal.sections.find((s) => s.heading === 'considering')!;
    item('considering').focus();
    await userEvent.keyboard('{Enter}');
    expect(host.selected.at(-1)).toEqual({ paragraph: considering.paragraph });
    item('recognizing').focus();
    await userEvent.keyboard(' ');
    const recognizing = proposal.sections.find((s) => s.heading === 'recognizing')!;
    expect(host.selected.at(-1)).toEqual({ paragraph: recognizing.paragraph });
    expect(item('recognizing').getAttribute('aria-expanded')).toBe('true');
    item(/APT\/37A12\/1/).focus();
    await userEvent.keyboard('{Enter}');
    expect(host.selected.at(-1)).toEqual({ paragraph: proposal.paragraph });
  });

  test('a key on a nested item selects that item only, not its parents too', async () => {
    const { host, item, proposal } = await outline();
    const clause = proposal.sections
      .flatMap((s) => s.clauses)
      .find((c) => /variety of definitions/.test(c.text))!;
    const before = host.selected.length;
    item(/variety of definitions/).focus();
    await userEvent.keyboard(' ');
    expect(host.selected.slice(before)).toEqual([{ paragraph: clause.paragraph }]);
  });
});

describe('focus after a change removes the focused control', () => {
  test('Fix moves focus to the finding now in its place, not to the page', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await summary();
    const fixButtons = screen.getAllByRole('button', { name: /^Fix: / });
    fixButtons[0].focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(host.applied).toHaveLength(1));
    await waitFor(() => expect(document.activeElement).not.toBe(document.body));
    const firstFinding = within(screen.getAllByRole('listitem')[0]).getAllByRole('button')[0];
    expect(document.activeElement).toBe(firstFinding);
  });

  test('Fix all, once nothing fixable is left, moves focus to the first remaining finding', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await summary();
    const fixable = check(host.snapshot).diagnostics.filter(isFixable).length;
    screen.getByRole('button', { name: `Fix all (${fixable})` }).focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByText(/^Fixed \d+ problems?\./);
    await waitFor(() => expect(document.activeElement).not.toBe(document.body));
    const remaining = screen.queryAllByRole('listitem');
    const expected =
      remaining.length > 0
        ? within(remaining[0]).getAllByRole('button')[0]
        : screen.getByText(/^Errors: \d+ · Warnings: \d+$/);
    expect(document.activeElement).toBe(expected);
  });

  test("Dismiss on a message moves focus to the selected tab, and the message's quotes show as code", async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await summary();
    await userEvent.click(screen.getAllByRole('button', { name: /^Fix: / })[0], {
      pointerEventsCheck: PointerEventsCheckLevel.Never,
    });
    const notice = await screen.findByText(/^Done: /);
    // The fix's title quotes document text between backticks: shown as code, never as raw backticks.
    expect(notice.closest('[role="status"]')?.textContent).not.toContain('`');
    expect(notice.closest('[role="status"]')?.querySelector('code')).not.toBeNull();
    screen.getByRole('button', { name: 'Dismiss' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Issues' }));
  });
});
