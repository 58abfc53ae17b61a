// A whole API for integration tests: Azurite and the Microsoft 365 emulator in-process, the real
// function list served over HTTP by the local functions host, hosts signed in through real SSO
// tokens and on-behalf-of. Nothing is mocked; tests talk HTTP like a front end does.
import { startAzurite, type RunningAzurite } from '@tandem/dev/azurite';
import { startFunctionsHost, type RunningFunctionsHost } from '@tandem/dev/functions-host';
import {
  startEmulator,
  type AppRegistration,
  type EmulatorHandle,
  type UserRecord,
} from '@tandem/dev/m365-emulator';
import type { BookingFaults } from '../../booking/deps.js';
import { createBookingRuntime, provideBookingRuntime, type BookingRuntime } from '../booking-runtime.js';
import { createServices, type Services } from '../services.js';
import type { BookingPageInputBody } from '../../contracts/pages.js';

export interface ApiStack {
  url: string;
  emulator: EmulatorHandle;
  azurite: RunningAzurite;
  api: AppRegistration;
  /** The Teams bot's app registration, granted the API's `Tandem.Bot` app role. */
  bot: AppRegistration;
  services: Services;
  runtime: BookingRuntime;
  faults: BookingFaults;
  /** Graph requests made by the API (every request asks the token provider once). */
  graphCalls: () => number;
  /** An SSO token (audience: the API) as Teams would hand the front end. */
  ssoToken(
    user: UserRecord,
    options?: { lifetimeSeconds?: number; audience?: string; tenantId?: string },
  ): Promise<string>;
  /**
   * An application token for the API through the emulator's real client-credentials flow
   * (`{API identifier URI}/.default`), as the bot gets it; `app` defaults to the bot.
   */
  appToken(app?: AppRegistration): Promise<string>;
  /** A host that has opened Tandem once (GET /api/me), so their calendar is connected. */
  connectHost(input: {
    upn: string;
    name: string;
    timeZone?: string;
  }): Promise<{ user: UserRecord; token: string }>;
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read freely in tests; contract tests check shapes
  ): Promise<{ status: number; body: any; headers: Headers; text: string }>;
  createPage(token: string, page: Partial<BookingPageInputBody> & { slug: string }): Promise<{ id: string }>;
  stop(): Promise<void>;
}

/** Every day, all day, in UTC: slots everywhere, so tests pick times freely. */
export const allDayEveryDay = {
  timeZone: 'UTC',
  weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: '00:00', to: '24:00' })),
  overrides: [],
};

