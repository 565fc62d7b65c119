import { check } from '../../src/core/engine';
import { fixAll, fixAllAsync } from '../../src/core/fix';
import { fromMarkup, toMarkup } from '../../src/core/markup';
import { parse } from '../../src/core/parse';
import { renumberPlan } from '../../src/core/commands';
import { ok, type Result } from '../../src/core/result';
import { existsIn, paragraphText, type Snapshot } from '../../src/core/snapshot';
import { WordHost } from '../../src/word/word-host';
import { snapshotIo } from '../core/fix/helpers';
import { FakeWord, type FakeWordOptions } from './fake-word';
import { flatOpc } from './flat-opc';
import { WEB, WINDOWS } from './personalities';
import { hostOn } from './host-on';

/**
 * When Word will not hand out the body's OOXML, the adapter reads the whole file instead, and it asks
 * for the OOXML again once the reason for the refusal is gone. Word on the web refuses a body holding a
 * tracked deletion (#3898, as the error's code; #240, as a GeneralException whose debugInfo says
 * ooxmlIsMalformated); whether a deleted paragraph mark alone is enough is not documented, so both are
 * run. Embedded Word on the web refuses after any edit (#6016); Word on Windows refuses some documents
 * with a GeneralException (#6059).
 */

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

function setUp(markup: string, options: FakeWordOptions) {
  const word = new FakeWord(fromMarkup(markup), { user: 'Amend user', ooxml: flatOpc, ...options });
  const host = hostOn(word);
  return { word, host };
}

const viewOf = (s: Snapshot, v: 'current' | 'original') =>
  s.paragraphs.filter((p) => existsIn(p, v)).map((p) => paragraphText(p, v));

/** A misnumbered MOD whose only tracked deletion is "old " (another author's). */
const DELETION = [
  'MOD\tAPT/44A14/1',
  'RESOLUTION 52 (Rev. Dubai, 2012)',
  'resolves',
  '1\tto continue [-old -]work on spam;',
  '3\tto report regularly.',
].join('\n');

/** The same with no tracked change at all. */
const CLEAN = DELETION.replace('[-old -]', '');

/** The same whose only deletion is a paragraph mark: clause 1 runs on into a paragraph of its own. */
const MARK_ONLY = [
  ...CLEAN.split('\n').slice(0, 3),
  '-¶ 1\tto continue work',
  'on spam;',
  '3\tto report.',
].join('\n');

const fixEverything = (host: WordHost) =>
  fixAllAsync(host, {
    read: (h) => h.read(),
    apply: async (h, plan) => {
      const r = await h.apply(plan);
      return r.ok ? ok(h) : r;
    },
  });

describe.each([
  ['#3898: the code is ooxmlIsMalformated', 'code', 'ooxmlIsMalformated'],
  ['#240: a GeneralException whose debugInfo says ooxmlIsMalformated', 'debugInfo', 'GeneralException'],
] as const)('Word on the web refusing the OOXML (%s)', (_name, ooxmlRefusal, code) => {
  it.each([true, false])(
    'reads a document with a tracked deletion through the file and fixes it (a deleted mark alone refuses: %s)',
    async (deletedMarkRefuses) => {
      const { word, host } = setUp(DELETION, { personality: WEB, ooxmlRefusal, deletedMarkRefuses });
      const s = value(await host.read());
      expect(toMarkup(s)).toBe(toMarkup(word.snapshot()));
      const d = host.diagnostics();
      expect(d.readPath).toBe('file');
      expect(d.lastError).toMatchObject({ code });
      expect(d.lastError?.debugInfo).toMatch(/^at Body\.getOoxml/);
      // Word is not busy: the message names what Word said, not a generic "try again".
      expect(d.lastError?.message).not.toMatch(/busy/);
      expect(d.lastError?.message).toMatch(/ooxmlIsMalformated/);
      const original = word.texts('original');
      const done = value(await fixEverything(host));
      const memory = value(fixAll(fromMarkup(DELETION), snapshotIo));
      expect(done.applied.length).toBe(memory.applied.length);
      expect(word.texts('current')).toEqual(viewOf(memory.doc, 'current'));
      expect(word.texts('original')).toEqual(original);
      expect(word.touchedDeletions).toBe(0);
      expect(word.touchedMarks).toBe(0);
      expect(word.officeDocument.open).toBe(0);
    },
  );

  it.each([true, false])(
    'reads a document whose only deletion is a paragraph mark, whichever way Word takes it (refuses: %s)',
    async (deletedMarkRefuses) => {
      const { word, host } = setUp(MARK_ONLY, { personality: WEB, ooxmlRefusal, deletedMarkRefuses });
      const s = value(await host.read());
      expect(toMarkup(s)).toBe(toMarkup(word.snapshot()));
      expect(host.diagnostics().readPath).toBe(deletedMarkRefuses ? 'file' : 'ooxml');
      expect(check(s).diagnostics.map((x) => x.message)).toEqual(
        check(word.snapshot()).diagnostics.map((x) => x.message),
      );
    },
  );

  it('asks for the OOXML again once the deletions are accepted, not before', async () => {
    const { word, host } = setUp(DELETION, { personality: WEB, ooxmlRefusal });
    value(await host.read());
    value(await host.read());
    // Refused once; the second read went straight to the file, which still holds the deletion.
    expect(word.count('getOoxml')).toBe(1);
    expect(word.officeDocument.files).toBe(2);
    word.acceptAll();
    value(await host.read());
    // The file read after the refusal shows no deletion any more: the next read asks Word again.
    expect(word.count('getOoxml')).toBe(1);
    const s = value(await host.read());
    expect(word.count('getOoxml')).toBe(2);
    expect(host.diagnostics().readPath).toBe('ooxml');
    expect(toMarkup(s)).toBe(toMarkup(word.snapshot()));
    expect(word.officeDocument.files).toBe(3);
  });
});

