import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Queues } from '../store/queues.js';
import type { SubscriptionRecord, SyncStore } from './subscription-store.js';

/** What the webhooks put on `graph-notifications` for the sync worker. */
export type SyncMessage =
  | { kind: 'changes'; subscriptionId: string; hostId: string; calendarId: string }
  | {
      kind: 'lifecycle';
      lifecycleEvent: string;
      subscriptionId: string;
      hostId: string;
      calendarId: string;
    };

export const notificationBatchSchema = z.object({
  value: z.array(
    z.looseObject({
      subscriptionId: z.string(),
      clientState: z.string().nullish(),
      lifecycleEvent: z.string().optional(),
    }),
  ),
});
export type NotificationBatch = z.infer<typeof notificationBatchSchema>;

/** Counters of one instance since start. */
export interface IntakeCounters {
  accepted: number;
  /** Unknown subscription or wrong clientState: dropped unprocessed. */
  forged: number;
}

/** Equal strings, in time that does not depend on where they differ (digests make lengths equal). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * The webhooks' work: check every notification against its subscription's secret and queue one
 * message per subscription (a burst of changes to one calendar becomes one delta round).
 */
export class NotificationIntake {
  readonly counters: IntakeCounters = { accepted: 0, forged: 0 };
  /** Subscriptions never change their secret: an instance keeps the ones it has seen. */
  private readonly known = new Map<string, SubscriptionRecord>();

  constructor(
    private readonly store: SyncStore,
    private readonly queues: Queues,
  ) {}

  async accept(batch: NotificationBatch, kind: 'changes' | 'lifecycle'): Promise<IntakeCounters> {
    const result = { accepted: 0, forged: 0 };
    const messages = new Map<string, SyncMessage>();
    for (const notification of batch.value) {
      const subscription = await this.subscription(notification.subscriptionId);
      if (!subscription || !sameSecret(notification.clientState ?? '', subscription.clientState)) {
        result.forged++;
        continue;
      }
      result.accepted++;
      const base = {
        subscriptionId: subscription.subscriptionId,
        hostId: subscription.hostId,
        calendarId: subscription.calendarId,
      };
      if (kind === 'changes') messages.set(subscription.subscriptionId, { kind, ...base });
      else
        messages.set(`${subscription.subscriptionId}\n${notification.lifecycleEvent ?? ''}`, {
          kind,
          lifecycleEvent: notification.lifecycleEvent ?? 'unknown',
          ...base,
        });
    }
    await Promise.all([...messages.values()].map((m) => this.queues.send('graphNotifications', m)));
    this.counters.accepted += result.accepted;
    this.counters.forged += result.forged;
    return result;
  }

  /** Forgets a subscription (deleted or replaced). */
  forget(subscriptionId: string): void {
    this.known.delete(subscriptionId);
  }

  private async subscription(id: string): Promise<SubscriptionRecord | undefined> {
    let found = this.known.get(id);
    if (!found) {
      found = await this.store.subscription(id);
      if (found) this.known.set(id, found);
    }
    return found;
  }
}

export const syncMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('changes'),
    subscriptionId: z.string(),
    hostId: z.string(),
    calendarId: z.string(),
  }),
  z.object({
    kind: z.literal('lifecycle'),
    lifecycleEvent: z.string(),
    subscriptionId: z.string(),
    hostId: z.string(),
    calendarId: z.string(),
  }),
]);
