import { Badge, Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { Diagnostic } from '../core/diagnostic';
import { isFixable } from '../core/diagnostic';
import type { Proposal } from '../core/model';
import { DocxInput } from './docx-input';
import { groupFindings, proposalName } from './grouping';
import { useT, type Translate } from './i18n';
import { MessageText, plainMessage } from './message-text';
import { useThemeControl } from './root';
import { ProposalName } from './proposal-name';
import { setAsideNote, type Session } from './use-session';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap', marginBottom: '8px' },
  group: { marginTop: '12px' },
  proposal: { fontWeight: tokens.fontWeightSemibold, display: 'block', marginBottom: '4px' },
  section: { fontStyle: 'italic', display: 'block', margin: '6px 0 2px' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
  },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: '4px',
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: '4px',
  },
  // Badge colours that keep 4.5:1 on the finding's hover fill as well (Fluent's own fall short in dark).
  errorBadge: { color: tokens.colorStatusDangerForeground3 },
  warningBadge: { color: tokens.colorStatusWarningForeground3 },
  // The high-contrast theme fills a hovered or pressed button in cyan and turns its text black: the
  // finding's own coloured parts (badge, excerpt) must follow, or they stay white on cyan.
  contrastFinding: {
    ':hover [data-follow]': { color: tokens.colorNeutralForeground2Hover },
    ':active [data-follow]': { color: tokens.colorNeutralForeground2Pressed },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  finding: {
    flexGrow: 1,
    justifyContent: 'flex-start',
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
    padding: '4px',
  },
  findingBody: { display: 'flex', flexDirection: 'column', gap: '2px', alignItems: 'flex-start' },
  meta: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  excerpt: { color: tokens.colorNeutralForeground3, wordBreak: 'break-word' },
  setAside: { color: tokens.colorNeutralForeground2, fontStyle: 'italic', wordBreak: 'break-word' },
});

/**
 * "Compare with the in-force text…": a file picker for the resolution as in force; its findings
 * (untracked-change, base-version) join the others. Works in Word and in the preview alike, since the
 * file is read in the pane.
 */
function CompareControl({ session }: { session: Session }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const busy = session.busy !== null;
  return (
    <>
      {session.comparedWith ? (
        <>
          <Text size={200}>{t('comparedWith', { name: session.comparedWith })}</Text>
          <Button size="small" disabled={busy} onClick={session.stopComparing}>
            {t('stopComparing')}
          </Button>
        </>
      ) : (
        <Button size="small" disabled={busy} onClick={() => input.current?.click()}>
          {t('compareWithBase')}
        </Button>
      )}
      <DocxInput
        ref={input}
        testId="compare-file"
        onFile={(bytes, name) => void session.compareWith(bytes, name)}
      />
    </>
  );
}

/** Every finding, grouped by proposal and section; select, fix one, or fix all. */
export function IssuesTab({ session }: { session: Session }) {
  const t = useT();
  const styles = useStyles();
  const { result } = session;
  const list = useRef<HTMLDivElement>(null);
  // Fix and Fix all remove the button that was pressed: once the re-check is shown, focus goes to the
  // finding now at that place (or the summary when none is left) instead of falling to the page.
  const refocus = useRef<number | null>(null);
  useEffect(() => {
    if (refocus.current === null || session.busy !== null) return;
    const at = refocus.current;
    refocus.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return; // the user moved on
    const buttons = list.current?.querySelectorAll<HTMLElement>('[data-finding]') ?? [];
    const next = buttons[Math.min(at, buttons.length - 1)] ?? list.current?.querySelector('[data-summary]');
    (next as HTMLElement | null | undefined)?.focus();
  }, [result, session.busy]);
  if (!result) return null;
  let position = 0;
  const diagnostics = result.diagnostics;
  const fixable = diagnostics.filter(isFixable).length;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const busy = session.busy !== null;
  return (
    <div ref={list}>
      <div className={styles.toolbar}>
        <Text role="status" tabIndex={-1} data-summary>
          {t('issuesSummary', { errors, warnings: diagnostics.length - errors })}
        </Text>
        {fixable > 0 && (
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => {
              refocus.current = 0;
              void session.fixAll();
            }}
          >
            {t('fixAll', { count: fixable })}
          </Button>
        )}
        <CompareControl session={session} />
      </div>
      {diagnostics.length === 0 && <Text>{t('noIssues')}</Text>}
      {groupFindings(result.outline, diagnostics).map((g) => (
        <section key={g.index} className={styles.group} aria-label={groupLabel(g.proposal, t)}>
          <Text className={styles.proposal} as="h3">
            {g.proposal ? (
              <ProposalName proposal={g.proposal} fallback={t('proposalWithoutLine')} />
            ) : (
              t('beforeProposals')
            )}
          </Text>
          {g.sections.map((s, k) => (
            <div key={k}>
              {s.section && (
                <Text className={styles.section} as="h4" dir="auto">
                  {s.section.heading}
                </Text>
              )}
              <ul className={styles.list}>
                {s.findings.map((d, i) => {
                  const at = position++;
                  return (
                    <Finding
                      key={`${d.ruleId}-${d.paragraph}-${d.offset ?? 0}-${i}`}
                      d={d}
                      session={session}
                      onFix={() => (refocus.current = at)}
                    />
                  );
                })}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

function groupLabel(proposal: Proposal | null, t: Translate): string {
  return proposal ? proposalName(proposal, t('proposalWithoutLine')) : t('beforeProposals');
}

function Finding({ d, session, onFix }: { d: Diagnostic; session: Session; onFix: () => void }) {
  const t = useT();
  const styles = useStyles();
  const severity = d.severity === 'error' ? t('severityError') : t('severityWarning');
  const contrast = useThemeControl().name === 'contrast';
  const setAside = setAsideNote(session.setAside, d);
  return (
    <li
      className={`${styles.item} ${d.severity === 'error' ? styles.error : styles.warning}`}
      data-rule={d.ruleId}
    >
      <Button
        appearance="subtle"
        className={mergeClasses(styles.finding, contrast && styles.contrastFinding)}
        title={t('selectHint')}
        data-finding
        onClick={() => void session.select({ paragraph: d.paragraph, offset: d.offset, length: d.length })}
      >
        <span className={styles.findingBody}>
          <span className={styles.meta}>
            <Badge
              appearance="outline"
              color={d.severity === 'error' ? 'danger' : 'warning'}
              shape="rounded"
              aria-label={severity}
              className={d.severity === 'error' ? styles.errorBadge : styles.warningBadge}
              data-follow
            >
              {d.severity === 'error' ? '✕ ' : '! '}
              {severity}
            </Badge>
            {d.clause && (
              <Text weight="semibold" dir="auto">
                {d.clause}
              </Text>
            )}
            <Text size={200}>{t('paragraphN', { n: d.paragraph + 1 })}</Text>
          </span>
          <Text>
            <MessageText message={d.message} />
          </Text>
          {d.excerpt && (
            <Text size={200} className={styles.excerpt} data-follow dir="auto">
              {d.excerpt}
            </Text>
          )}
          {setAside && (
            <Text size={200} className={styles.setAside} data-set-aside data-follow>
              {t('setAsideReason', { reason: setAside.reason })}
            </Text>
          )}
        </span>
      </Button>
      {isFixable(d) && (
        <Button
          size="small"
          aria-label={`${t('fix')}: ${plainMessage(d.message)}`}
          disabled={session.busy !== null}
          onClick={() => {
            onFix();
            void session.fix(d);
          }}
        >
          {t('fix')}
        </Button>
      )}
    </li>
  );
}