export async function startApiStack(): Promise<ApiStack> {
  const [emulator, azurite] = await Promise.all([startEmulator(), startAzurite()]);
  const api = emulator.registerApp({ displayName: 'Tandem API', exposeApi: true, appRoles: ['Tandem.Bot'] });
  const bot = emulator.registerApp({
    displayName: 'Tandem bot',
    grantedAppRoles: { [api.clientId]: ['Tandem.Bot'] },
  });
  const env = {
    AzureWebJobsStorage: azurite.connectionString,
    TANDEM_API_CLIENT_ID: api.clientId,
    TANDEM_BOT_APP_ID: bot.clientId,
    TANDEM_ALLOWED_TENANTS: emulator.tenantId,
    TANDEM_AUTH_AUTHORITY: emulator.authorityHost,
  };
  const services = await createServices(env);
  // As the function app does at its first invocation (lazyServices): tables and queues exist.
  await Promise.all([services.tables.ensure(), services.queues.ensure()]);
  const faults: BookingFaults = {};
  const runtime = createBookingRuntime(
    services,
    {
      graphUrl: emulator.origin,
      authority: emulator.authorityHost,
      clientId: api.clientId,
      clientSecret: api.clientSecret!,
      manageLinkKey: 'a manage link key for tests, 32+ characters long',
      tokenKey: 'a token sealing key for tests',
    },
    // Every test request comes from one address: the per-client limit is tested on its own.
    { faults, publicRateLimit: { capacity: 1_000_000, refillPerSecond: 1_000_000 } },
  );
  let graphCalls = 0;
  const forHost = runtime.tokens.forHost.bind(runtime.tokens);
  runtime.tokens.forHost = (hostId) => {
    graphCalls++;
    return forHost(hostId);
  };
  provideBookingRuntime(services, runtime);
  const host: RunningFunctionsHost = await startFunctionsHost({
    services: async () => services,
    timers: false,
    env,
    log: () => () => undefined,
  });

  const ssoToken: ApiStack['ssoToken'] = async (user, options = {}) =>
    (
      await emulator.env.tokens.accessToken({
        tenantId: options.tenantId ?? user.tenantId,
        audience: options.audience ?? api.clientId,
        clientId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
        user,
        scopes: ['access_as_user'],
        ...(options.lifetimeSeconds !== undefined && { lifetimeSeconds: options.lifetimeSeconds }),
      })
    ).token;

  const appToken: ApiStack['appToken'] = async (app = bot) => {
    const res = await fetch(`${emulator.authorityHost}/${emulator.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: app.clientSecret ?? '',
        scope: `${api.identifierUri}/.default`,
      }),
    });
    if (!res.ok)
      throw new Error(`The client-credentials token request answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { access_token: string }).access_token;
  };

  const call: ApiStack['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const res = await fetch(`${host.url}/api/${path}`, {
      method,
      headers,
      ...(body !== undefined && { body }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (iCalendar files)
    }
    return { status: res.status, body: parsed, headers: res.headers, text };
  };

  return {
    url: host.url,
    emulator,
    azurite,
    api,
    bot,
    services,
    runtime,
    faults,
    graphCalls: () => graphCalls,
    ssoToken,
    appToken,
    async connectHost(input) {
      const user = emulator.store.addUser({
        userPrincipalName: input.upn,
        displayName: input.name,
        timeZone: input.timeZone ?? 'UTC',
      });
      const token = await ssoToken(user);
      const me = await call('GET', 'me', { token });
      if (me.status !== 200 || me.body.connection.state !== 'connected')
        throw new Error(`GET /api/me answered ${me.status}: ${me.text}`);
      return { user, token };
    },
    call,
    async createPage(token, page) {
      const res = await call('POST', 'pages', {
        token,
        body: {
          title: 'Intro call',
          durations: [30],
          location: { kind: 'teams' },
          workingHours: allDayEveryDay,
          ...page,
        },
      });
      if (res.status !== 201) throw new Error(`POST /api/pages answered ${res.status}: ${res.text}`);
      return res.body as { id: string };
    },
    async stop() {
      await host.stop();
      await Promise.all([emulator.stop(), azurite.stop()]);
    },
  };
}

/** A whole-hour UTC instant `hours` from now (slots of the all-day pages start on the hour). */
export function hoursFromNow(hours: number): string {
  const hour = 3_600_000;
  return new Date((Math.floor(Date.now() / hour) + hours) * hour).toISOString();
}

/** The Outlook events of a booking in a mailbox (found by transactionId = booking id). */
export function eventsOfBooking(emulator: EmulatorHandle, userId: string, bookingId: string) {
  return emulator.store
    .listEvents(userId)
    .map((r) => r.event)
    .filter((e) => e.transactionId === bookingId);
}

/**
 * Grady Archie, an invitee in Tokyo, books 30 minutes at `start` on a public page (a fresh
 * idempotency key each time); `fields` adds to or replaces the body, e.g. `{ answers }`.
 */
export function bookAsInvitee(
  stack: ApiStack,
  pageId: string,
  start: string,
  fields: Record<string, unknown> = {},
) {
  return stack.call('POST', `public/pages/${pageId}/bookings`, {
    headers: { 'idempotency-key': crypto.randomUUID() },
    body: {
      name: 'Grady Archie',
      email: 'grady@example.com',
      durationMinutes: 30,
      start,
      timeZone: 'Asia/Tokyo',
      ...fields,
    },
  });
}
