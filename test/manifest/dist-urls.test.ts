import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every address the manifest gives Office (pane, function file, icons, support and learn-more pages) must
 * be a file the build writes, or Word shows a broken page. Checked on the BUILT dist/: outside CI a
 * missing build skips with a message; in CI (CI set) it fails instead.
 */
const root = path.join(__dirname, '..', '..');
const dist = path.join(root, 'dist');
const DEV_URL = 'https://localhost:3000/';

/** The paths under the add-in's address that a manifest names, in the order it names them, once each. */
function manifestPaths(xml: string, base: string): string[] {
  const paths = new Set<string>();
  for (const m of xml.matchAll(/"([^"]*)"/g))
    if (m[1].startsWith(base)) paths.add(new URL(m[1]).pathname.slice(new URL(base).pathname.length));
  return [...paths];
}

test('manifestPaths finds every page and image the manifest names, and nothing else', () => {
  const paths = manifestPaths(readFileSync(path.join(root, 'manifest.xml'), 'utf8'), DEV_URL);
  expect(paths).toEqual(
    expect.arrayContaining(['taskpane.html', 'commands.html', 'support.html', 'assets/icon-32.png']),
  );
  expect(paths.every((p) => p !== '' && !p.includes('://'))).toBe(true);
  expect(
    manifestPaths('<a href="https://localhost:3000/x/y.html?v=1"/><b c="https://example.org/z"/>', DEV_URL),
  ).toEqual(['x/y.html']);
});

const built = existsSync(path.join(dist, 'manifest.xml'));
if (!built && !process.env.CI) {
  test.skip('every manifest URL exists in dist/: skipped because dist/ is not built (run `npm run build`)', () =>
    undefined);
} else {
  test('every URL of the built manifest names a file in dist/', () => {
    const xml = readFileSync(path.join(dist, 'manifest.xml'), 'utf8');
    // The built manifest points at ADDIN_URL; its pane address tells where that is.
    const pane = /<SourceLocation DefaultValue="([^"]*)taskpane\.html"/.exec(xml);
    expect(pane).not.toBeNull();
    const paths = manifestPaths(xml, pane![1]);
    expect(paths).toContain('support.html');
    expect(paths.filter((p) => !existsSync(path.join(dist, p)))).toEqual([]);
  });
}
