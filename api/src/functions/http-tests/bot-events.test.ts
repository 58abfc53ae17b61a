// Every booking event reaches the Teams bot as a BookingEventMessage on bot-outbox: one per host
// concerned, in the host's mailbox zone, parsed here with the very schema the bot parses it with.
import { jest } from '@jest/globals';
import { bookingEventMessageSchema, type BookingEventMessage } from '../../contracts/bot.js';
import { decodeQueueMessage } from '../../store/queues.js';
import { syncRuntime } from '../sync-runtime.js';
import {
  allDayEveryDay,
  bookAsInvitee,
  eventsOfBooking,
  hoursFromNow,
  startApiStack,
  type ApiStack,
} from './api-stack.js';

type Host = Awaited<ReturnType<ApiStack['connectHost']>>;
let stack: ApiStack;
let botToken: string;
let megan: Host;
let adele: Host;
let page: { id: string };

const hour = 3_600_000;
const plus = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * hour).toISOString();
const wall = (iso: string) => ({ dateTime: iso.slice(0, 19), timeZone: 'UTC' });
const same = (a: string, b: string) => Date.parse(a) === Date.parse(b);

beforeAll(async () => {
  stack = await startApiStack();
  megan = await stack.connectHost({ upn: 'megan', name: 'Megan Bowen', timeZone: 'W. Europe Standard Time' });
  adele = await stack.connectHost({ upn: 'adele', name: 'Adele Vance', timeZone: 'Pacific Standard Time' });
  // Adele's own hours (all day) apply to her as a team member, so team pages offer any hour.
  const calendarId = (await stack.call('GET', 'me', { token: adele.token })).body.calendars[0].id as string;
  const saved = await stack.call('PUT', 'me/settings', {
    token: adele.token,
    body: {
      availabilityCalendarIds: [calendarId],
      destinationCalendarId: calendarId,
      workingHours: allDayEveryDay,
    },
  });
  expect(saved.status).toBe(200);
  page = await stack.createPage(megan.token, {
    slug: 'intro',
    title: 'Intro call',
    questions: [{ id: 'topic', label: 'What should we talk about?', kind: 'shortText' }],
  });
  botToken = await stack.appToken();
});
afterAll(() => stack.stop());

/** Every message the outbox received so far (each validated by the bot's own schema). */
const told: BookingEventMessage[] = [];
async function drain(): Promise<BookingEventMessage[]> {
  const queue = stack.services.queues.client('botOutbox');
  for (;;) {
    const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 32 });
    if (receivedMessageItems.length === 0) return told;
    for (const m of receivedMessageItems) {
      told.push(bookingEventMessageSchema.parse(decodeQueueMessage(m.messageText)));
      await queue.deleteMessage(m.messageId, m.popReceipt);
    }
  }
}
const about = async (bookingId: string) => (await drain()).filter((m) => m.booking.id === bookingId);
const kinds = async (bookingId: string) =>
  (await about(bookingId)).map(
    (m) => `${m.event}:${m.actor}:${m.hostId === megan.user.id ? 'megan' : 'adele'}`,
  );

async function book(pageId: string, start: string): Promise<{ id: string; manageToken: string }> {
  const res = await bookAsInvitee(stack, pageId, start, {
    answers: pageId === page.id ? { topic: 'Pricing' } : {},
  });
  expect(res.status).toBe(201);
  return { id: res.body.booking.id as string, manageToken: res.body.manageToken as string };
}

