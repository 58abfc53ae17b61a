import { cancelRequestSchema } from '../contracts/bookings.js';
import { operations } from '../contracts/operations.js';
import { bookingRuntime, limitPublic } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readBody } from './http.js';
import { triggerOf } from './operation-trigger.js';

/** `POST /api/manage/{token}/cancel`: the invitee cancels (repeating it changes nothing). */
export const manageCancel: HttpFunction = {
  name: 'manageCancel',
  trigger: triggerOf(operations.manageCancel),
  async handler(request, _context, services) {
    const runtime = bookingRuntime(services);
    limitPublic(request, runtime);
    const booking = await runtime.bookings.fromManageToken(request.params.token ?? '');
    const body = await readBody(request, cancelRequestSchema.optional());
    return { status: 200, jsonBody: await runtime.bookings.cancel(booking, body?.reason, 'invitee') };
  },
};
