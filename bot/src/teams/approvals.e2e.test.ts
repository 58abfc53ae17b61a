// The approval flow end to end: a booking on a page that needs confirmation goes through the real API
// onto bot-outbox, the bot process shows the host a card in the emulated Teams chat, and the host's
// click calls the API back as that host with the bot's app token.
import { eventsOfBooking, hoursFromNow, startApiStack, type ApiStack } from '@tandem/api/testing/api-stack';
import { cardText, startBotStack, type BotStack, type ChatEntry } from '../testing/bot-stack.js';

type Host = Awaited<ReturnType<ApiStack['connectHost']>>;
let api: ApiStack;
let bot: BotStack;
let megan: Host;
let page: { id: string };

beforeAll(async () => {
  api = await startApiStack();
  megan = await api.connectHost({ upn: 'megan', name: 'Megan Bowen', timeZone: 'Europe/Berlin' });
  page = await api.createPage(megan.token, {
    slug: 'portfolio-review',
    title: 'Portfolio review',
    requiresConfirmation: true,
  });
  bot = await startBotStack({
    emulator: api.emulator,
    azurite: api.azurite,
    apiBaseUrl: api.url,
    apiAppIdUri: api.api.identifierUri!,
    app: { clientId: api.bot.clientId, clientSecret: api.bot.clientSecret! },
  });
  expect((await bot.install(megan.user)).status).toBe(200);
});
afterAll(async () => {
  await bot?.stop();
  await api?.stop();
});

async function requestBooking(start: string): Promise<string> {
  const res = await api.call('POST', `public/pages/${page.id}/bookings`, {
    headers: { 'idempotency-key': crypto.randomUUID() },
    body: { name: 'Grady Archie', email: 'grady@example.com', durationMinutes: 30, start, timeZone: 'UTC' },
  });
  expect(res.status).toBe(201);
  expect(res.body.booking.status).toBe('pending');
  return res.body.booking.id as string;
}

/** The approval card the bot sent Megan for this booking. */
const approvalCard = (bookingId: string) =>
  bot.eventually(`the approval card of ${bookingId}`, async () =>
    (await bot.chat(megan.user)).find(
      (e) => e.direction === 'fromBot' && cardText(e).includes(`"bookingId":"${bookingId}"`),
    ),
  );

const entry = async (id: string) => (await bot.chat(megan.user)).find((e) => e.activity.id === id)!;
const verbs = (e: ChatEntry) =>
  ((e.activity.attachments?.[0]?.content.actions ?? []) as { verb?: string }[])
    .map((a) => a.verb)
    .filter(Boolean);

const freeSlots = async (start: string) => {
  const end = new Date(Date.parse(start) + 3_600_000).toISOString();
  const res = await api.call(
    'GET',
    `public/pages/${page.id}/slots?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}&duration=30&timeZone=UTC`,
  );
  return (res.body.slots as { start: string }[]).map((s) => Date.parse(s.start));
};

describe('a booking that needs the host to accept it', () => {
  it('reaches the host in Teams as a card with Accept and Decline, in her zone', async () => {
    const start = hoursFromNow(30);
    const bookingId = await requestBooking(start);
    const card = await approvalCard(bookingId);
    expect(cardText(card)).toContain('Grady Archie asks to book Portfolio review');
    expect(cardText(card)).toContain('(Europe/Berlin)');
    expect(verbs(card)).toEqual(['approve', 'decline']);
  });

  it('is accepted with one click: the card shows the outcome for everyone and the Outlook event exists', async () => {
    const start = hoursFromNow(32);
    const bookingId = await requestBooking(start);
    const card = await approvalCard(bookingId);
    const press = await bot.press(megan.user, card.activity.id, {
      verb: 'approve',
      data: { bookingId, pageTitle: 'Portfolio review', timeZone: 'Europe/Berlin' },
    });
    expect(press.status).toBe(200);
    const replaced = await entry(card.activity.id);
    expect(replaced.updatedAt).not.toBeNull();
    expect(cardText(replaced)).toContain('Accepted. The invitee has their invitation.');
    expect(verbs(replaced)).toEqual([]);
    expect(eventsOfBooking(api.emulator, megan.user.id, bookingId)).toHaveLength(1);
  });

  it('answers a second click, or a click on a stale card, with the state it is in and acts no more', async () => {
    const start = hoursFromNow(34);
    const bookingId = await requestBooking(start);
    const card = await approvalCard(bookingId);
    const data = { bookingId, pageTitle: 'Portfolio review', timeZone: 'Europe/Berlin' };
    await bot.press(megan.user, card.activity.id, { verb: 'approve', data });
    // The same card pressed again (another device still showing the buttons), then Decline on it.
    await bot.press(megan.user, card.activity.id, { verb: 'approve', data });
    expect(cardText(await entry(card.activity.id))).toContain('Already accepted: nothing more to do.');
    await bot.press(megan.user, card.activity.id, {
      verb: 'decline',
      data: { ...data, reason: 'Changed my mind' },
    });
    expect(cardText(await entry(card.activity.id))).toContain('Already accepted: nothing more to do.');
    expect(eventsOfBooking(api.emulator, megan.user.id, bookingId)).toHaveLength(1);
    const listed = await api.call('GET', `bot/users/${megan.user.id}/bookings`, {
      token: await api.appToken(),
    });
    expect(listed.body.bookings.find((b: { id: string }) => b.id === bookingId).status).toBe('confirmed');
  });

  it('is declined with a reason: the card says so and the time is free again', async () => {
    const start = hoursFromNow(36);
    expect(await freeSlots(start)).toContain(Date.parse(start));
    const bookingId = await requestBooking(start);
    expect(await freeSlots(start)).not.toContain(Date.parse(start));
    const card = await approvalCard(bookingId);
    const press = await bot.press(megan.user, card.activity.id, {
      verb: 'decline',
      data: {
        bookingId,
        pageTitle: 'Portfolio review',
        timeZone: 'Europe/Berlin',
        reason: 'Travelling that day',
      },
    });
    expect(press.status).toBe(200);
    const replaced = await entry(card.activity.id);
    expect(cardText(replaced)).toContain('Declined. The invitee has been told and the time is free again.');
    expect(cardText(replaced)).toContain('Travelling that day');
    expect(verbs(replaced)).toEqual([]);
    expect(await freeSlots(start)).toContain(Date.parse(start));
    expect(
      eventsOfBooking(api.emulator, megan.user.id, bookingId).filter((e) => !e.isCancelled),
    ).toHaveLength(0);
  });
});
