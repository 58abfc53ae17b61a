import { bookingEventMessageSchema } from '../../contracts/bot.js';
import { decodeQueueMessage } from '../../store/queues.js';
import { syncRuntime } from '../sync-runtime.js';
import { eventsOfBooking, hoursFromNow, type ApiStack } from './api-stack.js';
import { eventually, plus, useSyncStack, wall, type SyncStack } from './sync-fixture.js';

const sync = useSyncStack({ upn: 'megan', name: 'Megan Bowen', slug: 'sync' });
const { offered, admin, settle } = sync;
let stack: ApiStack;
let host: SyncStack['host'];
let pageId: string;
beforeAll(() => ({ stack, host, pageId } = sync.started()));

describe('subscriptions', () => {
  it('subscribes to the host calendar with a secret clientState and fills the cache', async () => {
    const res = await admin('GET', 'subscriptions');
    const live = (await res.json()) as { value?: unknown[] } | unknown[];
    const list = (Array.isArray(live) ? live : (live.value ?? [])) as {
      id: string;
      resource: string;
      notificationUrl: string;
      lifecycleNotificationUrl?: string;
      clientState?: string;
    }[];
    const mine = list.filter((s) => s.resource.includes(host.user.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.notificationUrl).toBe(`${stack.url}/api/webhooks/graph`);
    expect(mine[0]!.lifecycleNotificationUrl).toBe(`${stack.url}/api/webhooks/graph-lifecycle`);
    const stored = await syncRuntime(stack.services).store.subscription(mine[0]!.id);
    expect(stored?.hostId).toBe(host.user.id);
    expect(stored?.clientState.length).toBeGreaterThanOrEqual(32);
    const state = await syncRuntime(stack.services).store.calendar(host.user.id, 'default');
    expect(state?.deltaLink).toBeTruthy();
  });

  it('answers the validation handshake with the decoded token as text', async () => {
    for (const path of ['webhooks/graph', 'webhooks/graph-lifecycle']) {
      const res = await stack.call('POST', `${path}?validationToken=${encodeURIComponent('a b:c/d')}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(res.text).toBe('a b:c/d');
    }
  });
});

describe('Outlook changes reach the slots', () => {
  it('an event created, moved, set to free and deleted in Outlook changes the slots', async () => {
    const at = hoursFromNow(30);
    const later = hoursFromNow(33);
    expect(await offered(at)).toBe(true);
    const event = stack.emulator.store.addEvent(host.user.id, {
      subject: 'Dentist',
      start: wall(at),
      end: wall(plus(at, 1)),
      showAs: 'busy',
    });
    await eventually('the new event blocks its slot', async () => !(await offered(at)));

    stack.emulator.store.updateEvent(host.user.id, event.id, {
      start: wall(later),
      end: wall(plus(later, 1)),
    });
    await eventually('the moved event frees the old time', async () => await offered(at));
    await eventually('the moved event blocks the new time', async () => !(await offered(later)));

    stack.emulator.store.updateEvent(host.user.id, event.id, { showAs: 'free' });
    await eventually('a free event blocks nothing', async () => await offered(later));

    stack.emulator.store.updateEvent(host.user.id, event.id, { showAs: 'busy' });
    await eventually('busy again', async () => !(await offered(later)));
    stack.emulator.store.deleteEvent(host.user.id, event.id);
    await eventually('the deleted event frees its time', async () => await offered(later));
  });

  it('a booking moved in Outlook is rescheduled; deleted in Outlook, it is cancelled and its slot freed', async () => {
    const start = hoursFromNow(40);
    const res = await stack.call('POST', `public/pages/${pageId}/bookings`, {
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: { name: 'Alex Wilber', email: 'alex@example.com', durationMinutes: 30, start, timeZone: 'UTC' },
    });
    expect(res.status).toBe(201);
    const bookingId = res.body.booking.id as string;
    const [event] = eventsOfBooking(stack.emulator, host.user.id, bookingId);
    expect(event).toBeDefined();
    await eventually('the booked time is taken', async () => !(await offered(start)));

    const moved = hoursFromNow(44);
    stack.emulator.store.updateEvent(host.user.id, event!.id, {
      start: wall(moved),
      end: wall(plus(moved, 0.5)),
    });
    const booking = () => stack.runtime.deps.bookings.get(host.user.id, bookingId);
    await eventually('the booking follows the move', async () => {
      const b = await booking();
      return Date.parse(b!.start) === Date.parse(moved);
    });
    await eventually('the old time is free again', async () => await offered(start));
    expect(await offered(moved)).toBe(false);

    stack.emulator.store.deleteEvent(host.user.id, event!.id);
    await eventually('the booking is cancelled', async () => (await booking())!.status === 'cancelled');
    await eventually('its time is offered again', async () => await offered(moved));

    // The host hears about both through the bot.
    const outbox = await stack.services.queues.client('botOutbox').peekMessages({ numberOfMessages: 32 });
    const told = outbox.peekedMessageItems
      .map((m) => bookingEventMessageSchema.parse(decodeQueueMessage(m.messageText)))
      .filter((m) => m.event === 'changedInOutlook' && m.booking.id === bookingId)
      .map((m) => m.outlookChange);
    expect(told).toEqual(['moved', 'cancelled']);
  });
});

describe('a booking moved in Outlook onto another booking', () => {
  it('keeps its time and the sync health says why', async () => {
    const book = async (start: string) => {
      const res = await stack.call('POST', `public/pages/${pageId}/bookings`, {
        headers: { 'idempotency-key': crypto.randomUUID() },
        body: { name: 'Alex Wilber', email: 'alex@example.com', durationMinutes: 30, start, timeZone: 'UTC' },
      });
      expect(res.status).toBe(201);
      return res.body.booking.id as string;
    };
    const first = hoursFromNow(70);
    const second = hoursFromNow(72);
    const [a, b] = [await book(first), await book(second)];
    const [event] = eventsOfBooking(stack.emulator, host.user.id, a);
    stack.emulator.store.updateEvent(host.user.id, event!.id, {
      start: wall(second),
      end: wall(plus(second, 0.5)),
    });
    await eventually('the sync reports the clash', async () => {
      const health = await stack.call('GET', 'sync/health', { token: host.token });
      return String(health.body.calendars[0].lastError ?? '').includes(a);
    });
    const kept = await stack.runtime.deps.bookings.get(host.user.id, a);
    expect(Date.parse(kept!.start)).toBe(Date.parse(first));
    expect(kept!.status).not.toBe('cancelled');
    expect((await stack.runtime.deps.bookings.get(host.user.id, b))!.status).not.toBe('cancelled');
  });
});

describe('trust and recovery', () => {
  it('ignores a notification with the wrong clientState', async () => {
    const runtime = syncRuntime(stack.services);
    // Graph's own notifications are held back, so only the forged one could make a sync run.
    expect((await admin('POST', 'faults/notifications', { dropShare: 1 })).status).toBeLessThan(300);
    try {
      await settle();
      const state = await runtime.store.calendar(host.user.id, 'default');
      const before = { ...runtime.intake.counters };
      const at = hoursFromNow(50);
      stack.emulator.store.addEvent(host.user.id, {
        subject: 'Unseen',
        start: wall(at),
        end: wall(plus(at, 1)),
      });
      const res = await stack.call('POST', 'webhooks/graph', {
        body: {
          value: [
            {
              subscriptionId: state!.subscriptionId,
              clientState: 'not the secret',
              changeType: 'created',
              resource: `Users/${host.user.id}/Events/x`,
            },
          ],
        },
      });
      expect(res.status).toBe(202);
      expect(runtime.intake.counters.forged).toBe(before.forged + 1);
      expect(runtime.intake.counters.accepted).toBe(before.accepted);
      const queued = await stack.services.queues.client('graphNotifications').peekMessages();
      expect(queued.peekedMessageItems).toHaveLength(0);
      expect(await offered(at)).toBe(true);
      expect((await runtime.store.calendar(host.user.id, 'default'))?.lastNotificationAt).toBe(
        state!.lastNotificationAt,
      );
    } finally {
      await admin('DELETE', 'faults/notifications');
    }
  });

  it('a forgotten delta token (410) makes a full resync that converges', async () => {
    const gone = hoursFromNow(60);
    const fresh = hoursFromNow(62);
    const event = stack.emulator.store.addEvent(host.user.id, {
      subject: 'Soon deleted',
      start: wall(gone),
      end: wall(plus(gone, 1)),
    });
    await eventually('the event blocks its slot', async () => !(await offered(gone)));
    const fullBefore = syncRuntime(stack.services).sync.counters.fullRounds;
    await admin('POST', 'faults/notifications', { dropShare: 1 });
    stack.emulator.store.deleteEvent(host.user.id, event.id);
    await admin('DELETE', 'faults/notifications');
    expect((await admin('POST', 'delta/forget')).status).toBeLessThan(300);
    stack.emulator.store.addEvent(host.user.id, {
      subject: 'After the reset',
      start: wall(fresh),
      end: wall(plus(fresh, 1)),
    });
    await eventually('the new event blocks its slot', async () => !(await offered(fresh)));
    await eventually('the unnotified delete is seen too', async () => await offered(gone));
    expect(syncRuntime(stack.services).sync.counters.fullRounds).toBeGreaterThan(fullBefore);
  });
});

describe('GET /api/sync/health', () => {
  it('reports the subscription, last notification and delta, and the permission per calendar', async () => {
    const res = await stack.call('GET', 'sync/health', { token: host.token });
    expect(res.status).toBe(200);
    expect(res.body.enabled).toBe(true);
    const [calendar] = res.body.calendars;
    expect(calendar.calendarId).toBe('default');
    expect(calendar.subscription.state).toBe('active');
    expect(Date.parse(calendar.subscription.expiresAt)).toBeGreaterThan(Date.now() + 86_400_000);
    expect(Date.parse(calendar.lastNotificationAt)).not.toBeNaN();
    expect(Date.parse(calendar.lastDeltaAt)).not.toBeNaN();
    // The clash reported earlier in this file stays as the last error, older than the last delta.
    expect(calendar.lastError).toContain('was moved in Outlook onto another booking');
    expect(Date.parse(calendar.lastErrorAt)).toBeLessThanOrEqual(Date.parse(calendar.lastDeltaAt));
    expect(calendar.permission).toEqual({ ok: true });
    expect(res.body.notifications.forged).toBeGreaterThanOrEqual(1);
  });

  it('needs the host signed in', async () => {
    expect((await stack.call('GET', 'sync/health')).status).toBe(401);
  });
});
