import { bookingRequestSchema } from '../contracts/bookings.js';
import { operations } from '../contracts/operations.js';
import { bookingRuntime, idempotencyKey, limitPublic } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readBody } from './http.js';
import { triggerOf } from './operation-trigger.js';

/** `POST /api/public/pages/{pageId}/bookings`: book a slot (Idempotency-Key required). */
export const book: HttpFunction = {
  name: 'book',
  trigger: triggerOf(operations.book),
  async handler(request, _context, services) {
    const runtime = bookingRuntime(services);
    limitPublic(request, runtime);
    const key = idempotencyKey(request, { required: true });
    const body = await readBody(request, bookingRequestSchema);
    const result = await runtime.bookings.book(request.params.pageId ?? '', body, key);
    return {
      status: result.replayed ? 200 : 201,
      headers: { 'cache-control': 'no-store' },
      jsonBody: { booking: result.booking, manageToken: result.manageToken },
    };
  },
};
