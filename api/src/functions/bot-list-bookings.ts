import { bookingListQuerySchema } from '../contracts/bookings.js';
import { operations } from '../contracts/operations.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readQuery } from './http.js';
import { triggerOf } from './operation-trigger.js';

/** `GET /api/bot/users/{userId}/bookings?from&to&status`: a Teams user's bookings, for the bot. */
export const botListBookings: HttpFunction = {
  name: 'botListBookings',
  trigger: triggerOf(operations.botListBookings),
  async handler(request, _context, services) {
    const bot = await services.auth.authenticateBot(request);
    const query = readQuery(request, bookingListQuerySchema);
    const bookings = await bookingRuntime(services).bot.listBookings(bot, request.params.userId ?? '', query);
    return { status: 200, jsonBody: { bookings } };
  },
};
