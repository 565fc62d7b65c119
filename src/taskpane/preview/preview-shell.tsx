import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState, useSyncExternalStore } from 'react';
import { useT } from '../i18n';
import { Pane } from '../pane';
import { DocumentView } from './document-view';
import { download, fixedName } from './download';
import type { PreviewHost } from './preview-host';

const useStyles = makeStyles({
  shell: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  banner: {
    display: 'flex',
    gap: '8px',
    alignItems: 'center',
    flexWrap: 'wrap',
    padding: '8px 12px',
    '@media (max-width: 720px)': { padding: '4px 8px', gap: '4px' },
  },
  bannerText: { flex: '1 1 300px' },
  // The pane comes first in reading and focus order, as the task at hand; wide, the document sits on
  // its left as in Word; narrow (Word's 320 px), the pane's issues come first and the document below.
  body: {
    display: 'flex',
    flexDirection: 'row-reverse',
    flex: 1,
    minHeight: 0,
    '@media (max-width: 720px)': { flexDirection: 'column', overflowY: 'auto' },
  },
  document: {
    flex: 1,
    overflowY: 'auto',
    padding: '16px',
    minWidth: 0,
    '@media (max-width: 720px)': { flex: 'none', height: '45vh', padding: '8px' },
  },
  pane: {
    width: '380px',
    flexShrink: 0,
    overflowY: 'auto',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    '@media (max-width: 720px)': { width: 'auto', borderLeft: 'none' },
  },
  hidden: { display: 'none' },
});

/** The preview page: a banner with Open/Download, the document view, and the same pane as in Word. */
export function PreviewShell({ host }: { host: PreviewHost }) {
  const t = useT();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const [openError, setOpenError] = useState<string>();
  const generation = useSyncExternalStore(host.subscribe, () => host.view().generation);
  const open = async (file: File | undefined) => {
    if (!file) return;
    const r = host.open(new Uint8Array(await file.arrayBuffer()), file.name);
    setOpenError(r.ok ? undefined : r.reason);
  };
  return (
    <div className={styles.shell}>
      <MessageBar intent="warning" layout="multiline" className={styles.banner} role="banner">
        <MessageBarBody className={styles.bannerText}>
          <MessageBarTitle>{t('previewBanner')}</MessageBarTitle> {t('previewHelp')}
        </MessageBarBody>
        <Button ref={openButton} onClick={() => input.current?.click()}>
          {t('openDocx')}
        </Button>
        <Button appearance="primary" onClick={() => download(host.bytes(), fixedName(host.fileName()))}>
          {t('downloadDocx')}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          className={styles.hidden}
          aria-hidden="true"
          tabIndex={-1}
          onChange={(e) => {
            void open(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </MessageBar>
      {openError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{openError}</MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="transparent"
              onClick={() => {
                setOpenError(undefined);
                // The button goes with the message: focus returns to Open .docx, where the user was.
                openButton.current?.focus();
              }}
            >
              {t('dismiss')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={styles.body}>
        <div className={styles.pane}>
          <Pane host={host} version={generation} />
        </div>
        <div className={styles.document}>
          <DocumentView host={host} />
        </div>
      </div>
    </div>
  );
}
