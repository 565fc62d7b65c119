import fc from 'fast-check';
import { applyPlanToSnapshot } from '../../src/core/apply';
import { normalise, prepareBase } from '../../src/core/compare';
import { check } from '../../src/core/engine';
import { fixAll, type FixIo } from '../../src/core/fix';
import { fromMarkup } from '../../src/core/markup';
import { existsIn, paragraphText, type Paragraph, type Snapshot } from '../../src/core/snapshot';
import { applyPlan, buildDocx, readDocx, type DocxDocument } from '../../src/docx';
import { by, currentView } from '../core/fix/helpers';
import { resolution } from '../property/arbitraries';
import { baseOf } from './helpers';

/**
 * What `amend fix --base` promises, over generated resolutions (random tracked changes) into which
 * edits were then made with tracking off — a word replaced, a clause typed, a clause removed: the
 * current view is unchanged, and afterwards the original view reads as the in-force text, so the
 * comparison finds nothing left; fixing again changes nothing.
 */

type Untracked =
  { kind: 'word'; at: number } | { kind: 'typed'; at: number } | { kind: 'removed'; at: number };

const untracked = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant<'word'>('word'), at: fc.nat() }),
    fc.record({ kind: fc.constant<'typed'>('typed'), at: fc.nat() }),
    fc.record({ kind: fc.constant<'removed'>('removed'), at: fc.nat() }),
  ),
  { minLength: 1, maxLength: 3 },
);

const plain = (p: Paragraph) => p.mark === undefined && p.runs.every((r) => r.revision === undefined);
const CLAUSE = /^([a-z]|\d+)\)?\t/;

/** The proposal with edits made with tracking off, among its clauses (never its head or reasons). */
function edit(s: Snapshot, edits: readonly Untracked[]): Snapshot {
  let paragraphs = [...s.paragraphs];
  edits.forEach((e, n) => {
    const clauses = paragraphs
      .map((p, i) => [p, i] as const)
      .filter(([p]) => CLAUSE.test(paragraphText(p, 'original')));
    if (clauses.length === 0) return;
    const [p, i] = clauses[e.at % clauses.length];
    if (e.kind === 'typed') {
      const text = `${paragraphText(p).match(CLAUSE)?.[0] ?? ''}that typed clause number ${n} differs;`;
      paragraphs.splice(i, 0, { index: i, runs: [{ text }] });
    } else if (e.kind === 'removed' && plain(p)) {
      paragraphs.splice(i, 1);
    } else if (e.kind === 'word') {
      const k = p.runs.findIndex((r) => r.revision === undefined && / \w+ /.test(r.text));
      if (k < 0) return;
      const runs = p.runs.map((r, j) =>
        j === k ? { ...r, text: r.text.replace(/ \w+ /, ` altered${n} `) } : r,
      );
      paragraphs[i] = { ...p, runs };
    }
  });
  paragraphs = paragraphs.map((p, index) => ({ ...p, index }));
  return { ...s, paragraphs };
}

const originalTexts = (s: Snapshot, from: number) =>
  s.paragraphs
    .slice(from)
    .filter((p) => existsIn(p, 'original'))
    .map((p) => normalise(paragraphText(p, 'original'), p.numbering?.label).text)
    .filter((t) => t !== '' && !t.startsWith('Reasons:'));

const snapshotIo: FixIo<Snapshot> = { read: (s) => s, apply: (s, plan) => applyPlanToSnapshot(s, plan, by) };

