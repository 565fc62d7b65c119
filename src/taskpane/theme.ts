import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** What the user picked in the theme switcher; `auto` follows Office or the browser. */
export type ThemeChoice = 'auto' | 'light' | 'dark' | 'contrast';
export type ThemeName = Exclude<ThemeChoice, 'auto'>;

/** What the environment says about colours: Office's theme in Word, media queries in the preview. */
export interface ThemeEnvironment {
  /** Office.context.officeTheme.bodyBackgroundColor, when running in Office. */
  readonly officeBackground?: string;
  readonly prefersDark: boolean;
  readonly forcedColors: boolean;
}

/** Relative luminance of a `#rrggbb` colour (0 black .. 1 white), or undefined when unreadable. */
export function luminance(color: string): number | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const n = parseInt(m[1], 16);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/**
 * The theme to show. Forced colours (Windows high contrast) win over everything but an explicit choice,
 * because Office's own high-contrast theme reports only a black or white background.
 */
export function resolveTheme(choice: ThemeChoice, env: ThemeEnvironment): ThemeName {
  if (choice !== 'auto') return choice;
  if (env.forcedColors) return 'contrast';
  if (env.officeBackground !== undefined) {
    const l = luminance(env.officeBackground);
    if (l !== undefined) return l < 0.4 ? 'dark' : 'light';
  }
  return env.prefersDark ? 'dark' : 'light';
}

export const FLUENT_THEMES: Record<ThemeName, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** Read the environment from the browser (and Office when present). */
export function readThemeEnvironment(): ThemeEnvironment {
  const media = (q: string) => typeof window !== 'undefined' && !!window.matchMedia?.(q).matches;
  let officeBackground: string | undefined;
  try {
    officeBackground =
      typeof Office !== 'undefined'
        ? (Office.context?.officeTheme?.bodyBackgroundColor ?? undefined)
        : undefined;
  } catch {
    // officeTheme is unavailable in some hosts (Word on the web before 2016 API set); fall back to media queries.
    officeBackground = undefined;
  }
  return {
    officeBackground,
    prefersDark: media('(prefers-color-scheme: dark)'),
    forcedColors: media('(forced-colors: active)'),
  };
}
