// Wiring of the booking services into the function app: one runtime per Services object, made from
// app settings at first use (tests hand in their own with provideBookingRuntime).
import type { HttpRequest } from '@azure/functions';
import type { Client } from '@microsoft/microsoft-graph-client';
import { bearerToken } from '../auth/token-validator.js';
import type { Principal } from '../auth/principal.js';
import {
  BookingService,
  BotService,
  HostService,
  ManageLinks,
  type BookingDeps,
  type BookingFaults,
} from '../booking/index.js';
import { MissingIdempotencyKeyError } from '../booking/errors.js';
import { RateLimiter, type RateLimit } from '../booking/rate-limit.js';
import { idempotencyKeySchema } from '../contracts/bookings.js';
import { ConfigError } from '../config/storage.js';
import { createGraphClient } from '../graph/client.js';
import { createTokenSealer } from '../graph/token-sealer.js';
import { HostTokens } from '../graph/tokens.js';
import { BookingRepository } from '../store/bookings.js';
import { BusyCacheRepository } from '../store/busy-cache.js';
import { ConnectionRepository } from '../store/connections.js';
import { IdempotencyRepository } from '../store/idempotency.js';
import { PageRepository } from '../store/pages.js';
import type { Services } from './services.js';

export interface BookingSettings {
  /** `https://graph.microsoft.com`, or the emulator's origin. */
  graphUrl: string;
  /** Entra ID origin (as for token validation). */
  authority: string;
  clientId: string;
  clientSecret: string;
  /** HS256 key of manage links (≥ 32 characters). */
  manageLinkKey: string;
  /** Seals stored token caches. */
  tokenKey: string;
}

export interface BookingRuntime {
  deps: BookingDeps;
  /** Per-client limit of the public (unauthenticated) endpoints. */
  publicLimiter: RateLimiter;
  tokens: HostTokens;
  bookings: BookingService;
  hosts: HostService;
  /** What the Teams bot does for the people it chats with. */
  bot: BotService;
}

function required(env: NodeJS.ProcessEnv, name: string, what: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(name, `Set ${name} to ${what}.`);
  return value;
}

/**
 * From app settings: `TANDEM_GRAPH_URL` (default Graph), `TANDEM_AUTH_AUTHORITY`, `TANDEM_API_CLIENT_ID`,
 * `TANDEM_API_CLIENT_SECRET`, `TANDEM_MANAGE_LINK_SIGNING_KEY`, `TANDEM_TOKEN_ENCRYPTION_KEY` (Key Vault references in Azure).
 */
export function bookingSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): BookingSettings {
  return {
    graphUrl: env.TANDEM_GRAPH_URL || 'https://graph.microsoft.com',
    authority: (env.TANDEM_AUTH_AUTHORITY || 'https://login.microsoftonline.com').replace(/\/+$/, ''),
    clientId: required(env, 'TANDEM_API_CLIENT_ID', "the API app registration's client id"),
    clientSecret: required(env, 'TANDEM_API_CLIENT_SECRET', 'a client secret of the API app registration'),
    manageLinkKey: required(
      env,
      'TANDEM_MANAGE_LINK_SIGNING_KEY',
      'a random secret of at least 32 characters',
    ),
    tokenKey: required(env, 'TANDEM_TOKEN_ENCRYPTION_KEY', 'a random secret that seals stored tokens'),
  };
}

export function createBookingRuntime(
  services: Services,
  settings: BookingSettings,
  options: { faults?: BookingFaults; publicRateLimit?: RateLimit } = {},
): BookingRuntime {
  const { tables, clock } = services;
  const connections = new ConnectionRepository(tables, clock);
  const tokens = new HostTokens(
    { authority: settings.authority, clientId: settings.clientId, clientSecret: settings.clientSecret },
    connections,
    createTokenSealer(settings.tokenKey),
    clock,
  );
  const clients = new Map<string, Client>();
  const graphFor = (hostId: string) => {
    let client = clients.get(hostId);
    if (!client) {
      client = createGraphClient({ baseUrl: settings.graphUrl, accessToken: () => tokens.forHost(hostId) });
      clients.set(hostId, client);
    }
    return client;
  };
  const deps: BookingDeps = {
    tables,
    pages: new PageRepository(tables, clock),
    bookings: new BookingRepository(tables, clock),
    connections,
    busyCache: new BusyCacheRepository(tables, clock),
    idempotency: new IdempotencyRepository(tables, clock),
    graphFor,
    manageLinks: new ManageLinks(settings.manageLinkKey, clock),
    queues: services.queues,
    clock,
    ...(options.faults && { faults: options.faults }),
  };
  const bookings = new BookingService(deps);
  return {
    deps,
    publicLimiter: new RateLimiter(options.publicRateLimit, clock),
    tokens,
    bookings,
    hosts: new HostService(deps, tokens, bookings),
    bot: new BotService(deps, bookings),
  };
}

const runtimes = new WeakMap<Services, BookingRuntime>();

/** Uses `runtime` for every invocation that gets these services. */
export function provideBookingRuntime(services: Services, runtime: BookingRuntime): void {
  runtimes.set(services, runtime);
}

export function bookingRuntime(services: Services): BookingRuntime {
  let runtime = runtimes.get(services);
  if (!runtime) {
    runtime = createBookingRuntime(services, bookingSettingsFromEnv());
    runtimes.set(services, runtime);
  }
  return runtime;
}

/** The signed-in host and their raw SSO token (for on-behalf-of). */
export async function signedInHost(
  request: HttpRequest,
  services: Services,
): Promise<{ principal: Principal; token: string }> {
  const principal = await services.auth.authenticate(request);
  return { principal, token: bearerToken(request.headers.get('authorization')) };
}

/** The Idempotency-Key header, validated; `required` for new bookings. */
export function idempotencyKey(request: HttpRequest, options: { required: true }): string;
export function idempotencyKey(request: HttpRequest, options?: { required?: false }): string | undefined;
export function idempotencyKey(
  request: HttpRequest,
  options: { required?: boolean } = {},
): string | undefined {
  const value = request.headers.get('idempotency-key');
  if (value === null) {
    if (options.required) throw new MissingIdempotencyKeyError();
    return undefined;
  }
  const parsed = idempotencyKeySchema.safeParse(value);
  if (!parsed.success) {
    throw Object.assign(new MissingIdempotencyKeyError(), { message: parsed.error.issues[0]!.message });
  }
  return parsed.data;
}

/**
 * Takes one public request of the caller's client from the limiter. The client is the first
 * `X-Forwarded-For` address (set by the Functions front end), else the connection's address.
 */
export function limitPublic(request: HttpRequest, runtime: BookingRuntime): void {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  runtime.publicLimiter.take(forwarded || request.headers.get('x-client-ip') || 'unknown');
}
