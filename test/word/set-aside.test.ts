import { check } from '../../src/core/engine';
import { anchorsOf, fixAll, fixAllAsync, isPlacementRefusal, planFixes } from '../../src/core/fix';
import { fromMarkup } from '../../src/core/markup';
import { textEdit } from '../../src/core/plan';
import { ok, type Result } from '../../src/core/result';
import { currentView, snapshotIo } from '../core/fix/helpers';
import { FakeWord } from './fake-word';
import { flatOpc } from './flat-opc';
import { hostOn } from './host-on';
import { isPreambleTag, MARKUP, openCommented, PREAMBLE } from './set-aside-case';
import { MAC, WEB, WINDOWS } from './personalities';

/**
 * Fix all in Word when Word cannot place one fix: a reviewer's comment ends inside the characters one
 * fix replaces. On the web Paragraph.text shows no comment anchor and no search matches across one (see
 * personalities.ts), so Word finds the fix's characters 0 times where the file has them once. That fix
 * is set aside, reported with the reason; every other fix is made.
 */

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

const fixInWord = (host: ReturnType<typeof hostOn>) =>
  fixAllAsync(host, {
    read: (h) => h.read(),
    apply: async (h, plan) => {
      const r = await h.apply(plan);
      return r.ok ? ok(h) : r;
    },
  });

/** What the in-memory fixer writes, the preamble's fix left out. */
const withoutPreambleTag = () =>
  value(fixAll(fromMarkup(MARKUP), snapshotIo, { canFix: (d) => !isPreambleTag(d) }));

describe('Word on the web, a comment ending inside the characters of one fix', () => {
  it('Fix all makes every other fix and sets that one aside, naming what Word could not find', async () => {
    const { word, host } = openCommented(WEB);
    const original = word.texts('original');
    const before = check(value(await host.read())).diagnostics.filter((d) => d.fix);
    expect(before.filter(isPreambleTag)).toHaveLength(1);
    expect(before).toHaveLength(5);

    const done = value(await fixInWord(host));
    const memory = withoutPreambleTag();
    expect(word.texts('current')).toEqual(currentView(memory.doc));
    expect(word.texts('current')[PREAMBLE]).toBe(
      'The World Telecommunication Standardization Assembly (Dubai, 2012),',
    );
    expect(word.texts('current')[7]).toBe('b) that measures help,');
    expect(done.applied.map((d) => d.message)).toEqual(memory.applied.map((d) => d.message));
    expect(done.applied).toHaveLength(before.length - 1);

    expect(done.setAside).toHaveLength(1);
    const [aside] = done.setAside;
    expect(isPreambleTag(aside.finding)).toBe(true);
    expect(aside.reason).toBe(
      'Word finds "Dubai, 2012" differently from the file (found 0 times, expected 1)',
    );
    expect(done.remaining).toContain(aside.finding);
    expect(done.remaining.map((d) => d.message)).toEqual(memory.remaining.map((d) => d.message));
    expect(done.stoppedBy).toBe('done');

    // Everything Amend wrote is tracked, the comment and everyone else's revisions are untouched.
    expect(word.texts('original')).toEqual(original);
    expect(word.touchedMarks).toBe(0);
    expect(word.touchedDeletions).toBe(0);
  });

  it('a single Fix of that finding is refused as before, naming the paragraph, and changes nothing', async () => {
    const { word, host } = openCommented(WEB);
    const s = value(await host.read());
    const tag = check(s).diagnostics.find(isPreambleTag)!;
    const current = word.texts('current');
    const writes = word.writes.length;
    const r = await host.apply(planFixes(s, [tag]).plan);
    expect(r).toMatchObject({
      ok: false,
      reason: `Word finds "Dubai, 2012" in paragraph 5 differently from the file (found 0 times, expected 1); make "Fix: ${tag.message}" by hand. Nothing was changed.`,
    });
    expect(word.texts('current')).toEqual(current);
    expect(word.writes).toHaveLength(writes);
  });
});

// Where Word shows the comment anchor in Paragraph.text (#2114 Windows, #2258 Mac), the adapter sees it
// and writes around it: nothing is set aside.
it.each([MAC, WINDOWS])('Word ($name), the same comment: every fix is made', async (personality) => {
  const { word, host } = openCommented(personality);
  const done = value(await fixInWord(host));
  expect(done.setAside).toEqual([]);
  const memory = value(fixAll(fromMarkup(MARKUP), snapshotIo));
  expect(word.texts('current')).toEqual(currentView(memory.doc));
  expect(word.touchedMarks).toBe(0);
});

describe('the refusal names every edit Word cannot place, before anything is written', () => {
  it('on the web, the edit whose characters run over the comment, and no other', async () => {
    const { word, host } = openCommented(WEB);
    const s = value(await host.read());
    const fixable = check(s).diagnostics.filter((d) => d.fix);
    const { plan } = planFixes(s, fixable);
    const r = await host.apply(plan);
    if (!isPlacementRefusal(r)) throw new Error('expected a placement refusal');
    const tag = fixable.find(isPreambleTag)!.fix![0];
    expect(r.unplaced).toEqual([
      {
        edit: plan.edits.indexOf(tag),
        reason: 'Word finds "Dubai, 2012" differently from the file (found 0 times, expected 1)',
      },
    ]);
    expect(word.writes).toEqual([]);
  });

  it('an edit whose characters Word cannot single out, found before Word is asked', async () => {
    const word = new FakeWord(fromMarkup('a aaa\nfoo bar'), { personality: WEB, ooxml: flatOpc });
    const host = hostOn(word);
    const s = value(await host.read());
    // Counted without overlap, the "aa" at the end of "aaa" is no occurrence of its own.
    const edits = [textEdit(1, 4, 'bar', 'baz'), textEdit(0, 3, 'aa', 'b')];
    const r = await host.apply({ title: 'Two edits', edits, anchors: anchorsOf(s, edits) });
    if (!isPlacementRefusal(r)) throw new Error('expected a placement refusal');
    expect(r.unplaced).toEqual([
      { edit: 1, reason: expect.stringMatching(/^Word cannot single out "aa" \(/) },
    ]);
    expect(r.reason).toMatch(/^Word cannot single out "aa" in paragraph 1 .*Nothing was changed\.$/);
    expect(word.writes).toEqual([]);
    expect(host.diagnostics().lastApply?.roundTrips).toBe(0);
  });
});
