import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { Paragraph, Revision, Snapshot } from '../../core/snapshot';
import type { Target } from '../host';
import { useT, type Translate } from '../i18n';
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
  // Every paragraph keeps room for a change bar, so a changed one does not shift its text.
  paragraph: {
    position: 'relative',
    // From the paragraph's own side: an Arabic paragraph starts at the right, as in Word.
    textAlign: 'start',
    margin: '0 0 6px',
    whiteSpace: 'pre-wrap',
    tabSize: 6,
    padding: '1px 6px',
    borderLeft: '3px solid transparent',
  },
  // Word's change bar in the margin, in the colour of the paragraph's (first) author.
  changed: { borderLeftStyle: 'solid' },
  // The author's initials beside the bar, as Word's margin shows who changed a line; the full name is
  // the hover title, and each change's own title says who made it and when.
  who: {
    position: 'absolute',
    right: '100%',
    top: '2px',
    marginRight: '4px',
    fontFamily: tokens.fontFamilyBase,
    fontSize: '10px',
    lineHeight: '14px',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'nowrap',
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '4px 12px',
    maxWidth: '780px',
    margin: '0 auto 8px',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  swatch: {
    display: 'inline-block',
    width: '3px',
    height: '12px',
    marginRight: '4px',
    verticalAlign: 'middle',
  },
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

/** Change-bar colours, one per author in order of appearance, as Word gives each reviewer a colour. */
const AUTHOR_COLOURS = [
  tokens.colorPaletteBerryBorderActive,
  tokens.colorPaletteBlueBorderActive,
  tokens.colorPaletteMarigoldBorderActive,
  tokens.colorPaletteTealBorderActive,
  tokens.colorPalettePurpleBorderActive,
];

interface Author {
  readonly name: string;
  readonly colour: string;
  readonly initials: string;
  changes: number;
}

/**
 * A short mark for an author, unique in the document: the initials of a name of several words
 * ("Jane Doe" → JD), the start of a one-word name ("Amend" → Am), longer while two would look alike.
 */
function shortName(name: string, taken: ReadonlySet<string>): string {
  const words = name.split(/[\s.-]+/).filter(Boolean);
  for (let n = 2; n <= Math.max(2, name.length); n++) {
    const mark =
      words.length > 1
        ? words
            .map((w) => w[0].toUpperCase())
            .join('')
            .slice(0, n)
        : name.slice(0, n);
    if (mark && !taken.has(mark.toUpperCase())) return mark;
    if (words.length > 1 && n >= words.length) break;
  }
  return name;
}

/** Who made the document's tracked changes, in order of appearance, with how many each made. */
function authorsOf(snapshot: Snapshot, unknown: string): Map<string, Author> {
  const authors = new Map<string, Author>();
  const count = (r: Revision | undefined) => {
    if (!r) return;
    const name = r.author || unknown;
    const a = authors.get(name);
    if (a) a.changes++;
    else {
      const colour = AUTHOR_COLOURS[authors.size % AUTHOR_COLOURS.length];
      const initials = shortName(name, new Set([...authors.values()].map((x) => x.initials.toUpperCase())));
      authors.set(name, { name, colour, initials, changes: 1 });
    }
  };
  for (const p of snapshot.paragraphs) {
    count(p.mark);
    for (const r of p.runs) count(r.revision);
  }
  return authors;
}

/** "Inserted by Amend, 2026-11-30 14:03": what Word's hover card says about a change. */
function describeRevision(r: Revision, t: Translate): string {
  const author = r.author || t('unknownAuthor');
  const when = r.date ? `, ${r.date.replace('T', ' ').slice(0, 16)}` : '';
  return `${t(r.kind === 'ins' ? 'insertedBy' : 'deletedBy', { author })}${when}`;
}

/** The preview's read-only view of the document, with tracked changes as Word shows them. */
export function DocumentView({ host }: { host: PreviewHost }) {
  const t = useT();
  const styles = useStyles();
  const view = useSyncExternalStore(host.subscribe, host.view);
  const container = useRef<HTMLDivElement>(null);
  const selection = view.selection;
  const authors = useMemo(() => authorsOf(view.snapshot, t('unknownAuthor')), [view.snapshot, t]);
  useEffect(() => {
    if (!selection) return;
    const node = container.current?.querySelector(`[data-paragraph="${selection.paragraph}"]`);
    // scrollIntoView is missing in jsdom; the browser always has it.
    (node as HTMLElement | null)?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [selection]);
  return (
    <>
      {authors.size > 0 && (
        <p className={styles.legend} data-legend>
          <span>{t('changesBy')}</span>
          {[...authors.values()].map((a) => (
            <span key={a.name} data-author={a.name}>
              <span className={styles.swatch} style={{ backgroundColor: a.colour }} aria-hidden="true" />
              {t('authorChanges', { author: a.name, count: a.changes })}
            </span>
          ))}
        </p>
      )}
      <div
        ref={container}
        className={styles.page}
        role="document"
        aria-label={t('documentView')}
        tabIndex={0}
      >
        {view.snapshot.paragraphs.map((p) => {
          const who = [
            ...new Set(
              [p.mark, ...p.runs.map((r) => r.revision)].flatMap((r) =>
                r ? [authors.get(r.author || t('unknownAuthor'))!] : [],
              ),
            ),
          ];
          return (
            // Each paragraph in its own direction, as Word lays out an Arabic paragraph right to left.
            <p
              key={p.index}
              dir="auto"
              data-paragraph={p.index}
              aria-current={selection?.paragraph === p.index ? 'location' : undefined}
              className={`${styles.paragraph} ${who.length ? styles.changed : ''} ${selection?.paragraph === p.index ? styles.selected : ''}`}
              style={who.length ? { borderLeftColor: who[0].colour } : undefined}
            >
              {who.length > 0 && (
                <span
                  className={styles.who}
                  // Not the paragraph's text: kept out of its direction.
                  dir="ltr"
                  aria-hidden="true"
                  title={t('changedBy', { authors: who.map((a) => a.name).join(', ') })}
                  data-who
                >
                  {who.map((a) => a.initials).join(' ')}
                </span>
              )}
              {p.mark && (
                <span className={styles.mark} dir="ltr" title={describeRevision(p.mark, t)}>
                  {p.mark.kind === 'ins' ? '+¶' : '−¶'}
                </span>
              )}
              {renderRuns(p, selection?.paragraph === p.index ? selection : undefined, styles, t)}
            </p>
          );
        })}
      </div>
    </>
  );
}

/** The paragraph's runs, with the selected range of its current text highlighted. */
function renderRuns(
  p: Paragraph,
  target: Target | undefined,
  styles: ReturnType<typeof useStyles>,
  t: Translate,
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
    const title = r.revision ? describeRevision(r.revision, t) : undefined;
    const start = at;
    const end = counted ? at + r.text.length : at;
    if (counted) at = end;
    if (from === undefined || to === undefined || !counted || end <= from || start >= to) {
      out.push(
        <Tag key={i} className={cls} title={title}>
          {r.text}
        </Tag>,
      );
      return;
    }
    const a = Math.max(from, start) - start;
    const b = Math.min(to, end) - start;
    out.push(
      <Tag key={i} className={cls} title={title}>
        {r.text.slice(0, a)}
        <mark className={styles.range}>{r.text.slice(a, b)}</mark>
        {r.text.slice(b)}
      </Tag>,
    );
  });
  return out;
}
