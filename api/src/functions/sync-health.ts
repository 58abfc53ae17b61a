import { operations } from '../contracts/operations.js';
import { syncHealth } from '../sync/health.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { triggerOf } from './operation-trigger.js';
import { syncRuntime } from './sync-runtime.js';

/** `GET /api/sync/health`: how the signed-in host's Outlook sync stands, per calendar. */
export const syncHealthFunction: HttpFunction = {
  name: 'syncHealth',
  trigger: triggerOf(operations.syncHealth),
  async handler(request, _context, services) {
    const principal = await services.auth.authenticate(request);
    const runtime = syncRuntime(services);
    const calendars = await runtime.sync.calendarsOf(principal.userId);
    const answer = await syncHealth(
      bookingRuntime(services).deps,
      runtime.store,
      principal.userId,
      calendars,
      {
        enabled: runtime.enabled,
        notifications: runtime.intake.counters,
      },
    );
    return { status: 200, headers: { 'cache-control': 'no-store' }, jsonBody: answer };
  },
};
