#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-<size>.png) from one SVG: a document page in ITU blue with a
 * struck-through red line (a tracked deletion), an underlined inserted line, and a check mark. Small
 * sizes drop the finer lines so the icon stays readable at 16 px. Renders with Chromium through
 * playwright-core: `node scripts/draw-icons.js [path-to-chromium]`.
 */
const path = require('node:path');
const { chromium } = require('playwright-core');

const SIZES = [16, 32, 64, 80, 128];
const BLUE = '#0a6fb6';
const RED = '#d13438';

/** The icon on a 64-unit grid; `detail` false for the smallest sizes. */
function svg(size, detail) {
  const lines = detail
    ? `<rect x="16" y="18" width="22" height="3.5" rx="1.5" fill="${BLUE}" opacity="0.55"/>
       <rect x="16" y="26" width="26" height="3.5" rx="1.5" fill="${RED}" opacity="0.6"/>
       <rect x="13" y="26.9" width="32" height="1.8" fill="${RED}"/>
       <rect x="16" y="34" width="20" height="3.5" rx="1.5" fill="${BLUE}"/>
       <rect x="16" y="39.5" width="20" height="1.6" fill="${BLUE}"/>`
    : `<rect x="14" y="22" width="30" height="6" fill="${RED}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">
    <path d="M9 4 H40 L53 17 V60 H9 Z" fill="#ffffff" stroke="${BLUE}" stroke-width="${detail ? 3.5 : 5}" stroke-linejoin="round"/>
    <path d="M40 4 V17 H53" fill="#d9e9f5" stroke="${BLUE}" stroke-width="${detail ? 3 : 4}" stroke-linejoin="round"/>
    ${lines}
    <circle cx="46" cy="48" r="${detail ? 14 : 15}" fill="${BLUE}" stroke="#ffffff" stroke-width="2.5"/>
    <path d="M38.5 48.5 L44 54 L54 42.5" fill="none" stroke="#ffffff" stroke-width="${detail ? 4.5 : 6}" stroke-linecap="round" stroke-linejoin="round"/>
  </svg>`;
}

async function main() {
  const executablePath = process.argv[2] ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg(size, size >= 32)}</body></html>`,
      );
      const file = path.join(__dirname, '..', 'assets', `icon-${size}.png`);
      await page.locator('svg').screenshot({ path: file, omitBackground: true });
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
