import { bookingIdFilter } from '../../graph/extended-property.js';
import { SyncService } from '../../sync/sync-service.js';
import { syncRuntime } from '../sync-runtime.js';
import { hoursFromNow, type ApiStack } from './api-stack.js';
import { eventually, plus, useSyncStack, wall, type SyncStack } from './sync-fixture.js';

const hour = 3_600_000;
const sync = useSyncStack({ upn: 'lee', name: 'Lee Gu', slug: 'settings' });
const { offered, admin, settle } = sync;
let stack: ApiStack;
let host: SyncStack['host'];
let pageId: string;
beforeAll(() => ({ stack, host, pageId } = sync.started()));

/** The host's Microsoft Graph, as Outlook (or any client of theirs) changes their calendar. */
const outlook = () => stack.runtime.deps.graphFor(host.user.id);

/** A daily series of one-hour meetings in the host's Outlook, the first at `first`. */
const addDailySeries = (subject: string, first: string, occurrences: number) =>
  stack.emulator.store.addEvent(host.user.id, {
    subject,
    start: wall(first),
    end: wall(plus(first, 1)),
    recurrence: {
      pattern: { type: 'daily', interval: 1 },
      range: { type: 'numbered', startDate: first.slice(0, 10), numberOfOccurrences: occurrences },
    },
  });

