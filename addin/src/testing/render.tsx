import { webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createApiClient } from '../api/client.js';
import { ApiContext } from '../api/context.js';
import { AppShell } from '../components/AppShell/AppShell.js';

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
