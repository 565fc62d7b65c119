import * as fs from 'node:fs';
import * as path from 'node:path';
import { beyondTarget } from './language-level';

/**
 * Every script webpack emits must run in every Word webview (see webpack.config.js). Needs the built
 * dist/ (`npm run build`): outside CI a missing build skips with a message, in CI it fails.
 */
const DIST = path.resolve(__dirname, '../../dist');
const scripts = fs.existsSync(DIST) ? fs.readdirSync(DIST).filter((f) => f.endsWith('.js')) : [];

describe('the language-level check', () => {
  test.each([
    ['a class static block', 'class A { static { A.x = 1; } }', 'class static block'],
    ['a lookbehind literal', 'const r = /(?<![a-z])b/u;', 'RegExp lookbehind'],
    ['a constructed lookbehind', 'const r = new RegExp(`(?<=${"a"})b`, "g");', 'constructed pattern'],
    ['ES2024 syntax (the v flag)', 'const r = /[\\p{L}--a]/v;', 'beyond ES2022'],
  ])('reports %s', (_, source, what) => {
    expect(beyondTarget(source).join('\n')).toContain(what);
  });

  test('accepts what Safari 15 runs: class fields, private methods, #x in, lookahead, named groups', () => {
    const source =
      'class A { x = 1; static y = 2; #z = 3; #m() { return #z in this; } }' +
      'const r = /(?<word>\\p{L}+)(?![\\p{L}])/gu; const s = new RegExp("(?:^|\\\\s)a", "d");';
    expect(beyondTarget(source)).toEqual([]);
  });
});

if (scripts.length === 0 && !process.env.CI) {
  test.skip('the built scripts: skipped because dist/ is not built (run `npm run build`)', () => undefined);
} else {
  describe('the built scripts', () => {
    test('dist/ holds the pane, its Word chunk and the function file', () => {
      expect(scripts.map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, ''))).toEqual(
        expect.arrayContaining(['taskpane', 'word', 'commands']),
      );
    });

    test.each(scripts)('%s uses no syntax beyond Safari 15', (file) => {
      expect(beyondTarget(fs.readFileSync(path.join(DIST, file), 'utf8'))).toEqual([]);
    });
  });
}
