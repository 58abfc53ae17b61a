import type { AppRegistry } from './entra/apps.js';
import type { TokenService } from './entra/tokens.js';
import type { FaultInjector } from './faults.js';
import type { GraphDispatcher } from './graph/dispatch.js';
import type { EmulatorStore } from './state/store.js';
import type { MailboxThrottle } from './throttle.js';

export interface EmulatorUrls {
  /** "https://localhost:PORT" — one origin serves Entra, Graph, admin and the dev pages. */
  origin: string;
  /** "https://localhost:PORT/v1.0" */
  graphBaseUrl: string;
  /** "https://localhost:PORT" — authorities are `{authorityHost}/{tenantId}`. */
  authorityHost: string;
}

/** Tunables a test or the admin endpoints may change while the emulator runs. */
export interface EmulatorSettings {
  /** Maximum lifetime of an event subscription, minutes. Graph documents 10,080. */
  maxSubscriptionMinutes: number;
  /** Default page size of event lists when the client gives no $top. Graph uses 10. */
  defaultPageSize: number;
}

/**
 * Everything a handler may use, passed to every route. One instance per running emulator; it
 * outlives `restart()` (only the listening socket is replaced).
 */
export interface EmulatorEnv {
  store: EmulatorStore;
  urls: EmulatorUrls;
  tokens: TokenService;
  apps: AppRegistry;
  throttle: MailboxThrottle;
  faults: FaultInjector;
  settings: EmulatorSettings;
  /** Serves a Graph request (path relative to /v1.0) through the whole pipeline; used by HTTP and $batch. */
  graph: GraphDispatcher;
  lifecycle: EmulatorLifecycle;
}

export interface EmulatorLifecycle {
  /** Drops every connection and listens again on the same port; the state is kept. */
  restart(options?: { downtimeMs?: number }): Promise<void>;
}
