import type { TableClient } from '@azure/data-tables';
import type { SelfTestRun } from '../contracts/sync.js';
import { orMissing } from '../store/table-errors.js';
import type { Tables } from '../store/tables.js';

/** What a run made in the host's calendar and store, so any attempt (or a retry) can remove it. */
export interface SelfTestLeftovers {
  pageId?: string;
  bookingIds: string[];
  /** Outlook events the test made directly (step 2). */
  eventIds: string[];
}

export interface StoredSelfTest {
  hostId: string;
  run: SelfTestRun;
  leftovers: SelfTestLeftovers;
}

interface SelfTestEntity {
  partitionKey: string;
  rowKey: string;
  runJson: string;
  leftoversJson: string;
  startedAt: string;
}

const partition = (hostId: string) => `selftest|${hostId}`;

/** Self-test runs in the `sync` table, one partition per host: another host's run is simply not found. */
export class SelfTestStore {
  private readonly table: TableClient;

  constructor(tables: Tables) {
    this.table = tables.client('sync');
  }

  async get(hostId: string, runId: string): Promise<StoredSelfTest | undefined> {
    const found = await orMissing(this.table.getEntity<SelfTestEntity>(partition(hostId), runId));
    return (
      found && {
        hostId,
        run: JSON.parse(found.runJson) as SelfTestRun,
        leftovers: JSON.parse(found.leftoversJson) as SelfTestLeftovers,
      }
    );
  }

  /** Written after every step, so a poll sees each step as it runs. */
  async save(stored: StoredSelfTest): Promise<void> {
    const entity: SelfTestEntity = {
      partitionKey: partition(stored.hostId),
      rowKey: stored.run.runId,
      runJson: JSON.stringify(stored.run),
      leftoversJson: JSON.stringify(stored.leftovers),
      startedAt: stored.run.startedAt,
    };
    await this.table.upsertEntity(entity, 'Replace');
  }

  /** The host's runs still marked running (normally none or one). */
  async running(hostId: string): Promise<StoredSelfTest[]> {
    const found: StoredSelfTest[] = [];
    const rows = this.table.listEntities<SelfTestEntity>({
      queryOptions: { filter: `PartitionKey eq '${partition(hostId).replaceAll("'", "''")}'` },
    });
    for await (const row of rows) {
      const run = JSON.parse(row.runJson) as SelfTestRun;
      if (run.status === 'running')
        found.push({ hostId, run, leftovers: JSON.parse(row.leftoversJson) as SelfTestLeftovers });
    }
    return found;
  }
}
