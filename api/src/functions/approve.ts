import { operations } from '../contracts/operations.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { triggerOf } from './operation-trigger.js';

/** `POST /api/bookings/{bookingId}/approve`: confirm a booking that waits for the host. */
export const approve: HttpFunction = {
  name: 'approve',
  trigger: triggerOf(operations.approve),
  async handler(request, _context, services) {
    const principal = await services.auth.authenticate(request);
    const runtime = bookingRuntime(services);
    const booking = await runtime.hosts.ownBooking(principal, request.params.bookingId ?? '');
    return { status: 200, jsonBody: await runtime.bookings.approve(booking) };
  },
};
