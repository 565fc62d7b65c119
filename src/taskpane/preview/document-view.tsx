import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { Paragraph } from '../../core/snapshot';
import type { Target } from '../host';
import { useT } from '../i18n';
import type { PreviewHost } from './preview-host';

const useStyles = makeStyles({
  page: {
    fontFamily: '"Times New Roman", Times, serif',
    fontSize: '15px',
    lineHeight: 1.45,
    padding: '24px 32px',
    maxWidth: '780px',
    margin: '0 auto',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  paragraph: { margin: '0 0 6px', whiteSpace: 'pre-wrap', tabSize: 6, padding: '1px 6px' },
  selected: {
    // The brand tint, not the neutral "selected" fill: that fill is cyan in the high-contrast theme, where
    // the page's white text (and its white insertions and deletions) would be unreadable on it.
    backgroundColor: tokens.colorBrandBackground2,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
    // Forced colours drop backgrounds and shadows: outline the selection in the system highlight colour.
    '@media (forced-colors: active)': { outline: '2px solid Highlight' },
  },
  // Insertions and deletions are marked by line style as Word shows them, not by colour alone.
  ins: { textDecorationLine: 'underline', color: tokens.colorPaletteBlueForeground2 },
  // The status red keeps 4.5:1 on the page and on the selection tint in the dark theme too.
  del: { textDecorationLine: 'line-through', color: tokens.colorStatusDangerForeground3 },
  // The high-contrast theme's yellow background is black, like the page: the outline still shows the range.
  range: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    outline: `1px solid ${tokens.colorPaletteYellowBorder2}`,
  },
  mark: { color: tokens.colorNeutralForeground3, fontSize: '11px', marginRight: '4px' },
});

/** The preview's read-only view of the document, with tracked changes as Word shows them. */
export function DocumentView({ host }: { host: PreviewHost }) {
  const t = useT();
  const styles = useStyles();
  const view = useSyncExternalStore(host.subscribe, host.view);
  const container = useRef<HTMLDivElement>(null);
  const selection = view.selection;
  useEffect(() => {
    if (!selection) return;
    const node = container.current?.querySelector(`[data-paragraph="${selection.paragraph}"]`);
    // scrollIntoView is missing in jsdom; the browser always has it.
    (node as HTMLElement | null)?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [selection]);
  return (
    <div ref={container} className={styles.page} role="document" aria-label={t('documentView')} tabIndex={0}>
      {view.snapshot.paragraphs.map((p) => (
        <p
          key={p.index}
          data-paragraph={p.index}
          aria-current={selection?.paragraph === p.index ? 'location' : undefined}
          className={`${styles.paragraph} ${selection?.paragraph === p.index ? styles.selected : ''}`}
        >
          {p.mark && <span className={styles.mark}>{p.mark.kind === 'ins' ? '+¶' : '−¶'}</span>}
          {renderRuns(p, selection?.paragraph === p.index ? selection : undefined, styles)}
        </p>
      ))}
    </div>
  );
}

/** The paragraph's runs, with the selected range of its current text highlighted. */
function renderRuns(
  p: Paragraph,
  target: Target | undefined,
  styles: ReturnType<typeof useStyles>,
): ReactNode[] {
  const from = target?.offset;
  const to = from !== undefined ? from + Math.max(target?.length ?? 0, 1) : undefined;
  const out: ReactNode[] = [];
  let at = 0; // offset in the current view, where deleted runs take no room
  p.runs.forEach((r, i) => {
    if (r.footnote !== undefined) {
      out.push(<sup key={i}>{r.footnote}</sup>);
      return;
    }
    const cls = r.revision?.kind === 'ins' ? styles.ins : r.revision?.kind === 'del' ? styles.del : undefined;
    const Tag = r.revision?.kind === 'ins' ? 'ins' : r.revision?.kind === 'del' ? 'del' : 'span';
    const counted = r.revision?.kind !== 'del';
    const start = at;
    const end = counted ? at + r.text.length : at;
    if (counted) at = end;
    if (from === undefined || to === undefined || !counted || end <= from || start >= to) {
      out.push(
        <Tag key={i} className={cls}>
          {r.text}
        </Tag>,
      );
      return;
    }
    const a = Math.max(from, start) - start;
    const b = Math.min(to, end) - start;
    out.push(
      <Tag key={i} className={cls}>
        {r.text.slice(0, a)}
        <mark className={styles.range}>{r.text.slice(a, b)}</mark>
        {r.text.slice(b)}
      </Tag>,
    );
  });
  return out;
}
