import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../../src/core/rules';
import { parseXml, type Element } from './manifest-checks';

/** The support page the manifest links to: it must say what the engine really checks, and load nothing. */
const html = readFileSync(path.join(__dirname, '..', '..', 'src', 'taskpane', 'support.html'), 'utf8');

function* elements(e: Element): Generator<Element> {
  yield e;
  for (const c of e.children) yield* elements(c);
}

describe('support.html', () => {
  // Written as XHTML-compatible markup, so the manifest tests' XML reader can walk it.
  const page = parseXml(html.replace(/^<!doctype html>/i, ''));

  test('lists every rule, by id and in the order they run, and no rule that does not exist', () => {
    const rows = [...elements(page)].filter((e) => e.name === 'tr' && e.attributes.id?.startsWith('rule-'));
    expect(rows.map((r) => r.attributes.id.slice('rule-'.length))).toEqual(RULES.map((r) => r.meta.id));
  });

  test('says which rules have a fix, as the rules themselves do', () => {
    const rows = [...elements(page)].filter((e) => e.name === 'tr' && e.attributes.id?.startsWith('rule-'));
    const fixable = (row: Element) =>
      row.children
        .filter((c) => c.name === 'td')
        .at(-1)
        ?.text.trim() === 'yes';
    expect(rows.map(fixable)).toEqual(RULES.map((r) => r.meta.fixable));
  });

  test('runs no script and loads nothing from elsewhere', () => {
    const all = [...elements(page)];
    expect(all.filter((e) => e.name === 'script')).toEqual([]);
    const addresses = all.flatMap((e) =>
      [e.attributes.src, e.attributes.href].filter((v) => v !== undefined),
    );
    expect(addresses.filter((a) => !a.startsWith('#') && !a.startsWith('data:'))).toEqual([]);
    expect(html).not.toMatch(/@import|url\(/);
  });

  test('covers what the manifest promises: what Amend is, how to use the pane, the rules, how to report a problem', () => {
    const headings = [...elements(page)].filter((e) => e.name === 'h2').map((e) => e.attributes.id);
    expect(headings).toEqual(expect.arrayContaining(['what', 'use', 'rules', 'report']));
  });
});
