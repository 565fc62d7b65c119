/**
 * The comparison with the in-force text at proceedings scale: `amend check PROPOSAL --base VOLUME`,
 * where the volume holds the proposal's resolution among some 20,000 paragraphs of others, against
 * `amend check PROPOSAL VOLUME` (checking both files alone, in one process). Run by `npm run bench`, or
 * alone: `node .bench-build/bench/compare.js` after `npm run build:cli && tsc -p tsconfig.bench.json`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { check } from '../src/core/engine';
import { prepareBase } from '../src/core/compare';
import { fromMarkup } from '../src/core/markup';
import { parse } from '../src/core/parse';
import { resolutionRange } from '../src/core/rules/proposal-span';
import {
  existsIn,
  hidden,
  paragraphText,
  type Paragraph,
  type Snapshot,
  type View,
} from '../src/core/snapshot';
import { buildDocx } from '../src/docx';
import { generateContribution } from './generate';

export interface CompareResult {
  readonly volumeParagraphs: number;
  readonly proposalParagraphs: number;
  /** Medians in ms over the repetitions, whole processes. */
  readonly bothMs: number;
  readonly compareMs: number;
  readonly compareOverBoth: number;
  /** In this process, warm: check of both snapshots vs check of the proposal with the prepared base. */
  readonly warmBothMs: number;
  readonly warmCompareMs: number;
}

/** A paragraph as a view shows it, without tracked changes: as ITU publishes its texts. */
function clean(p: Paragraph, view: View, index: number): Paragraph {
  const runs = p.runs
    .filter((r) => !hidden(r, view) && r.footnote === undefined)
    .map((r) => ({ text: r.text }));
  return {
    index,
    runs,
    ...(p.styleId ? { styleId: p.styleId, styleName: p.styleName } : {}),
    ...(p.numbering ? { numbering: p.numbering } : {}),
  };
}

/**
 * An in-force proceedings volume of about `size` paragraphs: the generated resolutions as adopted (their
 * current view, no proposal lines or reasons, numbered from 1000 so none is the proposal's), with the
 * proposal's resolution, as its original view reads, in the middle.
 */
export function volume(size: number, proposal: Snapshot): Snapshot {
  const generated = fromMarkup(generateContribution(size)).paragraphs.filter(
    (p) => existsIn(p, 'current') && !/^(MOD\t|Reasons:)/.test(paragraphText(p)),
  );
  const own = parse(proposal).proposals.find((q) => q.number !== null)!;
  const [from, to] = resolutionRange(own);
  const mine = proposal.paragraphs.slice(from, to).filter((p) => existsIn(p, 'original'));
  const start = generated.findIndex(
    (p, i) => i > generated.length / 2 && /^RESOLUTION /.test(paragraphText(p)),
  );
  const renumber = (p: Paragraph): Paragraph => {
    const text = paragraphText(p, 'current');
    return /^RESOLUTION \d+/.test(text)
      ? { ...p, runs: [{ text: text.replace(/^RESOLUTION (\d+)/, 'RESOLUTION 10$1') }] }
      : p;
  };
  const paragraphs = [
    ...generated.slice(0, start).map((p, i) => clean(renumber(p), 'current', i)),
    ...mine.map((p, i) => clean(p, 'original', start + i)),
    ...generated.slice(start).map((p, i) => clean(renumber(p), 'current', start + mine.length + i)),
  ];
  return { paragraphs };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timeProcess(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function timeWarm(run: () => void, reps: number): number {
  for (let k = 0; k < 2; k++) run();
  const times: number[] = [];
  for (let k = 0; k < reps; k++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export function measureCompare(root: string, cacheDir: string, reps: number, size = 20000): CompareResult {
  mkdirSync(cacheDir, { recursive: true });
  const seed = readFileSync(path.join(root, 'test', 'fixtures', 'seeds', 'en-resolution-52.txt'), 'utf8');
  const proposal = fromMarkup(seed);
  const base = volume(size, proposal);
  const proposalFile = path.join(cacheDir, 'compare-proposal.docx');
  const volumeFile = path.join(cacheDir, `compare-volume-${size}.docx`);
  writeFileSync(proposalFile, buildDocx(proposal));
  writeFileSync(volumeFile, buildDocx(base));

  const amend = path.join(root, 'bin', 'amend.js');
  const both = [amend, 'check', proposalFile, volumeFile, '--format', 'json'];
  const compare = [amend, 'check', proposalFile, '--base', volumeFile, '--format', 'json'];
  timeProcess(compare); // warm the file cache
  const samples: { both: number[]; compare: number[] } = { both: [], compare: [] };
  for (let rep = 0; rep < reps; rep++) {
    // Alternate which runs first, so neither always runs on a warmer machine.
    if (rep % 2 === 0) {
      samples.both.push(timeProcess(both));
      samples.compare.push(timeProcess(compare));
    } else {
      samples.compare.push(timeProcess(compare));
      samples.both.push(timeProcess(both));
    }
  }
  const bothMs = median(samples.both);
  const compareMs = median(samples.compare);
  return {
    volumeParagraphs: base.paragraphs.length,
    proposalParagraphs: proposal.paragraphs.length,
    bothMs,
    compareMs,
    compareOverBoth: compareMs / bothMs,
    warmBothMs: timeWarm(() => {
      check(proposal);
      check(base);
    }, reps),
    warmCompareMs: timeWarm(() => check(proposal, { bases: [prepareBase(base, 'volume.docx')] }), reps),
  };
}

/** The report's section on the comparison. */
export function compareSection(r: CompareResult): string {
  const f = (n: number, d = 0) => n.toFixed(d);
  return `## Comparing with the in-force text

\`amend check PROPOSAL --base VOLUME\` against \`amend check PROPOSAL VOLUME\` (both files checked alone, in
one process): the English seed proposal against a proceedings volume of ${r.volumeParagraphs.toLocaleString('en-US')}
paragraphs holding its Resolution 52 among others. Medians of whole processes, in milliseconds.

| check both | check --base | ratio | warm: check both | warm: check with the base |
|---:|---:|---:|---:|---:|
| ${f(r.bothMs)} | ${f(r.compareMs)} | ${f(r.compareOverBoth, 2)} | ${f(r.warmBothMs)} | ${f(r.warmCompareMs)} |

Target: comparing within 1.5× of checking both files alone.
`;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..');
  const r = measureCompare(root, path.join(root, 'bench', '.cache'), Number(process.env.BENCH_REPS ?? 7));
  process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
}
