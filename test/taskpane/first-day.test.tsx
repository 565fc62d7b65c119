/** @jest-environment jsdom */
import { TextDecoder, TextEncoder } from 'node:util';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import {
  CONFERENCES,
  describeConference,
  extendConferences,
  resetConferences,
} from '../../src/core/conferences';
import { isFixable } from '../../src/core/diagnostic';
import { check } from '../../src/core/engine';
import { paragraphText } from '../../src/core/snapshot';
import { translator } from '../../src/taskpane/i18n';
import { DocumentView } from '../../src/taskpane/preview/document-view';
import { createSampleHost } from '../../src/taskpane/preview/preview-host';
import { SAMPLE_MARKUP } from '../../src/taskpane/preview/sample';
import { AmendRoot } from '../../src/taskpane/root';
import { contribution, RIYADH_UNVERIFIED_IN_ARABIC } from '../core/fixtures';
import { FakeHost } from './fake-host';
import { renderPane } from './ui-helpers';

// jsdom lacks the encoders the .docx writer behind the preview host uses; Node's are the browser's.
Object.assign(globalThis, { TextEncoder, TextDecoder });

// A ceiling against hangs of Fluent's popovers in jsdom, not a timing check.
jest.setTimeout(30_000);

const summary = () => screen.findByText(/^Errors: \d+ · Warnings: \d+$/);

const openDraft = async () => {
  await summary();
  await userEvent.click(screen.getByRole('tab', { name: 'Draft' }));
};

/** The sample followed by a second resolution that has no proposal line yet. */
const TWO_RESOLUTIONS = `${SAMPLE_MARKUP}
Reasons:\tSpam over messaging applications.
RESOLUTION 64 (Rev. Geneva, 2022)
Non-discriminatory access
(Dubai, 2012; Hammamet, 2016; Geneva, 2022)
The World Telecommunication Standardization Assembly (Geneva, 2022),
considering
a)\tthat access matters,
resolves
1\tto act.`;

// A test that extends the record leaves the shipped one to the next.
afterEach(resetConferences);

