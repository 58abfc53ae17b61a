import { DeliveryQueue } from './delivery-queue.js';
import type { ChangeNotification, LifecycleNotification } from './types.js';
import { WebhookReceiver } from './webhook-receiver.js';

const item = (n: number): ChangeNotification => ({
  subscriptionId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  subscriptionExpirationDateTime: '2026-04-15T12:00:00.0000000Z',
  tenantId: '11111111-1111-4111-8111-111111111111',
  clientState: 'secret',
  changeType: 'created',
  resource: `Users/u/Events/e${n}`,
  resourceData: {
    '@odata.type': '#Microsoft.Graph.Event',
    '@odata.id': `Users/u/Events/e${n}`,
    '@odata.etag': 'W/"k"',
    id: `e${n}`,
  },
});

const lifecycle = (n: number): LifecycleNotification => ({
  subscriptionId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  subscriptionExpirationDateTime: '2026-04-15T12:00:00.0000000Z',
  tenantId: '11111111-1111-4111-8111-111111111111',
  clientState: 'secret',
  lifecycleEvent: 'missed',
});

describe('notification delivery', () => {
  let receiver: WebhookReceiver;
  let queue: DeliveryQueue;
  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterEach(async () => {
    queue.close();
    await receiver.stop();
  });

  it('batches notifications for the same URL that fall in one window into one POST', async () => {
    queue = new DeliveryQueue({ batchWindowMs: 50 });
    for (let n = 0; n < 5; n += 1) queue.enqueue(receiver.url(), item(n));
    await queue.idle();
    expect(receiver.posts).toHaveLength(1);
    expect(receiver.posts[0]!.items.map((i) => i.subscriptionId)).toEqual(
      [0, 1, 2, 3, 4].map((n) => item(n).subscriptionId),
    );
  });

  it('keeps the query string of the notification URL', async () => {
    queue = new DeliveryQueue();
    queue.enqueue(receiver.url('/hook?calendar=primary&k=a%2Fb'), item(1));
    await queue.idle();
    expect(receiver.posts[0]).toMatchObject({ path: '/hook', query: { calendar: 'primary', k: 'a/b' } });
  });

  it('retries with growing backoff after non-2xx answers until one succeeds', async () => {
    queue = new DeliveryQueue({ retry: { initialDelayMs: 20, maxDelayMs: 1000 } });
    receiver.scriptedStatuses.push(500, 503);
    queue.enqueue(receiver.url(), item(7));
    await queue.idle();
    expect(receiver.rejected.map((post) => post.items)).toEqual([[item(7)], [item(7)]]);
    expect(receiver.items).toEqual([item(7)]);
    expect(queue.attempts().map((a) => [a.attempt, a.status, a.retryInMs])).toEqual([
      [1, 500, 20],
      [2, 503, 40],
      [3, 202, null],
    ]);
    expect(queue.stats).toMatchObject({ delivered: 1, failedAttempts: 2, abandoned: 0 });
  });

  it('retries after a request that gets no answer within the timeout', async () => {
    queue = new DeliveryQueue({ requestTimeoutMs: 100, retry: { initialDelayMs: 10 } });
    receiver.scriptedStatuses.push(0);
    queue.enqueue(receiver.url(), item(1));
    await queue.idle();
    const [first, second] = queue.attempts();
    expect(first).toMatchObject({ attempt: 1, status: null, retryInMs: 10 });
    expect(first!.error).toMatch(/TimeoutError|AbortError/);
    expect(second).toMatchObject({ attempt: 2, status: 202 });
    expect(receiver.items).toEqual([item(1)]);
  });

  it('drops exactly the configured share of notifications when the drop fault is on', async () => {
    queue = new DeliveryQueue({
      faults: () => ({ dropShare: 0.25, delayShare: 0, delayMs: 0, missedOnDrop: false }),
    });
    for (let n = 0; n < 100; n += 1) queue.enqueue(receiver.url(), item(n));
    await queue.idle();
    expect(queue.stats.dropped).toBe(25);
    expect(receiver.items).toHaveLength(75);
    // Every fourth one is lost: the receiver misses #3, #7, #11, ...
    expect(receiver.items.map((i) => i.subscriptionId)).not.toContain(item(3).subscriptionId);
    expect(receiver.items.map((i) => i.subscriptionId)).toContain(item(4).subscriptionId);
  });

  it('gives up once the retry window closes and reports the notifications as undelivered', async () => {
    const undelivered: [number, string][] = [];
    queue = new DeliveryQueue({
      retry: { initialDelayMs: 10, maxDelayMs: 20, maxAgeMs: 50 },
      onUndelivered: (items, reason) => undelivered.push([items.length, reason]),
    });
    receiver.scriptedStatuses.push(...Array.from({ length: 20 }, () => 500));
    queue.enqueue(receiver.url(), item(1));
    await queue.idle();
    expect(receiver.items).toEqual([]);
    expect(queue.stats).toMatchObject({ delivered: 0, abandoned: 1 });
    expect(undelivered).toEqual([[1, 'abandoned']]);
  });

  it('never drops lifecycle notifications, whatever the drop fault', async () => {
    queue = new DeliveryQueue({
      faults: () => ({ dropShare: 1, delayShare: 0, delayMs: 0, missedOnDrop: false }),
    });
    queue.enqueue(receiver.url(), item(1));
    queue.enqueue(receiver.url(), lifecycle(2));
    await queue.idle();
    expect(receiver.items).toEqual([lifecycle(2)]);
  });

  it('holds back a share of notifications when the delay fault is on, and still delivers them', async () => {
    queue = new DeliveryQueue({
      faults: () => ({ dropShare: 0, delayShare: 1, delayMs: 30, missedOnDrop: false }),
    });
    queue.enqueue(receiver.url(), item(1));
    expect(queue.stats.delayed).toBe(1);
    await queue.idle();
    expect(receiver.items).toEqual([item(1)]);
  });
});
