/**
 * Word round trips on the fake request context (deterministic, so the adapter's tests assert them too):
 * reading a document, and applying "Fix all" plans of 1, 100 and all findings.
 */
import { check } from '../src/core/engine';
import { planFixes } from '../src/core/fix';
import { fromMarkup } from '../src/core/markup';
import { ok } from '../src/core/result';
import { WordHost } from '../src/word/word-host';
import { FakeWord } from '../test/word/fake-word';

export interface RoundTrips {
  clauses: number;
  read: number;
  apply: { fixes: number; syncs: number }[];
}

/** A MOD whose operative clauses were all numbered one too high: one fixable finding per clause. */
export function misnumbered(clauses: number): string {
  const lines = [
    'MOD\tAPT/44A14/1',
    'RESOLUTION 52 (Rev. Hammamet, 2016)',
    'Countering and combating spam',
    '(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012; Hammamet, 2016)',
    'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
    'resolves',
  ];
  for (let i = 1; i <= clauses; i++)
    lines.push(`${i + 1}\tto continue {+the+} work on item ${i}${i === clauses ? '.' : ';'}`);
  lines.push('Reasons:\tThe resolution needs updating.');
  return lines.join('\n');
}

async function syncsFor(word: FakeWord, work: () => Promise<unknown>): Promise<number> {
  const before = word.syncs;
  await work();
  return word.syncs - before;
}

export async function measureRoundTrips(sizes: readonly number[]): Promise<RoundTrips[]> {
  const out: RoundTrips[] = [];
  for (const clauses of sizes) {
    const apply: RoundTrips['apply'] = [];
    let read = 0;
    for (const want of [1, 100, Infinity]) {
      const word = new FakeWord(fromMarkup(misnumbered(clauses)));
      const host = new WordHost({
        run: word.run,
        requirements: { isSetSupported: () => true },
        readOoxml: (x) => ok(fromMarkup(x)),
      });
      let snapshot = fromMarkup('');
      read = await syncsFor(word, async () => {
        const r = await host.read();
        if (!r.ok) throw new Error(r.reason);
        snapshot = r.value;
      });
      const fixable = check(snapshot).diagnostics.filter((d) => d.fix && d.fix.length > 0);
      const chosen = fixable.slice(0, want);
      if (want !== Infinity && chosen.length < want) continue;
      const { plan } = planFixes(snapshot, chosen);
      const syncs = await syncsFor(word, async () => {
        const r = await host.apply(plan);
        if (!r.ok) throw new Error(r.reason);
      });
      apply.push({ fixes: chosen.length, syncs });
    }
    out.push({ clauses, read, apply });
  }
  return out;
}
