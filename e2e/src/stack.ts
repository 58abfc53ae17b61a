// The whole local stack for one test file, on free loopback ports (so it runs beside `npm start`):
// Azurite and the Microsoft 365 emulator with the demo tenant in this process, the real function list
// served by the local functions host with Outlook sync on, and a production build of the front end
// configured for them. Nothing is mocked: the browser talks to the same services `npm start` runs.
import { startAzurite, type RunningAzurite } from '@tandem/dev/azurite';
import { startFunctionsHost, type RunningFunctionsHost } from '@tandem/dev/functions-host';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  DEMO_API_APP,
  DEMO_BOT_APP,
  DEMO_TENANT,
  DEMO_WEB_APP,
  EmulatorStore,
  seedDemoTenant,
  startEmulator,
  type EmulatorHandle,
  type UserRecord,
} from '@tandem/dev/m365-emulator';
import {
  emulatorSignIn,
  ensureDemoPages,
  type DemoPageKind,
  type DemoPageLink,
} from '@tandem/dev/stack/demo-pages';
import {
  createBookingRuntime,
  createServices,
  provideBookingRuntime,
  provideSyncSettings,
  type Services,
} from '@tandem/api/functions';
import { buildFrontEnd, serveStatic, type BuiltFrontEnd, type StaticSite } from './web-build.js';

/** A JSON answer read freely by a test; its shape is checked by the API's own contract tests. */
export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read freely in tests
  body: any;
  text: string;
}

export interface Stack {
  /** The front end: `{web}/?page={id}`, `{web}/manage.html?token=…`, `{web}/taskpane.html`, `{web}/tab.html`. */
  web: string;
  /** The functions host; functions are under `/api/`. */
  api: string;
  emulator: EmulatorHandle;
  /**
   * The demo pages as `npm start` makes them, all Adele Vance's (Pacific time, her Outlook hours):
   * personal, collective team, round-robin team, and one that needs her approval.
   */
  demoPages: Record<DemoPageKind, DemoPageLink>;
  /** A person of the demo tenant by their short name ("adele", "megan", "alex", "lynne"). */
  person(name: string): UserRecord;
  /** The SSO token Teams or Outlook would hand the front end for this person (audience: the API). */
  ssoToken(person: UserRecord): Promise<string>;
  /** Calls the API as the front end does (`path` after `/api/`). */
  callApi(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Answer>;
  /** Calls Microsoft Graph of the emulator as the person (their Outlook, seen from outside Tandem). */
  graph(person: UserRecord, method: string, path: string, body?: unknown): Promise<Answer>;
  stop(): Promise<void>;
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (iCalendar, HTML)
  }
  return { status: response.status, body, text };
}

export interface StackOptions {
  /**
   * Also run the Teams bot (its own process, as deployed) registered with the emulated Teams
   * channel, so bot cards reach `/teams/chat/{upn}` of the emulator. @default false
   */
  bot?: boolean;
}

