// First, so the page's requests start before the rest of the page's modules are evaluated.
import { api, initialStart, pageId } from './early.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext } from '../../api/context.js';
import { AppShell } from '../../components/AppShell/AppShell.js';
import { BookingPage } from '../../components/BookingPage/BookingPage.js';
import { createWebHost } from '../../hosts/web.js';
import { webThemes } from '../themes.web.js';

// The public booking page: /?page=<pageId> (the link a host shares). No sign-in, no host SDK.
const host = createWebHost(undefined);

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
