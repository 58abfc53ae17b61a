import { createTokenValidator, type TokenValidator } from '../auth/token-validator.js';
import { authConfigFromEnv } from '../config/auth.js';
import { storageConnectionString } from '../config/storage.js';
import { openQueues, type Queues } from '../store/queues.js';
import { openTables, type Tables } from '../store/tables.js';

/** What handlers reach the outside world through: made once per process from configuration. */
export interface Services {
  tables: Tables;
  queues: Queues;
  clock: () => Date;
  /**
   * Bearer-token validation: `authenticate` for host endpoints (a person's delegated token),
   * `authenticateBot` for bot endpoints (the bot's application token).
   */
  auth: TokenValidator;
}

/** A validator made from app settings at first use, so routes without sign-in run without them. */
function validatorFromEnv(env: NodeJS.ProcessEnv): TokenValidator {
  let validator: TokenValidator | undefined;
  const get = () => (validator ??= createTokenValidator(authConfigFromEnv(env)));
  return {
    validate: async (token) => get().validate(token),
    authenticate: async (request) => get().authenticate(request),
    validateBot: async (token) => get().validateBot(token),
    authenticateBot: async (request) => get().authenticateBot(request),
  };
}

/** Services from app settings (`AzureWebJobsStorage`). No I/O: nothing here fails when storage is down. */
export async function createServices(env: NodeJS.ProcessEnv = process.env): Promise<Services> {
  const connectionString = storageConnectionString(env);
  return {
    tables: openTables(connectionString),
    queues: openQueues(connectionString),
    clock: () => new Date(),
    auth: validatorFromEnv(env),
  };
}

/**
 * The process's services, created at the first invocation that needs them. Tables and queues are
 * created then too, and again at later invocations until that succeeds once: storage that is down
 * at start makes the health check say so (503) instead of failing every function for good.
 */
export function lazyServices(
  create: () => Promise<Services> = () => createServices(),
): () => Promise<Services> {
  let services: Promise<Services> | undefined;
  let prepared: Promise<void> | undefined;
  return async () => {
    services ??= create().catch((error: unknown) => {
      services = undefined;
      throw error;
    });
    const ready = await services;
    prepared ??= Promise.all([ready.tables.ensure(), ready.queues.ensure()]).then(
      () => undefined,
      (error: unknown) => {
        prepared = undefined;
        console.warn(
          `Storage is not reachable yet; tables and queues will be created later (${String(error)}).`,
        );
      },
    );
    await prepared;
    return ready;
  };
}
