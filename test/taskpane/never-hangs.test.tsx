/** @jest-environment jsdom */
import { act, screen, waitFor, within } from '@testing-library/react';
import type { EditPlan } from '../../src/core/plan';
import type { Result } from '../../src/core/result';
import type { Snapshot } from '../../src/core/snapshot';
import type { Target } from '../../src/taskpane/host';
import { SAMPLE_MARKUP } from '../../src/taskpane/preview/sample';
import { HOST_TIMEOUT_MS } from '../../src/taskpane/use-session';
import { FakeHost } from './fake-host';
import { renderPane } from './ui-helpers';

/**
 * Every way a host call can go wrong ends with the spinner stopped and a message: a call that throws or
 * rejects, and a call that never settles (after HOST_TIMEOUT_MS, with Reload).
 */
jest.setTimeout(30_000);

type Behaviour = 'hang' | 'throw' | undefined;

/** The fake Word, told to hang or throw on its next call of one kind. */
class TroubledHost extends FakeHost {
  next: { read?: Behaviour; apply?: Behaviour; select?: Behaviour } = {};

  private trouble<T>(kind: 'read' | 'apply' | 'select', run: () => Promise<T>): Promise<T> {
    const what = this.next[kind];
    this.next[kind] = undefined;
    if (what === 'hang') return new Promise<T>(() => undefined);
    if (what === 'throw') return Promise.reject(new Error(`RichApi.Error: ${kind} went wrong`));
    return run();
  }

  override read(onProgress?: (fraction: number) => void): Promise<Result<Snapshot>> {
    return this.trouble('read', () => super.read(onProgress));
  }
  override apply(plan: EditPlan): Promise<Result<void>> {
    return this.trouble('apply', () => super.apply(plan));
  }
  override select(target: Target): Promise<Result<void>> {
    return this.trouble('select', () => super.select(target));
  }
}

const busy = () => document.querySelector('main')?.getAttribute('aria-busy');
const alertText = () => screen.getByRole('alert').textContent ?? '';
const summary = () => screen.findByText(/^Errors: \d+ · Warnings: \d+$/);

/** Let the clock run past the deadline, with React's updates flushed. */
const pastDeadline = () =>
  act(async () => {
    await jest.advanceTimersByTimeAsync(HOST_TIMEOUT_MS + 10);
  });

const click = (element: HTMLElement) =>
  act(async () => {
    element.click();
    await jest.advanceTimersByTimeAsync(0);
  });

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('a first read that never answers stops the spinner after the deadline and offers Reload', async () => {
  const host = new TroubledHost(SAMPLE_MARKUP);
  host.next.read = 'hang';
  renderPane(host);
  expect(busy()).toBe('true');
  expect(screen.getByText('Reading the document…')).toBeTruthy();
  await pastDeadline();
  expect(busy()).toBe('false');
  expect(screen.queryByText('Reading the document…')).toBeNull();
  expect(alertText()).toContain('Word did not answer within 60 seconds');
  expect(within(screen.getByRole('alert')).getByRole('button', { name: 'Reload' })).toBeTruthy();
});

test('a read that throws shows its message, and Re-check reads again', async () => {
  const host = new TroubledHost(SAMPLE_MARKUP);
  host.next.read = 'throw';
  renderPane(host);
  await act(async () => {
    await jest.advanceTimersByTimeAsync(0);
  });
  expect(busy()).toBe('false');
  expect(alertText()).toContain('Something went wrong: RichApi.Error: read went wrong');
  // Nothing was read yet: Reload is offered beside Re-check, and Re-check reads again.
  expect(within(screen.getByRole('alert')).getByRole('button', { name: 'Reload' })).toBeTruthy();
  await click(screen.getByRole('button', { name: 'Re-check' }));
  await summary();
  expect(screen.queryByRole('alert')).toBeNull();
});

test('Fix whose apply never answers: the spinner stops after the deadline, with Reload', async () => {
  const host = new TroubledHost(SAMPLE_MARKUP);
  renderPane(host);
  await summary();
  host.next.apply = 'hang';
  const readsBefore = host.reads;
  await click(screen.getAllByRole('button', { name: /^Fix: / })[0]);
  expect(busy()).toBe('true');
  expect(screen.getByText('Working…')).toBeTruthy();
  await pastDeadline();
  expect(busy()).toBe('false');
  expect(screen.queryByText('Working…')).toBeNull();
  expect(alertText()).toContain('Word did not answer within 60 seconds');
  expect(within(screen.getByRole('alert')).getByRole('button', { name: 'Reload' })).toBeTruthy();
  // A host that did not answer is not asked to read again behind its stuck call.
  expect(host.reads).toBe(readsBefore);
});

test('Fix whose apply throws: the message, the spinner stopped, the document read again', async () => {
  const host = new TroubledHost(SAMPLE_MARKUP);
  renderPane(host);
  await summary();
  host.next.apply = 'throw';
  const readsBefore = host.reads;
  await click(screen.getAllByRole('button', { name: /^Fix: / })[0]);
  await waitFor(() => expect(busy()).toBe('false'));
  expect(alertText()).toContain('RichApi.Error: apply went wrong');
  // The document was read and the host answers: Dismiss and Re-check are enough, no Reload.
  expect(within(screen.getByRole('alert')).queryByRole('button', { name: 'Reload' })).toBeNull();
  expect(host.reads).toBe(readsBefore + 1);
  expect(host.applied).toEqual([]);
});

test('Fix all whose apply never answers stops after the deadline', async () => {
  const host = new TroubledHost(SAMPLE_MARKUP);
  renderPane(host);
  await summary();
  host.next.apply = 'hang';
  await click(screen.getByRole('button', { name: /^Fix all/ }));
  expect(busy()).toBe('true');
  await pastDeadline();
  expect(busy()).toBe('false');
  expect(alertText()).toContain('Word did not answer within 60 seconds');
});

test('selecting a finding when Word never answers ends in a message, not a silent wait', async () => {
  const host = new TroubledHost(SAMPLE_MARKUP);
  renderPane(host);
  await summary();
  host.next.select = 'hang';
  const finding = within(screen.getAllByRole('listitem')[0]).getAllByRole('button')[0];
  await click(finding);
  expect(screen.queryByRole('alert')).toBeNull();
  await pastDeadline();
  expect(alertText()).toContain('Word did not answer within 60 seconds');
});

test('a long read that keeps reporting progress is not cut off', async () => {
  const host = new FakeHost(SAMPLE_MARKUP);
  const read = host.read.bind(host);
  // Three minutes in all, a sign of life every 40 seconds: slower than the deadline, never silent for it.
  host.read = async (onProgress) => {
    for (let i = 1; i <= 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 40_000));
      onProgress?.(i / 5);
    }
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    return read(onProgress);
  };
  renderPane(host);
  await act(async () => {
    await jest.advanceTimersByTimeAsync(180_000);
  });
  await summary();
  expect(screen.queryByRole('alert')).toBeNull();
  expect(busy()).toBe('false');
});
