import { operations } from '../contracts/operations.js';
import { bookingRuntime, limitPublic } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { triggerOf } from './operation-trigger.js';

/** `GET /api/manage/{token}`: the booking behind a manage link. */
export const manageView: HttpFunction = {
  name: 'manageView',
  trigger: triggerOf(operations.manageView),
  async handler(request, _context, services) {
    const runtime = bookingRuntime(services);
    limitPublic(request, runtime);
    const { bookings } = runtime;
    const booking = await bookings.fromManageToken(request.params.token ?? '');
    return { status: 200, headers: { 'cache-control': 'no-store' }, jsonBody: await bookings.view(booking) };
  },
};