/** Starts everything; stop() undoes it all, also when a later step failed. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const cleanup: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  };
  try {
    const store = new EmulatorStore();
    seedDemoTenant(store);
    const [emulator, azurite]: [EmulatorHandle, RunningAzurite] = await Promise.all([
      startEmulator({ store }),
      startAzurite(),
    ]);
    cleanup.push(
      () => emulator.stop(),
      () => azurite.stop(),
    );

    const env = {
      AzureWebJobsStorage: azurite.connectionString,
      TANDEM_API_CLIENT_ID: DEMO_API_APP.clientId,
      TANDEM_ALLOWED_TENANTS: DEMO_TENANT.id,
      TANDEM_AUTH_AUTHORITY: emulator.authorityHost,
      TANDEM_BOT_APP_ID: DEMO_BOT_APP.clientId,
    };
    const services: Services = await createServices(env);
    await Promise.all([services.tables.ensure(), services.queues.ensure()]);
    provideBookingRuntime(
      services,
      createBookingRuntime(
        services,
        {
          graphUrl: emulator.origin,
          authority: emulator.authorityHost,
          clientId: DEMO_API_APP.clientId,
          clientSecret: DEMO_API_APP.clientSecret,
          manageLinkKey: 'the manage link signing key of the end-to-end stack',
          tokenKey: 'the token sealing key of the end-to-end stack',
        },
        // Every page of every test comes from 127.0.0.1: one visitor as far as the limiter can tell.
        { publicRateLimit: { capacity: 100_000, refillPerSecond: 100_000 } },
      ),
    );
    const host: RunningFunctionsHost = await startFunctionsHost({
      services: async () => services,
      env,
      timers: false,
      log: () => () => undefined,
    });
    cleanup.push(() => host.stop());
    provideSyncSettings(services, { apiBaseUrl: host.url });

    const built: BuiltFrontEnd = await buildFrontEnd({
      apiBaseUrl: host.url,
      aadClientId: DEMO_WEB_APP.clientId,
      apiScope: `${DEMO_API_APP.identifierUri}/access_as_user`,
      authority: `${emulator.origin}/${DEMO_TENANT.id}`,
    });
    cleanup.push(() => built.remove());
    const site: StaticSite = await serveStatic(built.dir);
    cleanup.push(() => site.stop());
    // The web app's redirect URIs exactly as the demo tenant registers them for npm start's front
    // end (http://127.0.0.1:5173), moved to this stack's origin.
    const webApp = emulator.env.apps.find(DEMO_WEB_APP.clientId)!;
    const npmStartOrigin = 'http://127.0.0.1:5173';
    emulator.registerApp({
      ...webApp,
      clientSecret: null,
      redirectUris: webApp.redirectUris
        .filter((uri) => uri.startsWith(`${npmStartOrigin}/`))
        .map((uri) => site.origin + uri.slice(npmStartOrigin.length)),
    });

    if (options.bot) {
      const bot = await startBot({
        TANDEM_BOT_PORT: '0',
        TANDEM_BOT_APP_ID: DEMO_BOT_APP.clientId,
        TANDEM_BOT_APP_SECRET: DEMO_BOT_APP.clientSecret,
        TANDEM_BOT_TENANT_ID: DEMO_TENANT.id,
        TANDEM_AUTH_AUTHORITY: emulator.origin,
        TANDEM_BOT_CHANNEL_OPENID_URL: `${emulator.origin}/botframework/v1/.well-known/openidconfiguration`,
        TANDEM_BOT_SERVICE_URL: `${emulator.origin}/`,
        TANDEM_API_BASE_URL: host.url,
        TANDEM_API_APP_ID_URI: DEMO_API_APP.identifierUri,
        TANDEM_PUBLIC_BASE_URL: site.origin,
        AzureWebJobsStorage: azurite.connectionString,
      });
      cleanup.push(bot.stop);
      // What the Azure Bot resource's messaging endpoint is in Azure.
      const registered = await fetch(`${emulator.origin}/_admin/bot`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          endpoint: `${bot.url}/api/messages`,
          appId: DEMO_BOT_APP.clientId,
          name: 'Tandem',
        }),
      });
      if (!registered.ok)
        throw new Error(`The emulator answered ${registered.status} to the bot registration.`);
    }

    const demoPages = await ensureDemoPages({
      apiOrigin: host.url,
      webOrigin: site.origin,
      signIn: emulatorSignIn({ emulatorOrigin: emulator.origin, caCertPath: emulator.caCertPath }),
    });

    const person = (name: string) => {
      const user = store.findUser(`${name}@${DEMO_TENANT.domain}`);
      if (!user) throw new Error(`The demo tenant has nobody called ${name}.`);
      return user;
    };
    const ssoToken = async (user: UserRecord) => {
      const response = await fetch(
        `${emulator.origin}/_dev/sso-token?user=${encodeURIComponent(user.userPrincipalName)}&clientId=${DEMO_API_APP.clientId}`,
      );
      if (!response.ok) throw new Error(`/_dev/sso-token answered ${response.status}`);
      return ((await response.json()) as { access_token: string }).access_token;
    };
    const json = (body: unknown): { body?: string; headers: Record<string, string> } =>
      body === undefined
        ? { headers: {} }
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };

    return {
      web: site.origin,
      api: host.url,
      emulator,
      demoPages: Object.fromEntries(demoPages.map((p) => [p.kind, p])) as Record<DemoPageKind, DemoPageLink>,
      person,
      ssoToken,
      async callApi(method, path, options = {}) {
        const { body, headers } = json(options.body);
        Object.assign(headers, options.headers);
        if (options.token) headers.authorization = `Bearer ${options.token}`;
        return answerOf(
          await fetch(`${host.url}/api/${path}`, { method, headers, ...(body !== undefined && { body }) }),
        );
      },
      async graph(user, method, path, payload) {
        const { body, headers } = json(payload);
        const token = await emulator.graphToken({ user });
        return answerOf(
          await fetch(`${emulator.graphBaseUrl}/users/${user.id}${path}`, {
            method,
            headers: { authorization: `Bearer ${token}`, prefer: 'outlook.timezone="UTC"', ...headers },
            ...(body !== undefined && { body }),
          }),
        );
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * The bot as its own process (bot/src/main.ts, as deployed: restify patches Node's HTTP classes, which
 * must not reach the Azurite and functions host running in this process). It trusts the same CA.
 */
async function startBot(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const entry = fileURLToPath(new URL('../../bot/src/main.ts', import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=tandem-source', '--import', 'tsx', entry],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The bot did not start within 60 s:\n${output}`)),
      60_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = /Tandem bot at (http:\/\/[^/\s]+)\/api\/messages/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The bot exited (${code}) before it listened:\n${output}`));
    });
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
