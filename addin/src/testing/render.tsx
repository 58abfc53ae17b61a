import { webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createApiClient } from '../api/client.js';
import { ApiContext } from '../api/context.js';
import { AppShell } from '../components/AppShell/AppShell.js';
import { HostApp } from '../components/HostApp/HostApp.js';
import { HostReactContext, type HostContext } from '../hosts/HostContext.js';
import { teamsThemes } from '../surfaces/themes.teams.js';

/** Renders a surface the way main.tsx does: API client at a real base URL, theme and strings. */
export function renderWithApi(ui: ReactNode, baseUrl: string, getToken?: () => Promise<string>) {
  const api = createApiClient({ baseUrl, ...(getToken && { getToken }) });
  const themes = { default: webLightTheme, dark: webLightTheme, contrast: webLightTheme };
  return render(
    <ApiContext.Provider value={api}>
      <AppShell themes={themes} theme="default" locale="en-GB">
        {ui}
      </AppShell>
    </ApiContext.Provider>,
  );
}

/**
 * Renders the task pane as a host runs it: the host in context, the API client asking the host for
 * its token, the Teams themes following the host's theme, and the compose actions shown.
 */
export function renderHostApp(host: HostContext, baseUrl: string) {
  const api = createApiClient({ baseUrl, getToken: () => host.getApiToken() });
  return render(
    <HostReactContext.Provider value={host}>
      <ApiContext.Provider value={api}>
        <AppShell themes={teamsThemes} theme={host.theme} onThemeChange={host.onThemeChange} locale="en-GB">
          <HostApp origin="https://tandem.test/" showCompose />
        </AppShell>
      </ApiContext.Provider>
    </HostReactContext.Provider>,
  );
}
