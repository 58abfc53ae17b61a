import { operations } from '../contracts/operations.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { triggerOf } from './operation-trigger.js';

/** `GET /api/pages/{pageId}`: one of the host's pages. */
export const getPage: HttpFunction = {
  name: 'getPage',
  trigger: triggerOf(operations.getPage),
  async handler(request, _context, services) {
    const principal = await services.auth.authenticate(request);
    const page = await bookingRuntime(services).hosts.getPage(principal, request.params.pageId ?? '');
    return { status: 200, headers: { etag: page.etag }, jsonBody: page };
  },
};
