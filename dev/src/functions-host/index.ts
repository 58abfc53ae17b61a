// The local Azure Functions host: serves the app's function list (HTTP routes, timers, queue
// triggers) without Core Tools, with the same handlers and error mapper as in Azure.
import type { AddressInfo } from 'node:net';
import type { LogHandler } from '@azure/functions';
import {
  functions as appFunctions,
  type FunctionDefinition,
  type HttpFunction,
  type QueueFunction,
  type Services,
  type TimerFunction,
} from '@tandem/api/functions';
import { createHttpServer } from './http-server.js';
import { logHandler } from './log.js';
import { startQueueListeners, type QueueListenerOptions } from './queues.js';
import { startTimers } from './timers.js';

export interface FunctionsHostOptions {
  /** @default the app's own list */
  functions?: readonly FunctionDefinition[];
  /** Made once on first use. */
  services: () => Promise<Services>;
  /** App settings for queue trigger connections. @default process.env */
  env?: Record<string, string | undefined>;
  /** 0 (default) picks a free port. */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default ['*'] */
  corsOrigins?: readonly string[];
  queues?: Omit<QueueListenerOptions, 'env'>;
  /** @default true */
  timers?: boolean;
  /** Where invocation logs go. @default the console, prefixed with the function name */
  log?: (functionName: string) => LogHandler;
}

export interface RunningFunctionsHost {
  /** `http://127.0.0.1:{port}`; functions are under `/api/`. */
  url: string;
  stop(): Promise<void>;
}

const byKind = <K extends FunctionDefinition['trigger']['kind']>(
  list: readonly FunctionDefinition[],
  kind: K,
) => list.filter((f) => f.trigger.kind === kind);

/**
 * @example
 * const host = await startFunctionsHost({ services: () => createServices({ AzureWebJobsStorage }) });
 * await fetch(`${host.url}/api/health`);
 */
export async function startFunctionsHost(options: FunctionsHostOptions): Promise<RunningFunctionsHost> {
  const list = options.functions ?? appFunctions;
  const log = options.log ?? logHandler;
  const server = createHttpServer({
    functions: byKind(list, 'http') as HttpFunction[],
    services: options.services,
    corsOrigins: options.corsOrigins ?? ['*'],
    log,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const timers =
    options.timers === false
      ? undefined
      : startTimers(byKind(list, 'timer') as TimerFunction[], options.services, log);
  const queues = startQueueListeners(byKind(list, 'queue') as QueueFunction[], options.services, {
    ...options.queues,
    env: options.env ?? process.env,
    log,
  });
  return {
    url: `http://${address}:${port}`,
    async stop() {
      await Promise.all([timers?.stop(), queues.stop()]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export { parseSchedule, nextOccurrence } from './ncrontab.js';
export { compileRoute } from './routes.js';
