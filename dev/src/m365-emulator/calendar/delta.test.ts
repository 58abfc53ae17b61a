import { CalendarInputError } from './calendar-errors.js';
import { CalendarViewIndex } from './calendar-view.js';
import type { DeltaPage, DeltaSource } from './delta.js';
import { CalendarDelta, preferredPageSize, removedEntry } from './delta.js';
import type { EventLike } from './event-shape.js';
import { cancelledOccurrenceOid } from './recurrence.js';

type Stored = EventLike & { subject: string };

/** A calendar with a change feed: every write bumps the version and logs the id (deletes leave a tombstone). */
class FakeCalendar {
  version = 0;
  private readonly events = new Map<string, Stored>();
  private readonly log: { version: number; id: string }[] = [];
  oldestVersion = 0;

  put(event: Stored): void {
    this.version++;
    this.events.set(event.id, { ...event, changeKey: `ck${this.version}` });
    this.log.push({ version: this.version, id: event.id });
  }

  patch(id: string, change: Partial<Stored>): void {
    this.put({ ...this.events.get(id)!, ...change });
  }

  remove(id: string): void {
    this.version++;
    this.events.delete(id);
    this.log.push({ version: this.version, id });
  }

  get(id: string): Stored {
    return this.events.get(id)!;
  }

  source(): DeltaSource<Stored> {
    return {
      version: this.version,
      index: new CalendarViewIndex(this.events.values()),
      changedSince: (version) =>
        version < this.oldestVersion ? null : this.log.filter((c) => c.version > version).map((c) => c.id),
    };
  }
}

const at = (day: number, hour: number): string =>
  `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00`;
const event = (id: string, day: number, hour = 9): Stored => ({
  id,
  subject: id,
  type: 'singleInstance',
  start: { dateTime: at(day, hour), timeZone: 'UTC' },
  end: { dateTime: at(day, hour + 1), timeZone: 'UTC' },
});
const window = { startMs: Date.parse('2026-03-01T00:00:00Z'), endMs: Date.parse('2026-03-15T00:00:00Z') };
const scope = 'user-1/calendar';

function summary(page: DeltaPage<Stored>): string[] {
  return page.items.map((item) => (item.kind === 'removed' ? `-${item.id}` : `+${item.instance.id}`));
}

/** Reads a whole round, following skip tokens, as a client following @odata.nextLink would. */
function readRound(delta: CalendarDelta<Stored>, first: DeltaPage<Stored>, pageSize?: number) {
  const pages = [first];
  while (pages.at(-1)!.skipToken) pages.push(delta.skip(scope, pages.at(-1)!.skipToken!, pageSize));
  return { items: pages.flatMap(summary), pages, deltaToken: pages.at(-1)!.deltaToken! };
}

