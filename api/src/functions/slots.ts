import { slotsQuerySchema } from '../contracts/slots.js';
import { operations } from '../contracts/operations.js';
import { bookingRuntime, limitPublic } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readQuery } from './http.js';
import { triggerOf } from './operation-trigger.js';

/** `GET /api/public/pages/{pageId}/slots`: free slots of a range in the invitee's zone. */
export const slots: HttpFunction = {
  name: 'slots',
  trigger: triggerOf(operations.slots),
  async handler(request, _context, services) {
    const runtime = bookingRuntime(services);
    limitPublic(request, runtime);
    const query = readQuery(request, slotsQuerySchema);
    const answer = await runtime.bookings.slots(request.params.pageId ?? '', query);
    return { status: 200, jsonBody: answer };
  },
};