describe('a booking on a personal page', () => {
  it('tells the host it was booked, with the booking, the page and the host mailbox zone', async () => {
    const start = hoursFromNow(30);
    const { id } = await book(page.id, start);
    const [message, ...more] = await about(id);
    expect(more).toEqual([]);
    expect(message).toMatchObject({
      kind: 'bookingEvent',
      event: 'booked',
      actor: 'invitee',
      hostId: megan.user.id,
      tenantId: stack.emulator.tenantId,
      hostTimeZone: 'Europe/Berlin',
      booking: { id, status: 'confirmed', answers: { topic: 'Pricing' }, location: { kind: 'teams' } },
      page: {
        id: page.id,
        title: 'Intro call',
        questions: [{ id: 'topic', label: 'What should we talk about?' }],
      },
    });
    expect(same(message!.booking.start, start)).toBe(true);
  });

  it('tells an invitee reschedule with where it was, then a host reschedule, then an invitee cancel', async () => {
    const start = hoursFromNow(34);
    const { id, manageToken } = await book(page.id, start);
    const moved = hoursFromNow(36);
    expect(
      (await stack.call('POST', `manage/${manageToken}/reschedule`, { body: { start: moved } })).status,
    ).toBe(200);
    const again = hoursFromNow(38);
    const byHost = await stack.call('POST', `bookings/${id}/reschedule`, {
      token: megan.token,
      body: { start: again },
    });
    expect(byHost.status).toBe(200);
    expect((await stack.call('POST', `manage/${manageToken}/cancel`, { body: {} })).status).toBe(200);

    expect(await kinds(id)).toEqual([
      'booked:invitee:megan',
      'rescheduled:invitee:megan',
      'rescheduled:host:megan',
      'cancelled:invitee:megan',
    ]);
    const [, first, second, cancelled] = await about(id);
    expect(same(first!.previous!.start, start) && same(first!.booking.start, moved)).toBe(true);
    expect(same(second!.previous!.start, moved) && same(second!.booking.start, again)).toBe(true);
    expect(cancelled!.booking.status).toBe('cancelled');
  });

  it('tells a cancel by the host, and never tells twice for a booking already cancelled', async () => {
    const { id } = await book(page.id, hoursFromNow(40));
    for (let i = 0; i < 2; i++)
      expect(
        (await stack.call('POST', `bookings/${id}/cancel`, { token: megan.token, body: {} })).status,
      ).toBe(200);
    expect(await kinds(id)).toEqual(['booked:invitee:megan', 'cancelled:host:megan']);
  });
});

describe('a page that requires confirmation', () => {
  it('asks the host to approve, then tells the approval (bot) and a decline (host screen)', async () => {
    const approval = await stack.createPage(megan.token, { slug: 'approval', requiresConfirmation: true });
    const a = await book(approval.id, hoursFromNow(50));
    const b = await book(approval.id, hoursFromNow(52));
    expect(await kinds(a.id)).toEqual(['needsApproval:invitee:megan']);
    expect((await about(a.id))[0]!.booking.status).toBe('pending');

    const approved = await stack.call('POST', `bot/users/${megan.user.id}/bookings/${a.id}/approve`, {
      token: botToken,
    });
    expect(approved.status).toBe(200);
    const declined = await stack.call('POST', `bookings/${b.id}/decline`, {
      token: megan.token,
      body: { reason: 'Fully booked' },
    });
    expect(declined.status).toBe(200);
    // A refused second decision tells nobody anything.
    expect(
      (await stack.call('POST', `bot/users/${megan.user.id}/bookings/${a.id}/approve`, { token: botToken }))
        .status,
    ).toBe(409);

    expect(await kinds(a.id)).toEqual(['needsApproval:invitee:megan', 'approved:host:megan']);
    expect(await kinds(b.id)).toEqual(['needsApproval:invitee:megan', 'declined:host:megan']);
    expect((await about(a.id))[1]!.booking.status).toBe('confirmed');
    expect((await about(b.id))[1]!.booking).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Fully booked',
    });
  });
});

