import './polyfills';
import { Spinner } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { ok } from '../core/result';
import type { WordRun } from '../word/word-host';
import { pickLanguage, translator } from './i18n';
import { connectToWord } from './office';
import { Pane } from './pane';
import { createSampleHost } from './preview/preview-host';
import { PreviewShell } from './preview/preview-shell';
import { AmendRoot } from './root';
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

/** The open document's file name, when Word gives its URL (a new unsaved document has none). */
function documentName(): string | undefined {
  const url = Office.context.document?.url;
  return url ? decodeURIComponent(url.split(/[\\/]/).pop() ?? url) : undefined;
}

async function main(): Promise<void> {
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
  render('starting', <Spinner label={translator(pickLanguage(navigator.language))('loadingHost')} />);

  if (await connectToWord()) {
    // Loaded only inside Word, so the preview never pulls in the Office adapter.
    const [{ WordHost }, { readFlatOpc }] = await Promise.all([
      import(/* webpackChunkName: "word" */ '../word/word-host'),
      import(/* webpackChunkName: "word" */ '../docx'),
    ]);
    const host = new WordHost({
      run: Word.run.bind(Word) as WordRun,
      requirements: Office.context.requirements,
      readOoxml: (xml) => {
        const r = readFlatOpc(xml);
        return r.ok ? ok(r.value.snapshot) : r;
      },
      title: documentName(),
    });
    render('word', <Pane host={host} />);
    return;
  }
  const sample = createSampleHost();
  if (!sample.ok) throw new Error(`the built-in sample does not read back: ${sample.reason}`);
  render('preview', <PreviewShell host={sample.value} />);
}

void main();
