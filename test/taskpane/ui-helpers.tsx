import { render } from '@testing-library/react';
import type { DocumentHost } from '../../src/taskpane/host';
import type { UiLanguage } from '../../src/taskpane/i18n';
import { Pane } from '../../src/taskpane/pane';
import { AmendRoot } from '../../src/taskpane/root';

// jsdom lays nothing out, so it has no ResizeObserver; Fluent's MessageBar measures itself with one.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

/** Render the pane as the app does: one FluentProvider at the root, a light environment. */
export function renderPane(host: DocumentHost, language: UiLanguage = 'en') {
  return render(
    <AmendRoot language={language} environment={{ prefersDark: false, forcedColors: false }}>
      <Pane host={host} />
    </AmendRoot>,
  );
}
