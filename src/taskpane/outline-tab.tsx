import { makeStyles, Text, tokens, Tree, TreeItem, TreeItemLayout } from '@fluentui/react-components';
import { useState } from 'react';
import type { Clause, Line, Outline, Proposal } from '../core/model';
import { proposalName } from './grouping';
import { useT, type Translate } from './i18n';
import type { Session } from './use-session';

const useStyles = makeStyles({
  inserted: { textDecorationLine: 'underline' },
  deleted: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  tag: { fontWeight: tokens.fontWeightSemibold },
  text: { overflowWrap: 'anywhere' },
  unplaced: { display: 'block', marginTop: '8px', color: tokens.colorNeutralForeground3 },
});

/** The document's structure; selecting a node selects its paragraph in the document. */
export function OutlineTab({ session }: { session: Session }) {
  const t = useT();
  const styles = useStyles();
  // Branches the user collapsed; everything else stays open as the outline changes under re-checks.
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const outline = session.result?.outline;
  if (!outline) return null;
  if (outline.proposals.length === 0) return <Text>{t('outlineEmpty')}</Text>;
  const select = (paragraph: number) => void session.select({ paragraph });
  const leaf = (value: string, paragraph: number, content: React.ReactNode) => (
    <TreeItem
      key={value}
      itemType="leaf"
      value={value}
      onClick={() => select(paragraph)}
      onKeyDown={enter(() => select(paragraph))}
    >
      <TreeItemLayout>{content}</TreeItemLayout>
    </TreeItem>
  );
  const line = (value: string, l: Line | null) =>
    l && leaf(value, l.paragraph, <span className={styles.text}>{l.text}</span>);
  return (
    <>
      <Tree
        aria-label={t('tabOutline')}
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
        {outline.proposals.map((p, i) => (
          <TreeItem key={i} itemType="branch" value={`p${i}`}>
            <TreeItemLayout
              onClick={() => p.paragraph !== null && select(p.paragraph)}
              onKeyDown={enter(() => p.paragraph !== null && select(p.paragraph))}
            >
              <span className={styles.tag}>{proposalName(p, t('proposalWithoutLine'))}</span>
            </TreeItemLayout>
            <Tree>
              {line(`p${i}-number`, p.number)}
              {line(`p${i}-history`, p.history)}
              {line(`p${i}-preamble`, p.preamble)}
              {p.sections.map((s, k) => (
                <TreeItem key={k} itemType="branch" value={`p${i}-s${k}`}>
                  <TreeItemLayout
                    onClick={() => select(s.paragraph)}
                    onKeyDown={enter(() => select(s.paragraph))}
                  >
                    <em>{s.heading}</em>
                  </TreeItemLayout>
                  <Tree>
                    {s.clauses.map((c, j) => clauseNode(c, `p${i}-s${k}-c${j}`, select, styles, t))}
                  </Tree>
                </TreeItem>
              ))}
              {reasonsNode(p, i, select, t)}
            </Tree>
          </TreeItem>
        ))}
      </Tree>
      {outline.unplaced.map((u) => (
        <Text key={u.paragraph} size={200} className={styles.unplaced}>
          {t('paragraphN', { n: u.paragraph + 1 })} — {t('unplaced', { reason: u.reason })}
        </Text>
      ))}
    </>
  );
}

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

/** Tree items toggle on Enter; the pane also selects the node's paragraph, like a click. */
const enter = (action: () => void) => (e: React.KeyboardEvent) => {
  if (e.key === 'Enter') action();
};

function clauseNode(
  c: Clause,
  value: string,
  select: (paragraph: number) => void,
  styles: ReturnType<typeof useStyles>,
  t: Translate,
): React.ReactNode {
  // Inserted and deleted clauses are marked in words as well as by underline/strike-through, never by colour alone.
  const state = c.change === 'inserted' ? t('inserted') : c.change === 'deleted' ? t('deleted') : undefined;
  const className =
    c.change === 'inserted' ? styles.inserted : c.change === 'deleted' ? styles.deleted : undefined;
  const content = (
    <TreeItemLayout
      onClick={() => select(c.paragraph)}
      onKeyDown={enter(() => select(c.paragraph))}
      aside={state ? <Text size={200}>[{state}]</Text> : undefined}
    >
      <span className={className}>
        <strong>{c.label || '•'}</strong>
        {c.originalLabel !== undefined && ` (${t('renumbered', { label: c.originalLabel })})`} {c.text}
      </span>
    </TreeItemLayout>
  );
  if (c.children.length === 0)
    return (
      <TreeItem key={value} itemType="leaf" value={value} data-change={c.change}>
        {content}
      </TreeItem>
    );
  return (
    <TreeItem key={value} itemType="branch" value={value} data-change={c.change}>
      {content}
      <Tree>{c.children.map((child, k) => clauseNode(child, `${value}-c${k}`, select, styles, t))}</Tree>
    </TreeItem>
  );
}

function reasonsNode(p: Proposal, i: number, select: (paragraph: number) => void, t: Translate) {
  return (
    <TreeItem key="reasons" itemType="leaf" value={`p${i}-reasons`}>
      <TreeItemLayout
        onClick={() => p.reasons && select(p.reasons.paragraph)}
        onKeyDown={enter(() => p.reasons && select(p.reasons.paragraph))}
      >
        {p.reasons ? p.reasons.text : `[${t('reasonsMissing')}]`}
      </TreeItemLayout>
    </TreeItem>
  );
}
