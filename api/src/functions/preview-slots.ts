import { operations } from '../contracts/operations.js';
import { previewSlotsRequestSchema } from '../contracts/preview.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readBody } from './http.js';
import { triggerOf } from './operation-trigger.js';

/** `POST /api/pages/preview/slots`: the slots a drafted page would offer; nothing is saved. */
export const previewSlots: HttpFunction = {
  name: 'previewSlots',
  trigger: triggerOf(operations.previewSlots),
  async handler(request, _context, services) {
    const principal = await services.auth.authenticate(request);
    const body = await readBody(request, previewSlotsRequestSchema);
    const answer = await bookingRuntime(services).hosts.previewSlots(principal, body);
    return { status: 200, jsonBody: answer };
  },
};
