import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { useT } from './i18n';

/** Reload the pane: the one way to start again once Office or a host call is stuck. */
export function ReloadButton(props: { appearance?: 'primary' | 'transparent' }) {
  const t = useT();
  return (
    <Button appearance={props.appearance ?? 'transparent'} onClick={() => window.location.reload()}>
      {t('reload')}
    </Button>
  );
}

const useStyles = makeStyles({
  page: {
    padding: '12px',
    minHeight: '100%',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

/**
 * What the pane shows inside Office when it cannot start (office.js missing, Word never ready, a part
 * of the add-in that failed to load): the reason and a Reload button, never the sample document.
 */
export function StartupError({ message }: { message: string }) {
  const t = useT();
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t('startFailed')}</MessageBarTitle> {message}
        </MessageBarBody>
        <MessageBarActions>
          <ReloadButton appearance="primary" />
        </MessageBarActions>
      </MessageBar>
    </main>
  );
}
