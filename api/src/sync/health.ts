import { calendarPath } from '../graph/calendar-reads.js';
import { HostConnectionBrokenError } from '../graph/tokens.js';
import type { BookingDeps } from '../booking/deps.js';
import type { SyncHealth } from '../contracts/sync.js';
import type { SyncStore } from './subscription-store.js';

export { calendarSyncHealthSchema, syncHealthSchema, type SyncHealth } from '../contracts/sync.js';

const dayMs = 86_400_000;
/** What a host with a broken connection does: sign in once, which repairs it and resubscribes. */
export const reconnectAction =
  'Open Tandem once in Outlook or Teams and accept the permissions if asked. Tandem then reconnects, catches up with your calendar, and your booking pages offer times again; until then they offer none.';

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
            detail:
              error instanceof HostConnectionBrokenError
                ? `Tandem cannot read this calendar: ${error.reason}`
                : `Tandem cannot read this calendar (${(error as { code?: string }).code ?? 'error'}). Open Tandem and sign in again to renew access.`,
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
  // Read after the permission checks: a check that meets a dead sign-in marks the connection broken.
  const broken = (await deps.connections.get(hostId))?.broken;
  return {
    enabled: context.enabled,
    connection: broken
      ? { state: 'broken', reason: broken.reason, since: broken.since, action: reconnectAction }
      : { state: 'connected' },
    calendars,
    notifications: { ...context.notifications },
  };
}
