import { prepareBase } from '../../src/core/compare/base';
import { parseConference } from '../../src/core/conferences';
import { check } from '../../src/core/engine';
import { fromMarkup } from '../../src/core/markup';
import { ok, type Result } from '../../src/core/result';
import type { Snapshot, View } from '../../src/core/snapshot';
import { buildDocx, readDocx, type DocxDocument } from '../../src/docx';
import { newProposalDocx } from '../../src/docx/new-proposal';
import { insertNewProposal } from '../../src/word/new-proposal';
import { baseOf, seedMarkup, type SeedName } from '../compare/helpers';
import { FakeWord, type FakeWordOptions } from './fake-word';
import { flatOpc } from './flat-opc';
import { PERSONALITIES, WEB } from './personalities';
import { hostOn } from './host-on';

/**
 * Draft > "New proposal from in-force text" in Word: the in-force text inserted into an empty document
 * untracked, Track Changes on, and the proposal's own changes made as Word's tracked changes. Under every
 * personality the result must read as `amend new`'s output does, in both views, and pass the comparison
 * with its own base; anything but an empty document is refused with nothing changed.
 */

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

const WTSA_24 = value(parseConference('WTSA-24'));
const EMPTY: Snapshot = { paragraphs: [{ index: 0, runs: [] }] };

/** An in-force proceedings volume holding the seed's resolution as it stands in force (Hammamet, 2016). */
function inForce(seed: SeedName): DocxDocument {
  const markup = seedMarkup(seed)
    .replace(/(HAMMAMET|Hammamet|Busan) (\d{4})/g, '$1, $2')
    .replace('{+ HAMMAMET', '{+ Hammamet');
  return value(readDocx(buildDocx(baseOf(fromMarkup(markup), 'current', true)), 'in-force.docx'));
}

function wordWith(snapshot: Snapshot, options: FakeWordOptions) {
  const word = new FakeWord(snapshot, { ooxml: flatOpc, ...options });
  const host = hostOn(word);
  return { word, host };
}

const viewOf = (s: Snapshot, view: View) => new FakeWord(s).texts(view).filter((t) => t.trim() !== '');

describe.each(PERSONALITIES.map((p) => [p.name, p] as const))('Word (%s)', (_name, personality) => {
  describe.each<SeedName>(['en-resolution-52', 'fr-resolution-52'])('from %s', (seed) => {
    test.each(['MOD', 'SUP', 'NOC', 'ADD'])(
      '%s: as amend new writes it, the in-force text as the original, Track Changes on',
      async (marker) => {
        const base = inForce(seed);
        for (const userMode of ['Off', 'TrackAll'] as const) {
          const { word, host } = wordWith(EMPTY, { personality, trackingMode: userMode, user: 'Delegate' });
          const options = { marker, id: 'APT/44A14/1', conference: WTSA_24, resolution: '52' };
          const made = await insertNewProposal(host, base, options);
          expect(made).toEqual(ok({ resolution: '52', marker }));
          expect(word.trackingMode).toBe('TrackAll');

          // The CLI's output for the same base and options, read back.
          const cli = value(
            newProposalDocx(base, { ...options, author: 'Delegate', date: '2024-01-01T00:00:00Z' }),
          );
          const written = value(readDocx(cli.bytes, 'proposal.docx')).snapshot;
          const inWord = word.snapshot();
          for (const view of ['current', 'original'] as const)
            expect(viewOf(inWord, view)).toEqual(viewOf(written, view));

          // The in-force text went in untracked, with tracking off; every later text write was tracked
          // but the proposal line, which proposals never track.
          expect(word.writes[0]).toEqual({ op: 'insertOoxml', tracked: false });
          const later = word.writes.slice(1).filter((w) => w.op !== 'styleBuiltIn' && w.op !== 'style');
          expect(later.filter((w) => !w.tracked).map((w) => w.text)).toEqual(
            marker === 'ADD' ? [] : [`${marker}\tAPT/44A14/1`],
          );
          expect(word.touchedDeletions).toBe(0);

          // Checked against its own base, the comparison finds nothing.
          const diagnostics = check(inWord, {
            bases: [prepareBase(base.snapshot, 'in-force.docx')],
            rules: ['untracked-change', 'base-version'],
          }).diagnostics;
          expect(diagnostics).toEqual([]);
        }
      },
    );
  });

  test.each([
    [
      'a paragraph of text',
      { paragraphs: [{ index: 0, runs: [{ text: 'Draft' }] }] },
      /text \(paragraph 1\)/,
    ],
    [
      'two empty paragraphs',
      {
        paragraphs: [
          { index: 0, runs: [] },
          { index: 1, runs: [] },
        ],
      },
      /2 paragraphs/,
    ],
    [
      "only another author's tracked deletion",
      fromMarkup('[-Draft by another delegate-]'),
      /tracked changes/,
    ],
  ] as const)('refuses a document holding %s, changing nothing', async (_what, snapshot, reason) => {
    const { word, host } = wordWith(snapshot as Snapshot, { personality, trackingMode: 'Off' });
    const before = word.snapshot();
    const r = await insertNewProposal(host, inForce('en-resolution-52'), {
      marker: 'MOD',
      id: 'APT/44A14/1',
      conference: WTSA_24,
      resolution: '52',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
    if (!r.ok) expect(r.reason).toMatch(/empty document.*Nothing was changed\.$/);
    expect(word.writes).toEqual([]);
    expect(word.snapshot()).toEqual(before);
    expect(word.trackingMode).toBe('Off');
  });

  test('a failed insertion gives the user their tracking mode back and says so', async () => {
    const { word, host } = wordWith(EMPTY, { personality, trackingMode: 'TrackMineOnly' });
    word.failOn('insertOoxml', 'GeneralException');
    const r = await insertNewProposal(host, inForce('en-resolution-52'), {
      marker: 'MOD',
      id: 'APT/44A14/1',
      conference: WTSA_24,
      resolution: '52',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/Could not insert the new proposal.*GeneralException/);
    expect(word.trackingMode).toBe('TrackMineOnly');
    expect(word.snapshot()).toEqual(EMPTY);
  });
});

test('Word on the web in a WOPI editor refuses insertOoxml (#4640): said with its code, tracking mode back, nothing changed', async () => {
  const { word, host } = wordWith(EMPTY, {
    personality: WEB,
    trackingMode: 'Off',
    insertOoxmlNotAllowed: true,
  });
  const r = await insertNewProposal(host, inForce('en-resolution-52'), {
    marker: 'MOD',
    id: 'APT/44A14/1',
    conference: WTSA_24,
    resolution: '52',
  });
  expect(r).toMatchObject({
    ok: false,
    reason: expect.stringMatching(/NotAllowed|isn't supported by Word in a browser/),
  });
  expect(word.trackingMode).toBe('Off');
  expect(word.snapshot()).toEqual(EMPTY);
  expect(host.diagnostics().lastError).toMatchObject({ code: 'NotAllowed' });
});

test('a base with no such resolution is refused before Word is touched', async () => {
  const { word, host } = wordWith(EMPTY, {});
  const r = await insertNewProposal(host, inForce('en-resolution-52'), {
    marker: 'MOD',
    id: 'APT/44A14/1',
    conference: WTSA_24,
    resolution: '99',
  });
  expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/holds no Resolution 99/) });
  expect(word.runs).toBe(0);
});
