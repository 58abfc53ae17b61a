// Conversations with the bot through botbuilder's TestAdapter: the real Teams handler against the real
// API (Azurite, the emulator, the functions host), as Teams users type and press card buttons.
import type { Activity } from 'botbuilder';
import { hoursFromNow, startApiStack, type ApiStack } from '@tandem/api/testing/api-stack';
import { createBotRuntime, type BotRuntime } from '../runtime.js';
import { readBotSettings } from '../settings.js';
import {
  TeamsTestAdapter,
  executeAction,
  personalChat,
  registerTestBot,
  replyCard,
  replyNotice,
  testBotId,
} from '../testing/teams-test-adapter.js';

type Host = Awaited<ReturnType<ApiStack['connectHost']>>;
let api: ApiStack;
let runtime: BotRuntime;
let megan: Host;
let adele: Host;
let introPage: { id: string };
let reviewPage: { id: string };
let adelePage: { id: string };

beforeAll(async () => {
  api = await startApiStack();
  megan = await api.connectHost({ upn: 'megan', name: 'Megan Bowen', timeZone: 'Europe/Berlin' });
  adele = await api.connectHost({ upn: 'adele', name: 'Adele Vance', timeZone: 'America/Los_Angeles' });
  introPage = await api.createPage(megan.token, {
    slug: 'megan-intro',
    title: 'Intro call',
    durations: [30, 60],
  });
  reviewPage = await api.createPage(megan.token, {
    slug: 'megan-review',
    title: 'Portfolio review',
    requiresConfirmation: true,
  });
  adelePage = await api.createPage(adele.token, { slug: 'adele-sync', title: 'Quick sync' });
  runtime = createBotRuntime(
    readBotSettings({
      TANDEM_API_BASE_URL: api.url,
      AzureWebJobsStorage: api.azurite.connectionString,
      TANDEM_AUTH_AUTHORITY: api.emulator.authorityHost,
      TANDEM_BOT_APP_ID: api.bot.clientId,
      TANDEM_BOT_APP_SECRET: api.bot.clientSecret!,
      TANDEM_BOT_TENANT_ID: api.emulator.tenantId,
      TANDEM_API_APP_ID_URI: api.api.identifierUri!,
    }),
    { log: () => undefined },
  );
  await runtime.ensureStorage();
  await registerTestBot(api.emulator);
});
afterAll(() => api?.stop());

/** A TestAdapter conversation of `host` with the bot, in `zone` as their Teams client reports it. */
async function chatOf(host: Host, zone?: string): Promise<TeamsTestAdapter> {
  const reference = await personalChat(api.emulator, host.user);
  return new TeamsTestAdapter((context) => runtime.bot.run(context), reference, {
    ...(zone && { localTimezone: zone }),
  });
}

/** Sends one activity and returns every reply of that turn. */
async function turn(
  adapter: TeamsTestAdapter,
  activity: Partial<Activity> | string,
): Promise<Partial<Activity>[]> {
  adapter.activeQueue.splice(0);
  await adapter.processActivity(
    typeof activity === 'string' ? { type: 'message', text: activity } : activity,
  );
  return adapter.activeQueue.splice(0);
}
const only = (replies: Partial<Activity>[]) => {
  expect(replies).toHaveLength(1);
  return replies[0]!;
};
/** What a person reads in Teams: the reply's texts, with Markdown escapes shown as the character. */
const text = (reply: Partial<Activity>) =>
  JSON.stringify(replyCard(reply) ?? reply.text ?? replyNotice(reply)).replace(/\\\\([[\]<>\\])/g, '$1');
