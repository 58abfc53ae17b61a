import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../../api/client.js';
import { ApiContext } from '../../api/context.js';
import { AppShell } from '../../components/AppShell/AppShell.js';
import { ManagePage } from '../../components/ManagePage/ManagePage.js';
import { config } from '../../config.js';
import { createWebHost } from '../../hosts/web.js';
import { webThemes } from '../themes.web.js';

// The invitee's manage page: manage.html?token=<signed manage token>.
const host = createWebHost(undefined);
const token = new URLSearchParams(location.search).get('token') ?? undefined;
const api = createApiClient({ baseUrl: config.apiBaseUrl });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <AppShell themes={webThemes} theme={host.theme} onThemeChange={host.onThemeChange} locale={host.locale}>
        <ManagePage token={token} locale={host.locale} />
      </AppShell>
    </ApiContext.Provider>
  </StrictMode>,
);
