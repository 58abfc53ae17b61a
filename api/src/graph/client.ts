import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type AuthenticationProvider,
} from '@microsoft/microsoft-graph-client';
import { MailboxConcurrencyLimiter } from './mailbox-concurrency.js';

export interface GraphClientOptions {
  /** `https://graph.microsoft.com` in production, the emulator's URL locally. */
  baseUrl: string;
  /** A Graph access token for the mailbox owner (delegated) or the app. */
  accessToken: () => Promise<string>;
  /**
   * Retries of a 429/503/504, each after the Retry-After the service asked for. Graph's own limit is 10;
   * bookings must survive sustained throttling, so the default is the maximum.
   * @default 10
   */
  maxRetries?: number;
  /** Shared across clients of one process so the per-mailbox limit holds for all of them. */
  limiter?: MailboxConcurrencyLimiter;
}

const sharedLimiter = new MailboxConcurrencyLimiter(4);

/**
 * The one way Tandem talks to Microsoft Graph: the official client with its retry handler (honouring
 * Retry-After) and a per-mailbox limit of four concurrent requests.
 * @example
 * const graph = createGraphClient({ baseUrl: 'https://graph.microsoft.com', accessToken: () => tokens.forHost(id) });
 * await graph.api(`/users/${id}/calendarView`).query({ startDateTime, endDateTime }).get();
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const authProvider: AuthenticationProvider = { getAccessToken: options.accessToken };
  const chain = [
    new AuthenticationHandler(authProvider),
    new RetryHandler(new RetryHandlerOptions(1, options.maxRetries ?? 10)),
    options.limiter ?? sharedLimiter,
    new HTTPMessageHandler(),
  ];
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const host = new URL(baseUrl).hostname;
  return Client.initWithMiddleware({
    baseUrl,
    defaultVersion: 'v1.0',
    middleware: chain,
    // The client sends the bearer token only to Graph's own hosts unless told otherwise.
    customHosts: new Set([host]),
  });
}
