import { setTimeout as sleep } from 'node:timers/promises';
import { syncRuntime } from '../sync-runtime.js';
import { hoursFromNow, type ApiStack } from './api-stack.js';
import { eventually, plus, useSyncStack, wall, type SyncStack } from './sync-fixture.js';

const sync = useSyncStack({ upn: 'adele', name: 'Adele Vance', slug: 'lifecycle' });
const { offered, admin, settle } = sync;
let stack: ApiStack;
let host: SyncStack['host'];
beforeAll(() => ({ stack, host } = sync.started()));

const liveIds = async (): Promise<string[]> => {
  const body = (await (await admin('GET', 'subscriptions')).json()) as { value: { id: string }[] };
  return body.value.map((s) => s.id);
};
const currentSubscription = async () =>
  (await syncRuntime(stack.services).store.calendar(host.user.id, 'default'))!.subscriptionId!;

/** An Outlook event at `hoursAhead`, then a wait until the slots no longer offer it. */
async function blocksSlots(hoursAhead: number, what: string): Promise<void> {
  const at = hoursFromNow(hoursAhead);
  expect(await offered(at)).toBe(true);
  stack.emulator.store.addEvent(host.user.id, { subject: what, start: wall(at), end: wall(plus(at, 1)) });
  await eventually(`${what} blocks its slot`, async () => !(await offered(at)));
}

describe('subscription lifecycle', () => {
  it('reauthorizationRequired: reauthorized, and changes keep arriving', async () => {
    const id = await currentSubscription();
    const res = await admin('POST', `subscriptions/${id}/lifecycle`, {
      lifecycleEvent: 'reauthorizationRequired',
    });
    expect(res.status).toBe(202);
    // Paused until reauthorized: a change reaching the slots proves the reauthorization happened.
    await blocksSlots(30, 'After reauthorization');
    expect(await currentSubscription()).toBe(id);
  });

  it('subscriptionRemoved: a new subscription replaces it and changes arrive again', async () => {
    const id = await currentSubscription();
    expect((await admin('DELETE', `subscriptions/${id}`)).status).toBeLessThan(300);
    await eventually('a new subscription is made', async () => (await currentSubscription()) !== id);
    const replacement = await currentSubscription();
    expect(await liveIds()).toContain(replacement);
    expect(await liveIds()).not.toContain(id);
    expect(await syncRuntime(stack.services).store.subscription(id)).toBeUndefined();
    await blocksSlots(34, 'After recreation');
  });

  it('missed: a full resync picks up changes whose notifications were lost', async () => {
    const at = hoursFromNow(38);
    await admin('POST', 'faults/notifications', { dropShare: 1 });
    await settle();
    stack.emulator.store.addEvent(host.user.id, { subject: 'Lost', start: wall(at), end: wall(plus(at, 1)) });
    await admin('DELETE', 'faults/notifications');
    expect(await offered(at)).toBe(true);
    const full = syncRuntime(stack.services).sync.counters.fullRounds;
    await admin('POST', `subscriptions/${await currentSubscription()}/lifecycle`, {
      lifecycleEvent: 'missed',
    });
    await eventually('the lost change is seen', async () => !(await offered(at)));
    expect(syncRuntime(stack.services).sync.counters.fullRounds).toBeGreaterThan(full);
  });

  it('renewal of a subscription Graph no longer knows (404) makes a new one', async () => {
    const id = await currentSubscription();
    expect((await admin('POST', `subscriptions/${id}/expire`)).status).toBeLessThan(300);
    await syncRuntime(stack.services).sync.renew(id);
    const replacement = await currentSubscription();
    expect(replacement).not.toBe(id);
    expect(await liveIds()).toContain(replacement);
    await blocksSlots(42, 'After renewal');
  });

  it('renewal extends a live subscription', async () => {
    const runtime = syncRuntime(stack.services);
    const id = await currentSubscription();
    const before = (await runtime.store.subscription(id))!.expiresAt;
    await sleep(5);
    await runtime.sync.renew(id);
    const after = (await runtime.store.subscription(id))!.expiresAt;
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
    expect(await currentSubscription()).toBe(id);
  });
});
