import { createHash } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { orMissing } from '../store/table-errors.js';
import type { Tables } from '../store/tables.js';

/** One Graph subscription Tandem holds for a host calendar. */
export interface SubscriptionRecord {
  subscriptionId: string;
  hostId: string;
  calendarId: string;
  /** Random per subscription; Graph echoes it in every notification, which proves the sender. */
  clientState: string;
  expiresAt: string;
}

/** Where a host calendar's sync stands: what `GET /api/sync/health` reports and delta resumes from. */
export interface CalendarSyncState {
  hostId: string;
  calendarId: string;
  subscriptionId?: string;
  /** When the current subscription was made (a connection repaired later makes a new one). */
  subscribedAt?: string;
  deltaLink?: string;
  /** Start of the window the delta link covers; a link from an earlier day is replaced by a new round. */
  deltaWindowStart?: string;
  lastNotificationAt?: string;
  lastDeltaAt?: string;
  lastError?: string;
  lastErrorAt?: string;
}

const subscriptionsPartition = 'subscription';
const calendarPartition = (hostId: string) => `calendar|${hostId}`;
// Calendar ids are Graph's base64 strings ('/' and '+' are not allowed in keys): hashed.
const calendarRow = (calendarId: string) => createHash('sha256').update(calendarId).digest('hex');

type Entity<T> = T & { partitionKey: string; rowKey: string };

/** Subscriptions by id (the webhook's lookup) and sync state per host calendar, in the `sync` table. */
export class SyncStore {
  private readonly table: TableClient;

  constructor(tables: Tables) {
    this.table = tables.client('sync');
  }

  async subscription(subscriptionId: string): Promise<SubscriptionRecord | undefined> {
    const found = await orMissing(
      this.table.getEntity<Entity<SubscriptionRecord>>(subscriptionsPartition, subscriptionId),
    );
    return found && pickSubscription(found);
  }

  async saveSubscription(record: SubscriptionRecord): Promise<void> {
    await this.table.upsertEntity(
      { partitionKey: subscriptionsPartition, rowKey: record.subscriptionId, ...record },
      'Replace',
    );
  }

  async deleteSubscription(subscriptionId: string): Promise<void> {
    await orMissing(this.table.deleteEntity(subscriptionsPartition, subscriptionId));
  }

  async *subscriptions(): AsyncIterable<SubscriptionRecord> {
    for await (const e of this.table.listEntities<Entity<SubscriptionRecord>>({
      queryOptions: { filter: `PartitionKey eq '${subscriptionsPartition}'` },
    }))
      yield pickSubscription(e);
  }

  async calendar(hostId: string, calendarId: string): Promise<CalendarSyncState | undefined> {
    const found = await orMissing(
      this.table.getEntity<Entity<CalendarSyncState>>(calendarPartition(hostId), calendarRow(calendarId)),
    );
    return found && pickCalendar(found);
  }

  async calendars(hostId: string): Promise<CalendarSyncState[]> {
    const states: CalendarSyncState[] = [];
    for await (const e of this.table.listEntities<Entity<CalendarSyncState>>({
      queryOptions: { filter: `PartitionKey eq '${calendarPartition(hostId).replaceAll("'", "''")}'` },
    }))
      states.push(pickCalendar(e));
    return states;
  }

  /** Merges fields into a calendar's state; `null` clears a field. */
  async updateCalendar(
    hostId: string,
    calendarId: string,
    fields: { [K in keyof Omit<CalendarSyncState, 'hostId' | 'calendarId'>]?: string | null },
  ): Promise<void> {
    const set: Record<string, string> = {};
    const cleared: string[] = [];
    for (const [key, value] of Object.entries(fields)) {
      if (value === null) cleared.push(key);
      else if (value !== undefined) set[key] = value;
    }
    const keys = { partitionKey: calendarPartition(hostId), rowKey: calendarRow(calendarId) };
    if (cleared.length === 0) {
      await this.table.upsertEntity({ ...keys, hostId, calendarId, ...set }, 'Merge');
      return;
    }
    // Merge cannot remove a column: clearing rewrites the row from what it holds.
    const current = (await this.calendar(hostId, calendarId)) ?? { hostId, calendarId };
    const next = Object.fromEntries(
      Object.entries({ ...current, ...set }).filter(([key]) => !cleared.includes(key)),
    );
    await this.table.upsertEntity({ ...keys, ...next }, 'Replace');
  }
}

function pickSubscription(e: SubscriptionRecord): SubscriptionRecord {
  return {
    subscriptionId: e.subscriptionId,
    hostId: e.hostId,
    calendarId: e.calendarId,
    clientState: e.clientState,
    expiresAt: e.expiresAt,
  };
}

const calendarFields = [
  'subscriptionId',
  'subscribedAt',
  'deltaLink',
  'deltaWindowStart',
  'lastNotificationAt',
  'lastDeltaAt',
  'lastError',
  'lastErrorAt',
] as const satisfies readonly (keyof CalendarSyncState)[];

function pickCalendar(e: CalendarSyncState): CalendarSyncState {
  const state: CalendarSyncState = { hostId: e.hostId, calendarId: e.calendarId };
  for (const field of calendarFields) if (typeof e[field] === 'string') state[field] = e[field];
  return state;
}
