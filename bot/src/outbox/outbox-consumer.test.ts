import type { UserRecord } from '@tandem/dev/m365-emulator';
import { cardText, startBotStack, type BotStack } from '../testing/bot-stack.js';
import { sampleEvent } from '../testing/samples.js';
import { decodeQueueMessage, encodeQueueMessage, outboxQueues } from './queue-messages.js';

describe('the bot-outbox consumer with Azurite and the emulated Teams channel', () => {
  let stack: BotStack;
  let adele: UserRecord;
  let megan: UserRecord;
  let queues: ReturnType<typeof outboxQueues>;

  const enqueue = (message: unknown) => queues.outbox.sendMessage(encodeQueueMessage(message));
  const eventFor = (host: UserRecord, eventId: string, event: Parameters<typeof sampleEvent>[0] = 'booked') =>
    sampleEvent(event, { eventId, hostId: host.id, tenantId: stack.emulator.tenantId });
  const cardsIn = async (user: UserRecord) =>
    (await stack.chat(user)).filter((e) => e.direction === 'fromBot' && e.activity.attachments?.length);
  const poisoned = async () =>
    (await queues.poison.peekMessages({ numberOfMessages: 32 })).peekedMessageItems.map((m) => m.messageText);
  const outboxLength = async () => (await queues.outbox.getProperties()).approximateMessagesCount ?? 0;

  beforeAll(async () => {
    // The test drives the consumer itself, one batch at a time: no bot process reading the same queue.
    stack = await startBotStack({ serve: false });
    queues = outboxQueues(stack.azurite.connectionString);
    adele = stack.emulator.store.addUser({ userPrincipalName: 'adele', displayName: 'Adele Vance' });
    megan = stack.emulator.store.addUser({ userPrincipalName: 'megan', displayName: 'Megan Bowen' });
  });
  afterAll(() => stack.stop());
  beforeEach(async () => {
    await queues.outbox.clearMessages();
    await queues.poison.clearMessages();
  });

  const drainUntilEmpty = async () => {
    const outcomes: string[] = [];
    await stack.eventually('bot-outbox to be empty', async () => {
      outcomes.push(...(await stack.runtime.outbox.drainOnce()));
      return (await outboxLength()) === 0;
    });
    return outcomes;
  };

  it('opens a personal chat with a host the bot never talked to, sends the card there, and remembers the chat', async () => {
    expect(await stack.runtime.conversations.personal(stack.emulator.tenantId, adele.id)).toBeUndefined();
    await enqueue(eventFor(adele, 'ev-first'));
    expect(await stack.runtime.outbox.drainOnce()).toEqual(['sent']);
    expect(cardText((await cardsIn(adele)).at(-1))).toContain('New booking: Priya Raman — Intro call');
    expect(await stack.runtime.conversations.personal(stack.emulator.tenantId, adele.id)).toBeDefined();
  });

  it('sends the host a card in their chat and deletes the message', async () => {
    await enqueue(eventFor(adele, 'ev-new-1'));
    expect(await stack.runtime.outbox.drainOnce()).toEqual(['sent']);
    const card = (await cardsIn(adele)).at(-1);
    expect(cardText(card)).toContain('New booking: Priya Raman — Intro call');
    expect(cardText(card)).toContain('Join Teams meeting');
    expect(await outboxLength()).toBe(0);
  });

  it('sends an event delivered twice only once', async () => {
    const before = (await cardsIn(adele)).length;
    await enqueue(eventFor(adele, 'ev-twice'));
    await enqueue(eventFor(adele, 'ev-twice'));
    const outcomes = await drainUntilEmpty();
    expect(outcomes.filter((o) => o !== 'inFlight').sort()).toEqual(['duplicate', 'sent']);
    expect((await cardsIn(adele)).length).toBe(before + 1);
  });

  it('asks a host to accept or decline a booking that needs approval', async () => {
    await enqueue(eventFor(megan, 'ev-megan-1', 'needsApproval'));
    expect(await stack.runtime.outbox.drainOnce()).toEqual(['sent']);
    const card = (await cardsIn(megan)).at(-1);
    expect(cardText(card)).toContain('Priya Raman asks to book Intro call');
    expect(cardText(card)).toContain('"verb":"approve"');
    expect(cardText(card)).toContain('"verb":"decline"');
  });

  it('replaces the approval card with the outcome when the booking is decided elsewhere', async () => {
    const pending = sampleEvent('needsApproval', {
      eventId: 'ev-approval-asked',
      hostId: megan.id,
      tenantId: stack.emulator.tenantId,
      booking: { id: 'bk_decided_on_web' },
    });
    await enqueue(pending);
    expect(await stack.runtime.outbox.drainOnce()).toEqual(['sent']);
    const asked = (await cardsIn(megan)).at(-1)!;
    expect(cardText(asked)).toContain('"verb":"approve"');

    await enqueue({
      ...pending,
      event: 'approved',
      eventId: 'ev-approved-on-web',
      actor: 'host',
      booking: { ...pending.booking, status: 'confirmed' },
    });
    expect(await stack.runtime.outbox.drainOnce()).toEqual(['sent']);
    const updated = (await stack.chat(megan)).find((e) => e.activity.id === asked.activity.id)!;
    expect(updated.updatedAt).not.toBeNull();
    expect(cardText(updated)).toContain('Accepted. The invitee has their invitation.');
    expect(cardText(updated)).not.toContain('"verb":"approve"');
    expect(cardText((await cardsIn(megan)).at(-1))).toContain('Booking accepted: Priya Raman — Intro call');
  });

  it('keeps a message it could not send, and sets it aside after five tries with a log line saying why', async () => {
    const ghost = { ...eventFor(adele, 'ev-ghost'), hostId: 'no-such-user' };
    await enqueue(ghost);
    const outcomes: string[] = [];
    await stack.eventually('the message to be set aside', async () => {
      outcomes.push(...(await stack.runtime.outbox.drainOnce()));
      return outcomes.includes('setAside');
    });
    expect(outcomes).toEqual(['retry', 'retry', 'retry', 'retry', 'setAside']);
    expect((await poisoned()).map(decodeQueueMessage)).toEqual([ghost]);
    expect(await outboxLength()).toBe(0);
    expect(stack.logs.at(-1)).toMatch(
      /^bot-outbox: set aside message .+ \(event ev-ghost\) on bot-outbox-poison because sending to host no-such-user failed 5 times; last: /,
    );
  });

  it('opens a new chat when the stored one is gone, and remembers the new one', async () => {
    const stored = await stack.runtime.conversations.personal(stack.emulator.tenantId, adele.id);
    await stack.runtime.conversations.remember(stack.emulator.tenantId, {
      scope: 'personal',
      userId: adele.id,
      reference: {
        ...stored!.reference,
        conversation: { ...stored!.reference.conversation!, id: 'a:1gone' },
      },
    });
    await enqueue(eventFor(adele, 'ev-after-gone'));
    expect(await stack.runtime.outbox.drainOnce()).toEqual(['sent']);
    expect(cardText((await cardsIn(adele)).at(-1))).toContain('New booking');
    const renewed = await stack.runtime.conversations.personal(stack.emulator.tenantId, adele.id);
    expect(renewed?.reference.conversation?.id).toBe(stored!.reference.conversation!.id);
  });

  it('keeps a message whose card the connector could not take, instead of counting it as sent', async () => {
    const stored = await stack.runtime.conversations.personal(stack.emulator.tenantId, megan.id);
    await stack.runtime.conversations.remember(stack.emulator.tenantId, {
      scope: 'personal',
      userId: megan.id,
      reference: { ...stored!.reference, serviceUrl: 'http://127.0.0.1:9/' },
    });
    await enqueue(eventFor(megan, 'ev-connector-down'));
    expect(await stack.runtime.outbox.drainOnce()).toEqual(['retry']);
    expect(await outboxLength()).toBe(1);
    await stack.runtime.conversations.remember(stack.emulator.tenantId, stored!);
    expect(await stack.runtime.outbox.drainOnce()).toEqual(['sent']);
  });

  it('sends an event again after a failed try released it', async () => {
    // The failure above released its claim: the same event id is not blocked for a later, valid message.
    await enqueue(eventFor(adele, 'ev-ghost'));
    expect(await stack.runtime.outbox.drainOnce()).toEqual(['sent']);
  });

  it('sets aside at once a message that is not a booking event, saying what is wrong', async () => {
    await enqueue({ kind: 'bookingEvent', event: 'booked', eventId: 'ev-broken' });
    await queues.outbox.sendMessage('not base64 json');
    const outcomes = await stack.runtime.outbox.drainOnce();
    expect(outcomes).toEqual(['setAside', 'setAside']);
    expect(await poisoned()).toContain('not base64 json');
    expect(stack.logs.join('\n')).toMatch(
      /because it is not a booking event \(wrong or missing: occurredAt, tenantId/,
    );
    expect(stack.logs.join('\n')).toMatch(/because it is not JSON/);
  });

  it('keeps the message when the bot stops before sending: it is read again and sent', async () => {
    await enqueue(eventFor(adele, 'ev-after-restart'));
    // Another reader takes the message and disappears without deleting it.
    await queues.outbox.receiveMessages({ numberOfMessages: 1, visibilityTimeout: 1 });
    const outcomes: string[] = [];
    await stack.eventually('the message to come back', async () => {
      outcomes.push(...(await stack.runtime.outbox.drainOnce()));
      return outcomes.includes('sent');
    });
    expect(cardText((await cardsIn(adele)).at(-1))).toContain('New booking');
  });
});
