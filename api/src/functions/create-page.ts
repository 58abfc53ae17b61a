import { idempotentWrite } from '../booking/index.js';
import { operations } from '../contracts/operations.js';
import { bookingPageInputSchema } from '../contracts/pages.js';
import { bookingRuntime, idempotencyKey } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readBody } from './http.js';
import { triggerOf } from './operation-trigger.js';

/** `POST /api/pages`: create a booking page (slug unique per host; members of the same tenant). */
export const createPage: HttpFunction = {
  name: 'createPage',
  trigger: triggerOf(operations.createPage),
  async handler(request, _context, services) {
    const principal = await services.auth.authenticate(request);
    const key = idempotencyKey(request);
    const body = await readBody(request, bookingPageInputSchema);
    const runtime = bookingRuntime(services);
    const page = await idempotentWrite(
      runtime.deps,
      `host:${principal.userId}`,
      key,
      ['createPage', JSON.stringify(body)],
      () => runtime.hosts.createPage(principal, body),
    );
    return { status: 201, headers: { etag: page.etag }, jsonBody: page };
  },
};
