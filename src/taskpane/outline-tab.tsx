import { makeStyles, Text, tokens, Tree, TreeItem, TreeItemLayout } from '@fluentui/react-components';
import { memo, startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import type { Clause, Line, Outline, Proposal } from '../core/model';
import { ProposalName } from './proposal-name';
import { useT, type Translate } from './i18n';
import { afterPaint, mark, MARKS } from './marks';
import { useThemeControl } from './root';
import type { Session } from './use-session';

const useStyles = makeStyles({
  inserted: { textDecorationLine: 'underline' },
  deleted: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  // High contrast fills a hovered tree item in cyan with black text; the greyed deletion must follow.
  contrastDeleted: { textDecorationLine: 'line-through' },
  tag: { fontWeight: tokens.fontWeightSemibold },
  text: { overflowWrap: 'anywhere' },
  unplaced: { display: 'block', marginTop: '8px', color: tokens.colorNeutralForeground3 },
});

/**
 * Tree items the first paint shows (a screenful and more), and how many each following frame adds. A
 * Fluent tree item costs about a quarter of a millisecond to mount, so a 2,000-clause outline (some
 * 2,700 items) is filled in over a few frames instead of blocking the pane for a second or more.
 */
const FIRST_ITEMS = 250;
const MORE_ITEMS = 600;

/** The document's structure; selecting a node selects its paragraph in the document. */
export function OutlineTab({ session }: { session: Session }) {
  const t = useT();
  const styles = useStyles();
  // Branches the user collapsed; everything else stays open as the outline changes under re-checks.
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  // How many items are rendered. It only grows while the tab is shown, so a re-check after a fix never
  // folds away what the user scrolled to.
  const [budget, setBudget] = useState(FIRST_ITEMS);
  const outline = session.result?.outline;
  const sizes = useMemo(() => outline?.proposals.map(itemCount) ?? [], [outline]);
  const total = sizes.reduce((a, b) => a + b, 0);
  const complete = budget >= total;
  const { select: selectTarget } = session;
  const select = useCallback((paragraph: number) => void selectTarget({ paragraph }), [selectTarget]);
  // Marks when this outline is first on screen, and when every item is: the benchmark reads both.
  useEffect(() => (outline ? afterPaint(() => mark(MARKS.outlineShown)) : undefined), [outline]);
  useEffect(() => {
    if (!outline) return undefined;
    if (complete) return afterPaint(() => mark(MARKS.outlineComplete));
    // A transition: React renders the next items in slices, so clicks and keys are never kept waiting.
    return afterPaint(() => startTransition(() => setBudget((b) => b + MORE_ITEMS)));
  }, [outline, complete, budget]);
  if (!outline) return null;
  if (outline.proposals.length === 0) return <Text>{t('outlineEmpty')}</Text>;
  let left = budget;
  return (
    <>
      <Tree
        aria-label={t('tabOutline')}
        aria-busy={!complete}
        openItems={openBranches(outline).filter((v) => !closed.has(v))}
        onOpenChange={(_, d) => {
          // A click or Enter on a node selects it in the document; only the chevron and arrow keys fold.
          if (d.type === 'Click' || d.type === 'Enter') return;
          const value = String(d.value);
          setClosed((c) => {
            const next = new Set(c);
            if (d.open) next.delete(value);
            else next.add(value);
            return next;
          });
        }}
      >
        {outline.proposals.map((p, i) => {
          const items = Math.min(sizes[i], left);
          left -= items;
          return items > 0 ? (
            <ProposalNode key={i} proposal={p} index={i} items={items} select={select} />
          ) : null;
        })}
      </Tree>
      {outline.unplaced.map((u) => (
        <Text key={u.paragraph} size={200} className={styles.unplaced}>
          {t('paragraphN', { n: u.paragraph + 1 })} — {t('unplaced', { reason: u.reason })}
        </Text>
      ))}
    </>
  );
}

/** Tree items a proposal's branch holds when fully shown. */
function itemCount(p: Proposal): number {
  const clauses = (cs: readonly Clause[]): number => cs.reduce((n, c) => n + 1 + clauses(c.children), 0);
  const lines = [p.number, p.history, p.preamble].filter((l) => l !== null).length;
  return 2 + lines + p.sections.reduce((n, s) => n + 1 + clauses(s.clauses), 0);
}

/**
 * One proposal's branch, showing its first `items` tree items in document order. Memoised: while the
 * outline fills in, branches already complete are not rendered again.
 */
const ProposalNode = memo(function ProposalNode(props: {
  proposal: Proposal;
  index: number;
  items: number;
  select: (paragraph: number) => void;
}) {
  const { proposal: p, index: i, select } = props;
  const t = useT();
  const styles = useStyles();
  let left = props.items - 1;
  const take = () => left-- > 0;
  const leaf = (value: string, paragraph: number, content: React.ReactNode) => (
    <TreeItem
      key={value}
      itemType="leaf"
      value={value}
      onClick={() => select(paragraph)}
      onKeyDown={activate(() => select(paragraph))}
    >
      <TreeItemLayout>{content}</TreeItemLayout>
    </TreeItem>
  );
  const line = (value: string, l: Line | null) =>
    l &&
    take() &&
    leaf(
      value,
      l.paragraph,
      <span className={styles.text} dir="auto">
        {l.text}
      </span>,
    );
  const contrast = useThemeControl().name === 'contrast';
  const classes = contrast ? { ...styles, deleted: styles.contrastDeleted } : styles;
  const clause = (c: Clause, value: string): React.ReactNode =>
    take() ? clauseNode(c, value, select, classes, t, clause) : null;
  return (
    <TreeItem
      itemType="branch"
      value={`p${i}`}
      onKeyDown={activate(() => p.paragraph !== null && select(p.paragraph))}
    >
      <TreeItemLayout onClick={() => p.paragraph !== null && select(p.paragraph)}>
        <span className={styles.tag}>
          <ProposalName proposal={p} fallback={t('proposalWithoutLine')} />
        </span>
      </TreeItemLayout>
      {/* Subtrees fold without Fluent's collapse animation (collapseMotion null): it measures each
          branch's height as it mounts, one forced layout per branch, seconds on a 2,000-clause outline. */}
      <Tree collapseMotion={null}>
        {line(`p${i}-number`, p.number)}
        {line(`p${i}-history`, p.history)}
        {line(`p${i}-preamble`, p.preamble)}
        {p.sections.map(
          (s, k) =>
            take() && (
              <TreeItem
                key={k}
                itemType="branch"
                value={`p${i}-s${k}`}
                onKeyDown={activate(() => select(s.paragraph))}
              >
                <TreeItemLayout onClick={() => select(s.paragraph)}>
                  <em dir="auto">{s.heading}</em>
                </TreeItemLayout>
                <Tree collapseMotion={null}>{s.clauses.map((c, j) => clause(c, `p${i}-s${k}-c${j}`))}</Tree>
              </TreeItem>
            ),
        )}
        {take() && reasonsNode(p, i, select, t)}
      </Tree>
    </TreeItem>
  );
});

/** Every branch is open unless the user folded it: the outline is read at a glance. */
function openBranches(outline: Outline): string[] {
  const open: string[] = [];
  const clauses = (cs: readonly Clause[], prefix: string) =>
    cs.forEach((c, j) => {
      if (c.children.length > 0) {
        open.push(`${prefix}-c${j}`);
        clauses(c.children, `${prefix}-c${j}`);
      }
    });
  outline.proposals.forEach((p, i) => {
    open.push(`p${i}`);
    p.sections.forEach((s, k) => {
      open.push(`p${i}-s${k}`);
      clauses(s.clauses, `p${i}-s${k}`);
    });
  });
  return open;
}

/**
 * Enter or Space on a tree item selects its paragraph, like a click (arrow keys fold and move). The handler
 * sits on the tree item itself, the element that holds focus: a handler on its TreeItemLayout never sees
 * the key. Keys bubble from nested items, so an item acts only on its own.
 */
const activate = (action: () => void) => (e: React.KeyboardEvent) => {
  if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
  // Space would scroll the pane.
  if (e.key === ' ') e.preventDefault();
  action();
};

function clauseNode(
  c: Clause,
  value: string,
  select: (paragraph: number) => void,
  styles: ReturnType<typeof useStyles>,
  t: Translate,
  child: (c: Clause, value: string) => React.ReactNode,
): React.ReactNode {
  // Inserted and deleted clauses are marked in words as well as by underline/strike-through, never by colour
  // alone; a renumbered one says what it was. Beside the text, so the pane's words stay out of the document's.
  const state =
    c.change === 'inserted'
      ? t('inserted')
      : c.change === 'deleted'
        ? t('deleted')
        : c.originalLabel
          ? t('renumbered', { label: c.originalLabel })
          : undefined;
  const className =
    c.change === 'inserted' ? styles.inserted : c.change === 'deleted' ? styles.deleted : undefined;
  const content = (
    <TreeItemLayout
      onClick={() => select(c.paragraph)}
      aside={
        state ? (
          <Text size={200} dir="auto">
            [{state}]
          </Text>
        ) : undefined
      }
    >
      {/* In the document's own direction: an Arabic clause reads right to left. */}
      <span className={className} dir="auto">
        <strong>{c.label || '•'}</strong> {c.text}
      </span>
    </TreeItemLayout>
  );
  if (c.children.length === 0)
    return (
      <TreeItem
        key={value}
        itemType="leaf"
        value={value}
        data-change={c.change}
        onKeyDown={activate(() => select(c.paragraph))}
      >
        {content}
      </TreeItem>
    );
  return (
    <TreeItem
      key={value}
      itemType="branch"
      value={value}
      data-change={c.change}
      onKeyDown={activate(() => select(c.paragraph))}
    >
      {content}
      <Tree collapseMotion={null}>{c.children.map((sub, k) => child(sub, `${value}-c${k}`))}</Tree>
    </TreeItem>
  );
}

function reasonsNode(p: Proposal, i: number, select: (paragraph: number) => void, t: Translate) {
  return (
    <TreeItem
      key="reasons"
      itemType="leaf"
      value={`p${i}-reasons`}
      onKeyDown={activate(() => p.reasons && select(p.reasons.paragraph))}
    >
      <TreeItemLayout onClick={() => p.reasons && select(p.reasons.paragraph)}>
        {p.reasons ? <span dir="auto">{p.reasons.text}</span> : `[${t('reasonsMissing')}]`}
      </TreeItemLayout>
    </TreeItem>
  );
}
