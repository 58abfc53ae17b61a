import { operations } from '../contracts/operations.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { triggerOf } from './operation-trigger.js';

/** `DELETE /api/pages/{pageId}`. */
export const deletePage: HttpFunction = {
  name: 'deletePage',
  trigger: triggerOf(operations.deletePage),
  async handler(request, _context, services) {
    const principal = await services.auth.authenticate(request);
    const etag = request.headers.get('if-match') ?? undefined;
    await bookingRuntime(services).hosts.deletePage(principal, request.params.pageId ?? '', etag);
    return { status: 204 };
  },
};