/** The promise of `fix --base` for one proposal and the edits made in it with tracking off. */
function fixKeepsCurrentAndRestoresOriginal(markup: string, edits: readonly Untracked[]): void {
  const seed = fromMarkup(markup);
  const built = baseOf(seed);
  const base = prepareBase(built, 'in-force.docx');
  const input = edit(seed, edits);
  const found = check(input, { bases: [base], rules: ['untracked-change'] }).diagnostics;
  const changed = originalTexts(input, 1).join('\n') !== originalTexts(built, 0).join('\n');
  expect(found.length > 0).toBe(changed);
  const r = fixAll(input, snapshotIo, { bases: [base], rules: ['untracked-change'] });
  if (!r.ok) throw new Error(r.reason);
  const out = r.value.doc;
  expect(currentView(out)).toEqual(currentView(input));
  expect(r.value.remaining.map((d) => d.message)).toEqual([]);
  expect(originalTexts(out, 1)).toEqual(originalTexts(built, 0));
  const again = fixAll(out, snapshotIo, { bases: [base], rules: ['untracked-change'] });
  expect(again).toMatchObject({ ok: true, value: { passes: 0 } });
}

describe('fix --base properties', () => {
  const runs = Number(process.env.AMEND_PROPERTY_RUNS ?? 60);

  test('the current view is kept, the original view becomes the in-force text, and a second fix changes nothing', () => {
    fc.assert(fc.property(resolution, untracked, fixKeepsCurrentAndRestoresOriginal), { numRuns: runs });
  });

  test('a clause removed with tracking off next to a clause whose untracked word sits beside a tracked deletion', () => {
    // fast-check's counterexample (seed 2031215190): noting a) is gone, considering e) has `altered1`
    // in place of `spam` right after a tracked deletion.
    const markup = [
      'MOD\tAPT/44A14/1',
      'RESOLUTION 52 (Rev. [-Dubai, 2012-]{+Hammamet, 2016+})',
      'Countering and combating spam',
      '(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012{+; Hammamet, 2016+})',
      'The World Telecommunication Standardization Assembly ([-Dubai, 2012-]{+Hammamet, 2016+}),',
      'considering',
      'a)\\tthat spam;',
      'b)\\tthat spam;',
      'c)\\tthat spam;',
      'd)\\tthat work information;',
      'e)\\tthat [-work information -] spam spam,',
      'noting',
      'a)\\tthat [-spam -];',
      'b)\\tthat spam;',
      'c)\\tthat spam;',
      'd)\\tthat [-spam -],',
      'resolves',
      '1\\tto {+spam +}.',
    ].join('\n');
    fixKeepsCurrentAndRestoresOriginal(markup, [
      { kind: 'removed', at: 0 },
      { kind: 'word', at: 1330365144 },
      { kind: 'removed', at: 1701743132 },
    ]);
  });

  test('through the .docx writer the same fixes give the same views as in memory', () => {
    const docxIo: FixIo<DocxDocument> = {
      read: (d) => d.snapshot,
      apply: (d, plan) => {
        const bytes = applyPlan(d, plan, by);
        return bytes.ok ? readDocx(bytes.value, 'generated.docx') : bytes;
      },
    };
    fc.assert(
      fc.property(resolution, untracked, (markup, edits) => {
        const seed = fromMarkup(markup);
        const base = prepareBase(baseOf(seed), 'in-force.docx');
        const docx = readDocx(buildDocx(edit(seed, edits)), 'generated.docx');
        if (!docx.ok) throw new Error(docx.reason);
        const onDisk = fixAll(docx.value, docxIo, { bases: [base], rules: ['untracked-change'] });
        const inMemory = fixAll(docx.value.snapshot, snapshotIo, {
          bases: [base],
          rules: ['untracked-change'],
        });
        if (!onDisk.ok) throw new Error(onDisk.reason);
        if (!inMemory.ok) throw new Error(inMemory.reason);
        const out = onDisk.value.doc.snapshot;
        expect(currentView(out)).toEqual(currentView(docx.value.snapshot));
        expect(originalTexts(out, 0)).toEqual(originalTexts(inMemory.value.doc, 0));
        expect(check(out, { bases: [base], rules: ['untracked-change'] }).diagnostics).toEqual([]);
      }),
      { numRuns: Math.max(10, Math.floor(runs / 4)) },
    );
  });
});
