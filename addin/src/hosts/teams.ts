import type { HostContext, ThemeName } from './HostContext.js';

/** The part of @microsoft/teams-js this host uses (the real module satisfies it). */
export interface TeamsSdk {
  app: {
    initialize(): Promise<void>;
    getContext(): Promise<{ app: { locale: string; theme?: string } }>;
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
  };
  authentication: { getAuthToken(params?: { silent?: boolean }): Promise<string> };
}

export function teamsTheme(theme: string | undefined): ThemeName {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'default';
}

/** Teams: SSO with getAuthToken, the Teams theme followed live, the user's locale. */
export async function createTeamsHost(sdk: TeamsSdk): Promise<HostContext> {
  await sdk.app.initialize();
  const context = await sdk.app.getContext();
  const listeners = new Set<(theme: ThemeName) => void>();
  const host: HostContext = {
    kind: 'teams',
    locale: context.app.locale || 'en',
    theme: teamsTheme(context.app.theme),
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getApiToken: () => sdk.authentication.getAuthToken(),
  };
  sdk.app.registerOnThemeChangeHandler((theme) => {
    host.theme = teamsTheme(theme);
    for (const listener of listeners) listener(host.theme);
  });
  return host;
}
