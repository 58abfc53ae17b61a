import { startAzurite, type RunningAzurite } from '@tandem/dev/azurite';
import { decodeQueueMessage, openQueues, type Queues } from '../store/queues.js';
import { openTables } from '../store/tables.js';
import { NotificationIntake, sameSecret } from './notification-intake.js';
import { SyncStore } from './subscription-store.js';

describe('sameSecret', () => {
  it('is true only for the identical string, whatever the lengths', () => {
    expect(sameSecret('s3cret-value', 's3cret-value')).toBe(true);
    expect(sameSecret('s3cret-valuE', 's3cret-value')).toBe(false);
    expect(sameSecret('s3cret', 's3cret-value')).toBe(false);
    expect(sameSecret('', 's3cret-value')).toBe(false);
  });
});

describe('notification intake', () => {
  let azurite: RunningAzurite;
  let store: SyncStore;
  let queues: Queues;
  beforeAll(async () => {
    azurite = await startAzurite();
    const tables = openTables(azurite.connectionString);
    await tables.ensure();
    queues = openQueues(azurite.connectionString);
    await queues.ensure();
    store = new SyncStore(tables);
    for (const [id, calendarId] of [
      ['sub-1', 'default'],
      ['sub-2', 'AAMk+/cal=='],
    ] as const)
      await store.saveSubscription({
        subscriptionId: id,
        hostId: 'host-1',
        calendarId,
        clientState: `secret-of-${id}`,
        expiresAt: '2030-01-01T00:00:00Z',
      });
  });
  afterAll(() => azurite.stop());

  const drain = async () => {
    const client = queues.client('graphNotifications');
    const { receivedMessageItems } = await client.receiveMessages({ numberOfMessages: 32 });
    for (const m of receivedMessageItems) await client.deleteMessage(m.messageId, m.popReceipt);
    return receivedMessageItems.map((m) => decodeQueueMessage(m.messageText));
  };

  it('queues one message per subscription for a burst of genuine notifications', async () => {
    const intake = new NotificationIntake(store, queues);
    const result = await intake.accept(
      {
        value: [
          { subscriptionId: 'sub-1', clientState: 'secret-of-sub-1' },
          { subscriptionId: 'sub-1', clientState: 'secret-of-sub-1' },
          { subscriptionId: 'sub-2', clientState: 'secret-of-sub-2' },
        ],
      },
      'changes',
    );
    expect(result).toEqual({ accepted: 3, forged: 0 });
    const messages = await drain();
    expect(messages).toHaveLength(2);
    expect(messages).toEqual(
      expect.arrayContaining([
        { kind: 'changes', subscriptionId: 'sub-1', hostId: 'host-1', calendarId: 'default' },
        { kind: 'changes', subscriptionId: 'sub-2', hostId: 'host-1', calendarId: 'AAMk+/cal==' },
      ]),
    );
  });

  it('drops and counts notifications with a wrong, missing or foreign secret, or an unknown subscription', async () => {
    const intake = new NotificationIntake(store, queues);
    const result = await intake.accept(
      {
        value: [
          { subscriptionId: 'sub-1', clientState: 'secret-of-sub-2' },
          { subscriptionId: 'sub-1', clientState: null },
          { subscriptionId: 'sub-1' },
          { subscriptionId: 'nobody', clientState: 'secret-of-sub-1' },
        ],
      },
      'changes',
    );
    expect(result).toEqual({ accepted: 0, forged: 4 });
    expect(intake.counters.forged).toBe(4);
    expect(await drain()).toEqual([]);
  });

  it('queues lifecycle events with their kind', async () => {
    const intake = new NotificationIntake(store, queues);
    await intake.accept(
      { value: [{ subscriptionId: 'sub-2', clientState: 'secret-of-sub-2', lifecycleEvent: 'missed' }] },
      'lifecycle',
    );
    expect(await drain()).toEqual([
      {
        kind: 'lifecycle',
        lifecycleEvent: 'missed',
        subscriptionId: 'sub-2',
        hostId: 'host-1',
        calendarId: 'AAMk+/cal==',
      },
    ]);
  });
});
