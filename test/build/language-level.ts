import { parse, type Node } from 'acorn';
import { full } from 'acorn-walk';

/**
 * What the oldest webview Word uses can run: WKWebView from Safari 15 (Word for Mac and iPad on macOS
 * and iPadOS 15). ES2022 is the parser's level; of ES2022, Safari 15 lacks class static blocks (16.4),
 * and of ES2018 it lacks RegExp lookbehind (16.4), which a parser accepts but Safari's rejects — the
 * whole script then fails to load and the pane stays blank.
 */
export const ECMA_VERSION = 2022;

const LOOKBEHIND = /\(\?<[=!]/;

/** Where a script uses syntax beyond the target, as `line:column what` lines; empty when it runs there. */
export function beyondTarget(source: string): string[] {
  let ast: Node;
  try {
    ast = parse(source, { ecmaVersion: ECMA_VERSION, sourceType: 'script', locations: true });
  } catch (e) {
    return [`${(e as Error).message} (beyond ES${ECMA_VERSION})`];
  }
  const found: string[] = [];
  const at = (node: Node, what: string) =>
    found.push(`${node.loc?.start.line}:${node.loc?.start.column} ${what}`);
  full(ast, (node) => {
    const n = node as Node & {
      regex?: { pattern: string; flags: string };
      callee?: Node & { name?: string };
      arguments?: (Node & { value?: unknown; quasis?: { value: { cooked: string } }[] })[];
    };
    if (node.type === 'StaticBlock') at(node, 'class static block');
    if (n.regex && LOOKBEHIND.test(n.regex.pattern)) at(node, `RegExp lookbehind /${n.regex.pattern}/`);
    // A pattern built at run time: `new RegExp("(?<!…)")`, `RegExp(\`(?<=${x})\`)`.
    if ((node.type === 'NewExpression' || node.type === 'CallExpression') && n.callee?.name === 'RegExp') {
      const first = n.arguments?.[0];
      const text =
        typeof first?.value === 'string'
          ? first.value
          : (first?.quasis?.map((q) => q.value.cooked).join('') ?? '');
      if (LOOKBEHIND.test(text))
        at(node, `RegExp lookbehind in a constructed pattern "${text.slice(0, 60)}"`);
    }
  });
  return found;
}
