import { operations } from '../contracts/operations.js';
import { bookingRuntime, limitPublic } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { triggerOf } from './operation-trigger.js';

/** `GET /api/manage/{token}/booking.ics`: the booking as an iCalendar file. */
export const manageIcs: HttpFunction = {
  name: 'manageIcs',
  trigger: triggerOf(operations.manageIcs),
  async handler(request, _context, services) {
    const runtime = bookingRuntime(services);
    limitPublic(request, runtime);
    const { bookings } = runtime;
    const booking = await bookings.fromManageToken(request.params.token ?? '');
    return {
      status: 200,
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="booking.ics"',
        'cache-control': 'no-store',
      },
      body: await bookings.ics(booking),
    };
  },
};
