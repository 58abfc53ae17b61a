import { resolve } from 'node:path';
import { DEMO_API_APP, DEMO_BOT_APP, DEMO_TENANT, DEMO_WEB_APP } from '../m365-emulator/demo-tenant.js';
import { devSecrets } from './dev-secrets.js';
import type { ServiceSpec } from './service.js';

export interface StackLayout {
  root: string;
  dataDir: string;
}

/** Fixed local ports, so bookmarks and the printed URLs stay the same from one start to the next. */
export const stackPorts = {
  azuriteTable: 10002,
  azuriteQueue: 10001,
  emulator: 4443,
  api: 7071,
  bot: 3978,
  web: 5173,
} as const;

const emulatorOrigin = `https://localhost:${stackPorts.emulator}`;

/** Every service of the local stack, in start order. */
export function stackServices(layout: StackLayout): ServiceSpec[] {
  const at = (path: string) => resolve(layout.root, path);
  return [
    {
      name: 'azurite',
      entry: at('dev/src/azurite/main.ts'),
      ports: [stackPorts.azuriteTable, stackPorts.azuriteQueue],
      env: {
        TANDEM_AZURITE_TABLE_PORT: String(stackPorts.azuriteTable),
        TANDEM_AZURITE_QUEUE_PORT: String(stackPorts.azuriteQueue),
        TANDEM_AZURITE_DIR: resolve(layout.dataDir, 'azurite'),
      },
      readyPort: stackPorts.azuriteTable,
    },
    {
      name: 'm365',
      entry: at('dev/src/m365-emulator/main.ts'),
      ports: [stackPorts.emulator],
      args: ['--port', String(stackPorts.emulator), '--state', resolve(layout.dataDir, 'm365.json')],
      readyPort: stackPorts.emulator,
    },
    {
      name: 'api',
      entry: at('dev/src/functions-host/main.ts'),
      ports: [stackPorts.api],
      env: apiSettings(layout),
      readyPort: stackPorts.api,
    },
    {
      name: 'bot',
      entry: at('bot/src/main.ts'),
      ports: [stackPorts.bot],
      // restify reads Node's HTTP parser through a deprecated binding; its warning says nothing
      // a person running the stack can act on.
      env: { ...botSettings(), NODE_OPTIONS: '--disable-warning=DEP0111' },
      readyPort: stackPorts.bot,
    },
    {
      name: 'web',
      entry: at('dev/src/web/main.ts'),
      ports: [stackPorts.web],
      env: {
        TANDEM_WEB_PORT: String(stackPorts.web),
        VITE_TANDEM_API_BASE_URL: `http://127.0.0.1:${stackPorts.api}`,
        VITE_TANDEM_AAD_CLIENT_ID: DEMO_WEB_APP.clientId,
        VITE_TANDEM_API_SCOPE: `${DEMO_API_APP.identifierUri}/access_as_user`,
        VITE_TANDEM_AUTHORITY: `${emulatorOrigin}/${DEMO_TENANT.id}`,
      },
      readyPort: stackPorts.web,
    },
  ];
}

/** The table printed once the stack is up: only the services that run. */
export function stackUrls(_layout: StackLayout, running: readonly ServiceSpec[]): Record<string, string> {
  const names = new Set(running.map((s) => s.name));
  const urls: Record<string, string> = {};
  // Only pages a person opens in a browser: storage and the Graph root answer nothing readable.
  if (names.has('web')) {
    urls['Task pane (dev sign-in as Adele)'] = `http://127.0.0.1:${stackPorts.web}/taskpane.html`;
    urls['Teams tab (dev sign-in)'] = `http://127.0.0.1:${stackPorts.web}/tab.html`;
  }
  if (names.has('m365')) {
    const adele = `adele@${DEMO_TENANT.domain}`;
    urls['Outlook, emulated (Adele’s calendar)'] = `${emulatorOrigin}/outlook/${adele}`;
    urls['Teams chat, emulated (Adele’s)'] = `${emulatorOrigin}/teams/chat/${adele}`;
  }
  if (names.has('api')) urls['API docs (OpenAPI)'] = `http://127.0.0.1:${stackPorts.api}/api/openapi.json`;
  return urls;
}

/** The bot's settings against the local stack: the demo bot app, signed in at the emulator's Entra. */
export function botSettings(): Record<string, string> {
  return {
    TANDEM_BOT_PORT: String(stackPorts.bot),
    TANDEM_BOT_APP_ID: DEMO_BOT_APP.clientId,
    TANDEM_BOT_APP_SECRET: DEMO_BOT_APP.clientSecret,
    TANDEM_BOT_TENANT_ID: DEMO_TENANT.id,
    TANDEM_AUTH_AUTHORITY: emulatorOrigin,
    TANDEM_BOT_CHANNEL_OPENID_URL: `${emulatorOrigin}/botframework/v1/.well-known/openidconfiguration`,
    TANDEM_BOT_SERVICE_URL: `${emulatorOrigin}/`,
    TANDEM_API_BASE_URL: `http://127.0.0.1:${stackPorts.api}`,
    TANDEM_API_APP_ID_URI: DEMO_API_APP.identifierUri,
    TANDEM_PUBLIC_BASE_URL: `http://127.0.0.1:${stackPorts.web}`,
    TANDEM_AZURITE_TABLE_PORT: String(stackPorts.azuriteTable),
    TANDEM_AZURITE_QUEUE_PORT: String(stackPorts.azuriteQueue),
  };
}

/** The API's app settings against the local stack: the same names Azure sets from Key Vault and Bicep. */
function apiSettings(layout: StackLayout): Record<string, string> {
  const secrets = devSecrets(layout.dataDir);
  return {
    TANDEM_API_PORT: String(stackPorts.api),
    TANDEM_API_BASE_URL: `http://127.0.0.1:${stackPorts.api}`,
    TANDEM_AZURITE_TABLE_PORT: String(stackPorts.azuriteTable),
    TANDEM_AZURITE_QUEUE_PORT: String(stackPorts.azuriteQueue),
    TANDEM_AUTH_AUTHORITY: emulatorOrigin,
    TANDEM_GRAPH_URL: emulatorOrigin,
    TANDEM_ALLOWED_TENANTS: DEMO_TENANT.id,
    TANDEM_API_CLIENT_ID: DEMO_API_APP.clientId,
    TANDEM_API_CLIENT_SECRET: DEMO_API_APP.clientSecret,
    TANDEM_BOT_APP_ID: DEMO_BOT_APP.clientId,
    TANDEM_MANAGE_LINK_SIGNING_KEY: secrets.manageLinkSigningKey,
    TANDEM_TOKEN_ENCRYPTION_KEY: secrets.tokenEncryptionKey,
  };
}
