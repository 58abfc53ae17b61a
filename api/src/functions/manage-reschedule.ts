import { rescheduleRequestSchema } from '../contracts/bookings.js';
import { operations } from '../contracts/operations.js';
import { idempotentWrite } from '../booking/index.js';
import { bookingRuntime, idempotencyKey, limitPublic } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readBody } from './http.js';
import { triggerOf } from './operation-trigger.js';

/** `POST /api/manage/{token}/reschedule`: the invitee moves their booking. */
export const manageReschedule: HttpFunction = {
  name: 'manageReschedule',
  trigger: triggerOf(operations.manageReschedule),
  async handler(request, _context, services) {
    const runtime = bookingRuntime(services);
    limitPublic(request, runtime);
    const booking = await runtime.bookings.fromManageToken(request.params.token ?? '');
    const key = idempotencyKey(request);
    const body = await readBody(request, rescheduleRequestSchema);
    const answer = await idempotentWrite(
      runtime.deps,
      `booking:${booking.id}`,
      key,
      ['reschedule', JSON.stringify(body)],
      () => runtime.bookings.reschedule(booking, body),
    );
    return { status: 200, jsonBody: answer };
  },
};
