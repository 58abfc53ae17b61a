import { operations } from '../contracts/operations.js';
import { previewExplainRequestSchema } from '../contracts/preview.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readBody } from './http.js';
import { triggerOf } from './operation-trigger.js';

/** `POST /api/pages/preview/explain`: why a drafted page would or would not offer a start. */
export const previewExplain: HttpFunction = {
  name: 'previewExplain',
  trigger: triggerOf(operations.previewExplain),
  async handler(request, _context, services) {
    const principal = await services.auth.authenticate(request);
    const body = await readBody(request, previewExplainRequestSchema);
    const answer = await bookingRuntime(services).hosts.previewExplain(principal, body);
    return { status: 200, jsonBody: answer };
  },
};
