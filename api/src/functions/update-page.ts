import { operations } from '../contracts/operations.js';
import { bookingPageInputSchema } from '../contracts/pages.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readBody } from './http.js';
import { triggerOf } from './operation-trigger.js';

/** `PUT /api/pages/{pageId}`: replace a page (If-Match: only what was read). */
export const updatePage: HttpFunction = {
  name: 'updatePage',
  trigger: triggerOf(operations.updatePage),
  async handler(request, _context, services) {
    const principal = await services.auth.authenticate(request);
    const body = await readBody(request, bookingPageInputSchema);
    const etag = request.headers.get('if-match') ?? undefined;
    const page = await bookingRuntime(services).hosts.updatePage(
      principal,
      request.params.pageId ?? '',
      body,
      etag,
    );
    return { status: 200, headers: { etag: page.etag }, jsonBody: page };
  },
};
