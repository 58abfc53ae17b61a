import { cancelRequestSchema } from '../contracts/bookings.js';
import { operations } from '../contracts/operations.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readBody } from './http.js';
import { triggerOf } from './operation-trigger.js';

/** `POST /api/bookings/{bookingId}/decline`: refuse a booking that waits for the host. */
export const decline: HttpFunction = {
  name: 'decline',
  trigger: triggerOf(operations.decline),
  async handler(request, _context, services) {
    const principal = await services.auth.authenticate(request);
    const body = await readBody(request, cancelRequestSchema.optional());
    const runtime = bookingRuntime(services);
    const booking = await runtime.hosts.ownBooking(principal, request.params.bookingId ?? '');
    return { status: 200, jsonBody: await runtime.bookings.decline(booking, body?.reason) };
  },
};
