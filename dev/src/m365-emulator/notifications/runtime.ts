import type { EmulatorEnv } from '../env.js';
import { authorizeMailbox } from '../graph/authenticate.js';
import { CALENDAR_READ, type Caller } from '../graph/graph-route.js';
import type { EmulatorService } from '../services.js';
import type { ChangeRecord } from '../state/records.js';
import { DeliveryQueue, type DeliveryOptions } from './delivery-queue.js';
import { NO_FAULTS, type NotificationFaults } from './faults.js';
import { SubscriptionService, type MailboxDirectory } from './subscription-service.js';
import type { NotificationItem, StoredSubscription } from './types.js';

/** The notification machinery of one running emulator. */
export interface NotificationsRuntime {
  service: SubscriptionService;
  delivery: DeliveryQueue;
  faults: NotificationFaults;
}

const runtimes = new WeakMap<EmulatorEnv, NotificationsRuntime>();

/** Tunables for emulators started afterwards (tests shorten the retry backoff and handshake limit). */
export const notificationDefaults: { delivery: DeliveryOptions; handshakeTimeoutMs: number } = {
  delivery: {},
  handshakeTimeoutMs: 10_000,
};

/** The runtime of `env`, created on first use. */
export function notificationsFor(env: EmulatorEnv): NotificationsRuntime {
  let runtime = runtimes.get(env);
  if (!runtime) {
    const holder: { faults: NotificationFaults } = { faults: { ...NO_FAULTS } };
    // Subscriptions owed a `missed` lifecycle notification, sent once per burst of losses.
    const owedMissed = new Set<string>();
    const announceMissed = (items: NotificationItem[], reason: 'dropped' | 'abandoned') => {
      if (reason === 'dropped' && !holder.faults.missedOnDrop) return;
      const first = owedMissed.size === 0;
      for (const item of items) if ('changeType' in item) owedMissed.add(item.subscriptionId);
      if (!first || owedMissed.size === 0) return;
      setTimeout(() => {
        for (const id of owedMissed) {
          const subscription = service.all().find((s) => s.id === id);
          if (subscription?.lifecycleNotificationUrl) service.triggerLifecycle(id, 'missed');
        }
        owedMissed.clear();
      }, 0);
    };
    const delivery = new DeliveryQueue({
      ...notificationDefaults.delivery,
      faults: () => holder.faults,
      onUndelivered: announceMissed,
    });
    const service = new SubscriptionService({
      delivery,
      maxExpirationMinutes: () => env.settings.maxSubscriptionMinutes,
      handshakeTimeoutMs: notificationDefaults.handshakeTimeoutMs,
      storage: () =>
        env.store.extension<Record<string, StoredSubscription>>('graph-subscriptions', () => ({})),
    });
    const created = Object.assign(holder, { delivery, service });
    runtime = created;
    runtimes.set(env, created);
  }
  return runtime;
}

/** The store seen through the questions the subscription service asks, for one caller. */
export function directoryFor(env: EmulatorEnv, caller: Caller): MailboxDirectory {
  return {
    resolveUser: (ref) => {
      const user = env.store.findUser(ref);
      return user ? { id: user.id, tenantId: user.tenantId } : null;
    },
    hasCalendar: (userId, calendarId) => env.store.listCalendars(userId).some((c) => c.id === calendarId),
    authorizeCalendarRead: (userId) => authorizeMailbox(caller, env.store.getUser(userId), CALENDAR_READ),
  };
}

/** What a notification needs of an event, remembered while it exists so a deletion can name it. */
interface Seen {
  changeKey: string;
  seriesMasterId: string | null;
}

/**
 * Follows the store's change feed. A change to an occurrence or exception of a recurring series is
 * reported on the series master (`updated`), the resource Graph's event subscriptions name.
 */
function forward(
  env: EmulatorEnv,
  runtime: NotificationsRuntime,
  change: ChangeRecord,
  event: Seen & { id: string },
): void {
  let target = { eventId: event.id, changeKey: event.changeKey, changeType: change.changeType };
  if (event.seriesMasterId) {
    const master = env.store.findEvent(change.userId, event.seriesMasterId)?.event;
    // Deleting a series removes its exceptions too; the master's own deletion is the notification.
    if (!master) return;
    target = { eventId: master.id, changeKey: master.changeKey, changeType: 'updated' };
  }
  runtime.service.notifyChange({
    ...target,
    tenantId: change.tenantId,
    userId: change.userId,
    calendarId: change.calendarId,
  });
}

/** Starts notification delivery for `env`: store changes → subscriptions → webhook POSTs. */
export function startNotifications(env: EmulatorEnv): EmulatorService {
  const runtime = notificationsFor(env);
  const seen = new Map<string, Seen>();
  const unsubscribe = env.store.onChange((change) => {
    if (change.changeType !== 'deleted') {
      // Read at once, so the etag is the one of this very write.
      const event = env.store.findEvent(change.userId, change.eventId)?.event;
      if (!event) return;
      seen.set(event.id, { changeKey: event.changeKey, seriesMasterId: event.seriesMasterId });
      forward(env, runtime, change, event);
      return;
    }
    const known = seen.get(change.eventId);
    seen.delete(change.eventId);
    if (known) {
      forward(env, runtime, change, { id: change.eventId, ...known });
      return;
    }
    // An event stored before delivery started (seeded, loaded from a state file): its tombstone is
    // recorded just after the change entry, so read it once the write is done.
    queueMicrotask(() => {
      const tombstone = env.store
        .tombstonesSince(change.version - 1, { userId: change.userId })
        .find((t) => t.eventId === change.eventId);
      if (tombstone) forward(env, runtime, change, tombstone.event);
    });
  });
  const sweeper = setInterval(() => runtime.service.sweep(), 1_000);
  sweeper.unref();
  return {
    stop: () => {
      unsubscribe();
      clearInterval(sweeper);
      runtime.delivery.close();
      runtimes.delete(env);
    },
  };
}
