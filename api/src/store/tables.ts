import { TableClient, TableServiceClient } from '@azure/data-tables';

/** Every table Tandem uses. Bookings and their lock rows share one table: a transaction spans one table. */
export const tableNames = {
  /** Per host partition: `booking|{id}`, `lock|{bucket}`, `idem|{hash}` rows. */
  bookings: 'bookings',
  /** Per host partition: `page|{id}` and `slug|{slug}` rows. */
  pages: 'pages',
  /** Page id → host id, for public routes. */
  pageIndex: 'pageindex',
  /** Per host: the Microsoft 365 connection and settings. */
  connections: 'connections',
  /** Per scope: replayable results of idempotent writes. */
  idempotency: 'idempotency',
  /** Per host and calendar: the busy items availability reads (see busy-cache.ts). */
  busyCache: 'busycache',
  /** Graph subscriptions (by id) and per host calendar sync state (delta link, health). */
  sync: 'sync',
} as const;
export type TableName = keyof typeof tableNames;

/** Clients of every table, made from one connection string. */
export interface Tables {
  client(name: TableName): TableClient;
  /** Creates missing tables; safe to call at every start. */
  ensure(): Promise<void>;
  /** A cheap round trip proving the account answers (health checks). */
  ping(): Promise<void>;
}

function isHttp(connectionString: string): boolean {
  return (
    /(TableEndpoint|BlobEndpoint|QueueEndpoint)=http:\/\//i.test(connectionString) ||
    /UseDevelopmentStorage=true/i.test(connectionString)
  );
}

/**
 * @example
 * const tables = openTables(storageConnectionString()); // Azurite locally, Azure Storage in production
 * await tables.ensure();
 */
export function openTables(connectionString: string): Tables {
  // Azurite speaks plain HTTP on 127.0.0.1; the SDK refuses that unless told, and only then.
  const options = { allowInsecureConnection: isHttp(connectionString) };
  const clients = new Map<TableName, TableClient>();
  const client = (name: TableName): TableClient => {
    let found = clients.get(name);
    if (!found) {
      found = TableClient.fromConnectionString(connectionString, tableNames[name], options);
      clients.set(name, found);
    }
    return found;
  };
  return {
    client,
    async ensure() {
      await Promise.all(Object.keys(tableNames).map((name) => client(name as TableName).createTable()));
    },
    async ping() {
      const service = TableServiceClient.fromConnectionString(connectionString, options);
      await service
        .listTables({ abortSignal: AbortSignal.timeout(3_000) })
        .byPage({ maxPageSize: 1 })
        .next();
    },
  };
}

export { isHttp as usesPlainHttp };
