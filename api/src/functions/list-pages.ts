import { operations } from '../contracts/operations.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { triggerOf } from './operation-trigger.js';

/** `GET /api/pages`: the host's booking pages. */
export const listPages: HttpFunction = {
  name: 'listPages',
  trigger: triggerOf(operations.listPages),
  async handler(request, _context, services) {
    const principal = await services.auth.authenticate(request);
    return { status: 200, jsonBody: { pages: await bookingRuntime(services).hosts.listPages(principal) } };
  },
};
