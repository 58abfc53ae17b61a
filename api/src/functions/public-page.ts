import { operations } from '../contracts/operations.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { triggerOf } from './operation-trigger.js';

/** `GET /api/public/pages/{pageId}`: what an invitee sees of a page. */
export const publicPage: HttpFunction = {
  name: 'publicPage',
  trigger: triggerOf(operations.publicPage),
  async handler(request, _context, services) {
    const page = await bookingRuntime(services).bookings.publicPage(request.params.pageId ?? '');
    return { status: 200, jsonBody: page };
  },
};
