import { calendarPath } from '../graph/calendar-reads.js';
import type { BookingDeps } from '../booking/deps.js';
import type { SyncHealth } from '../contracts/sync.js';
import type { SyncStore } from './subscription-store.js';

export { calendarSyncHealthSchema, syncHealthSchema, type SyncHealth } from '../contracts/sync.js';

const dayMs = 86_400_000;

/** Per synced calendar: subscription, last notification and delta, last error, and a live permission check. */
export async function syncHealth(
  deps: BookingDeps,
  store: SyncStore,
  hostId: string,
  calendarIds: readonly string[],
  context: { enabled: boolean; notifications: { accepted: number; forged: number } },
): Promise<SyncHealth> {
  const now = deps.clock().getTime();
  const calendars = await Promise.all(
    calendarIds.map(async (calendarId) => {
      const state = await store.calendar(hostId, calendarId);
      const subscription = state?.subscriptionId ? await store.subscription(state.subscriptionId) : undefined;
      const permission = await deps
        .graphFor(hostId)
        .api(calendarPath(hostId, calendarId))
        .select('id')
        .get()
        .then(
          () => ({ ok: true }),
          (error: unknown) => ({
            ok: false,
            detail: `Tandem cannot read this calendar (${(error as { code?: string }).code ?? 'error'}). Open Tandem and sign in again to renew access.`,
          }),
        );
      return {
        calendarId,
        subscription: subscription
          ? {
              state:
                Date.parse(subscription.expiresAt) - now < dayMs
                  ? ('expiring' as const)
                  : ('active' as const),
              id: subscription.subscriptionId,
              expiresAt: subscription.expiresAt,
            }
          : { state: 'missing' as const },
        ...(state?.lastNotificationAt && { lastNotificationAt: state.lastNotificationAt }),
        ...(state?.lastDeltaAt && { lastDeltaAt: state.lastDeltaAt }),
        ...(state?.lastError && { lastError: state.lastError }),
        ...(state?.lastErrorAt && { lastErrorAt: state.lastErrorAt }),
        permission,
      };
    }),
  );
  return { enabled: context.enabled, calendars, notifications: { ...context.notifications } };
}