describe('what is synced follows the settings', () => {
  it('a recurring Outlook series blocks every occurrence; deleting it frees them all', async () => {
    const first = hoursFromNow(24 * 3 + 1);
    const series = addDailySeries('Stand-up', first, 3);
    const days = [0, 1, 2].map((d) => plus(first, 24 * d));
    for (const day of days) await eventually(`occurrence ${day} blocks`, async () => !(await offered(day)));

    stack.emulator.store.deleteEvent(host.user.id, series.id);
    for (const day of days) await eventually(`occurrence ${day} is free`, async () => await offered(day));
  });

  it('an occurrence of a series moved in Outlook (an exception) moves its block and frees the old time', async () => {
    const first = hoursFromNow(24 * 5 + 2);
    const series = addDailySeries('Weekly review', first, 3);
    const days = [0, 1, 2].map((d) => plus(first, 24 * d));
    for (const day of days) await eventually(`occurrence ${day} blocks`, async () => !(await offered(day)));

    const view = (await outlook()
      .api(`/users/${host.user.id}/calendarView`)
      .query({ startDateTime: days[1]!, endDateTime: plus(days[1]!, 1) })
      .header('Prefer', 'outlook.timezone="UTC"')
      .get()) as { value: { id: string; seriesMasterId?: string }[] };
    const occurrence = view.value.find((e) => e.seriesMasterId === series.id);
    expect(occurrence).toBeDefined();
    const movedTo = plus(days[1]!, 3);
    expect(await offered(movedTo)).toBe(true);
    const moved = (await outlook()
      .api(`/users/${host.user.id}/events/${occurrence!.id}`)
      .patch({ start: wall(movedTo), end: wall(plus(movedTo, 1)) })) as { type: string };
    expect(moved.type).toBe('exception');

    await eventually('the moved occurrence blocks its new time', async () => !(await offered(movedTo)));
    await eventually('the old occurrence time is free', async () => await offered(days[1]!));
    expect(await offered(days[0]!)).toBe(false);
    expect(await offered(days[2]!)).toBe(false);
  });

  it('saving other availability calendars moves the subscription to them', async () => {
    const runtime = syncRuntime(stack.services);
    const side = stack.emulator.store.addCalendar(host.user.id, { name: 'Side projects' });
    const me = await stack.call('GET', 'me', { token: host.token });
    const primary = (me.body.calendars as { id: string; isDefault: boolean }[]).find((c) => c.isDefault)!.id;
    const oldSubscription = (await runtime.store.calendar(host.user.id, 'default'))!.subscriptionId!;
    const saved = await stack.call('PUT', 'me/settings', {
      token: host.token,
      body: { availabilityCalendarIds: [primary, side.id], destinationCalendarId: primary },
    });
    expect(saved.status).toBe(200);

    expect(await runtime.store.subscription(oldSubscription)).toBeUndefined();
    const live = (await (await admin('GET', 'subscriptions')).json()) as {
      value: { id: string; resource: string }[];
    };
    const resources = live.value.map((s) => s.resource).sort();
    expect(resources).toEqual(
      [
        `users/${host.user.id}/calendars/${primary}/events`,
        `users/${host.user.id}/calendars/${side.id}/events`,
      ].sort(),
    );

    const at = hoursFromNow(26);
    expect(await offered(at)).toBe(true);
    stack.emulator.store.addEvent(
      host.user.id,
      { subject: 'Side gig', start: wall(at), end: wall(plus(at, 1)) },
      { calendarId: side.id },
    );
    await eventually('an event of the added calendar blocks its slot', async () => !(await offered(at)));
  });

  it('with 30 % of notifications dropped, the cache converges at the next reconcile', async () => {
    await admin('POST', 'faults/notifications', { dropShare: 0.3 });
    const starts = Array.from({ length: 10 }, (_, i) => hoursFromNow(100 + i));
    try {
      for (const start of starts)
        stack.emulator.store.addEvent(host.user.id, {
          subject: 'Busy',
          start: wall(start),
          end: wall(plus(start, 1)),
        });
      await syncRuntime(stack.services).sync.reconcileAll();
      for (const start of starts) expect(await offered(start)).toBe(false);
    } finally {
      await admin('DELETE', 'faults/notifications');
    }
  });

  it('slides the delta window each day with a new full round', async () => {
    const runtime = syncRuntime(stack.services);
    const [state] = await runtime.store.calendars(host.user.id);
    const tomorrow = new Date(Date.now() + 86_400_000);
    const later = new SyncService(
      { ...stack.runtime.deps, clock: () => tomorrow },
      stack.runtime.bookings,
      runtime.store,
      { apiBaseUrl: stack.url },
    );
    await later.syncCalendar(host.user.id, state!.calendarId);
    expect(later.counters.fullRounds).toBe(1);
    const after = await runtime.store.calendar(host.user.id, state!.calendarId);
    expect(Date.parse(after!.deltaWindowStart!)).toBe(Date.parse(state!.deltaWindowStart!) + 86_400_000);
    const stamp = await stack.runtime.deps.busyCache.stamp(host.user.id, state!.calendarId);
    expect(stamp!.window.start).toBe(after!.deltaWindowStart);
    await later.syncCalendar(host.user.id, state!.calendarId);
    expect(later.counters).toMatchObject({ rounds: 2, fullRounds: 1 });
  });

  it('with half of the Graph requests answered 429, changes still arrive once each', async () => {
    expect((await admin('POST', 'faults', { throttleShare: 0.5, retryAfterSeconds: 0 })).status).toBeLessThan(
      300,
    );
    const starts = [120, 122, 124].map((h) => hoursFromNow(h));
    try {
      // One at a time: each change makes its own delta round, so some of them meet a 429.
      for (const start of starts) {
        stack.emulator.store.addEvent(host.user.id, {
          subject: 'Throttled',
          start: wall(start),
          end: wall(plus(start, 1)),
        });
        await eventually(`${start} is blocked`, async () => !(await offered(start)));
      }
      const faults = (await (await admin('GET', 'faults')).json()) as { injected: { throttled: number } };
      expect(faults.injected.throttled).toBeGreaterThan(0);
    } finally {
      await admin('DELETE', 'faults');
    }
    const calendars = await syncRuntime(stack.services).store.calendars(host.user.id);
    for (const { calendarId } of calendars) {
      const snapshot = await stack.runtime.deps.busyCache.read(host.user.id, calendarId);
      const ids = snapshot!.items.map((i) => i.eventId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('with half of the Graph requests answered 429, ten bookings all complete with one Outlook event each', async () => {
    const starts = Array.from({ length: 10 }, (_, i) => hoursFromNow(140 + 2 * i));
    expect((await admin('POST', 'faults', { throttleShare: 0.5, retryAfterSeconds: 0 })).status).toBeLessThan(
      300,
    );
    let answers;
    try {
      answers = await Promise.all(
        starts.map((start) =>
          stack.call('POST', `public/pages/${pageId}/bookings`, {
            headers: { 'idempotency-key': crypto.randomUUID() },
            body: {
              name: 'Alex Wilber',
              email: 'alex@example.com',
              durationMinutes: 30,
              start,
              timeZone: 'UTC',
            },
          }),
        ),
      );
      const faults = (await (await admin('GET', 'faults')).json()) as { injected: { throttled: number } };
      expect(faults.injected.throttled).toBeGreaterThanOrEqual(10);
    } finally {
      await admin('DELETE', 'faults');
    }
    expect(answers.map((a) => a.status)).toEqual(starts.map(() => 201));
    await settle();
    for (const answer of answers) {
      const id = answer.body.booking.id as string;
      const booking = await stack.runtime.deps.bookings.get(host.user.id, id);
      expect(booking?.status).toBe('confirmed');
      const events = (await outlook()
        .api(`/users/${host.user.id}/events`)
        .filter(bookingIdFilter(id))
        .select('id')
        .get()) as { value: { id: string }[] };
      expect(events.value.map((e) => e.id)).toEqual([booking!.eventId]);
    }
    for (const start of starts) expect(await offered(start)).toBe(false);
  });

  it('an all-day out-of-office event blocks the whole day', async () => {
    const day = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + 10 * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    const next = new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10);
    const hours = [0, 9, 23].map((h) => new Date(day.getTime() + h * hour).toISOString());
    for (const at of hours) expect(await offered(at)).toBe(true);
    stack.emulator.store.addEvent(host.user.id, {
      subject: 'Holiday',
      isAllDay: true,
      showAs: 'oof',
      start: { dateTime: `${date}T00:00:00`, timeZone: 'UTC' },
      end: { dateTime: `${next}T00:00:00`, timeZone: 'UTC' },
    });
    for (const at of hours) await eventually(`${at} is blocked`, async () => !(await offered(at)));
    expect(await offered(new Date(day.getTime() + 24 * hour).toISOString())).toBe(true);
  });
});
