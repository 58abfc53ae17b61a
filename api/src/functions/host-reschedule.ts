import { idempotentWrite } from '../booking/index.js';
import { rescheduleRequestSchema } from '../contracts/bookings.js';
import { operations } from '../contracts/operations.js';
import { bookingRuntime, idempotencyKey } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readBody } from './http.js';
import { triggerOf } from './operation-trigger.js';

/** `POST /api/bookings/{bookingId}/reschedule`: the host moves one of their bookings. */
export const hostReschedule: HttpFunction = {
  name: 'hostReschedule',
  trigger: triggerOf(operations.hostReschedule),
  async handler(request, _context, services) {
    const principal = await services.auth.authenticate(request);
    const key = idempotencyKey(request);
    const body = await readBody(request, rescheduleRequestSchema);
    const runtime = bookingRuntime(services);
    const booking = await runtime.hosts.ownBooking(principal, request.params.bookingId ?? '');
    const answer = await idempotentWrite(
      runtime.deps,
      `booking:${booking.id}`,
      key,
      ['reschedule', JSON.stringify(body)],
      () => runtime.bookings.reschedule(booking, body, 'host'),
    );
    return { status: 200, jsonBody: answer };
  },
};
