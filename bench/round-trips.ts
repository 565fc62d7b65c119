/**
 * Word round trips and bytes moved on the fake request context, for each host personality (Word on the
 * web, Windows, Mac): reading a document, selecting a finding, fixing one finding, and applying a
 * "Fix all" plan of every finding. Deterministic, so the adapter's tests assert the targets too.
 */
import { check } from '../src/core/engine';
import { planFixes } from '../src/core/fix';
import { fromMarkup } from '../src/core/markup';
import { ok, type Result } from '../src/core/result';
import type { Snapshot } from '../src/core/snapshot';
import { readDocx, readFlatOpc } from '../src/docx';
import { WordHost } from '../src/word/word-host';
import { FakeWord } from '../test/word/fake-word';
import { flatOpc } from '../test/word/flat-opc';
import { PERSONALITIES } from '../test/word/personalities';

/** One operation's cost: `context.sync` and Common API calls, and characters moved both ways. */
export interface OperationCost {
  readonly roundTrips: number;
  readonly bytes: number;
}

export interface RoundTrips {
  readonly personality: string;
  readonly paragraphs: number;
  /** How the document was read: its OOXML, or the whole file where Word refuses the OOXML. */
  readonly readPath: string;
  readonly read: OperationCost;
  readonly select: OperationCost;
  readonly fixOne: OperationCost;
  readonly fixAll: OperationCost & { readonly fixes: number };
}

/**
 * A MOD whose operative clauses were all numbered one too high: one fixable finding per clause; every
 * tenth clause holds another author's tracked deletion, so Word on the web refuses the OOXML (#3898).
 */
export function misnumbered(clauses: number): string {
  const lines = [
    'MOD\tAPT/44A14/1',
    'RESOLUTION 52 (Rev. Hammamet, 2016)',
    'Countering and combating spam',
    '(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012; Hammamet, 2016)',
    'The World Telecommunication Standardization Assembly (Hammamet, 2016),',
    'resolves',
  ];
  for (let i = 1; i <= clauses; i++) {
    const change = i % 10 === 0 ? '[-its-]{+the+}' : '{+the+}';
    lines.push(`${i + 1}\tto continue ${change} work on item ${i}${i === clauses ? '.' : ';'}`);
  }
  lines.push('Reasons:\tThe resolution needs updating.');
  return lines.join('\n');
}

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

async function cost(word: FakeWord, work: () => Promise<unknown>): Promise<OperationCost> {
  const syncs = word.syncs;
  const calls = word.officeDocument.calls;
  const bytes = word.bytes;
  await work();
  return {
    roundTrips: word.syncs - syncs + (word.officeDocument.calls - calls),
    bytes: word.bytes - bytes,
  };
}

/** Round trips and bytes per operation, at each size (in paragraphs) and for each personality. */
export async function measureRoundTrips(sizes: readonly number[]): Promise<RoundTrips[]> {
  const out: RoundTrips[] = [];
  for (const paragraphs of sizes) {
    const markup = misnumbered(Math.max(1, paragraphs - 7));
    for (const personality of PERSONALITIES) {
      const setUp = () => {
        const word = new FakeWord(fromMarkup(markup), { personality, user: 'Amend user', ooxml: flatOpc });
        const host = new WordHost({
          run: word.run,
          requirements: { isSetSupported: () => true },
          readOoxml: (x) => {
            const r = readFlatOpc(x);
            return r.ok ? ok(r.value.snapshot) : r;
          },
          file: word.officeDocument,
          readDocx: (bytes) => {
            const r = readDocx(bytes, 'bench.docx');
            return r.ok ? ok(r.value.snapshot) : r;
          },
        });
        return { word, host };
      };
      let snapshot: Snapshot = fromMarkup('');
      const readOnce = async (host: WordHost) => {
        snapshot = value(await host.read());
      };

      const a = setUp();
      // The first read on the web also pays for the refused getOoxml; a pane reads again after each
      // change, so the second read is the one a user waits for most.
      await readOnce(a.host);
      const read = await cost(a.word, () => readOnce(a.host));
      const readPath = a.host.diagnostics().readPath ?? '';
      const fixable = check(snapshot).diagnostics.filter((d) => d.fix && d.fix.length > 0);
      const last = fixable[fixable.length - 1];
      const select = await cost(a.word, async () =>
        value(await a.host.select({ paragraph: last.paragraph, offset: last.offset, length: last.length })),
      );
      const fixOne = await cost(a.word, async () =>
        value(await a.host.apply(planFixes(snapshot, [last]).plan)),
      );

      const b = setUp();
      await readOnce(b.host);
      const all = check(snapshot).diagnostics.filter((d) => d.fix && d.fix.length > 0);
      const fixAll = await cost(b.word, async () => value(await b.host.apply(planFixes(snapshot, all).plan)));
      out.push({
        personality: personality.name,
        paragraphs,
        readPath,
        read,
        select,
        fixOne,
        fixAll: { ...fixAll, fixes: all.length },
      });
    }
  }
  return out;
}

/** The report's table. */
export function roundTripTable(rows: readonly RoundTrips[]): string {
  const kb = (n: number) => (n < 10240 ? `${n} B` : `${Math.round(n / 1024)} KB`);
  const cell = (c: OperationCost) => `${c.roundTrips} / ${kb(c.bytes)}`;
  return [
    '| paragraphs | Word | read path | read | select | fix one | Fix all (fixes) |',
    '|---:|---|---|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.paragraphs} | ${r.personality} | ${r.readPath} | ${cell(r.read)} | ${cell(r.select)} | ${cell(r.fixOne)} | ${cell(r.fixAll)} (${r.fixAll.fixes}) |`,
    ),
  ].join('\n');
}
