import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppRegistry, type AppRegistration, type NewApp } from './entra/apps.js';
import { loadSigningKey } from './entra/signing-keys.js';
import { GRAPH_APP_ID, TokenService } from './entra/tokens.js';
import type { EmulatorEnv, EmulatorSettings } from './env.js';
import { FaultInjector } from './faults.js';
import { GraphDispatcher } from './graph/dispatch.js';
import { httpRouteTables } from './routes.js';
import { startHttpsServer, type HttpsServerHandle } from './server/server.js';
import { serviceFactories, type EmulatorService } from './services.js';
import type { UserRecord } from './state/records.js';
import { EmulatorStore } from './state/store.js';
import { MailboxThrottle } from './throttle.js';
import { ensureCertificates } from './tls/certificates.js';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  listenHost?: string;
  /** Host name in the URLs handed out; the certificate covers "localhost" and "127.0.0.1". Default localhost. */
  hostname?: string;
  /** Where the dev CA and server certificate live. Default `.tandem/tls` at the repository root. */
  tlsDir?: string;
  /** JSON state file: loaded at start when it exists, written by `stop()` and `save()`. */
  stateFile?: string;
  /** Use this store (already seeded) instead of a fresh one. */
  store?: EmulatorStore;
  settings?: Partial<EmulatorSettings>;
}

export interface EmulatorHandle {
  /** "https://localhost:PORT" */
  origin: string;
  port: number;
  /** "https://localhost:PORT/v1.0" — give to the Graph client as baseUrl (host in customHosts). */
  graphBaseUrl: string;
  /** "https://localhost:PORT" — MSAL authority is `${authorityHost}/${tenantId}`. */
  authorityHost: string;
  /** The default tenant's id. */
  tenantId: string;
  /** PEM of the dev CA; processes talking to the emulator need it in NODE_EXTRA_CA_CERTS. */
  caCertPath: string;
  store: EmulatorStore;
  env: EmulatorEnv;
  /** Registers an app (client) in the tenant. */
  registerApp(app: NewApp): AppRegistration;
  /**
   * A Graph access token without any OAuth round trip, for seeding and tests of other parts: delegated
   * for `user` (scopes default to Tandem's consent) or, without a user, app-only with `roles`.
   */
  graphToken(options: {
    user?: UserRecord;
    clientId?: string;
    scopes?: string[];
    roles?: string[];
  }): Promise<string>;
  save(path?: string): void;
  restart(options?: { downtimeMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

const DEFAULT_SETTINGS: EmulatorSettings = { maxSubscriptionMinutes: 10_080, defaultPageSize: 10 };
const DEV_CLIENT_ID = '11111111-1111-4111-8111-111111111111';

/** Starts the Microsoft 365 emulator (Entra ID + Graph + dev pages) on one HTTPS origin. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const tls = await ensureCertificates(options.tlsDir);
  const store = options.store ?? new EmulatorStore();
  if (options.stateFile && existsSync(options.stateFile)) store.loadFromFile(options.stateFile);
  const tenant = store.defaultTenant();
  const signingKey = await loadSigningKey(store);
  const listenHost = options.listenHost ?? '127.0.0.1';
  const hostname = options.hostname ?? 'localhost';

  const env = {} as EmulatorEnv;
  let server: HttpsServerHandle = await startHttpsServer({
    routes: httpRouteTables.flat(),
    context: env,
    tls,
    port: options.port ?? 0,
    host: listenHost,
  });
  const origin = `https://${hostname}:${server.port}`;
  Object.assign(env, {
    store,
    urls: { origin, graphBaseUrl: `${origin}/v1.0`, authorityHost: origin },
    tokens: new TokenService(signingKey, origin),
    apps: new AppRegistry(store.extension<Record<string, AppRegistration>>('entra-apps', () => ({}))),
    throttle: new MailboxThrottle(),
    faults: new FaultInjector(),
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
  } satisfies Omit<EmulatorEnv, 'graph' | 'lifecycle'>);
  env.graph = new GraphDispatcher(env);

  // Restarts run one after another: an admin request and the handle may ask at the same time.
  let restarting: Promise<void> = Promise.resolve();
  const restartOnce = async (opts: { downtimeMs?: number }) => {
    const port = server.port;
    await server.close();
    // A restart loses what only lived in memory; the state round-trips through its JSON form.
    store.restore(JSON.parse(JSON.stringify(store.toJSON())));
    if (opts.downtimeMs) await sleep(opts.downtimeMs);
    server = await startHttpsServer({
      routes: httpRouteTables.flat(),
      context: env,
      tls,
      port,
      host: listenHost,
    });
  };
  const restart = (opts: { downtimeMs?: number } = {}) => {
    restarting = restarting.then(() => restartOnce(opts));
    return restarting;
  };
  env.lifecycle = { restart };

  if (!env.apps.find(DEV_CLIENT_ID)) {
    env.apps.register({
      clientId: DEV_CLIENT_ID,
      displayName: 'Emulator dev client',
      clientSecret: null,
      redirectUris: [`${origin}/_dev/callback`],
    });
  }

  const services: EmulatorService[] = [];
  for (const factory of serviceFactories) services.push(await factory(env));

  const save = (path = options.stateFile) => {
    if (path) store.saveToFile(path);
  };

  return {
    origin,
    port: server.port,
    graphBaseUrl: env.urls.graphBaseUrl,
    authorityHost: origin,
    tenantId: tenant.id,
    caCertPath: tls.caCertPath,
    store,
    env,
    registerApp: (app) => env.apps.register(app),
    graphToken: async ({ user, clientId = DEV_CLIENT_ID, scopes, roles }) =>
      (
        await env.tokens.accessToken({
          tenantId: user?.tenantId ?? tenant.id,
          audience: GRAPH_APP_ID,
          clientId,
          ...(user
            ? { user, scopes: scopes ?? ['User.Read', 'Calendars.ReadWrite', 'MailboxSettings.Read'] }
            : { roles: roles ?? ['Calendars.ReadWrite'] }),
        })
      ).token,
    save,
    restart,
    stop: async () => {
      for (const s of services.reverse()) await s.stop();
      await server.close();
      save();
    },
  };
}

export { EmulatorStore } from './state/store.js';
export type { NewUser, NewCalendar, NewTenant } from './state/store.js';
export type * from './state/records.js';
export type * from './state/graph-types.js';
export type { EmulatorEnv, EmulatorSettings, EmulatorUrls } from './env.js';
export type { GraphRoute, GraphContext, Caller } from './graph/graph-route.js';
export type { AppRegistration, NewApp } from './entra/apps.js';
export { GraphError } from './errors.js';
export { GRAPH_APP_ID } from './entra/tokens.js';
export { ensureCertificates } from './tls/certificates.js';
export {
  seedDemoTenant,
  registerDemoApps,
  DEMO_TENANT,
  DEMO_API_APP,
  DEMO_BOT_APP,
  BOT_APP_ROLE,
  DEMO_WEB_APP,
  DEMO_USERS,
} from './demo-tenant.js';
