import { bookingListQuerySchema } from '../contracts/bookings.js';
import { operations } from '../contracts/operations.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readQuery } from './http.js';
import { triggerOf } from './operation-trigger.js';

/** `GET /api/bookings?from&to&status`: the host's bookings. */
export const listBookings: HttpFunction = {
  name: 'listBookings',
  trigger: triggerOf(operations.listBookings),
  async handler(request, _context, services) {
    const principal = await services.auth.authenticate(request);
    const query = readQuery(request, bookingListQuerySchema);
    return {
      status: 200,
      jsonBody: { bookings: await bookingRuntime(services).hosts.listBookings(principal, query) },
    };
  },
};
