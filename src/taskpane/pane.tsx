import {
  Button,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState, type ReactNode } from 'react';
import { DiagnosticsEntry } from './diagnostics';
import { DraftTab, unconfirmedNote } from './draft-tab';
import type { DocumentHost } from './host';
import { useT, type MessageKey, type Translate } from './i18n';
import { IssuesTab } from './issues-tab';
import { MessageText } from './message-text';
import { OutlineTab } from './outline-tab';
import { useThemeControl } from './root';
import { ReloadButton } from './startup-error';
import type { ThemeChoice } from './theme';
import { useSession, type Notice } from './use-session';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '12px',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: '100%',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', alignItems: 'center', gap: '8px' },
  title: { flexGrow: 1, margin: 0 },
  document: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground2,
  },
  // The theme is a setting, not a task: it sits below the work, so at Word's 320 px the issues come
  // straight after the title, the document's name and the tabs.
  footer: {
    marginTop: 'auto',
    paddingTop: '12px',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: '8px',
  },
  theme: { minWidth: '130px', maxWidth: '100%' },
  panel: { paddingTop: '4px' },
});

const THEMES: readonly { value: ThemeChoice; label: MessageKey }[] = [
  { value: 'auto', label: 'themeAuto' },
  { value: 'light', label: 'themeLight' },
  { value: 'dark', label: 'themeDark' },
  { value: 'contrast', label: 'themeContrast' },
];

type TabName = 'issues' | 'outline' | 'draft';

/** The task pane: Issues, Outline and Draft over one document host. */
export function Pane({ host, version = 0 }: { host: DocumentHost; version?: number }) {
  const t = useT();
  const styles = useStyles();
  const session = useSession(host, version);
  const [tab, setTab] = useState<TabName>('issues');
  const theme = useThemeControl();
  const themeLabel = (c: ThemeChoice) => t(THEMES.find((x) => x.value === c)!.label);
  return (
    <main className={styles.pane} aria-busy={session.busy !== null}>
      <div className={styles.header}>
        <Text as="h1" size={500} weight="semibold" className={styles.title}>
          {t('appTitle')}
        </Text>
        <Button disabled={session.busy !== null} onClick={() => void session.recheck()}>
          {t('recheck')}
        </Button>
      </div>
      <Text size={200} className={styles.document} title={host.title}>
        {host.title}
      </Text>
      {session.busy === 'reading' &&
        (session.progress !== undefined && session.progress > 0 && session.progress < 1 ? (
          <ProgressBar value={session.progress} aria-label={t('reading')} />
        ) : (
          <Spinner size="tiny" label={t('reading')} />
        ))}
      {session.busy === 'working' && <Spinner size="tiny" label={t('working')} />}
      {session.error && (
        <Dismissible
          intent="error"
          onDismiss={session.dismiss}
          action={session.stalled || !session.snapshot ? <ReloadButton /> : undefined}
        >
          {session.error}
        </Dismissible>
      )}
      {session.notice && !session.error && (
        <Dismissible intent="success" onDismiss={session.dismiss}>
          <MessageText message={noticeText(session.notice, t)} />
        </Dismissible>
      )}
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabName)}>
        <Tab value="issues">{t('tabIssues')}</Tab>
        <Tab value="outline">{t('tabOutline')}</Tab>
        <Tab value="draft">{t('tabDraft')}</Tab>
      </TabList>
      <div
        role="tabpanel"
        aria-label={t(tab === 'issues' ? 'tabIssues' : tab === 'outline' ? 'tabOutline' : 'tabDraft')}
        className={styles.panel}
      >
        {tab === 'issues' && <IssuesTab session={session} />}
        {tab === 'outline' && <OutlineTab session={session} />}
        {tab === 'draft' && <DraftTab session={session} />}
      </div>
      <footer className={styles.footer}>
        <DiagnosticsEntry host={host} trace={session.trace} />
        <Field label={t('theme')} orientation="horizontal">
          <Dropdown
            className={styles.theme}
            value={themeLabel(theme.choice)}
            selectedOptions={[theme.choice]}
            onOptionSelect={(_, d) => d.optionValue && theme.setChoice(d.optionValue as ThemeChoice)}
          >
            {THEMES.map((x) => (
              <Option key={x.value} value={x.value}>
                {t(x.label)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </footer>
    </main>
  );
}

/**
 * A one-line message with a Dismiss button; errors are announced at once (role alert). Dismiss removes the
 * button that has focus, so focus moves on to the selected tab, the next control, instead of the page.
 */
function Dismissible(props: {
  intent: 'error' | 'success';
  onDismiss: () => void;
  /** Another action before Dismiss (Reload when the host stopped answering). */
  action?: ReactNode;
  children: React.ReactNode;
}) {
  const t = useT();
  const bar = useRef<HTMLDivElement>(null);
  const dismiss = () => {
    const tab = bar.current
      ?.closest('main')
      ?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    props.onDismiss();
    tab?.focus();
  };
  return (
    <MessageBar ref={bar} intent={props.intent} role={props.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{props.children}</MessageBarBody>
      <MessageBarActions>
        {props.action}
        <Button appearance="transparent" onClick={dismiss}>
          {t('dismiss')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

function noticeText(n: Notice, t: Translate): string {
  const done =
    n.kind === 'applied'
      ? t('applied', { title: n.title })
      : t('fixedSummary', { applied: n.applied, passes: n.passes, remaining: n.remaining });
  return [done, ...(n.unconfirmed ?? []).map((u) => unconfirmedNote(t, u))].join(' ');
}
