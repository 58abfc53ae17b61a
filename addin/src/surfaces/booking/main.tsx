import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../../api/client.js';
import { ApiContext } from '../../api/context.js';
import { AppShell } from '../../components/AppShell/AppShell.js';
import { BookingPage } from '../../components/BookingPage/BookingPage.js';
import { askEarly } from '../../components/BookingPage/askEarly.js';
import { firstSlotsQuery } from '../../components/SlotPicker/firstSlotsQuery.js';
import { config } from '../../config.js';
import { createWebHost } from '../../hosts/web.js';
import { webThemes } from '../themes.web.js';

// The public booking page: /?page=<pageId> (the link a host shares). No sign-in, no host SDK.
const host = createWebHost(undefined);
const params = new URLSearchParams(location.search);
const pageId = params.get('page') ?? undefined;
const initialStart = params.get('start') ?? undefined;
// The page and its first slots are asked for now, before React starts, not once it has rendered.
const client = createApiClient({ baseUrl: config.apiBaseUrl });
const api = pageId ? askEarly(client, pageId, firstSlotsQuery(new Date())) : client;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <AppShell themes={webThemes} theme={host.theme} onThemeChange={host.onThemeChange} locale={host.locale}>
        <BookingPage
          pageId={pageId}
          locale={host.locale}
          {...(initialStart && { initialStart })}
          manageUrl={(token) => `manage.html?token=${encodeURIComponent(token)}`}
        />
      </AppShell>
    </ApiContext.Provider>
  </StrictMode>,
);
