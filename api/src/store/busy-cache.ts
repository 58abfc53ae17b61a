import { createHash } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import type { BusyItem } from '../scheduling/types.js';
import { fromJsonColumns, toJsonColumns } from './json-columns.js';
import { orMissing, storageStatus } from './table-errors.js';
import type { Tables } from './tables.js';

/** A cached busy item with the Outlook event (or occurrence) id it came from. */
export interface CachedBusyItem extends BusyItem {
  eventId: string;
}

/** One calendar's cached busy items over the window they were read for. */
export interface BusySnapshot {
  hostId: string;
  calendarId: string;
  /** Increases with every write; readers key their memory caches by it. */
  version: number;
  /** The instants the items were read over; reads outside it need a fresh fill. */
  window: { start: string; end: string };
  syncedAt: string;
  items: CachedBusyItem[];
}

/** The cheap part of a snapshot: enough to decide whether a memory copy is current. */
export interface BusyStamp {
  version: number;
  window: { start: string; end: string };
}

export interface BusyChanges {
  upserts?: CachedBusyItem[];
  removedEventIds?: string[];
  /** Widens or moves the covered window (a delta round over a new window). */
  window?: { start: string; end: string };
}

interface SnapshotEntity {
  partitionKey: string;
  rowKey: string;
  hostId: string;
  calendarId: string;
  version: number;
  windowStart: string;
  windowEnd: string;
  syncedAt: string;
}

const rowKey = 'snapshot';
// Calendar ids are Graph's base64 strings ('/' and '+' are not allowed in keys): hashed.
const partitionOf = (hostId: string, calendarId: string) =>
  createHash('sha256').update(`${hostId}\n${calendarId}`).digest('hex');

/**
 * The busy cache: per host calendar ONE entity holding every busy item of the covered window, its
 * version and window. One entity makes every write atomic (readers never see half a sync) and every
 * read a single point read; 1 MiB per entity holds several thousand items, far more than a calendar
 * has in a booking window. Writers (the fill from calendarView, the sync's delta rounds) go through
 * `replace` and `apply`, which bump the version under the entity's ETag, so concurrent writers retry
 * instead of losing each other's changes.
 */
export class BusyCacheRepository {
  private readonly table: TableClient;

  constructor(
    tables: Tables,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.table = tables.client('busyCache');
  }

  /** Version and window only (the items columns are not transferred). */
  async stamp(hostId: string, calendarId: string): Promise<BusyStamp | undefined> {
    const found = await orMissing(
      this.table.getEntity<SnapshotEntity>(partitionOf(hostId, calendarId), rowKey, {
        queryOptions: { select: ['version', 'windowStart', 'windowEnd'] },
      }),
    );
    return found && { version: found.version, window: { start: found.windowStart, end: found.windowEnd } };
  }

  async read(hostId: string, calendarId: string): Promise<(BusySnapshot & { etag: string }) | undefined> {
    const found = await orMissing(
      this.table.getEntity<SnapshotEntity & Record<string, unknown>>(partitionOf(hostId, calendarId), rowKey),
    );
    if (!found) return undefined;
    return {
      hostId: found.hostId,
      calendarId: found.calendarId,
      version: found.version,
      window: { start: found.windowStart, end: found.windowEnd },
      syncedAt: found.syncedAt,
      items: fromJsonColumns<CachedBusyItem[]>(found),
      etag: found.etag,
    };
  }

  /** Replaces every item of the calendar (a full read over `window`). Returns the new version. */
  async replace(
    hostId: string,
    calendarId: string,
    window: { start: string; end: string },
    items: CachedBusyItem[],
  ): Promise<number> {
    return this.write(hostId, calendarId, () => ({ window, items }));
  }

  /** Applies upserts and removals by event id (webhook + delta, or a live check that saw something new). */
  async apply(hostId: string, calendarId: string, changes: BusyChanges): Promise<number> {
    return this.write(hostId, calendarId, (current) => {
      const byId = new Map((current?.items ?? []).map((item) => [item.eventId, item]));
      for (const id of changes.removedEventIds ?? []) byId.delete(id);
      for (const item of changes.upserts ?? []) byId.set(item.eventId, item);
      const window = changes.window ??
        current?.window ?? { start: new Date(0).toISOString(), end: new Date(0).toISOString() };
      return { window, items: [...byId.values()] };
    });
  }

  /** Read, change, write under the ETag; a concurrent writer makes this one re-read and retry. */
  private async write(
    hostId: string,
    calendarId: string,
    change: (current: BusySnapshot | undefined) => {
      window: { start: string; end: string };
      items: CachedBusyItem[];
    },
  ): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.read(hostId, calendarId);
      const next = change(current);
      const version = (current?.version ?? 0) + 1;
      const entity = {
        partitionKey: partitionOf(hostId, calendarId),
        rowKey,
        hostId,
        calendarId,
        version,
        windowStart: next.window.start,
        windowEnd: next.window.end,
        syncedAt: this.clock().toISOString(),
        ...toJsonColumns(next.items),
      };
      try {
        if (current) await this.table.updateEntity(entity, 'Replace', { etag: current.etag });
        else await this.table.createEntity(entity);
        return version;
      } catch (error) {
        const status = storageStatus(error);
        if ((status === 412 || status === 409) && attempt < 20) continue;
        throw error;
      }
    }
  }
}
