import { FluentProvider } from '@fluentui/react-components';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nProvider, translator, type UiLanguage } from './i18n';
import {
  FLUENT_THEMES,
  resolveTheme,
  type ThemeChoice,
  type ThemeEnvironment,
  type ThemeName,
} from './theme';

interface ThemeControl {
  readonly choice: ThemeChoice;
  readonly name: ThemeName;
  setChoice(choice: ThemeChoice): void;
}

const ThemeContext = createContext<ThemeControl>({
  choice: 'auto',
  name: 'light',
  setChoice: () => undefined,
});

/** The theme switcher's state. */
export const useThemeControl = (): ThemeControl => useContext(ThemeContext);

export interface RootProps {
  readonly language: UiLanguage;
  /** Read once at start; `watch` re-reads it when the browser's colour preferences change. */
  readonly environment: ThemeEnvironment;
  readonly watch?: () => ThemeEnvironment;
  readonly initialTheme?: ThemeChoice;
  readonly children: ReactNode;
}

/** The one FluentProvider of the app, with the pane's language and theme. */
export function AmendRoot({ language, environment, watch, initialTheme = 'auto', children }: RootProps) {
  const [choice, setChoice] = useState<ThemeChoice>(initialTheme);
  const [env, setEnv] = useState(environment);
  useEffect(() => {
    if (!watch || typeof window === 'undefined' || !window.matchMedia) return;
    const queries = ['(prefers-color-scheme: dark)', '(forced-colors: active)'].map((q) =>
      window.matchMedia(q),
    );
    const update = () => setEnv(watch());
    for (const q of queries) q.addEventListener?.('change', update);
    return () => {
      for (const q of queries) q.removeEventListener?.('change', update);
    };
  }, [watch]);
  const name = resolveTheme(choice, env);
  const t = useMemo(() => translator(language), [language]);
  const control = useMemo(() => ({ choice, name, setChoice }), [choice, name]);
  return (
    <FluentProvider
      theme={FLUENT_THEMES[name]}
      data-theme={name}
      style={{ minHeight: '100vh' }}
      lang={language}
    >
      <I18nProvider value={t}>
        <ThemeContext.Provider value={control}>{children}</ThemeContext.Provider>
      </I18nProvider>
    </FluentProvider>
  );
}