describe('Draft offers only what can succeed', () => {
  test('every resolution has its proposal line: Insert is disabled and says why', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await openDraft();
    const insert = screen.getByRole('button', { name: 'Insert proposal line' });
    expect((insert as HTMLButtonElement).disabled).toBe(true);
    const why = screen.getByText('Every resolution already has a proposal line.');
    expect(insert.getAttribute('aria-describedby')).toBe(why.id);
  });

  test('defaults to the first resolution without a proposal line, and Insert succeeds there', async () => {
    const host = new FakeHost(TWO_RESOLUTIONS);
    renderPane(host);
    await openDraft();
    const form = screen.getByRole('region', { name: 'Insert a proposal line' });
    expect(within(form).getByRole('combobox', { name: 'Resolution' }).textContent).toMatch(/Resolution 64/i);
    // The sample's series continues at 2.
    expect(within(form).getByText(/^(MOD|NOC) APT\/37A12\/2$/)).toBeTruthy();
    const insert = within(form).getByRole('button', { name: 'Insert proposal line' });
    expect((insert as HTMLButtonElement).disabled).toBe(false);
    await userEvent.click(insert);
    await waitFor(() => expect(host.applied).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
    const texts = host.snapshot.paragraphs.map((p) => paragraphText(p));
    expect(texts[texts.findIndex((t) => t.startsWith('RESOLUTION 64')) - 1]).toMatch(/^\S+\tAPT\/37A12\/2$/);
    // Now every resolution has its line: the button says so instead of failing.
    await waitFor(() =>
      expect(within(form).getByText('Every resolution already has a proposal line.')).toBeTruthy(),
    );
  });

  test('reasons: enabled where they are missing, disabled with the reason once inserted', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await openDraft();
    const form = screen.getByRole('region', { name: 'Reasons' });
    const button = () => within(form).getByRole('button', { name: 'Insert reasons paragraph' });
    expect((button() as HTMLButtonElement).disabled).toBe(false);
    await userEvent.click(button());
    await waitFor(() => expect((button() as HTMLButtonElement).disabled).toBe(true));
    expect(within(form).getByText(/already has its reasons/)).toBeTruthy();
  });

  test('retag: disabled until a conference is picked, and the list is the whole registry, WRC included', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await openDraft();
    const form = screen.getByRole('region', { name: 'Retag for a conference' });
    // No pointer-events check: it reads every ancestor's computed style, slow with the whole list open.
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    await user.click(within(form).getByRole('combobox', { name: 'Target conference' }));
    // A role query over the registry's many options is slow in jsdom: read them by their role attribute.
    const offered = [...document.querySelectorAll('[role="option"]')].map((o) => o.textContent);
    expect(new Set(offered)).toEqual(new Set(CONFERENCES.map(describeConference)));
    expect(offered).toContain('WRC-23 (Dubai, 2023)');
    expect(offered).toContain('WTSA-24 (New Delhi, 2024)');
    // Grouped by body, the most recent first.
    const wtsa = [...document.querySelectorAll('[role="group"]')].find(
      (g) => document.getElementById(g.getAttribute('aria-labelledby') ?? '')?.textContent === 'WTSA',
    );
    expect(wtsa?.querySelector('[role="option"]')?.textContent).toBe('WTSA-24 (New Delhi, 2024)');
  });

  test('retag names a city it would write in a form no ITU text has yet been seen to use', async () => {
    expect(extendConferences(RIYADH_UNVERIFIED_IN_ARABIC).ok).toBe(true);
    const arabic = contribution('ar-resolution-52');
    renderPane(new FakeHost(arabic));
    await openDraft();
    const form = screen.getByRole('region', { name: 'Retag for a conference' });
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    const pick = async (name: string) => {
      await user.click(within(form).getByRole('combobox', { name: 'Target conference' }));
      const option = [...document.querySelectorAll('[role="option"]')].find((o) => o.textContent === name);
      await user.click(option as HTMLElement);
    };
    const retag = () => within(form).getByRole('button', { name: 'Retag' });
    const note = /^Check “الرياض” \(Riyadh\): no ITU text has yet been seen/;

    await pick('WTSA-28 (Riyadh, 2028)');
    const shown = await within(form).findByText(note);
    expect((retag() as HTMLButtonElement).disabled).toBe(false);
    const describedBy = retag().getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ')).toContain(shown.parentElement!.id);

    // New Delhi's Arabic name is in ITU's own texts: nothing to check.
    await pick('WTSA-24 (New Delhi, 2024)');
    await waitFor(() => expect(within(form).queryByText(note)).toBeNull());
    expect(retag().getAttribute('aria-describedby')).toBeNull();
  });

  test('Fix all names a city it wrote in a form no ITU text has yet been seen to use', async () => {
    expect(extendConferences(RIYADH_UNVERIFIED_IN_ARABIC).ok).toBe(true);
    // Number line and preamble moved on to WTSA-28; the history line was not given its entry.
    const arabic = contribution('ar-resolution-52').replaceAll('{+الحمامات، 2016+})', '{+الرياض، 2028+})');
    const host = new FakeHost(arabic);
    renderPane(host);
    await summary();
    await userEvent.click(screen.getByRole('button', { name: /^Fix all/ }));
    const notice = await screen.findByText(/^Fixed \d+ problems?\./);
    expect(notice.textContent).toMatch(/Check “الرياض” \(Riyadh\): no ITU text has yet been seen/);
    expect(paragraphText(host.snapshot.paragraphs[3])).toMatch(/؛ الرياض، 2028\)$/);
  });

  test('renumber: a section already in order is disabled with "Nothing to change"', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await openDraft();
    const form = screen.getByRole('region', { name: 'Renumber a section' });
    // The first section, recognizing, runs a) b) c) already.
    const renumber = within(form).getByRole('button', { name: 'Renumber' });
    expect((renumber as HTMLButtonElement).disabled).toBe(true);
    expect(within(form).getByText('Nothing to change: it is already done.')).toBeTruthy();
  });
});

