import { RateLimiter } from '../../booking/rate-limit.js';
import { BOOKING_ID_PROPERTY } from '../../graph/extended-property.js';
import { eventsOfBooking, hoursFromNow, startApiStack, type ApiStack } from './api-stack.js';

let stack: ApiStack;
let host: { user: { id: string }; token: string };
let pageId: string;

beforeAll(async () => {
  stack = await startApiStack();
  host = await stack.connectHost({ upn: 'megan', name: 'Megan Bowen', timeZone: 'Europe/Berlin' });
  ({ id: pageId } = await stack.createPage(host.token, {
    slug: 'intro',
    description: 'A first talk.',
    questions: [{ id: 'topic', label: 'What about?', kind: 'shortText', required: true }],
  }));
});
afterAll(() => stack.stop());

const book = (start: string, key = crypto.randomUUID(), extra: Record<string, unknown> = {}) =>
  stack.call('POST', `public/pages/${pageId}/bookings`, {
    headers: { 'idempotency-key': key },
    body: {
      name: 'Alex Wilber',
      email: 'alex@example.com',
      durationMinutes: 30,
      start,
      timeZone: 'America/New_York',
      answers: { topic: 'Pricing' },
      ...extra,
    },
  });

const slotsOf = async (start: string, hours: number) => {
  const end = new Date(Date.parse(start) + hours * 3_600_000).toISOString();
  const res = await stack.call(
    'GET',
    `public/pages/${pageId}/slots?start=${start}&end=${end}&duration=30&timeZone=Asia/Kolkata`,
  );
  expect(res.status).toBe(200);
  return (res.body.slots as { start: string; inviteeDate: string }[]).map((s) => s.start);
};

