import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { isFixable } from '../../src/core/diagnostic';
import { check } from '../../src/core/engine';
import { existsIn, paragraphText } from '../../src/core/snapshot';
import { fromMarkup } from '../../src/core/markup';
import { buildDocx, readDocx } from '../../src/docx';
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
      await page.getByText(/^Fixed \d+ problems?\./).waitFor();
      expect(await page.getByRole('button', { name: /^Fix all/ }).count()).toBe(0);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download .docx' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('sample-resolution-52-amended.docx');
      // The document view shows Amend's changes as Word does: who made them on hover, a change bar and
      // the author's initials in the margin, and the authors with their counts above the page.
      const view = page.getByRole('document', { name: 'Document' });
      expect(await view.locator('ins[title^="Inserted by Amend, "]').count()).toBeGreaterThan(0);
      expect(await view.locator('del[title^="Deleted by Amend, "]').count()).toBeGreaterThan(0);
      const marked = view.locator('[data-paragraph]:has(ins[title*="by Amend"]) [data-who]').first();
      expect(await marked.getAttribute('title')).toMatch(/^Changed by .*Amend/);
      expect(await marked.isVisible()).toBe(true);
      expect(await page.locator('[data-legend] [data-author="Amend"]').textContent()).toMatch(
        /^Amend \(\d+\)$/,
      );
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
      await page.getByText(/^Fixed \d+ problems?\./).waitFor();
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
      ['450×800', 450, 'en-US'],
      ['320×800', 320, 'en-US'],
      ['320×800 in French', 320, 'fr-FR'],
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
          // WCAG 1.4.3 exempts inactive controls (a button disabled while the document is read).
          if (el.closest('[disabled], [aria-disabled="true"]')) continue;
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
      // office.js comes from Office's CDN, not from this bundle.
      const scripts = [...html.matchAll(/src="?([^"\s>]+\.js)/g)]
        .map((m) => m[1])
        .filter((src) => !/^https?:/.test(src));
      expect(scripts.length).toBeGreaterThan(0);
      const gzipped = scripts.reduce(
        (n, s) => n + zlib.gzipSync(fs.readFileSync(path.join(DIST, s))).length,
        0,
      );
      expect(gzipped).toBeLessThanOrEqual(300 * 1024);
    });

    /**
     * Word's task pane is 320 px wide by default and can be widened to about 450 px. At both, in each
     * theme, the first finding is on screen as the page opens: no banner, header or document view
     * pushes the issue list below the fold. The screenshots are the README's.
     */
    test.each([320, 450])(
      'at %d px the issue list is in view without scrolling, in every theme',
      async (width) => {
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        const themes = [
          ['light', { colorScheme: 'light', forcedColors: 'none' }],
          ['dark', { colorScheme: 'dark', forcedColors: 'none' }],
          ['contrast', { colorScheme: 'light', forcedColors: 'active' }],
        ] as const;
        for (const [name, media] of themes) {
          const page = await context.newPage();
          await page.setViewportSize({ width, height: 640 });
          await page.emulateMedia(media);
          await page.goto(`${base}taskpane.html`);
          await page.getByText(/^Errors: \d+ · Warnings: \d+$/).waitFor();
          await page.locator('main[aria-busy="false"]').waitFor();
          expect(await page.locator('[data-theme]').first().getAttribute('data-theme')).toBe(name);
          const first = await page.locator('[data-finding]').first().boundingBox();
          expect(first).not.toBeNull();
          // The first finding is entirely on screen, and nothing was scrolled to show it.
          expect(first!.y).toBeGreaterThanOrEqual(0);
          expect(first!.y + first!.height).toBeLessThanOrEqual(640);
          expect(await page.evaluate(() => window.scrollY)).toBe(0);
          expect(await overflowing(page)).toEqual([]);
          await page.screenshot({
            path: path.join(SCREENSHOTS, `pane-${width}-${name}.png`),
            animations: 'disabled',
          });
          await page.close();
        }
      },
    );

    test('screenshots of the pane in light and dark theme, and after Fix all', async () => {
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
      // After Fix all: Amend's changes beside the author's, each marked with who made it.
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(`${base}taskpane.html`);
      await page.getByRole('button', { name: /^Fix all \(\d+\)$/ }).click();
      await page.getByText(/^Fixed \d+ problems?\./).waitFor();
      await page.locator('main[aria-busy="false"]').waitFor();
      await page.locator('[data-legend] [data-author="Amend"]').waitFor();
      await page.locator('[role="document"] [data-paragraph]:has(ins[title*="by Amend"])').first().hover();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'preview-fixed.png'), animations: 'disabled' });
      await page.close();
    });

    /** Where Office's CDN would serve office.js; the tests below stand in for it, as there is no network. */
    const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
    const OFFICE_PACKAGE = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');

    test('with no network for office.js, the preview still starts', async () => {
      const page = await context.newPage();
      const asked: string[] = [];
      await page.route(`${OFFICE_CDN}**`, (route) => {
        asked.push(route.request().url());
        return route.abort('internetdisconnected');
      });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base}taskpane.html`);
      await page.getByText('Preview — not connected to Word').waitFor();
      await page.getByText(/^Errors: \d+ · Warnings: \d+$/).waitFor();
      // The static tag asked for office.js, and its absence changed nothing but that.
      expect(asked).toEqual([`${OFFICE_CDN}office.js`]);
      expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe('undefined');
      expect(errors).toEqual([]);
      await page.close();
    });

    test('office.js loaded outside Office (the package copy standing in for the CDN): Office says no host, so the preview', async () => {
      const page = await context.newPage();
      await page.route(`${OFFICE_CDN}**`, (route) => {
        const file = path.join(OFFICE_PACKAGE, new URL(route.request().url()).pathname.split('/hosted/')[1]);
        return file.startsWith(OFFICE_PACKAGE) && fs.existsSync(file)
          ? route.fulfill({ path: file, contentType: 'text/javascript' })
          : route.abort();
      });
      await page.goto(`${base}taskpane.html`);
      await page.getByText('Preview — not connected to Word').waitFor();
      await page.getByText(/^Errors: \d+ · Warnings: \d+$/).waitFor();
      const seen = await page.evaluate(async () => {
        const office = (window as unknown as { Office?: typeof Office }).Office;
        const info = office ? await office.onReady() : undefined;
        // office.js is in <head>, ahead of the pane's own script.
        const scripts = [...document.querySelectorAll('head script[src]')].map((s) => s.getAttribute('src'));
        return {
          host: info?.host ?? null,
          first: scripts[0],
          pane: scripts.findIndex((s) => /taskpane/.test(s!)),
        };
      });
      expect(seen.host).toBeNull();
      expect(seen.first).toBe(`${OFFICE_CDN}office.js`);
      expect(seen.pane).toBeGreaterThan(0);
      await page.close();
    });

    test.each([
      ['light', 'none'],
      ['dark', 'none'],
      ['light', 'active'],
    ] as const)(
      '?diagnostics opens the Diagnostics view at start (%s, forced colours %s): legible, copyable, closed by Escape',
      async (scheme, forcedColors) => {
        const page = await context.newPage();
        await page.route(`${OFFICE_CDN}**`, (route) => route.abort('internetdisconnected'));
        await page.emulateMedia({ colorScheme: scheme, forcedColors });
        await page.goto(`${base}taskpane.html?diagnostics`);
        const dialog = page.getByRole('dialog', { name: 'Diagnostics' });
        await dialog.waitFor();
        await page.locator('main[aria-busy="false"]').waitFor();
        const report = dialog.getByRole('textbox', { name: 'Diagnostics' });
        await expect(report.inputValue()).resolves.toMatch(/^Amend \d+\.\d+\.\d+ diagnostics, /);
        const text = await report.inputValue();
        expect(text).toContain('Host: Preview (Sample proposal');
        expect(text).toMatch(/Last read: \d+ ms/);
        expect(text).toContain('Browser: Mozilla/5.0');
        // Settled colours: a control enabled as the read ends may still be fading in for a moment;
        // a colour that stays too faint fails after the poll.
        let faint = await lowContrast(page);
        for (let i = 0; faint.length > 0 && i < 20; i++) {
          await page.waitForTimeout(100);
          faint = await lowContrast(page);
        }
        expect(faint).toEqual([]);
        await page.screenshot({ path: path.join(RESULTS, `diagnostics-${scheme}-${forcedColors}.png`) });
        // Copy puts the same text on the clipboard, or selects it for Ctrl+C where the clipboard is refused.
        await dialog.getByRole('button', { name: 'Copy' }).click();
        await dialog.getByText(/^(Copied\.|The text is selected)/).waitFor();
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        // Focus returns to the entry that opens it, which the keyboard reaches like any button.
        await page.getByRole('button', { name: 'Diagnostics' }).focus();
        await page.keyboard.press('Enter');
        await dialog.waitFor();
        await page.close();
      },
    );

    /**
     * The preview and the command line agree on every file in examples/ and every fixture with tracked
     * changes (test/fixtures/seeds, test/fixtures/languages): the findings the pane lists
     * (rule and paragraph, as "¶ n" counts them and the JSON does) are `amend check`'s, and the file
     * Fix all downloads reads, paragraph by paragraph, as the one `amend fix` writes and checks the same.
     */
    const AGREE = path.join(RESULTS, 'agreement');
    const fixtures = (folder: string) =>
      fs
        .readdirSync(path.join(ROOT, 'test/fixtures', folder))
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => ({
          label: `${folder}/${f}`,
          name: `${folder}-${f.replace(/\.txt$/, '')}.docx`,
          markup: () => fs.readFileSync(path.join(ROOT, 'test/fixtures', folder, f), 'utf8'),
        }));
    /** Every example, and every fixture with tracked changes as the .docx the project's builder writes. */
    const INPUTS: { label: string; name: string; file: () => string }[] = [
      ...fs
        .readdirSync(path.join(ROOT, 'examples'))
        .filter((f) => f.endsWith('.docx'))
        .sort()
        .map((f) => ({ label: `examples/${f}`, name: f, file: () => path.join(ROOT, 'examples', f) })),
      ...[...fixtures('seeds'), ...fixtures('languages')].map(({ label, name, markup }) => ({
        label,
        name,
        file: () => {
          fs.mkdirSync(AGREE, { recursive: true });
          const file = path.join(AGREE, name);
          fs.writeFileSync(file, buildDocx(fromMarkup(markup())));
          return file;
        },
      })),
    ];

    interface CliFinding {
      ruleId: string;
      severity: string;
      message: string;
      paragraph: number;
      fixable: boolean;
    }

    /** `amend check --format json FILE`, by the real command line. */
    function cliCheck(file: string): CliFinding[] {
      const run = spawnSync(
        process.execPath,
        [path.join(ROOT, 'bin/amend.js'), 'check', '--format', 'json', file],
        {
          encoding: 'utf8',
        },
      );
      if (run.status !== 0 && run.status !== 1) throw new Error(`amend check ${file}: ${run.stderr}`);
      const json = JSON.parse(run.stdout) as { files: { diagnostics: CliFinding[] }[] };
      return json.files[0].diagnostics.map(({ ruleId, severity, message, paragraph, fixable }) => ({
        ruleId,
        severity,
        message,
        paragraph,
        fixable,
      }));
    }

    const views = (file: string) => {
      const doc = readDocx(new Uint8Array(fs.readFileSync(file)), file);
      if (!doc.ok) throw new Error(doc.reason);
      const ps = doc.value.snapshot.paragraphs;
      return (['current', 'original'] as const).map((v) =>
        ps.filter((p) => existsIn(p, v)).map((p) => paragraphText(p, v)),
      );
    };

    /** Rule and paragraph of each finding the Issues tab lists, in the order of the command line's. */
    const listed = (page: Page) =>
      page.$$eval('li[data-rule]', (items) =>
        items.map(
          (li) => `${li.getAttribute('data-rule')} ${/¶ (\d+)/.exec(li.textContent ?? '')?.[1] ?? '?'}`,
        ),
      );
    const sorted = (xs: string[]) => [...xs].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

    test('an Arabic contribution reads right to left in the document view and the outline, the proposal line left to right', async () => {
      const arabic = INPUTS.find((i) => i.label === 'languages/ar-resolution-52.txt')!;
      const page = await openPreview();
      await page.locator('[role="banner"] input[type="file"]').setInputFiles(arabic.file());
      await page.getByText(arabic.name, { exact: true }).waitFor();
      await page.locator('main[aria-busy="false"]').waitFor();
      /**
       * The direction an element's text is laid out in, and whether its first character (the clause
       * label's letter) stands to the right of the tenth, on the same line: right to left as read.
       */
      const layout = (selector: string, text: string) =>
        page.$$eval(
          selector,
          (elements, wanted) => {
            const el = elements.find((e) => e.textContent?.includes(wanted));
            if (!el) return null;
            const boxes: DOMRect[] = [];
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n && boxes.length < 10; n = walker.nextNode())
              for (let i = 0; i < (n as Text).data.length && boxes.length < 10; i++) {
                const range = document.createRange();
                range.setStart(n, i);
                range.setEnd(n, i + 1);
                boxes.push(range.getBoundingClientRect());
              }
            const [first, tenth] = [boxes[0], boxes[boxes.length - 1]];
            // Glyph boxes differ in height: the same line when their middles are close.
            const mid = (b: DOMRect) => (b.top + b.bottom) / 2;
            return {
              direction: getComputedStyle(el).direction,
              firstRightOfTenth:
                Math.abs(mid(first) - mid(tenth)) < first.height / 2 ? first.left > tenth.left : null,
            };
          },
          text,
        );
      // `ب)\tبأن الرسائل الاقتحامية مشكلة كبيرة ومتنامية؛`: short enough for one line.
      const clause = 'بأن الرسائل الاقتحامية';
      expect(await layout('[role="document"] p', clause)).toEqual({
        direction: 'rtl',
        firstRightOfTenth: true,
      });
      expect(await layout('[role="document"] p', 'ARB/42A3/1')).toEqual({
        direction: 'ltr',
        firstRightOfTenth: false,
      });
      await page.getByRole('tab', { name: 'Outline' }).click();
      expect(await layout('[role="tree"] [role="treeitem"] span[dir="auto"]', clause)).toEqual({
        direction: 'rtl',
        firstRightOfTenth: true,
      });
      await page.close();
    });

    test.each(INPUTS)(
      '$label: the pane lists the findings of `amend check`',
      async ({ name, file: make }) => {
        const file = make();
        const page = await openPreview();
        await page.locator('[role="banner"] input[type="file"]').setInputFiles(file);
        await page.getByText(name, { exact: true }).waitFor();
        await page.locator('main[aria-busy="false"]').waitFor();
        const cli = cliCheck(file);
        const errors = cli.filter((d) => d.severity === 'error').length;
        await page
          .getByText(`Errors: ${errors} · Warnings: ${cli.length - errors}`, { exact: true })
          .waitFor();
        expect(sorted(await listed(page))).toEqual(sorted(cli.map((d) => `${d.ruleId} ${d.paragraph}`)));
        const fixable = cli.filter((d) => d.fixable).length;
        expect(await page.getByRole('button', { name: `Fix all (${fixable})` }).count()).toBe(
          fixable > 0 ? 1 : 0,
        );
        await page.close();
      },
    );

    test.each(INPUTS)(
      '$label: Fix all in the pane downloads what `amend fix` writes',
      async ({ name, file: make }) => {
        const file = make();
        fs.mkdirSync(AGREE, { recursive: true });
        const out = path.join(AGREE, name.replace(/\.docx$/, '-cli-fixed.docx'));
        const fix = spawnSync(process.execPath, [path.join(ROOT, 'bin/amend.js'), 'fix', file, '-o', out], {
          encoding: 'utf8',
        });
        expect(fix.status).toBe(0);
        const page = await openPreview();
        await page.locator('[role="banner"] input[type="file"]').setInputFiles(file);
        await page.getByText(name, { exact: true }).waitFor();
        await page.locator('main[aria-busy="false"]').waitFor();
        const before = cliCheck(file).filter((d) => d.fixable).length;
        if (before === 0) {
          // Nothing to fix: the command line writes nothing and the pane offers no Fix all.
          expect(fs.existsSync(out)).toBe(false);
          expect(await page.getByRole('button', { name: /^Fix all/ }).count()).toBe(0);
          return page.close();
        }
        await page.getByRole('button', { name: `Fix all (${before})` }).click();
        await page.getByText(/^Fixed \d+ problems?\./).waitFor();
        await page.locator('main[aria-busy="false"]').waitFor();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Download .docx' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(name.replace(/\.docx$/, '-amended.docx'));
        const fixed = path.join(AGREE, download.suggestedFilename());
        await download.saveAs(fixed);
        // The same text in both views, paragraph by paragraph, and the same findings left for a person.
        expect(views(fixed)).toEqual(views(out));
        expect(cliCheck(fixed)).toEqual(cliCheck(out));
        // What the pane says is left is what the command line finds in its own output.
        const left = cliCheck(out);
        expect(sorted(await listed(page))).toEqual(sorted(left.map((d) => `${d.ruleId} ${d.paragraph}`)));
        await page.close();
      },
    );
  });
}