describe('an initial delta round', () => {
  it('pages through every instance of the window, then hands out a delta token', () => {
    const calendar = new FakeCalendar();
    for (const [id, day] of [
      ['a', 2],
      ['b', 3],
      ['c', 4],
      ['d', 5],
      ['e', 6],
      ['outside', 20],
    ] as const) {
      calendar.put(event(id, day));
    }
    const delta = new CalendarDelta<Stored>();
    const round = readRound(delta, delta.start(scope, window, calendar.source(), 2), 2);
    expect(round.pages.map(summary)).toEqual([['+a', '+b'], ['+c', '+d'], ['+e']]);
    expect(round.pages.slice(0, -1).every((p) => p.skipToken && !p.deltaToken)).toBe(true);
    expect(round.deltaToken).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('uses pages of 10 without a preference and caps large preferences', () => {
    const calendar = new FakeCalendar();
    for (let i = 1; i <= 12; i++) calendar.put(event(`e${i}`, 1 + (i % 13)));
    const delta = new CalendarDelta<Stored>({ maxPageSize: 11 });
    expect(delta.start(scope, window, calendar.source()).items).toHaveLength(10);
    expect(delta.start(scope, window, calendar.source(), 500).items).toHaveLength(11);
  });
});

describe('a round resumed from a delta token', () => {
  function synced() {
    const calendar = new FakeCalendar();
    for (const [id, day] of [
      ['keep', 2],
      ['edit', 3],
      ['gone', 4],
      ['leaves', 5],
    ] as const)
      calendar.put(event(id, day));
    calendar.put(event('arrives', 25));
    const delta = new CalendarDelta<Stored>();
    const token = readRound(delta, delta.start(scope, window, calendar.source(), 100)).deltaToken;
    return { calendar, delta, token };
  }

  it('reports created, changed and moved-in instances, and removes deleted and moved-out ones', () => {
    const { calendar, delta, token } = synced();
    calendar.put(event('new', 7));
    calendar.patch('edit', { subject: 'edited' });
    calendar.remove('gone');
    calendar.patch('leaves', {
      start: { dateTime: at(28, 9), timeZone: 'UTC' },
      end: { dateTime: at(28, 10), timeZone: 'UTC' },
    });
    calendar.patch('arrives', {
      start: { dateTime: at(8, 9), timeZone: 'UTC' },
      end: { dateTime: at(8, 10), timeZone: 'UTC' },
    });
    const round = readRound(delta, delta.resume(scope, token, calendar.source(), 100));
    expect(round.items.sort()).toEqual(['+arrives', '+edit', '+new', '-gone', '-leaves'].sort());
    const edited = round.pages[0]!.items.find((i) => i.kind === 'upsert' && i.instance.id === 'edit');
    expect(edited).toMatchObject({ instance: { source: { subject: 'edited' } } });
  });

  it('answers an empty page and a fresh delta token when nothing changed', () => {
    const { calendar, delta, token } = synced();
    const page = delta.resume(scope, token, calendar.source());
    expect(page.items).toEqual([]);
    expect(page.deltaToken).toBeDefined();
    expect(page.deltaToken).not.toBe(token);
  });

  it('names a changed event outside the window as removed, as Graph does', () => {
    const { calendar, delta, token } = synced();
    calendar.put(event('farAway', 30));
    expect(summary(delta.resume(scope, token, calendar.source()))).toEqual(['-farAway']);
  });

  it('replays the same changes when a delta token is used again', () => {
    const { calendar, delta, token } = synced();
    calendar.remove('keep');
    expect(summary(delta.resume(scope, token, calendar.source()))).toEqual(['-keep']);
    expect(summary(delta.resume(scope, token, calendar.source()))).toEqual(['-keep']);
  });

  it('chains rounds: the next round starts where the last one ended', () => {
    const { calendar, delta, token } = synced();
    calendar.remove('keep');
    const second = delta.resume(scope, token, calendar.source());
    calendar.put(event('later', 9));
    expect(summary(delta.resume(scope, second.deltaToken!, calendar.source()))).toEqual(['+later']);
  });
});

describe('series in a delta round', () => {
  const master: Stored = {
    id: 'series',
    subject: 'Weekly',
    type: 'seriesMaster',
    start: { dateTime: '2026-03-02T09:00:00', timeZone: 'GMT Standard Time' },
    end: { dateTime: '2026-03-02T09:30:00', timeZone: 'GMT Standard Time' },
    recurrence: {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' },
      range: { type: 'noEnd', startDate: '2026-03-02' },
    },
  };

  it('reports every occurrence when the series changes, and only the cancelled one when one is cancelled', () => {
    const calendar = new FakeCalendar();
    calendar.put(master);
    const delta = new CalendarDelta<Stored>();
    const first = readRound(delta, delta.start(scope, window, calendar.source(), 100));
    expect(first.items).toHaveLength(2);

    calendar.patch('series', { subject: 'Weekly sync' });
    const renamed = readRound(delta, delta.resume(scope, first.deltaToken, calendar.source(), 100));
    expect(renamed.items).toEqual(first.items);

    const secondOccurrence = first.items[1]!.slice(1);
    const oid = cancelledOccurrenceOid(master, Date.parse('2026-03-09T09:00:00Z'));
    calendar.patch('series', { cancelledOccurrences: [oid] });
    const cancelled = readRound(delta, delta.resume(scope, renamed.deltaToken, calendar.source(), 100));
    expect(cancelled.items).toEqual([`-${secondOccurrence}`]);
  });
});

describe('tokens the emulator cannot honour answer syncStateNotFound', () => {
  function expectGone(run: () => unknown, field: string): void {
    let caught: unknown;
    try {
      run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CalendarInputError);
    expect(caught).toMatchObject({ code: 'SYNC_STATE_NOT_FOUND', field });
  }

  const setup = () => {
    const calendar = new FakeCalendar();
    calendar.put(event('a', 2));
    calendar.put(event('b', 3));
    const delta = new CalendarDelta<Stored>({ capacity: 3 });
    const first = delta.start(scope, window, calendar.source(), 1);
    const token = readRound(delta, first, 1).deltaToken;
    return { calendar, delta, first, token };
  };

  it('refuses a token that is not one of ours', () => {
    const { calendar, delta } = setup();
    expectGone(() => delta.resume(scope, 'not-a-token', calendar.source()), '$deltatoken');
    expectGone(() => delta.skip(scope, Buffer.from('{"v":1}').toString('base64url')), '$skiptoken');
  });

  it('refuses a token issued for another calendar', () => {
    const { calendar, delta, token } = setup();
    expectGone(() => delta.resume('user-2/calendar', token, calendar.source()), '$deltatoken');
  });

  it('refuses every token once the emulator forgets them', () => {
    const { calendar, delta, first, token } = setup();
    delta.forgetAll();
    expectGone(() => delta.resume(scope, token, calendar.source()), '$deltatoken');
    expectGone(() => delta.skip(scope, first.skipToken!), '$skiptoken');
  });

  it('refuses the oldest tokens once more rounds than it keeps have started', () => {
    const { calendar, delta, token } = setup();
    for (let i = 0; i < 3; i++) delta.start(scope, window, calendar.source());
    expectGone(() => delta.resume(scope, token, calendar.source()), '$deltatoken');
  });

  it('refuses a token older than the change feed reaches', () => {
    const { calendar, delta, token } = setup();
    calendar.oldestVersion = calendar.version + 1;
    expectGone(() => delta.resume(scope, token, calendar.source()), '$deltatoken');
  });
});

describe('wire helpers', () => {
  it('shapes a removed instance as Graph documents it', () => {
    expect(removedEntry('AAMk1')).toEqual({
      '@odata.type': '#microsoft.graph.event',
      id: 'AAMk1',
      '@removed': { reason: 'deleted' },
    });
  });

  test.each([
    ['odata.maxpagesize=2', 2],
    ['outlook.timezone="UTC", odata.maxpagesize=25', 25],
    [['outlook.timezone="UTC"', 'odata.maxpagesize=7'], 7],
    ['outlook.timezone="UTC"', undefined],
    [undefined, undefined],
  ])('reads the page size in Prefer %j', (header, expected) => {
    expect(preferredPageSize(header)).toBe(expected);
  });
});
