import './polyfills';
import { Spinner } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { ok } from '../core/result';
import type { WordRun } from '../word/word-host';
import { pickLanguage, translator, type Translate } from './i18n';
import { documentName, pageEnvironment, start, type StartFailure } from './office';
import { Pane } from './pane';
import { createSampleHost } from './preview/preview-host';
import { PreviewShell } from './preview/preview-shell';
import { AmendRoot } from './root';
import { StartupError } from './startup-error';
import { readThemeEnvironment } from './theme';

/** Office's display language in Word, the browser's otherwise. */
function uiLanguage(): string | undefined {
  try {
    if (typeof Office !== 'undefined' && Office.context?.displayLanguage)
      return Office.context.displayLanguage;
  } catch {
    // Office.context is not ready outside a host.
  }
  return navigator.language;
}

function failureText(failure: StartFailure, t: Translate): string {
  switch (failure.reason) {
    case 'no-office':
      return t('startNoOffice');
    case 'timeout':
      return t('startTimeout', { seconds: failure.seconds });
    case 'no-host':
      return t('startNoHost');
    case 'other-host':
      return t('startOtherHost', { host: failure.host });
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const element = document.getElementById('root');
if (!element) throw new Error('taskpane.html has no #root element');
const root = createRoot(element);
// A new key per stage: once Office is ready its theme and display language are read afresh.
const render = (stage: string, child: React.ReactNode) =>
  root.render(
    <AmendRoot
      key={stage}
      language={pickLanguage(uiLanguage())}
      environment={readThemeEnvironment()}
      watch={readThemeEnvironment}
    >
      {child}
    </AmendRoot>,
  );
const t = () => translator(pickLanguage(uiLanguage()));
const fail = (text: string) => render('failed', <StartupError message={text} />);

async function main(): Promise<void> {
  let word: Promise<void> | undefined;
  /** Inside Word: load the Office adapter (its own chunk, so the preview never pulls it in) and run. */
  const startWord = (): Promise<void> =>
    (word ??= (async () => {
      const [{ WordHost }, { readFlatOpc, readDocx }] = await Promise.all([
        import(/* webpackChunkName: "word" */ '../word/word-host'),
        import(/* webpackChunkName: "word" */ '../docx'),
      ]);
      const title = documentName(Office.context.document?.url);
      const host = new WordHost({
        run: Word.run.bind(Word) as WordRun,
        requirements: Office.context.requirements,
        readOoxml: (xml) => {
          const r = readFlatOpc(xml);
          return r.ok ? ok(r.value.snapshot) : r;
        },
        // The whole file, for when Word will not hand out the body's OOXML (Word on the web, #3898).
        file: Office.context.document,
        readDocx: (bytes) => {
          const r = readDocx(bytes, title ?? 'the document');
          return r.ok ? ok(r.value.snapshot) : r;
        },
        platform: Office.context.diagnostics?.platform,
        officeVersion: Office.context.diagnostics?.version,
        title,
      });
      render('word', <Pane host={host} />);
    })().catch((e: unknown) => fail(t()('startLoadFailed', { message: message(e) }))));

  render('starting', <Spinner label={t()('loadingHost')} />);
  const where = await start(pageEnvironment(), undefined, () => void startWord());
  if (where.kind === 'word') return startWord();
  if (where.kind === 'failed') return fail(failureText(where.failure, t()));
  const sample = createSampleHost();
  if (!sample.ok) throw new Error(`the built-in sample does not read back: ${sample.reason}`);
  render('preview', <PreviewShell host={sample.value} />);
}

// Whatever goes wrong at start shows on the page with a Reload button instead of a spinner that never stops.
main().catch((e: unknown) => fail(t()('unexpectedError', { message: message(e) })));
