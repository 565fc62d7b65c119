import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolution } from '../property/arbitraries';
import { damage, damaged, realisticDocx, realisticSpec, type RealisticSpec } from './documents';
import { checkAndFix } from './oracle';

/**
 * The fuzz suite: hostile and Word-realistic files through `amend check` and `amend fix`, judged by
 * the oracle (oracle.ts). In `npm test` it is a short run; `npm run fuzz -- --seconds N` runs it for
 * N seconds per property (AMEND_FUZZ_SECONDS), with a larger LibreOffice sample (AMEND_FUZZ_SOFFICE)
 * and each case's time and memory bounded (AMEND_FUZZ_LIMITS).
 */

const seconds = Number(process.env.AMEND_FUZZ_SECONDS ?? 0);
const long = seconds > 0;
const budget = long ? seconds * 1000 : 6_000;
const runs = long ? 1_000_000 : 30;
const limits = process.env.AMEND_FUZZ_LIMITS === '1';
/** What one case may take when limits are on: far above any real file's cost, far below a hang. */
const CASE_MS = 20_000;
const CASE_RSS = 2 * 1024 ** 3;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'amend-fuzz-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The case under way: fast-check's time limit returns without waiting for it, the test must. */
let running: Promise<unknown> = Promise.resolve();

/** Runs one case, bounded in time and memory when limits are on. */
function bounded<T>(run: () => Promise<T>): Promise<T> {
  const result = measured(run);
  running = result.catch(() => undefined);
  return result;
}

async function measured<T>(run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  if (limits) {
    const ms = performance.now() - start;
    const rss = process.memoryUsage().rss;
    if (ms > CASE_MS) throw new Error(`one case took ${Math.round(ms)} ms (bound ${CASE_MS} ms)`);
    if (rss > CASE_RSS) throw new Error(`memory reached ${rss >> 20} MiB (bound ${CASE_RSS >> 20} MiB)`);
  }
  return result;
}

const options = { numRuns: runs, interruptAfterTimeLimit: budget };

test(
  'Word-realistic documents: fix keeps the original view, everyone else’s revisions and every other part',
  async () => {
    await fc.assert(
      fc.asyncProperty(realisticSpec, async (spec) => {
        const output = await bounded(() => checkAndFix(dir, realisticDocx(spec)));
        // Word-realistic input is never refused.
        if (!output) throw new Error('fix refused a Word-realistic document');
      }),
      options,
    );
    await running;
  },
  budget + 60_000,
);

test(
  'damaged and forged packages: refused in one line, or read and fixed as any other',
  async () => {
    const base = fc.tuple(realisticSpec, damage);
    await fc.assert(
      fc.asyncProperty(base, async ([spec, d]) => {
        await bounded(() =>
          checkAndFix(dir, damaged(realisticDocx({ ...spec, prefix: 'w', utf16: false }), d)),
        );
      }),
      options,
    );
    await running;
  },
  budget + 60_000,
);

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();
if (!hasSoffice && !process.env.CI)
  console.warn('soffice is not installed: skipping the LibreOffice sample of fixed files');

/** A few documents with every decoration, each prefix and encoding, and revision ids in other parts. */
function sample(count: number): RealisticSpec[] {
  const markups = fc.sample(resolution, { numRuns: count, seed: 14 });
  const all: RealisticSpec['decorations'] = [
    ['hyperlink', 3],
    ['contentControl', 7],
    ['bookmark', 11],
    ['field', 13],
    ['formatChange', 2],
    ['formatChange', 17],
    ['hidden', 5],
    ['insertedThenDeleted', 9],
    ['astral', 19],
    ['rightToLeft', 23],
    ['proofing', 29],
    ['rsid', 31],
    ['table', 37],
    ['move', 41],
  ];
  return markups.map((markup, i) => ({
    markup,
    decorations: all,
    otherParts: true,
    prefix: (['x', 'default', 'w'] as const)[i % 3],
    utf16: i % 2 === 0,
  }));
}

(hasSoffice || process.env.CI ? test : test.skip)(
  'LibreOffice opens what fix wrote, and shows the fixed text',
  async () => {
    const count = Number(process.env.AMEND_FUZZ_SOFFICE ?? 2);
    const out = mkdtempSync(path.join(os.tmpdir(), 'amend-fuzz-soffice-'));
    const work = path.join(out, 'work');
    mkdirSync(work);
    const files: string[] = [];
    for (const [i, spec] of sample(count).entries()) {
      const fixed = await checkAndFix(work, realisticDocx(spec));
      if (!fixed) throw new Error('fix refused a sample document');
      const file = path.join(out, `fixed-${i}.docx`);
      writeFileSync(file, fixed);
      files.push(file);
    }
    const profile = `-env:UserInstallation=${pathToFileURL(path.join(out, 'profile')).href}`;
    execFileSync('soffice', [profile, '--headless', '--convert-to', 'txt:Text', '--outdir', out, ...files], {
      stdio: 'pipe',
      timeout: 300_000,
    });
    for (const [i] of files.entries()) {
      expect(readdirSync(out)).toContain(`fixed-${i}.txt`);
      const text = readFileSync(path.join(out, `fixed-${i}.txt`), 'utf8');
      // The proposal line, and the fixed tag (LibreOffice shows deleted and inserted text side by side).
      expect(text).toContain('MOD\tAPT/44A14/1');
      expect(text).toContain('Hammamet, 2016');
    }
    if (!process.env.AMEND_FUZZ_KEEP) rmSync(out, { recursive: true, force: true });
  },
  600_000,
);
