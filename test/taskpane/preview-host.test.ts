import { check } from '../../src/core/engine';
import { planFixes } from '../../src/core/fix';
import { readDocx } from '../../src/docx';
import { existsIn, paragraphText } from '../../src/core/snapshot';
import { createSampleHost, type PreviewHost } from '../../src/taskpane/preview/preview-host';

function sample(): PreviewHost {
  const r = createSampleHost();
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

async function snapshotOf(host: PreviewHost) {
  const r = await host.read();
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

test('the built-in sample reads back through the .docx reader with its four kinds of problem', async () => {
  const host = sample();
  const result = check(await snapshotOf(host));
  const rules = new Set(result.diagnostics.map((d) => d.ruleId));
  // A comma-less tag, a clause inserted without re-lettering, a stale preamble and no Reasons.
  expect(rules).toEqual(new Set(['revision-tag', 'clause-sequence', 'conference-consistency', 'reasons']));
  expect(result.outline.proposals).toHaveLength(1);
  expect(result.outline.proposals[0].id?.text).toBe('APT/37A12/1');
});

test('apply writes the plan into the .docx bytes as tracked changes and reads them back', async () => {
  const host = sample();
  const before = await snapshotOf(host);
  const bytes = host.bytes();
  const tag = check(before).diagnostics.find((d) => d.ruleId === 'revision-tag')!;
  const applied = await host.apply(planFixes(before, [tag]).plan);
  expect(applied).toEqual({ ok: true, value: undefined });
  expect(host.bytes()).not.toBe(bytes);
  const reread = readDocx(host.bytes(), host.fileName());
  if (!reread.ok) throw new Error(reread.reason);
  const line = reread.value.snapshot.paragraphs[tag.paragraph];
  expect(paragraphText(line)).toBe('RESOLUTION 52 (Rev. Geneva, 2022)');
  expect(
    line.runs.some((r) => r.revision?.kind === 'ins' && r.revision.author === 'Amend' && r.text === ','),
  ).toBe(true);
  // The document view shows what the pane last read.
  const shown = await snapshotOf(host);
  expect(host.view().snapshot).toBe(shown);
});

test('the reasons fix lands in the .docx as a tracked inserted paragraph, absent from the original view', async () => {
  const host = sample();
  const before = await snapshotOf(host);
  const reasons = check(before).diagnostics.find((d) => d.ruleId === 'reasons')!;
  expect(await host.apply(planFixes(before, [reasons]).plan)).toEqual({ ok: true, value: undefined });
  const reread = readDocx(host.bytes(), host.fileName());
  if (!reread.ok) throw new Error(reread.reason);
  const added = reread.value.snapshot.paragraphs.find((p) => paragraphText(p) === 'Reasons:\t');
  expect(added?.mark).toMatchObject({ kind: 'ins', author: 'Amend' });
  expect(added?.runs.every((r) => r.revision?.kind === 'ins')).toBe(true);
  expect(existsIn(added!, 'original')).toBe(false);
});

test('a stale plan is refused and the document is unchanged', async () => {
  const host = sample();
  const before = await snapshotOf(host);
  const bytes = host.bytes();
  const { plan } = planFixes(before, check(before).diagnostics);
  const stale = { ...plan, anchors: plan.anchors.map((a) => ({ ...a, text: a.text + ' (edited)' })) };
  const r = await host.apply(stale);
  expect(r.ok).toBe(false);
  expect(host.bytes()).toBe(bytes);
});

test('select highlights a paragraph that exists and refuses one that does not', async () => {
  const host = sample();
  const seen: number[] = [];
  const stop = host.subscribe(() => seen.push(host.view().selection?.paragraph ?? -1));
  expect((await host.select({ paragraph: 4 })).ok).toBe(true);
  expect(host.view().selection).toEqual({ paragraph: 4 });
  const far = await host.select({ paragraph: 10_000 });
  expect(far.ok).toBe(false);
  stop();
  expect(seen).toEqual([4]);
});

test('Open .docx with a file that is not a .docx says why and keeps the current document', () => {
  const host = sample();
  const bytes = host.bytes();
  const r = host.open(new TextEncoder().encode('just some text'), 'notes.docx');
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.reason).toMatch(/notes\.docx/);
  expect(host.bytes()).toBe(bytes);
  expect(host.view().generation).toBe(0);
  const again = host.open(bytes, 'mine.docx');
  expect(again.ok).toBe(true);
  expect(host.title).toBe('mine.docx');
  expect(host.view().generation).toBe(1);
});
