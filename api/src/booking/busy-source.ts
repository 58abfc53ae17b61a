import type { BusyCacheRepository, CachedBusyItem } from '../store/busy-cache.js';
import { readBusyItems } from '../graph/calendar-reads.js';
import type { Client } from '@microsoft/microsoft-graph-client';

const dayMs = 86_400_000;
/** A fill reads this far ahead, so page views over the usual booking window never need Graph. */
const fillAheadDays = 90;

interface MemoryEntry {
  version: number;
  items: CachedBusyItem[];
}

/**
 * Busy items of host calendars for availability: a per-instance memory copy keyed by (calendar,
 * version) in front of the Tables busy cache, which a fill from Graph calendarView creates when it is
 * missing or does not cover the range asked. Warm, a page view costs one point read of the version
 * per calendar and no Graph call; whoever writes the cache (the fill, the live check, the sync's delta
 * rounds) bumps the version, and the next view reloads.
 */
export class BusySource {
  private readonly memory = new Map<string, MemoryEntry>();
  private readonly fills = new Map<string, Promise<void>>();

  constructor(
    private readonly cache: BusyCacheRepository,
    private readonly graphFor: (hostId: string) => Client,
    private readonly clock: () => Date,
  ) {}

  /** Busy items of every calendar, covering `range`. */
  async itemsFor(
    hostId: string,
    calendarIds: readonly string[],
    range: { start: string; end: string },
  ): Promise<CachedBusyItem[]> {
    const lists = await Promise.all(calendarIds.map((id) => this.calendarItems(hostId, id, range)));
    return lists.flat();
  }

  /** Adds what a live read of Outlook just saw, so availability reflects it before sync reports it. */
  async learn(hostId: string, calendarId: string, items: CachedBusyItem[]): Promise<void> {
    if (items.length > 0) await this.cache.apply(hostId, calendarId, { upserts: items });
  }

  private async calendarItems(
    hostId: string,
    calendarId: string,
    range: { start: string; end: string },
  ): Promise<CachedBusyItem[]> {
    const key = `${hostId}\n${calendarId}`;
    let stamp = await this.cache.stamp(hostId, calendarId);
    if (!stamp || !covers(stamp.window, range)) {
      await this.fill(key, hostId, calendarId, range);
      stamp = await this.cache.stamp(hostId, calendarId);
    }
    const known = this.memory.get(key);
    if (known && stamp && known.version === stamp.version) return known.items;
    const snapshot = await this.cache.read(hostId, calendarId);
    const entry = { version: snapshot?.version ?? 0, items: snapshot?.items ?? [] };
    this.memory.set(key, entry);
    return entry.items;
  }

  /** One fill per calendar at a time: concurrent first views wait for the same Graph read. */
  private fill(key: string, hostId: string, calendarId: string, range: { start: string; end: string }) {
    let running = this.fills.get(key);
    if (!running) {
      const now = this.clock().getTime();
      const dayStart = Math.floor(now / dayMs) * dayMs;
      const window = {
        start: new Date(Math.min(dayStart - dayMs, Date.parse(range.start) - dayMs)).toISOString(),
        end: new Date(
          Math.max(dayStart + fillAheadDays * dayMs, Date.parse(range.end) + dayMs),
        ).toISOString(),
      };
      running = readBusyItems(this.graphFor(hostId), hostId, calendarId, window)
        .then(async (items) => {
          await this.cache.replace(hostId, calendarId, window, items);
        })
        .finally(() => this.fills.delete(key));
      this.fills.set(key, running);
    }
    return running;
  }
}

function covers(window: { start: string; end: string }, range: { start: string; end: string }): boolean {
  return (
    Date.parse(window.start) <= Date.parse(range.start) && Date.parse(window.end) >= Date.parse(range.end)
  );
}
