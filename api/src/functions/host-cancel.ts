import { cancelRequestSchema } from '../contracts/bookings.js';
import { operations } from '../contracts/operations.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readBody } from './http.js';
import { triggerOf } from './operation-trigger.js';

/** `POST /api/bookings/{bookingId}/cancel`: the host cancels one of their bookings. */
export const hostCancel: HttpFunction = {
  name: 'hostCancel',
  trigger: triggerOf(operations.hostCancel),
  async handler(request, _context, services) {
    const principal = await services.auth.authenticate(request);
    const body = await readBody(request, cancelRequestSchema.optional());
    const runtime = bookingRuntime(services);
    const booking = await runtime.hosts.ownBooking(principal, request.params.bookingId ?? '');
    return { status: 200, jsonBody: await runtime.bookings.cancel(booking, body?.reason, 'host') };
  },
};