type CardAction = { type: string; verb?: string; title: string; data?: Record<string, unknown> };
/** Every Action.Execute of a card, wherever it sits (card actions or ActionSets). */
function executes(card: unknown): CardAction[] {
  const found: CardAction[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if ((node as CardAction).type === 'Action.Execute') found.push(node as CardAction);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}

async function bookAs(pageId: string, start: string, name = 'Grady Archie'): Promise<string> {
  const res = await api.call('POST', `public/pages/${pageId}/bookings`, {
    headers: { 'idempotency-key': crypto.randomUUID() },
    body: { name, email: 'grady@example.com', durationMinutes: 30, start, timeZone: 'UTC' },
  });
  expect(res.status).toBe(201);
  return res.body.booking.id as string;
}
const bookingsOf = async (host: Host) =>
  (await api.call('GET', `bot/users/${host.user.id}/bookings`, { token: await api.appToken() })).body
    .bookings as { id: string; status: string; start: string; invitee: { email: string } }[];

describe('installing and uninstalling', () => {
  it('greets with what the bot can do and remembers the chat; uninstalling forgets it', async () => {
    const chat = await chatOf(adele);
    const greeting = only(
      await turn(chat, { type: 'conversationUpdate', membersAdded: [{ id: testBotId, name: 'Tandem' }] }),
    );
    expect(text(greeting)).toContain('Hi, I am Tandem');
    expect(text(greeting)).toContain('book <name or page>');
    const stored = await runtime.conversations.personal(api.emulator.tenantId, adele.user.id);
    expect(stored?.reference.conversation?.id).toBe(chat.conversation.conversation.id);

    expect(await turn(chat, { type: 'installationUpdate', action: 'remove' })).toEqual([]);
    expect(await runtime.conversations.personal(api.emulator.tenantId, adele.user.id)).toBeUndefined();
  });

  it('remembers a team it is added to by its conversation, and forgets it when removed', async () => {
    const chat = await chatOf(adele);
    const team = {
      id: '19:general@thread.tacv2',
      conversationType: 'channel',
      tenantId: api.emulator.tenantId,
      isGroup: true,
      name: 'General',
    };
    const greeting = only(
      await turn(chat, {
        type: 'conversationUpdate',
        conversation: team,
        membersAdded: [{ id: testBotId, name: 'Tandem' }],
      }),
    );
    expect(text(greeting)).toContain('in a personal chat with me');
    expect((await runtime.conversations.byConversation(api.emulator.tenantId, team.id))?.scope).toBe('team');
    await turn(chat, {
      type: 'conversationUpdate',
      conversation: team,
      membersRemoved: [{ id: testBotId, name: 'Tandem' }],
    });
    expect(await runtime.conversations.byConversation(api.emulator.tenantId, team.id)).toBeUndefined();
  });
});

describe('typed commands', () => {
  it('answers help with the list of commands', async () => {
    const reply = only(await turn(await chatOf(adele), 'help'));
    expect(text(reply)).toContain('What I can do');
    expect(text(reply)).toContain('my bookings');
  });

  it('answers anything else with the help and a hint', async () => {
    const reply = only(await turn(await chatOf(adele), 'what is the weather'));
    expect(text(reply)).toContain('I did not understand \\"what is the weather\\"');
    expect(text(reply)).toContain('book Megan');
  });

  it("lists today's and this week's bookings, leaving out later and cancelled ones", async () => {
    const soon = hoursFromNow(1);
    const soonId = await bookAs(adelePage.id, soon, 'Soon Visitor');
    await bookAs(adelePage.id, hoursFromNow(24 * 10), 'Far Visitor');
    const cancelledId = await bookAs(adelePage.id, hoursFromNow(2), 'Gone Visitor');
    await api.call('POST', `bot/users/${adele.user.id}/bookings/${cancelledId}/cancel`, {
      token: await api.appToken(),
      body: {},
    });
    const reply = only(await turn(await chatOf(adele, 'UTC'), 'my bookings'));
    expect(text(reply)).toContain('Your bookings');
    // An hour from now is still this week unless the test runs in the last hour of a Sunday (UTC).
    const sundayNight = new Date().getUTCDay() === 0 && new Date(soon).getUTCDay() === 1;
    if (sundayNight) expect(text(reply)).not.toContain('Soon Visitor');
    else expect(text(reply)).toContain('Soon Visitor — Quick sync');
    expect(text(reply)).not.toContain('Far Visitor');
    expect(text(reply)).not.toContain('Gone Visitor');
    expect(executes(replyCard(reply))).toEqual([]);
    expect(soonId).toBeTruthy();
  });
});

describe('cancelling from the chat', () => {
  it('offers upcoming bookings with a Cancel button; the click cancels once and a second click shows it is done', async () => {
    const start = hoursFromNow(5);
    const bookingId = await bookAs(adelePage.id, start, 'Cancel Me');
    const chat = await chatOf(adele, 'America/Los_Angeles');
    const list = only(await turn(chat, 'cancel'));
    const button = executes(replyCard(list)).find((a) => a.data?.bookingId === bookingId);
    expect(button).toMatchObject({ verb: 'cancel', title: 'Cancel' });

    const first = only(await turn(chat, executeAction('cancel', button!.data!)));
    expect(text(first)).toContain('Cancelled. The invitee has been told and the time is free again.');
    expect(executes(replyCard(first))).toEqual([]);
    expect((await bookingsOf(adele)).find((b) => b.id === bookingId)?.status).toBe('cancelled');

    const second = only(await turn(chat, executeAction('cancel', button!.data!)));
    expect(text(second)).toMatch(/Cancelled\.|Already declined or cancelled/);
    expect(executes(replyCard(second))).toEqual([]);
  });
});

describe('approving from a card', () => {
  const data = (bookingId: string) => ({
    bookingId,
    pageTitle: 'Portfolio review',
    timeZone: 'Europe/Berlin',
  });

  it('accepts as the host who clicked; a second click shows the state and acts no more', async () => {
    const bookingId = await bookAs(reviewPage.id, hoursFromNow(40));
    const chat = await chatOf(megan);
    const first = only(await turn(chat, executeAction('approve', data(bookingId))));
    expect(first.type).toBe('invokeResponse');
    expect(text(first)).toContain('Accepted. The invitee has their invitation.');
    expect((await bookingsOf(megan)).find((b) => b.id === bookingId)?.status).toBe('confirmed');
    const second = only(await turn(chat, executeAction('decline', { ...data(bookingId), reason: 'late' })));
    expect(text(second)).toContain('Already accepted: nothing more to do.');
    expect((await bookingsOf(megan)).find((b) => b.id === bookingId)?.status).toBe('confirmed');
  });

  it('declines with the reason typed in the card', async () => {
    const bookingId = await bookAs(reviewPage.id, hoursFromNow(42));
    const reply = only(
      await turn(
        await chatOf(megan),
        executeAction('decline', { ...data(bookingId), reason: 'Out that day' }),
      ),
    );
    expect(text(reply)).toContain('Declined.');
    expect(text(reply)).toContain('Out that day');
    expect((await bookingsOf(megan)).find((b) => b.id === bookingId)?.status).toBe('cancelled');
  });

  it("refuses to act on another host's booking, saying why", async () => {
    const bookingId = await bookAs(reviewPage.id, hoursFromNow(44));
    const reply = only(await turn(await chatOf(adele), executeAction('approve', data(bookingId))));
    expect(replyCard(reply)).toBeUndefined();
    expect(replyNotice(reply)).toBeTruthy();
    expect((await bookingsOf(megan)).find((b) => b.id === bookingId)?.status).toBe('pending');
  });
});

describe('booking a colleague by chat', () => {
  it('finds the colleague, offers times in my zone, books me once however often I click, and confirms', async () => {
    const chat = await chatOf(adele, 'Asia/Kolkata');
    const people = only(await turn(chat, 'book megan'));
    expect(text(people)).toContain('Megan Bowen');
    const choices = executes(replyCard(people));
    expect(choices.map((c) => c.title)).toEqual(
      expect.arrayContaining(['Intro call · 30 min', 'Intro call · 60 min', 'Portfolio review']),
    );
    const intro30 = choices.find((c) => c.title === 'Intro call · 30 min')!;

    const slots = only(await turn(chat, executeAction(intro30.verb!, intro30.data!)));
    expect(text(slots)).toContain('Intro call with Megan Bowen');
    expect(text(slots)).toContain('times in Asia/Kolkata');
    const first = executes(replyCard(slots))[0]!;
    expect(first).toMatchObject({ verb: 'bookSlot', data: { pageId: introPage.id } });
    const start = String(first.data!.start);
    // Labelled on the Kolkata clock (UTC+05:30).
    const kolkata = new Date(Date.parse(start) + 330 * 60_000).toISOString().slice(11, 16);
    expect(first.title).toBe(kolkata);

    const booked = only(await turn(chat, executeAction('bookSlot', first.data!)));
    expect(text(booked)).toContain('Booked');
    expect(text(booked)).toContain('(Asia/Kolkata)');
    expect(text(booked)).toContain('Teams meeting');
    const again = only(await turn(chat, executeAction('bookSlot', first.data!)));
    expect(text(again)).toContain('Booked');

    const mine = (await bookingsOf(megan)).filter(
      (b) => Date.parse(b.start) === Date.parse(start) && b.status !== 'cancelled',
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]!.invitee.email).toContain('adele');
  });

  it('says so when nobody matches', async () => {
    const reply = only(await turn(await chatOf(adele), 'book zebedee'));
    expect(reply.text).toBe('No colleague with a booking page matches "zebedee". Try part of their name.');
  });

  it('asks whom to book when no name is given', async () => {
    const reply = only(await turn(await chatOf(adele), 'book'));
    expect(reply.text).toContain('Whom would you like to book?');
  });
});
