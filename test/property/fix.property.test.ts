import fc from 'fast-check';
import { check } from '../../src/core/engine';
import { fixAll, type FixIo } from '../../src/core/fix';
import { fromMarkup } from '../../src/core/markup';
import { applyPlan, buildDocx, readDocx, type DocxDocument } from '../../src/docx';
import { by, currentView, originalView, snapshotIo } from '../core/fix/helpers';
import { resolution } from './arbitraries';

/**
 * What `amend fix` promises, over generated resolutions with random tracked insertions, deletions and
 * label errors: nothing of the original text is lost, nothing fixable is left, and a second run changes
 * nothing.
 */
describe('fixAll properties', () => {
  const runs = Number(process.env.AMEND_PROPERTY_RUNS ?? 60);

  // Every change a fix makes is tracked (only `mark`'s proposal line is not, and no fix writes one), so
  // rejecting them all gives the input back exactly.
  test('the original view of the output is the original view of the input', () => {
    fc.assert(
      fc.property(resolution, (markup) => {
        const input = fromMarkup(markup);
        const r = fixAll(input, snapshotIo);
        if (!r.ok) throw new Error(r.reason);
        expect(originalView(r.value.doc)).toEqual(originalView(input));
      }),
      { numRuns: runs },
    );
  });

  test('re-checking the output finds nothing fixable, and fixing it again changes nothing', () => {
    fc.assert(
      fc.property(resolution, (markup) => {
        const r = fixAll(fromMarkup(markup), snapshotIo);
        if (!r.ok) throw new Error(r.reason);
        expect(r.value.stoppedBy).toBe('done');
        const out = r.value.doc;
        const fixable = check(out, { conference: r.value.conference ?? undefined }).diagnostics.filter(
          (d) => d.fix,
        );
        expect(fixable.map((d) => `${d.paragraph + 1}: ${d.message}`)).toEqual([]);
        const again = fixAll(out, snapshotIo);
        if (!again.ok) throw new Error(again.reason);
        expect(again.value.passes).toBe(0);
        expect(again.value.doc).toBe(out);
      }),
      { numRuns: runs },
    );
  });

  test('a clause inserted without re-lettering is re-lettered by one-letter replacements only', () => {
    fc.assert(
      fc.property(resolution, (markup) => {
        const r = fixAll(fromMarkup(markup), snapshotIo, { rules: ['clause-sequence'] });
        if (!r.ok) throw new Error(r.reason);
        for (const d of r.value.applied)
          for (const e of d.fix ?? [])
            if (e.kind === 'text') expect([e.expected.length, e.text.length]).toEqual([1, 1]);
      }),
      { numRuns: runs },
    );
  });

  test('through the .docx writer the same fixes give the same texts as in memory, and survive a re-read', () => {
    const docxIo: FixIo<DocxDocument> = {
      read: (d) => d.snapshot,
      apply: (d, plan) => {
        const bytes = applyPlan(d, plan, by);
        return bytes.ok ? readDocx(bytes.value, 'generated.docx') : bytes;
      },
    };
    fc.assert(
      fc.property(resolution, (markup) => {
        const docx = readDocx(buildDocx(fromMarkup(markup)), 'generated.docx');
        if (!docx.ok) throw new Error(docx.reason);
        const input = docx.value.snapshot;
        const onDisk = fixAll(docx.value, docxIo);
        const inMemory = fixAll(input, snapshotIo);
        if (!onDisk.ok) throw new Error(onDisk.reason);
        if (!inMemory.ok) throw new Error(inMemory.reason);
        const out = onDisk.value.doc.snapshot;
        expect(currentView(out)).toEqual(currentView(inMemory.value.doc));
        expect(originalView(out)).toEqual(originalView(input));
        expect(fixAll(onDisk.value.doc, docxIo)).toMatchObject({ ok: true, value: { passes: 0 } });
      }),
      { numRuns: Math.max(10, Math.floor(runs / 4)) },
    );
  });
});
