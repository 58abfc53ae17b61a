import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../api/client.js';
import { ApiContext } from '../api/context.js';
import { AppShell } from '../components/AppShell/AppShell.js';
import { HostApp } from '../components/HostApp/HostApp.js';
import { config } from '../config.js';
import { HostReactContext, type HostContext } from '../hosts/HostContext.js';
import { teamsThemes } from './themes.teams.js';

/** Mounts the host views for a host (Outlook, Teams or a plain browser). */
export function mountHostApp(host: HostContext, options: { showCompose: boolean }): void {
  const api = createApiClient({ baseUrl: config.apiBaseUrl, getToken: () => host.getApiToken() });
  const origin = new URL('.', location.href).href;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <HostReactContext.Provider value={host}>
        <ApiContext.Provider value={api}>
          <AppShell
            themes={teamsThemes}
            theme={host.theme}
            onThemeChange={host.onThemeChange}
            locale={host.locale}
          >
            <HostApp origin={origin} showCompose={options.showCompose} />
          </AppShell>
        </ApiContext.Provider>
      </HostReactContext.Provider>
    </StrictMode>,
  );
}
