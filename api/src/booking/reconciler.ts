import type { BookingService } from './booking-service.js';
import type { BookingDeps } from './deps.js';

export interface ReconcileReport {
  confirmed: string[];
  rolledBack: string[];
  failed: { bookingId: string; error: string }[];
}

/** Pending bookings younger than this may still be finishing in the request that made them. */
export const reconcileGraceMs = 2 * 60_000;

/**
 * Finishes or rolls back bookings left `pending` by a crash (between the lock insert and the
 * confirm). For each: the Outlook event is looked up by the TandemBookingId extended property — found
 * means the create happened and the booking is confirmed with it; not found means it is created now
 * (transactionId = booking id, so even a create still in flight elsewhere cannot make a second
 * event). A booking whose time was taken in Outlook meanwhile is rolled back (locks released).
 * Bookings waiting for the host's approval are left alone.
 */
export async function reconcilePending(
  deps: BookingDeps,
  service: BookingService,
  options: { graceMs?: number } = {},
): Promise<ReconcileReport> {
  const before = new Date(deps.clock().getTime() - (options.graceMs ?? reconcileGraceMs)).toISOString();
  const report: ReconcileReport = { confirmed: [], rolledBack: [], failed: [] };
  for (const booking of await deps.bookings.listPending(before)) {
    try {
      const finished = await service.finishPending(booking);
      if (finished.status === 'confirmed') report.confirmed.push(booking.id);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'SLOT_TAKEN') {
        await service.rollBack(
          booking,
          'The time was taken in Outlook before the booking could be completed.',
        );
        report.rolledBack.push(booking.id);
      } else {
        report.failed.push({
          bookingId: booking.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
  return report;
}