describe('the public page', () => {
  it('shows title, durations, location kind, host name and questions, nothing private', async () => {
    const res = await stack.call('GET', `public/pages/${pageId}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: pageId,
      slug: 'intro',
      title: 'Intro call',
      description: 'A first talk.',
      durations: [30],
      location: { kind: 'teams' },
      hostDisplayName: 'Megan Bowen',
      questions: [{ id: 'topic', label: 'What about?', kind: 'shortText', required: true }],
      requiresConfirmation: false,
    });
    expect((await stack.call('GET', 'public/pages/pg_nothing')).status).toBe(404);
  });
});

describe('slots', () => {
  it('are computed from the busy cache: an Outlook event hides its slot, with no Graph call once warm', async () => {
    const from = hoursFromNow(48);
    stack.emulator.store.addEvent(host.user.id, {
      subject: 'Dentist',
      start: { dateTime: from.slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: new Date(Date.parse(from) + 3_600_000).toISOString().slice(0, 19), timeZone: 'UTC' },
      showAs: 'busy',
    });
    const first = await slotsOf(from, 4);
    expect(first).not.toContain(from.replace('.000', ''));
    expect(first).toHaveLength(6);
    const calls = stack.graphCalls();
    for (let i = 0; i < 20; i++) await slotsOf(from, 4);
    expect(stack.graphCalls()).toBe(calls);
  });

  it('refuse bad queries with the field named', async () => {
    const res = await stack.call(
      'GET',
      `public/pages/${pageId}/slots?start=yesterday&end=x&duration=7&timeZone=Mars/Base`,
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['start', 'duration', 'timeZone']),
    );
  });
});

describe('booking', () => {
  it('creates the Outlook event (invitee, Teams, transactionId, extended property) and takes the slot', async () => {
    const start = hoursFromNow(72);
    const res = await book(start);
    expect(res.status).toBe(201);
    const booking = res.body.booking;
    expect(booking).toMatchObject({ status: 'confirmed', durationMinutes: 30, pageId });
    const events = eventsOfBooking(stack.emulator, host.user.id, booking.id);
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.attendees?.map((a) => a.emailAddress?.address)).toEqual(['alex@example.com']);
    expect(event.isOnlineMeeting).toBe(true);
    expect(event.singleValueExtendedProperties).toEqual([{ id: BOOKING_ID_PROPERTY, value: booking.id }]);
    expect(await slotsOf(start, 1)).not.toContain(start.replace('.000', ''));
  });

  it('answers a retry with the same Idempotency-Key with the same booking, and refuses the key for another request', async () => {
    const start = hoursFromNow(80);
    const key = crypto.randomUUID();
    const first = await book(start, key);
    const again = await book(start, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.booking.id).toBe(first.body.booking.id);
    const other = await book(hoursFromNow(81), key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const events = eventsOfBooking(stack.emulator, host.user.id, first.body.booking.id);
    expect(events).toHaveLength(1);
  });

  it('answers a taken slot with 409, a sentence and fresh slots', async () => {
    const start = hoursFromNow(90);
    expect((await book(start)).status).toBe(201);
    const res = await book(start);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SLOT_TAKEN');
    expect(res.body.detail).toMatch(/just taken/);
    expect(res.body.slots.length).toBeGreaterThan(0);
    expect(res.body.slots.map((s: { start: string }) => s.start)).not.toContain(start.replace('.000', ''));
  });

  it('checks Outlook live: an event the cache has not seen yet makes the booking a 409 and leaves no event', async () => {
    const start = hoursFromNow(100);
    await slotsOf(start, 2); // warm
    stack.emulator.store.addEvent(host.user.id, {
      subject: 'Just added in Outlook',
      start: { dateTime: start.slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: new Date(Date.parse(start) + 1_800_000).toISOString().slice(0, 19), timeZone: 'UTC' },
    });
    const res = await book(start);
    expect(res.status).toBe(409);
    expect(await slotsOf(start, 2)).not.toContain(start.replace('.000', ''));
  });

  it('refuses a time the page does not offer, and missing answers, naming the field', async () => {
    const past = await book(hoursFromNow(-2));
    expect(past.status).toBe(422);
    expect(past.body.errors[0].field).toBe('start');
    const unanswered = await book(hoursFromNow(110), undefined, { answers: {} });
    expect(unanswered.status).toBe(400);
    expect(unanswered.body.errors[0].field).toBe('answers.topic');
    const noKey = await stack.call('POST', `public/pages/${pageId}/bookings`, { body: {} });
    expect(noKey.status).toBe(400);
    expect(noKey.body.errors[0].field).toBe('Idempotency-Key');
  });
});

describe('the manage link', () => {
  it('shows, reschedules the SAME Outlook event, exports .ics, and cancels freeing the slot', async () => {
    const start = hoursFromNow(120);
    const created = await book(start);
    const token = created.body.manageToken as string;
    const id = created.body.booking.id as string;
    const eventId = eventsOfBooking(stack.emulator, host.user.id, id)[0]!.id;

    const view = await stack.call('GET', `manage/${token}`);
    expect(view.status).toBe(200);
    expect(view.body.id).toBe(id);

    const later = hoursFromNow(122);
    const moved = await stack.call('POST', `manage/${token}/reschedule`, { body: { start: later } });
    expect(moved.status).toBe(200);
    expect(moved.body.start).toBe(later);
    const events = eventsOfBooking(stack.emulator, host.user.id, id);
    expect(events.map((e) => e.id)).toEqual([eventId]);
    expect(events[0]!.start.dateTime.startsWith(later.slice(0, 19))).toBe(true);
    const slots = await slotsOf(start, 3);
    expect(slots).toContain(start.replace('.000', ''));
    expect(slots).not.toContain(later.replace('.000', ''));

    const ics = await stack.call('GET', `manage/${token}/booking.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(ics.text).toContain(`DTSTART:${later.replace(/[-:]/g, '').replace('.000', '')}`);
    expect(ics.text).toContain('\r\nEND:VCALENDAR\r\n');

    const cancelled = await stack.call('POST', `manage/${token}/cancel`, {
      body: { reason: 'Plans changed; sorry' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(stack.emulator.store.findEvent(host.user.id, eventId)?.event.isCancelled ?? true).toBe(true);
    expect(await slotsOf(later, 1)).toContain(later.replace('.000', ''));

    const forged = await stack.call('GET', `manage/${token.slice(0, -2)}xx`);
    expect(forged.status).toBe(404);
  });
});

describe('rate limiting', () => {
  it('answers a client over its limit with 429 and Retry-After, and other clients normally', async () => {
    const generous = stack.runtime.publicLimiter;
    stack.runtime.publicLimiter = new RateLimiter({ capacity: 2, refillPerSecond: 0.01 });
    try {
      const from = { 'x-forwarded-for': '198.51.100.23' };
      expect((await stack.call('GET', `public/pages/${pageId}`, { headers: from })).status).toBe(200);
      expect((await stack.call('GET', `public/pages/${pageId}`, { headers: from })).status).toBe(200);
      const limited = await stack.call('GET', `public/pages/${pageId}`, { headers: from });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.body.code).toBe('RATE_LIMITED');
      const other = await stack.call('GET', `public/pages/${pageId}`, {
        headers: { 'x-forwarded-for': '203.0.113.5' },
      });
      expect(other.status).toBe(200);
    } finally {
      stack.runtime.publicLimiter = generous;
    }
  });
});

describe('time zones', () => {
  it("labels slots with the invitee's local date, also at a 45-minute offset", async () => {
    const day = new Date(Math.floor(Date.now() / 86_400_000 + 20) * 86_400_000);
    const start = new Date(day.getTime() + 18 * 3_600_000).toISOString(); // 18:00Z
    const end = new Date(day.getTime() + 19 * 3_600_000).toISOString();
    const res = await stack.call(
      'GET',
      `public/pages/${pageId}/slots?start=${start}&end=${end}&duration=30&timeZone=Asia/Kathmandu`,
    );
    const next = new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10);
    const today = day.toISOString().slice(0, 10);
    // 18:00Z is 23:45 in Kathmandu (UTC+05:45); 18:30Z is 00:15 the next day there.
    expect(
      res.body.slots.slice(0, 2).map((s: { start: string; inviteeDate: string }) => s.inviteeDate),
    ).toEqual([today, next]);
  });
});
