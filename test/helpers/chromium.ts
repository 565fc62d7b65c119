/** Debian's Chromium, as the end-to-end test and the pane benchmark launch it (Playwright's own browser download does not work here). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Headless, and none of the background connections a closed network refuses. Office's CDN resolves to
 * nothing, as offline: taskpane.html asks for office.js there, and a network that drops packets instead
 * of refusing them would hold every page at that tag.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP appsforoffice.microsoft.com ~NOTFOUND',
];
