import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { DiagnosableHost, DocumentHost, HostDiagnostics, OperationRecord, ReadPath } from './host';
import { useT, type MessageKey, type Translate } from './i18n';
import type { SessionTrace } from './use-session';

/** The package version, set by the build (webpack's DefinePlugin); absent in tests. */
declare const AMEND_VERSION: string | undefined;
const VERSION = typeof AMEND_VERSION === 'string' ? AMEND_VERSION : 'development';

/** What the Diagnostics view reports: the host's own account, the pane's record of its calls. */
export interface DiagnosticsInput {
  readonly host: DocumentHost;
  readonly trace: SessionTrace;
  /** The browser's user agent: which webview, which version. */
  readonly userAgent?: string;
  readonly time: Date;
  readonly version?: string;
}

const diagnosable = (host: DocumentHost): host is DocumentHost & DiagnosableHost =>
  typeof (host as Partial<DiagnosableHost>).diagnostics === 'function';

/** The host's account of itself; a host that cannot give one still gets a report. */
function hostDiagnostics(host: DocumentHost): HostDiagnostics {
  const fallback: HostDiagnostics = {
    host: host.kind === 'word' ? 'Word' : 'Preview',
    requirementSets: [],
  };
  if (!diagnosable(host)) return fallback;
  try {
    return host.diagnostics();
  } catch (e) {
    return { ...fallback, lastError: { message: e instanceof Error ? e.message : String(e) } };
  }
}

const READ_PATHS: Record<ReadPath, MessageKey> = {
  ooxml: 'readPathOoxml',
  file: 'readPathFile',
  preview: 'readPathPreview',
};

function operation(record: OperationRecord | undefined, t: Translate): string {
  if (!record) return t('diagNone');
  return [
    t('diagMilliseconds', { ms: record.milliseconds }),
    record.roundTrips !== undefined ? t('diagRoundTrips', { n: record.roundTrips }) : undefined,
    t(record.ok ? 'diagOk' : 'diagFailedOp'),
  ]
    .filter((x) => x !== undefined)
    .join(', ');
}

/**
 * The report as plain text, one `Label: value` line each, to paste into a support mail. The host's
 * timings (which count round trips) are preferred; the pane's own, timed around the whole call, stand in
 * for a host that keeps none or for a call that never came back.
 */
export function diagnosticsText(input: DiagnosticsInput, t: Translate): string {
  const d = hostDiagnostics(input.host);
  const error = input.trace.lastError?.message ?? d.lastError?.message;
  const sets = d.requirementSets.map((s) => `${s.name} ${t(s.supported ? 'diagYes' : 'diagNo')}`).join(', ');
  const lines: [MessageKey, string | undefined][] = [
    ['diagHost', `${d.host} (${input.host.title})`],
    ['diagPlatform', d.platform],
    ['diagOfficeVersion', d.officeVersion],
    ['diagRequirementSets', sets || undefined],
    ['diagReadPath', d.readPath && t(READ_PATHS[d.readPath])],
    ['diagLastRead', operation(d.lastRead ?? input.trace.lastRead, t)],
    ['diagLastApply', operation(d.lastApply ?? input.trace.lastApply, t)],
    ['diagLastError', error ?? t('diagNone')],
  ];
  if (d.lastError?.code) lines.push(['diagErrorCode', d.lastError.code]);
  if (d.lastError?.debugInfo) lines.push(['diagDebugInfo', d.lastError.debugInfo]);
  lines.push(['diagBrowser', input.userAgent]);
  return [
    t('diagReport', { version: input.version ?? VERSION, time: input.time.toISOString() }),
    ...lines.map(([label, value]) => t('diagLine', { label: t(label), value: value ?? t('diagUnknown') })),
  ].join('\n');
}

/** Whether the page was opened with `?diagnostics` (the preview's way to open the view at once). */
export function diagnosticsRequested(search: string = globalThis.location?.search ?? ''): boolean {
  return new URLSearchParams(search).has('diagnostics');
}

const useStyles = makeStyles({
  entry: { display: 'flex' },
  surface: { maxWidth: 'min(560px, calc(100vw - 24px))', boxSizing: 'border-box' },
  content: { display: 'flex', flexDirection: 'column', gap: '8px' },
  report: { width: '100%', fontFamily: tokens.fontFamilyMonospace },
  actions: { flexWrap: 'wrap' },
});

type CopyState = 'idle' | 'copied' | 'select';

/**
 * The Diagnostics entry at the foot of the pane and the dialog it opens: the report as selectable,
 * read-only text with a Copy button. Nothing leaves the machine; the user decides what to paste.
 */
export function DiagnosticsEntry(props: {
  host: DocumentHost;
  trace: SessionTrace;
  initiallyOpen?: boolean;
}) {
  const t = useT();
  const styles = useStyles();
  const [open, setOpen] = useState(props.initiallyOpen ?? diagnosticsRequested());
  // The report's time is when it was opened, so what is copied is what is shown.
  const [openedAt, setOpenedAt] = useState(() => new Date());
  const [copy, setCopy] = useState<CopyState>('idle');
  const area = useRef<HTMLTextAreaElement>(null);
  const text = open
    ? diagnosticsText(
        {
          host: props.host,
          trace: props.trace,
          userAgent: globalThis.navigator?.userAgent,
          time: openedAt,
        },
        t,
      )
    : '';

  const copyReport = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
      return;
    } catch {
      // Office's webviews may refuse the asynchronous clipboard; the selection route below still works.
    }
    area.current?.focus();
    area.current?.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    setCopy(copied ? 'copied' : 'select');
  };

  return (
    <div className={styles.entry}>
      <Dialog
        open={open}
        onOpenChange={(_, data) => {
          setOpen(data.open);
          setOpenedAt(new Date());
          setCopy('idle');
        }}
      >
        <DialogTrigger disableButtonEnhancement>
          <Button appearance="subtle" size="small">
            {t('diagnostics')}
          </Button>
        </DialogTrigger>
        <DialogSurface className={styles.surface}>
          <DialogBody>
            <DialogTitle>{t('diagnostics')}</DialogTitle>
            <DialogContent className={styles.content}>
              <Text id="amend-diagnostics-help">{t('diagnosticsHelp')}</Text>
              <Textarea
                className={styles.report}
                textarea={{ ref: area, 'aria-describedby': 'amend-diagnostics-help' }}
                aria-label={t('diagnostics')}
                value={text}
                readOnly
                resize="vertical"
                rows={12}
              />
              <Text role="status" size={200}>
                {copy === 'copied' ? t('copied') : copy === 'select' ? t('copyFailed') : ''}
              </Text>
            </DialogContent>
            <DialogActions className={styles.actions}>
              <Button appearance="primary" onClick={() => void copyReport()}>
                {t('copy')}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t('close')}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
