import { startAzurite, type RunningAzurite } from '@tandem/dev/azurite';
import { BusyCacheRepository, type CachedBusyItem } from './busy-cache.js';
import { openTables } from './tables.js';

const item = (eventId: string, start: string, end: string): CachedBusyItem => ({
  eventId,
  calendarId: 'AAMkAG+/calendar==',
  start,
  end,
  showAs: 'busy',
  sensitivity: 'normal',
  isAllDay: false,
  isCancelled: false,
});
const window = { start: '2026-04-01T00:00:00Z', end: '2026-05-01T00:00:00Z' };

describe('the busy cache', () => {
  let azurite: RunningAzurite;
  let cache: BusyCacheRepository;
  beforeAll(async () => {
    azurite = await startAzurite();
    const tables = openTables(azurite.connectionString);
    await tables.ensure();
    cache = new BusyCacheRepository(tables);
  });
  afterAll(() => azurite.stop());

  it('replaces a calendar, applies upserts and removals, and bumps the version at every write', async () => {
    expect(await cache.stamp('host', 'AAMkAG+/calendar==')).toBeUndefined();
    const v1 = await cache.replace('host', 'AAMkAG+/calendar==', window, [
      item('e1', '2026-04-02T09:00:00Z', '2026-04-02T10:00:00Z'),
      item('e2', '2026-04-03T09:00:00Z', '2026-04-03T10:00:00Z'),
    ]);
    expect(await cache.stamp('host', 'AAMkAG+/calendar==')).toEqual({ version: v1, window });
    const v2 = await cache.apply('host', 'AAMkAG+/calendar==', {
      upserts: [
        item('e2', '2026-04-03T11:00:00Z', '2026-04-03T12:00:00Z'),
        item('e3', '2026-04-04T09:00:00Z', '2026-04-04T09:30:00Z'),
      ],
      removedEventIds: ['e1'],
    });
    expect(v2).toBe(v1 + 1);
    const snapshot = await cache.read('host', 'AAMkAG+/calendar==');
    expect(snapshot!.items.map((i) => [i.eventId, i.start])).toEqual([
      ['e2', '2026-04-03T11:00:00Z'],
      ['e3', '2026-04-04T09:00:00Z'],
    ]);
  });

  it('loses no change when writers race (each retries on the ETag)', async () => {
    await cache.replace('racer', 'cal', window, []);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        cache.apply('racer', 'cal', {
          upserts: [item(`e${i}`, '2026-04-02T09:00:00Z', '2026-04-02T10:00:00Z')],
        }),
      ),
    );
    const snapshot = await cache.read('racer', 'cal');
    expect(snapshot!.items).toHaveLength(8);
    expect(snapshot!.version).toBe(9);
  });

  it('holds thousands of items in the one entity', async () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      item(`AAMkAGI2TG93AAA=event-${i}`, '2026-04-02T09:00:00Z', '2026-04-02T10:00:00Z'),
    );
    await cache.replace('big', 'cal', window, many);
    expect((await cache.read('big', 'cal'))!.items).toHaveLength(3000);
  });
});
