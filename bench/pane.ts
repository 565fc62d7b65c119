/**
 * The task pane in a real browser: the built dist/ served on localhost, Debian's Chromium driving the
 * browser preview. A generated proposal of about 2,000 clauses is opened through "Open .docx" while the
 * Outline tab is showing, and the pane's own performance marks (src/taskpane/marks.ts) say how long it
 * took from the snapshot being read to the outline being painted. Timings are reported, never asserted.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { fromMarkup } from '../src/core/markup';
import { parse } from '../src/core/parse';
import type { Clause } from '../src/core/model';
import type { Snapshot } from '../src/core/snapshot';
import { buildDocx } from '../src/docx';
import { generateContribution } from './generate';
import { MARKS } from '../src/taskpane/marks';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/helpers/chromium';

export interface PaneSample {
  /** Snapshot read → check finished. */
  readToCheckedMs: number;
  /** Snapshot read → outline on screen (its first items painted): the figure the target is about. */
  readToOutlineMs: number;
  /** Snapshot read → every item of the outline painted. */
  readToCompleteMs: number;
}

export interface PaneTiming {
  clauses: number;
  paragraphs: number;
  /** Opening the document with the Outline tab showing, one sample per repetition (the first is cold). */
  open: PaneSample[];
  /** Median over `open` of read → outline. */
  medianReadToOutlineMs: number;
  maxReadToOutlineMs: number;
  /** Median over `open` of read → every item painted. */
  medianReadToCompleteMs: number;
  /** With the document already checked: a click on the Outline tab → outline on screen. */
  tabSwitchMs: number[];
}

export type PaneResult = { ok: true; timing: PaneTiming } | { ok: false; skipped: string };

function countClauses(cs: readonly Clause[]): number {
  return cs.reduce((n, c) => n + 1 + countClauses(c.children), 0);
}

function clausesOf(snapshot: Snapshot): number {
  return parse(snapshot).proposals.reduce(
    (n, p) => n + p.sections.reduce((m, s) => m + countClauses(s.clauses), 0),
    0,
  );
}

/** The smallest generated contribution (in 250-paragraph steps) with at least `clauses` clauses. */
function contributionWith(clauses: number): { snapshot: Snapshot; clauses: number } {
  for (let paragraphs = 250; ; paragraphs += 250) {
    const snapshot = fromMarkup(generateContribution(paragraphs));
    const n = clausesOf(snapshot);
    if (n >= clauses) return { snapshot, clauses: n };
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Waits for `name` to be marked after the marks were cleared, and returns its time. */
async function markTime(page: Page, name: string): Promise<number> {
  const handle = await page.waitForFunction(
    (n) => performance.getEntriesByName(n, 'mark').at(-1)?.startTime,
    name,
    { timeout: 60_000, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

export interface PaneOptions {
  /** The project's root: scripts/start.js serves the pane. */
  root: string;
  /** The built pane (normally root/dist). */
  dist: string;
  /** Where the generated .docx is written. */
  cacheDir: string;
  clauses: number;
  reps: number;
}

/**
 * Measures the pane on a document of about `clauses` clauses, `reps` times. Skips (with the reason)
 * when the pane is not built or Chromium is absent.
 */
export async function measurePane({ root, dist, cacheDir, clauses, reps }: PaneOptions): Promise<PaneResult> {
  if (!existsSync(path.join(dist, 'taskpane.html')))
    return { ok: false, skipped: 'dist/ is not built (npm run build)' };
  if (!existsSync(CHROMIUM)) return { ok: false, skipped: `${CHROMIUM} is absent` };

  const doc = contributionWith(clauses);
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `pane-${doc.clauses}-clauses.docx`);
  writeFileSync(file, buildDocx(doc.snapshot));

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serve } = require(path.join(root, 'scripts', 'start.js')) as {
    serve(
      dir: string,
      o: { port: number; host: string },
    ): Promise<{ server: import('node:http').Server; url: string }>;
  };
  const { server, url } = await serve(dist, { port: 0, host: '127.0.0.1' });
  const userData = mkdtempSync(path.join(os.tmpdir(), 'amend-bench-'));
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 860 },
    locale: 'en-US',
  });
  try {
    const page = await context.newPage();
    await page.goto(`${url}taskpane.html`);
    await page.getByText(/^Errors: \d+ · Warnings: \d+$/).waitFor({ timeout: 60_000 });
    const outlineTab = page.getByRole('tab', { name: 'Outline' });
    const issuesTab = page.getByRole('tab', { name: 'Issues' });
    const open: PaneSample[] = [];
    const tabSwitchMs: number[] = [];
    for (let rep = 0; rep < reps; rep++) {
      await outlineTab.click();
      await page.getByRole('tree', { name: 'Outline' }).waitFor();
      await page.evaluate(() => performance.clearMarks());
      await page.locator('input[type=file]').setInputFiles(file);
      const complete = await markTime(page, MARKS.outlineComplete);
      const outline = await markTime(page, MARKS.outlineShown);
      const read = await markTime(page, MARKS.snapshotRead);
      const checked = await markTime(page, MARKS.checked);
      open.push({
        readToCheckedMs: checked - read,
        readToOutlineMs: outline - read,
        readToCompleteMs: complete - read,
      });

      // The same document, already checked: how long the Outline tab takes to appear on a click.
      await issuesTab.click();
      await page.getByText(/^Errors: \d+ · Warnings: \d+$/).waitFor();
      const tab = await outlineTab.evaluate(async (el, shown) => {
        performance.clearMarks();
        const start = performance.now();
        (el as HTMLElement).click();
        return new Promise<number>((resolve) => {
          const poll = () => {
            const m = performance.getEntriesByName(shown, 'mark').at(-1);
            if (m) resolve(m.startTime - start);
            else setTimeout(poll, 5);
          };
          poll();
        });
      }, MARKS.outlineShown);
      tabSwitchMs.push(tab);
    }
    const totals = open.map((s) => s.readToOutlineMs);
    return {
      ok: true,
      timing: {
        clauses: doc.clauses,
        paragraphs: doc.snapshot.paragraphs.length,
        open,
        medianReadToOutlineMs: median(totals),
        maxReadToOutlineMs: Math.max(...totals),
        medianReadToCompleteMs: median(open.map((s) => s.readToCompleteMs)),
        tabSwitchMs,
      },
    };
  } finally {
    await context.close();
    await new Promise((resolve) => server.close(resolve));
    rmSync(userData, { recursive: true, force: true });
  }
}

if (require.main === module) {
  // Run alone: `node .bench-build/bench/pane.js` (PANE_DIST, PANE_CLAUSES, BENCH_REPS to vary it).
  const root = path.resolve(__dirname, '..', '..');
  measurePane({
    root,
    dist: process.env.PANE_DIST ?? path.join(root, 'dist'),
    cacheDir: path.join(root, 'bench', '.cache'),
    clauses: Number(process.env.PANE_CLAUSES ?? 2000),
    reps: Number(process.env.BENCH_REPS ?? 3),
  })
    .then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`bench pane: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    });
}
