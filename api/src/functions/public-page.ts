import { operations } from '../contracts/operations.js';
import { bookingRuntime, limitPublic } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { triggerOf } from './operation-trigger.js';

/** `GET /api/public/pages/{pageId}`: what an invitee sees of a page. */
export const publicPage: HttpFunction = {
  name: 'publicPage',
  trigger: triggerOf(operations.publicPage),
  async handler(request, _context, services) {
    const runtime = bookingRuntime(services);
    limitPublic(request, runtime);
    const page = await runtime.bookings.publicPage(request.params.pageId ?? '');
    return { status: 200, jsonBody: page };
  },
};