describe('team pages', () => {
  it('collective: every member is told, each in their own zone', async () => {
    const collective = await stack.createPage(megan.token, {
      slug: 'collective',
      team: { kind: 'collective', members: [{ userId: adele.user.id }] },
    });
    const { id } = await book(collective.id, hoursFromNow(60));
    const messages = await about(id);
    expect(messages.map((m) => [m.event, m.hostId, m.hostTimeZone]).sort()).toEqual(
      [
        ['booked', megan.user.id, 'Europe/Berlin'],
        ['booked', adele.user.id, 'America/Los_Angeles'],
      ].sort(),
    );
  });

  it('round robin: only the member the booking was given to is told', async () => {
    const roundRobin = await stack.createPage(megan.token, {
      slug: 'round-robin',
      team: { kind: 'roundRobin', policy: 'equal', members: [{ userId: adele.user.id }] },
    });
    for (const start of [hoursFromNow(70), hoursFromNow(72)]) {
      const { id } = await book(roundRobin.id, start);
      const organizer = [megan.user.id, adele.user.id].find(
        (userId) => eventsOfBooking(stack.emulator, userId, id).length === 1,
      );
      expect((await about(id)).map((m) => [m.event, m.hostId])).toEqual([['booked', organizer]]);
    }
  });
});

describe('a booking changed in Outlook', () => {
  const followOutlook = async () => {
    const sync = syncRuntime(stack.services).sync;
    for (const calendarId of await sync.calendarsOf(megan.user.id))
      await sync.syncCalendar(megan.user.id, calendarId, { full: true });
  };

  it('tells a move (with where it was, within the page rules) and a delete', async () => {
    const start = hoursFromNow(80);
    const { id } = await book(page.id, start);
    const [event] = eventsOfBooking(stack.emulator, megan.user.id, id);
    const moved = hoursFromNow(82);
    stack.emulator.store.updateEvent(megan.user.id, event!.id, {
      start: wall(moved),
      end: wall(plus(moved, 0.5)),
    });
    await followOutlook();
    stack.emulator.store.deleteEvent(megan.user.id, event!.id);
    await followOutlook();

    const [, move, remove] = await about(id);
    expect(move).toMatchObject({
      event: 'changedInOutlook',
      actor: 'outlook',
      outlookChange: 'moved',
      breaksPageRules: false,
      hostId: megan.user.id,
    });
    expect(same(move!.previous!.start, start) && same(move!.booking.start, moved)).toBe(true);
    expect(remove).toMatchObject({
      event: 'changedInOutlook',
      outlookChange: 'cancelled',
      booking: { status: 'cancelled' },
    });
  });

  it('says when the new time breaks the page rules (the host decided it; the booking follows anyway)', async () => {
    const { id } = await book(page.id, hoursFromNow(90));
    const [event] = eventsOfBooking(stack.emulator, megan.user.id, id);
    // Fifty minutes long at :10: not a duration nor a slot start the page offers.
    const odd = plus(hoursFromNow(92), 1 / 6);
    stack.emulator.store.updateEvent(megan.user.id, event!.id, {
      start: wall(odd),
      end: wall(plus(odd, 50 / 60)),
    });
    await followOutlook();
    const [, move] = await about(id);
    expect(move).toMatchObject({ event: 'changedInOutlook', outlookChange: 'moved', breaksPageRules: true });
  });
});

describe('telling', () => {
  it('never fails a booking: with the queue gone the booking is still made, and told again once it is back', async () => {
    const queue = stack.services.queues.client('botOutbox');
    await drain();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await queue.delete();
      const { id } = await book(page.id, hoursFromNow(100));
      expect((await stack.runtime.deps.bookings.get(megan.user.id, id))!.status).toBe('confirmed');
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining(
          `Could not tell host ${megan.user.id} in Teams that booking ${id} was booked`,
        ),
      );
    } finally {
      warn.mockRestore();
      await queue.createIfNotExists();
    }
    const { id } = await book(page.id, hoursFromNow(102));
    expect(await kinds(id)).toEqual(['booked:invitee:megan']);
  });

  it('gives every message its own eventId', async () => {
    const ids = (await drain()).map((m) => m.eventId);
    expect(ids.length).toBeGreaterThan(15);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
