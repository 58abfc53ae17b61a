import { FluentProvider, type Theme } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { ThemeName } from '../../hosts/HostContext.js';
import { StringsContext, stringsFor } from '../../i18n/index.js';

export interface AppShellProps {
  /** The Fluent theme of each host theme; a surface passes only the themes it can show. */
  themes: Record<ThemeName, Theme>;
  theme: ThemeName;
  /** Live theme changes from the host (Teams) or the system (browser). */
  onThemeChange?: (listener: (theme: ThemeName) => void) => () => void;
  locale: string;
  children: ReactNode;
}

/** The root of every surface: the host's theme (followed live), its locale and its strings. */
export function AppShell({ themes, theme: initial, onThemeChange, locale, children }: AppShellProps) {
  const [theme, setTheme] = useState<ThemeName>(initial);
  useEffect(() => onThemeChange?.(setTheme), [onThemeChange]);
  return (
    <StringsContext.Provider value={stringsFor(locale)}>
      <FluentProvider theme={themes[theme]} lang={locale} data-theme={theme} style={{ minHeight: '100vh' }}>
        {children}
      </FluentProvider>
    </StringsContext.Provider>
  );
}
