// Azurite's Table and Queue services started inside this Node process: tests and benchmarks get real
// storage on free ports without a child process, and `npm start` runs the same code as its own process.
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Azurite's well-known development account (public, documented; not a secret). */
export const azuriteAccount = {
  name: 'devstoreaccount1',
  key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
} as const;

export interface AzuriteOptions {
  /** 0 (default) picks a free port. */
  tablePort?: number;
  queuePort?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** A folder to keep data in between starts; absent = in memory, gone on stop. */
  dataDir?: string;
  /** Azurite's request log on stdout. @default false */
  accessLog?: boolean;
}

export interface RunningAzurite {
  /** A storage connection string for @azure/data-tables and @azure/storage-queue. */
  connectionString: string;
  tableEndpoint: string;
  queueEndpoint: string;
  stop(): Promise<void>;
}

/**
 * The connection string of an Azurite started elsewhere (e.g. by `npm start`), from its ports or
 * its `http://host:port` addresses.
 */
export function azuriteConnectionString(
  where:
    | { tablePort: number; queuePort: number; host?: string }
    | { tableEndpoint: string; queueEndpoint: string },
): string {
  const base =
    'tableEndpoint' in where
      ? where
      : {
          tableEndpoint: `http://${where.host ?? '127.0.0.1'}:${where.tablePort}`,
          queueEndpoint: `http://${where.host ?? '127.0.0.1'}:${where.queuePort}`,
        };
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${azuriteAccount.name}`,
    `AccountKey=${azuriteAccount.key}`,
    `TableEndpoint=${base.tableEndpoint}/${azuriteAccount.name}`,
    `QueueEndpoint=${base.queueEndpoint}/${azuriteAccount.name};`,
  ].join(';');
}

/** The part of Azurite's (CommonJS, untyped) server classes this module uses. */
interface AzuriteServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}
type ServerClass<Config> = new (config: Config) => AzuriteServer;
type ConfigClass = new (...args: unknown[]) => object;

const require = createRequire(import.meta.url);
const load = <T>(path: string): T => (require(`azurite/dist/src/${path}`) as { default: T }).default;

/**
 * Starts Azurite's Table and Queue services in this process.
 * @example
 * const storage = await startAzurite(); // ports chosen by the OS, data in memory
 * const tables = TableClient.fromConnectionString(storage.connectionString, 'pages');
 * await storage.stop();
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const host = options.host ?? '127.0.0.1';
  const inMemory = options.dataDir === undefined;
  // Loki names its in-memory databases by path; a unique name per start keeps instances apart.
  const dir = options.dataDir ?? join('/azurite-memory', randomUUID());
  const accessLog = options.accessLog ?? false;
  const loose = true;
  const skipApiVersionCheck = true;

  const TableConfiguration = load<ConfigClass>('table/TableConfiguration');
  const TableServer = load<ServerClass<object>>('table/TableServer');
  const QueueConfiguration = load<ConfigClass>('queue/QueueConfiguration');
  const QueueServer = load<ServerClass<object>>('queue/QueueServer');

  // Argument order follows Azurite's own table/main.js and queue/main.js (3.35).
  const tableConfig = new TableConfiguration(
    host,
    options.tablePort ?? 0,
    undefined,
    join(dir, '__azurite_db_table__.json'),
    false,
    accessLog,
    undefined,
    undefined,
    loose,
    skipApiVersionCheck,
    '',
    '',
    '',
    undefined,
    false,
    inMemory,
  );
  const queueConfig = new QueueConfiguration(
    host,
    options.queuePort ?? 0,
    undefined,
    join(dir, '__azurite_db_queue__.json'),
    join(dir, '__azurite_db_queue_extent__.json'),
    [{ locationId: 'Default', locationPath: join(dir, '__queuestorage__'), maxConcurrency: 1 }],
    accessLog,
    undefined,
    false,
    undefined,
    loose,
    skipApiVersionCheck,
    '',
    '',
    '',
    undefined,
    false,
    inMemory,
  );

  if (!inMemory) mkdirSync(dir, { recursive: true });
  const table = new TableServer(tableConfig);
  const queue = new QueueServer(queueConfig);
  await table.start();
  try {
    await queue.start();
  } catch (error) {
    await table.close();
    throw error;
  }

  const connectionString = azuriteConnectionString({
    tableEndpoint: table.getHttpServerAddress(),
    queueEndpoint: queue.getHttpServerAddress(),
  });
  const tableEndpoint = `${table.getHttpServerAddress()}/${azuriteAccount.name}`;
  const queueEndpoint = `${queue.getHttpServerAddress()}/${azuriteAccount.name}`;

  let stopped = false;
  return {
    connectionString,
    tableEndpoint,
    queueEndpoint,
    async stop() {
      if (stopped) return;
      stopped = true;
      await Promise.all([table.close(), queue.close()]);
    },
  };
}