describe('embedded Word on the web (#6016): getOoxml refused after any edit', () => {
  it('reads the OOXML until the first edit, then the file, and fixes as the in-memory fixer does', async () => {
    const { word, host } = setUp(CLEAN, { personality: WEB, embedded: true });
    const s = value(await host.read());
    expect(host.diagnostics().readPath).toBe('ooxml');
    expect(await host.apply(value(renumberPlan(s, parse(s), { proposal: 0, section: 'resolves' })))).toEqual(
      ok(undefined),
    );
    const after = value(await host.read());
    expect(host.diagnostics().readPath).toBe('file');
    expect(toMarkup(after)).toBe(toMarkup(word.snapshot()));
    expect(word.texts('current')[4]).toBe('2\tto report regularly.');
    expect(word.texts('original')).toEqual(viewOf(fromMarkup(CLEAN), 'original'));
  });

  it('fixes everything through the file when the user edited before the first read', async () => {
    const { word, host } = setUp(CLEAN, { personality: WEB, embedded: true });
    word.userEdit(1, 'RESOLUTION 52 (Rev. Dubai, 2012)');
    const done = value(await fixEverything(host));
    const memory = value(fixAll(fromMarkup(CLEAN), snapshotIo));
    expect(done.applied.length).toBe(memory.applied.length);
    expect(word.texts('current')).toEqual(viewOf(memory.doc, 'current'));
    expect(host.diagnostics().readPath).toBe('file');
    expect(word.officeDocument.open).toBe(0);
    // Refused with no deletion in the file: not a deletion's refusal, so no read asks again.
    expect(word.count('getOoxml')).toBe(1);
    expect(word.officeDocument.files).toBeGreaterThan(1);
  });
});

describe('Word on Windows refusing some documents (#6059)', () => {
  it('keeps reading such a document through the file, with or without tracked deletions', async () => {
    const { word, host } = setUp(CLEAN, { personality: WINDOWS, ooxmlFails: 'GeneralException' });
    for (let i = 0; i < 3; i++) value(await host.read());
    expect(word.count('getOoxml')).toBe(1);
    expect(word.officeDocument.files).toBe(3);
    expect(host.diagnostics().lastError).toMatchObject({ code: 'GeneralException' });
  });

  it('tries the OOXML again after a failure that was not a refusal of it', async () => {
    const { word, host } = setUp(CLEAN, { personality: WINDOWS });
    word.failOn('load', 'GeneralException');
    value(await host.read());
    expect(host.diagnostics().readPath).toBe('file');
    value(await host.read());
    expect(host.diagnostics().readPath).toBe('ooxml');
    expect(word.count('getOoxml')).toBe(2);
  });
});
