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
  /** Bearer-token validation for host endpoints (`await services.auth.authenticate(request)`). */
  auth: TokenValidator;
}

/** A validator made from app settings at first use, so routes without sign-in run without them. */
function validatorFromEnv(env: NodeJS.ProcessEnv): TokenValidator {
  let validator: TokenValidator | undefined;
  const get = () => (validator ??= createTokenValidator(authConfigFromEnv(env)));
  return {
    validate: async (token) => get().validate(token),
    authenticate: async (request) => get().authenticate(request),
  };
}

/** Services from app settings (`AzureWebJobsStorage`); tables and queues are created if missing. */
export async function createServices(env: NodeJS.ProcessEnv = process.env): Promise<Services> {
  const connectionString = storageConnectionString(env);
  const tables = openTables(connectionString);
  const queues = openQueues(connectionString);
  await Promise.all([tables.ensure(), queues.ensure()]);
  return { tables, queues, clock: () => new Date(), auth: validatorFromEnv(env) };
}

/** The process's services, created at the first invocation that needs them. */
export function lazyServices(
  create: () => Promise<Services> = () => createServices(),
): () => Promise<Services> {
  let pending: Promise<Services> | undefined;
  return () => {
    pending ??= create().catch((error: unknown) => {
      pending = undefined; // a storage outage at start must not poison every later invocation
      throw error;
    });
    return pending;
  };
}
