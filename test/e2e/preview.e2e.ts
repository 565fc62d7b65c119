import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { isFixable } from '../../src/core/diagnostic';
import { check } from '../../src/core/engine';
import { paragraphText } from '../../src/core/snapshot';
import { readDocx } from '../../src/docx';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium';

/**
 * The browser preview end to end: the BUILT dist/ served on localhost, Debian's Chromium driving it.
 * Outside CI a missing build or browser skips with a message; in CI (CI set) it fails instead.
 */
const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const RESULTS = path.join(ROOT, 'test-results');
const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');

const missing = [
  fs.existsSync(path.join(DIST, 'taskpane.html'))
    ? null
    : 'dist/ is not built (run `npx webpack --mode production`)',
  fs.existsSync(CHROMIUM) ? null : `${CHROMIUM} is absent (apt-get install chromium)`,
].filter((x): x is string => x !== null);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require('../../scripts/start.js') as {
  serve(
    dir: string,
    o: { port: number; host: string },
  ): Promise<{ server: import('node:http').Server; url: string }>;
};

jest.setTimeout(120_000);

if (missing.length > 0 && !process.env.CI) {
  test.skip(`browser preview end-to-end: skipped because ${missing.join('; ')}`, () => undefined);
  console.warn(`preview.e2e: skipped because ${missing.join('; ')}`);
} else if (missing.length > 0) {
  test('browser preview end-to-end prerequisites', () => {
    throw new Error(`cannot run the end-to-end test in CI: ${missing.join('; ')}`);
  });
} else {
  describe('browser preview', () => {
    let server: import('node:http').Server;
    let base: string;
    let context: BrowserContext;
    let userData: string;

    beforeAll(async () => {
      ({ server, url: base } = await serve(DIST, { port: 0, host: '127.0.0.1' }));
      userData = fs.mkdtempSync(path.join(os.tmpdir(), 'amend-e2e-'));
      context = await chromium.launchPersistentContext(userData, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        acceptDownloads: true,
        viewport: { width: 1280, height: 860 },
        locale: 'en-US',
      });
      fs.mkdirSync(RESULTS, { recursive: true });
    });

    afterAll(async () => {
      await context?.close();
      await new Promise((resolve) => server?.close(resolve));
      if (userData) fs.rmSync(userData, { recursive: true, force: true });
    });

    async function openPreview(): Promise<Page> {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base}taskpane.html`);
      await page.getByText('Preview — not connected to Word').waitFor();
      await page.getByText(/^Errors: \d+ · Warnings: \d+$/).waitFor();
      expect(errors).toEqual([]);
      return page;
    }

    test('loads the sample through the .docx reader and shows its outline and issues', async () => {
      const page = await openPreview();
      expect(await page.getByRole('listitem').count()).toBeGreaterThanOrEqual(4);
      await page.getByRole('tab', { name: 'Outline' }).click();
      const tree = page.getByRole('tree', { name: 'Outline' });
      await tree
        .getByText(/RESOLUTION 52/)
        .first()
        .waitFor();
      await tree.getByText('considering', { exact: true }).waitFor();
      expect(await tree.getByText('[inserted]').count()).toBe(1);
      // Selecting a node highlights its paragraph in the document view.
      await tree.getByText('considering', { exact: true }).click();
      await expect(page.locator('[aria-current="location"]').textContent()).resolves.toBe('considering');
      await page.close();
    });

    test('Fix all clears the fixable findings and the download carries them as tracked changes', async () => {
      const page = await openPreview();
      await page.getByRole('button', { name: /^Fix all \(\d+\)$/ }).click();
      await page.getByText(/^Fixes applied: \d+/).waitFor();
      expect(await page.getByRole('button', { name: /^Fix all/ }).count()).toBe(0);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download .docx' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('sample-resolution-52-amended.docx');
      const file = path.join(RESULTS, download.suggestedFilename());
      await download.saveAs(file);
      const doc = readDocx(new Uint8Array(fs.readFileSync(file)), file);
      if (!doc.ok) throw new Error(doc.reason);
      const ours = doc.value.snapshot.paragraphs.flatMap((p) =>
        [...p.runs.map((r) => r.revision), p.mark].filter((r) => r?.author === 'Amend'),
      );
      expect(ours.some((r) => r?.kind === 'ins')).toBe(true);
      expect(ours.some((r) => r?.kind === 'del')).toBe(true);
      // The sample has no reasons: the one the fix adds is a tracked insertion too, mark and text.
      const reasons = doc.value.snapshot.paragraphs.filter((p) => paragraphText(p).startsWith('Reasons:'));
      expect(
        reasons.map((p) => [p.mark?.kind, p.mark?.author, p.runs.every((r) => r.revision?.kind === 'ins')]),
      ).toEqual([['ins', 'Amend', true]]);
      expect(check(doc.value.snapshot).diagnostics.filter(isFixable)).toEqual([]);
      // Open .docx takes the downloaded file back in: nothing fixable is left in it either.
      await page.locator('[role="banner"] input[type="file"]').setInputFiles(file);
      await page.getByText('sample-resolution-52-amended.docx', { exact: true }).waitFor();
      await page.getByText(/^Errors: 0 · Warnings: \d+$/).waitFor();
      expect(await page.getByRole('button', { name: /^Fix all/ }).count()).toBe(0);
      await page.close();
    });

    /**
     * Press Tab round the page; every visible, enabled control must be reached. A tab list is one tab stop
     * (the selected tab), its other tabs reached with the arrow keys, as the WAI-ARIA tabs pattern and
     * Office's own panes do: that is checked too.
     */
    async function walkFocus(page: Page): Promise<string[]> {
      const total = await page.evaluate(() => {
        const all = document.querySelectorAll<HTMLElement>(
          'button, [role="tab"], input:not([type="hidden"]), textarea, select, [role="combobox"]',
        );
        let n = 0;
        all.forEach((el) => {
          delete el.dataset.e2e;
          const visible = el.offsetParent !== null && getComputedStyle(el).visibility !== 'hidden';
          const disabled = (el as HTMLButtonElement).disabled || el.getAttribute('aria-disabled') === 'true';
          if (visible && !disabled) el.dataset.e2e = String(n++);
        });
        (document.activeElement as HTMLElement | null)?.blur();
        return n;
      });
      const reached = new Set<string>();
      const focused = () =>
        page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.e2e ?? null);
      for (let i = 0; i < total * 3 + 20 && reached.size < total; i++) {
        await page.keyboard.press('Tab');
        const id = await focused();
        if (id === null) continue;
        reached.add(id);
        const isTab = await page.evaluate(() => document.activeElement?.getAttribute('role') === 'tab');
        if (!isTab) continue;
        const tabs = await page.locator('[role="tab"]').count();
        for (let k = 0; k < tabs; k++) {
          await page.keyboard.press('ArrowRight');
          const t = await focused();
          if (t !== null) reached.add(t);
        }
        // Back to the selected tab, so the next Tab leaves the tab list where it would for a user.
        await page.locator('[role="tab"][aria-selected="true"]').focus();
      }
      return page.evaluate(
        (ids) =>
          [...document.querySelectorAll<HTMLElement>('[data-e2e]')]
            .filter((el) => !ids.includes(el.dataset.e2e!))
            .map(
              (el) =>
                `${el.tagName.toLowerCase()}[${el.getAttribute('role') ?? ''}] "${(el.textContent ?? el.getAttribute('aria-label') ?? '').slice(0, 40)}"`,
            ),
        [...reached],
      );
    }

    test('Tab reaches every visible button, tab and input, each with a visible focus indicator', async () => {
      const page = await openPreview();
      expect(await walkFocus(page)).toEqual([]);
      await page.getByRole('tab', { name: 'Draft' }).click();
      await page.getByRole('button', { name: 'Insert reasons paragraph' }).waitFor();
      expect(await walkFocus(page)).toEqual([]);
      // Keyboard focus is drawn: Fluent marks keyboard focus and draws an outline for it.
      await page.getByRole('button', { name: 'Re-check' }).focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const after = getComputedStyle(el, '::after');
        const own = getComputedStyle(el);
        return [own.outlineStyle, after.borderStyle, after.outlineStyle].some((v) => v && v !== 'none');
      });
      expect(ring).toBe(true);
      await page.close();
    });

    test('the Outline tree by keyboard: arrows move and fold, Enter and Space select, Tab leaves', async () => {
      const page = await openPreview();
      await page.getByRole('tab', { name: 'Outline' }).click();
      const tree = page.getByRole('tree', { name: 'Outline' });
      await tree.getByRole('treeitem').first().focus();
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement;
          return { role: el?.getAttribute('role'), text: el?.textContent ?? '' };
        });
      const current = () => page.locator('[aria-current="location"]').textContent();
      // Down to the first section, a branch: Enter selects its heading in the document.
      let guard = 0;
      while (!(await focused()).text.startsWith('recognizing') && guard++ < 10)
        await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(current()).resolves.toBe('recognizing');
      // Into its first clause; Space selects that clause alone.
      await page.keyboard.press('ArrowDown');
      expect((await focused()).role).toBe('treeitem');
      await page.keyboard.press(' ');
      await expect(current()).resolves.toMatch(/^a\)\s+relevant provisions/);
      // Left goes back to the section, Left again folds it, Right opens it.
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('true');
      // The tree is one tab stop: Tab leaves it.
      await page.keyboard.press('Shift+Tab');
      expect((await focused()).role).toBe('tab');
      await page.close();
    });

    test('Fix and Fix all by keyboard keep focus in the pane', async () => {
      const page = await openPreview();
      const inPane = () =>
        page.evaluate(() => {
          const el = document.activeElement;
          return !!el && el !== document.body && !!el.closest('main');
        });
      await page
        .getByRole('button', { name: /^Fix: / })
        .first()
        .focus();
      await page.keyboard.press('Enter');
      await page.getByText(/^Done: /).waitFor();
      await page.locator('main[aria-busy="false"]').waitFor();
      await expect(inPane()).resolves.toBe(true);
      await page.getByRole('button', { name: /^Fix all/ }).focus();
      await page.keyboard.press('Space');
      await page.getByText(/^Fixes applied: \d+/).waitFor();
      await page.locator('main[aria-busy="false"]').waitFor();
      await expect(inPane()).resolves.toBe(true);
      await page.close();
    });

    test('a file that is not a .docx gives a one-line message and changes nothing', async () => {
      const page = await openPreview();
      const before = await page.getByRole('document', { name: 'Document' }).textContent();
      const summary = await page.getByText(/^Errors: \d+ · Warnings: \d+$/).textContent();
      await page.locator('[role="banner"] input[type="file"]').setInputFiles({
        name: 'notes.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('not a document'),
      });
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent())!.replace(/Dismiss$/, '');
      expect(text).toMatch(/^notes\.txt: /);
      expect(text).not.toContain('\n');
      expect(await page.getByRole('document', { name: 'Document' }).textContent()).toBe(before);
      expect(await page.getByText(/^Errors: \d+ · Warnings: \d+$/).textContent()).toBe(summary);
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      expect(await page.getByRole('alert').count()).toBe(0);
      await page.close();
    });

    /** Elements of the page that stick out of the viewport or whose text is cut off in its own box. */
    const overflowing = (page: Page) =>
      page.evaluate(() => {
        const out: string[] = [];
        if (document.documentElement.scrollWidth > window.innerWidth)
          out.push(`page is ${document.documentElement.scrollWidth}px wide`);
        document.querySelectorAll<HTMLElement>('main *, [role="banner"] *').forEach((el) => {
          const box = el.getBoundingClientRect();
          if (box.width === 0 || getComputedStyle(el).visibility === 'hidden') return;
          const name = `${el.tagName.toLowerCase()} "${(el.textContent ?? '').slice(0, 30)}"`;
          if (box.right > window.innerWidth + 0.5) out.push(`${name} ends at ${Math.round(box.right)}px`);
          const clipped =
            (el.tagName === 'BUTTON' || el.getAttribute('role') === 'tab') &&
            el.scrollWidth > el.clientWidth + 1;
          if (clipped) out.push(`${name} is cut off`);
        });
        return out;
      });

    test.each([
      ['1000×800 (pane column)', 1000, 'en-US'],
      ['360×800', 360, 'en-US'],
      ['360×800 in French', 360, 'fr-FR'],
      ['360×800 in Spanish', 360, 'es-ES'],
    ])('at %s nothing overflows or is cut off on any tab', async (_, width, locale) => {
      const narrow = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
      });
      try {
        const ctx = await narrow.newContext({ viewport: { width, height: 800 }, locale });
        const page = await ctx.newPage();
        await page.goto(`${base}taskpane.html`);
        await page.locator('main[aria-busy="false"]').waitFor();
        const tabs = page.getByRole('tab');
        for (let i = 0; i < 3; i++) {
          await tabs.nth(i).click();
          await page.locator('main[aria-busy="false"]').waitFor();
          expect(await overflowing(page)).toEqual([]);
        }
      } finally {
        await narrow.close();
      }
    });

    test.each([
      ['fr-FR', 'Problèmes', 'Revérifier', /^Erreurs : \d+ · Avertissements : \d+$/],
      ['es-ES', 'Problemas', 'Volver a verificar', /^Errores: \d+ · Advertencias: \d+$/],
    ])('the pane speaks the browser language (%s)', async (locale, issues, recheck, summary) => {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
      });
      try {
        const page = await (await browser.newContext({ locale })).newPage();
        await page.goto(`${base}taskpane.html`);
        await page.getByText(summary).waitFor();
        await page.getByRole('tab', { name: issues }).waitFor();
        await page.getByRole('button', { name: recheck }).waitFor();
        expect(await page.locator('[data-theme]').first().getAttribute('lang')).toBe(locale.slice(0, 2));
      } finally {
        await browser.close();
      }
    });

    test('forced colours: the high-contrast theme, and changes still marked by underline and strike-through', async () => {
      const page = await context.newPage();
      await page.emulateMedia({ forcedColors: 'active' });
      await page.goto(`${base}taskpane.html`);
      await page.locator('main[aria-busy="false"]').waitFor();
      expect(await page.locator('[data-theme]').first().getAttribute('data-theme')).toBe('contrast');
      const decoration = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((el) => getComputedStyle(el).textDecorationLine);
      await expect(decoration('[role="document"] ins')).resolves.toBe('underline');
      await expect(decoration('[role="document"] del')).resolves.toBe('line-through');
      await page.screenshot({
        path: path.join(RESULTS, 'preview-forced-colors.png'),
        animations: 'disabled',
      });
      await page.emulateMedia({ forcedColors: 'none' });
      await page.close();
    });

    /**
     * Text whose contrast with the first opaque background behind it is under WCAG AA (4.5:1, or 3:1 for
     * large text), as "ratio tag "text"" lines.
     */
    const lowContrast = (page: Page) =>
      page.evaluate(() => {
        type Rgb = { r: number; g: number; b: number; a: number };
        const parse = (c: string): Rgb | null => {
          const m = /rgba?\(([^)]+)\)/.exec(c);
          if (!m) return null;
          const [r, g, b, a = 1] = m[1]
            .split(/[\s,/]+/)
            .filter(Boolean)
            .map(Number);
          return { r, g, b, a };
        };
        const lum = ({ r, g, b }: Rgb) => {
          const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        const background = (el: Element | null): Rgb => {
          for (; el; el = el.parentElement) {
            const c = parse(getComputedStyle(el).backgroundColor);
            if (c && c.a > 0.5) return c;
          }
          return { r: 255, g: 255, b: 255, a: 1 };
        };
        const out: string[] = [];
        const seen = new Set<Element>();
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const el = walker.currentNode.parentElement;
          if (!el || seen.has(el) || !walker.currentNode.textContent?.trim()) continue;
          seen.add(el);
          const style = getComputedStyle(el);
          if (el.getClientRects().length === 0 || style.visibility === 'hidden') continue;
          const [a, b] = [lum(parse(style.color)!), lum(background(el))];
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          const size = parseFloat(style.fontSize);
          const large = size >= 18.66 || (size >= 14 && Number(style.fontWeight) >= 700);
          if (ratio < (large ? 3 : 4.5))
            out.push(
              `${ratio.toFixed(2)} ${el.tagName.toLowerCase()} "${el.textContent!.trim().slice(0, 30)}"`,
            );
        }
        return out;
      });

    test.each(['Light', 'Dark', 'High contrast'])(
      'theme %s: text is legible, with a finding selected and another hovered',
      async (theme) => {
        const page = await openPreview();
        await page.getByRole('combobox', { name: 'Theme' }).click();
        await page.getByRole('option', { name: theme }).click();
        const findings = page.locator('[data-finding]');
        // The selected paragraph holds a deletion and an insertion, with the finding's range marked.
        await findings.first().click();
        await page.locator('[aria-current="location"] mark').first().waitFor();
        const problems = new Set<string>();
        // Hover colours fade in: measure once every transition has ended.
        const settled = async () => {
          await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
          for (const p of await lowContrast(page)) problems.add(p);
        };
        for (let i = 0; i < (await findings.count()); i++) {
          await findings.nth(i).hover();
          await settled();
        }
        await page.getByRole('tab', { name: 'Outline' }).click();
        await page.getByRole('treeitem').nth(2).hover();
        await settled();
        expect([...problems]).toEqual([]);
        await page.screenshot({ path: path.join(RESULTS, `preview-theme-${theme.replace(' ', '-')}.png`) });
        await page.close();
      },
    );

    test("the pane's bundle stays within 300 KB gzipped", () => {
      const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
      const scripts = [...html.matchAll(/src="?([^"\s>]+\.js)/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(0);
      const gzipped = scripts.reduce(
        (n, s) => n + zlib.gzipSync(fs.readFileSync(path.join(DIST, s))).length,
        0,
      );
      expect(gzipped).toBeLessThanOrEqual(300 * 1024);
    });

    test('screenshots of the pane in light and dark theme', async () => {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      for (const scheme of ['light', 'dark'] as const) {
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${base}taskpane.html`);
        await page.getByText(/^Errors: \d+ · Warnings: \d+$/).waitFor();
        await page.locator('main[aria-busy="false"]').waitFor();
        const theme = await page.locator('[data-theme]').first().getAttribute('data-theme');
        expect(theme).toBe(scheme);
        const file = path.join(RESULTS, `preview-${scheme}.png`);
        await page.screenshot({ path: file, animations: 'disabled' });
        fs.copyFileSync(file, path.join(SCREENSHOTS, `preview-${scheme}.png`));
        await page.close();
      }
    });
  });
}
