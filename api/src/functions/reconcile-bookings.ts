import { reconcilePending } from '../booking/index.js';
import { bookingRuntime } from './booking-runtime.js';
import type { TimerFunction } from './definition.js';

/** Every minute: finish or roll back bookings a crash left pending. */
export const reconcileBookings: TimerFunction = {
  name: 'reconcileBookings',
  trigger: { kind: 'timer', schedule: '0 * * * * *' },
  async handler(_timer, context, services) {
    const runtime = bookingRuntime(services);
    const report = await reconcilePending(runtime.deps, runtime.bookings);
    if (report.confirmed.length + report.rolledBack.length + report.failed.length > 0)
      context.log('Reconciled pending bookings', report);
  },
};
