import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Diagnostic } from '../core/diagnostic';
import { isFixable } from '../core/diagnostic';
import type { Proposal } from '../core/model';
import { groupFindings, proposalName } from './grouping';
import { useT, type Translate } from './i18n';
import { MessageText, plainMessage } from './message-text';
import type { Session } from './use-session';

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
});

/** Every finding, grouped by proposal and section; select, fix one, or fix all. */
export function IssuesTab({ session }: { session: Session }) {
  const t = useT();
  const styles = useStyles();
  const { result } = session;
  if (!result) return null;
  const diagnostics = result.diagnostics;
  const fixable = diagnostics.filter(isFixable).length;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const busy = session.busy !== null;
  return (
    <div>
      <div className={styles.toolbar}>
        <Text role="status">{t('issuesSummary', { errors, warnings: diagnostics.length - errors })}</Text>
        {fixable > 0 && (
          <Button appearance="primary" disabled={busy} onClick={() => void session.fixAll()}>
            {t('fixAll', { count: fixable })}
          </Button>
        )}
      </div>
      {diagnostics.length === 0 && <Text>{t('noIssues')}</Text>}
      {groupFindings(result.outline, diagnostics).map((g) => (
        <section key={g.index} className={styles.group} aria-label={groupLabel(g.proposal, t)}>
          <Text className={styles.proposal} as="h3">
            {groupLabel(g.proposal, t)}
          </Text>
          {g.sections.map((s, k) => (
            <div key={k}>
              {s.section && (
                <Text className={styles.section} as="h4">
                  {s.section.heading}
                </Text>
              )}
              <ul className={styles.list}>
                {s.findings.map((d, i) => (
                  <Finding key={`${d.ruleId}-${d.paragraph}-${d.offset ?? 0}-${i}`} d={d} session={session} />
                ))}
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

function Finding({ d, session }: { d: Diagnostic; session: Session }) {
  const t = useT();
  const styles = useStyles();
  const severity = d.severity === 'error' ? t('severityError') : t('severityWarning');
  return (
    <li
      className={`${styles.item} ${d.severity === 'error' ? styles.error : styles.warning}`}
      data-rule={d.ruleId}
    >
      <Button
        appearance="subtle"
        className={styles.finding}
        title={t('selectHint')}
        onClick={() => void session.select({ paragraph: d.paragraph, offset: d.offset, length: d.length })}
      >
        <span className={styles.findingBody}>
          <span className={styles.meta}>
            <Badge
              appearance="outline"
              color={d.severity === 'error' ? 'danger' : 'warning'}
              shape="rounded"
              aria-label={severity}
            >
              {d.severity === 'error' ? '✕ ' : '! '}
              {severity}
            </Badge>
            {d.clause && <Text weight="semibold">{d.clause}</Text>}
            <Text size={200}>{t('paragraphN', { n: d.paragraph + 1 })}</Text>
          </span>
          <Text>
            <MessageText message={d.message} />
          </Text>
          {d.excerpt && (
            <Text size={200} className={styles.excerpt}>
              {d.excerpt}
            </Text>
          )}
        </span>
      </Button>
      {isFixable(d) && (
        <Button
          size="small"
          aria-label={`${t('fix')}: ${plainMessage(d.message)}`}
          disabled={session.busy !== null}
          onClick={() => void session.fix(d)}
        >
          {t('fix')}
        </Button>
      )}
    </li>
  );
}