describe('the pane reads for a delegate', () => {
  test('the theme selector has a visible label', async () => {
    renderPane(new FakeHost(SAMPLE_MARKUP));
    await summary();
    const select = screen.getByRole('combobox', { name: 'Theme' });
    const label = document.querySelector(`label[for="${select.id}"]`);
    expect(label?.textContent).toBe('Theme');
  });

  test('Fix all says how many problems it fixed and how many need the delegate', async () => {
    const host = new FakeHost(SAMPLE_MARKUP);
    renderPane(host);
    await summary();
    const fixable = check(host.snapshot).diagnostics.filter(isFixable).length;
    await userEvent.click(screen.getByRole('button', { name: `Fix all (${fixable})` }));
    const left = check(host.snapshot).diagnostics.length;
    const expected = `Fixed ${fixable} problems. ${left === 0 ? 'Nothing left to do.' : `${left} ${left === 1 ? 'needs' : 'need'} you.`}`;
    expect((await screen.findByText(/^Fixed \d+ problems?\./)).textContent).toBe(expected);
  });

  test.each([
    ['en', 1, 1, 'Fixed 1 problem. 1 needs you.'],
    ['en', 4, 2, 'Fixed 4 problems. 2 need you.'],
    ['en', 3, 0, 'Fixed 3 problems. Nothing left to do.'],
    ['en', 0, 1, 'Nothing could be fixed. 1 needs you.'],
    ['fr', 1, 1, '1 problème corrigé. 1 demande votre intervention.'],
    ['fr', 4, 2, '4 problèmes corrigés. 2 demandent votre intervention.'],
    ['fr', 2, 0, '2 problèmes corrigés. Plus rien à faire.'],
    ['es', 1, 3, '1 problema corregido. 3 requieren su intervención.'],
  ] as const)('%s: %d fixed, %d left → "%s"', (language, applied, remaining, text) => {
    expect(translator(language)('fixedSummary', { applied, passes: 1, remaining })).toBe(text);
  });
});

describe("the preview's document view shows who made each change", () => {
  test("Amend's changes carry its name on hover, a change bar with its initials, and a legend", async () => {
    const made = createSampleHost();
    if (!made.ok) throw new Error(made.reason);
    const host = made.value;
    render(
      <AmendRoot language="en" environment={{ prefersDark: false, forcedColors: false }}>
        <DocumentView host={host} />
      </AmendRoot>,
    );
    let read!: Awaited<ReturnType<typeof host.read>>;
    await act(async () => void (read = await host.read()));
    const snapshot = read;
    if (!snapshot.ok) throw new Error(snapshot.reason);
    const tag = check(snapshot.value).diagnostics.find((d) => d.ruleId === 'revision-tag')!;
    await act(async () => {
      const { planFixes } = await import('../../src/core/fix');
      await host.apply(planFixes(snapshot.value, [tag]).plan);
    });
    const page = screen.getByRole('document', { name: 'Document' });
    const line = page.querySelector(`[data-paragraph="${tag.paragraph}"]`)!;
    const ours = [...line.querySelectorAll('ins, del')].filter((el) =>
      el.getAttribute('title')?.includes('by Amend'),
    );
    expect(ours.length).toBeGreaterThan(0);
    expect(ours[0].getAttribute('title')).toMatch(/^(Inserted|Deleted) by Amend, \d{4}-\d\d-\d\d \d\d:\d\d$/);
    // The margin marker names the paragraph's authors by initials, the full names on hover.
    const who = line.querySelector('[data-who]')!;
    expect(who.textContent).toContain('Am');
    expect(who.getAttribute('title')).toMatch(/^Changed by .*Amend/);
    // An unchanged paragraph has neither.
    const plain = [...page.querySelectorAll('[data-paragraph]')].find((p) => !p.querySelector('ins, del'))!;
    expect(plain.querySelector('[data-who]')).toBeNull();
    // The legend counts each author's changes, readable as text.
    const legend = document.querySelector('[data-legend]')!;
    expect(legend.textContent).toMatch(/Tracked changes by/);
    expect(legend.querySelector('[data-author="Amend"]')?.textContent).toMatch(/^Amend \(\d+\)$/);
  });
});
