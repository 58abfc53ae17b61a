import { reconcilePending } from '../../booking/index.js';
import { eventsOfBooking, hoursFromNow, startApiStack, type ApiStack } from './api-stack.js';

let stack: ApiStack;
let host: { user: { id: string }; token: string };
let pageId: string;

beforeAll(async () => {
  stack = await startApiStack();
  host = await stack.connectHost({ upn: 'lynne', name: 'Lynne Robbins' });
  ({ id: pageId } = await stack.createPage(host.token, {
    slug: 'busy-page',
    location: { kind: 'phone', caller: 'host' },
  }));
});
afterAll(() => stack.stop());

const book = (start: string, key: string = crypto.randomUUID(), name = 'Invitee') =>
  stack.call('POST', `public/pages/${pageId}/bookings`, {
    headers: { 'idempotency-key': key },
    body: { name, email: 'guest@example.com', durationMinutes: 30, start, timeZone: 'Europe/Paris' },
  });

const bookingEvents = (bookingId: string) => eventsOfBooking(stack.emulator, host.user.id, bookingId);

describe('when 200 invitees book the same slot at once', () => {
  it('exactly one gets it and 199 get a clean 409', async () => {
    const start = hoursFromNow(30);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => book(start, undefined, `Invitee ${i}`)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    for (const refused of answers.filter((a) => a.status === 409))
      expect(refused.body.code).toBe('SLOT_TAKEN');
    const winner = answers.find((a) => a.status === 201)!.body.booking;
    expect(bookingEvents(winner.id)).toHaveLength(1);
    const list = await stack.call(
      'GET',
      `bookings?from=${start}&to=${hoursFromNow(31)}&status=confirmed,pending`,
      {
        token: host.token,
      },
    );
    expect(list.body.bookings.map((b: { id: string }) => b.id)).toEqual([winner.id]);
  });
});

describe('when 100 invitees book 100 different slots at once', () => {
  it('every one succeeds with its own Outlook event', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => book(hoursFromNow(200 + i))));
    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(201));
    const ids = new Set(answers.map((a) => a.body.booking.id as string));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(bookingEvents(id)).toHaveLength(1);
  });
});

describe('when the process crashes between the Outlook create and the confirm', () => {
  afterEach(() => {
    delete stack.faults.afterEventCreated;
  });

  it('the reconciler finds the event by its extended property: one booking, one event', async () => {
    stack.faults.afterEventCreated = () => {
      throw new Error('process killed');
    };
    const start = hoursFromNow(40);
    const crashed = await book(start);
    expect(crashed.status).toBe(500);
    delete stack.faults.afterEventCreated;

    const pending = await stack.call('GET', `bookings?status=pending`, { token: host.token });
    const lost = pending.body.bookings.find((b: { start: string }) => b.start === start)!;
    expect(lost).toBeDefined();
    expect(bookingEvents(lost.id)).toHaveLength(1);

    const report = await reconcilePending(stack.runtime.deps, stack.runtime.bookings, { graceMs: 0 });
    expect(report.confirmed).toContain(lost.id);
    const after = await stack.call('GET', `bookings?from=${start}&to=${hoursFromNow(41)}`, {
      token: host.token,
    });
    expect(after.body.bookings.map((b: { id: string; status: string }) => [b.id, b.status])).toEqual([
      [lost.id, 'confirmed'],
    ]);
    expect(bookingEvents(lost.id)).toHaveLength(1);
    expect((await book(start)).status).toBe(409);
  });

  it('a retry with the same Idempotency-Key finishes the same booking instead of making another', async () => {
    const key = crypto.randomUUID();
    stack.faults.afterEventCreated = () => {
      throw new Error('process killed');
    };
    const start = hoursFromNow(44);
    expect((await book(start, key)).status).toBe(500);
    delete stack.faults.afterEventCreated;
    const retry = await book(start, key);
    expect(retry.status).toBe(200);
    expect(retry.body.booking.status).toBe('confirmed');
    expect(bookingEvents(retry.body.booking.id)).toHaveLength(1);
  });

  it('a booking that never reached Outlook is created then, or rolled back when Outlook took the time', async () => {
    const deps = stack.runtime.deps;
    const draft = (id: string, start: string) => ({
      id,
      hostId: host.user.id,
      pageId,
      status: 'pending' as const,
      start,
      end: new Date(Date.parse(start) + 1_800_000).toISOString(),
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      invitee: { name: 'Crashed', email: 'crashed@example.com', timeZone: 'UTC' },
      answers: {},
      manageNonce: 'n',
      bookedAt: new Date().toISOString(),
    });
    const free = hoursFromNow(50);
    const taken = hoursFromNow(52);
    await deps.bookings.insert(draft('bk_crash_free', free));
    await deps.bookings.insert(draft('bk_crash_taken', taken));
    stack.emulator.store.addEvent(host.user.id, {
      subject: 'Made in Outlook meanwhile',
      start: { dateTime: taken.slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: new Date(Date.parse(taken) + 3_600_000).toISOString().slice(0, 19), timeZone: 'UTC' },
    });
    const report = await reconcilePending(deps, stack.runtime.bookings, { graceMs: 0 });
    expect(report.confirmed).toContain('bk_crash_free');
    expect(report.rolledBack).toContain('bk_crash_taken');
    expect(bookingEvents('bk_crash_free')).toHaveLength(1);
    expect(bookingEvents('bk_crash_taken')).toHaveLength(0);
    expect((await deps.bookings.get(host.user.id, 'bk_crash_taken'))!.status).toBe('cancelled');
    // Running again changes nothing: no duplicate, nothing lost.
    const again = await reconcilePending(deps, stack.runtime.bookings, { graceMs: 0 });
    expect(again.confirmed).not.toContain('bk_crash_free');
    expect(bookingEvents('bk_crash_free')).toHaveLength(1);
  });
});
