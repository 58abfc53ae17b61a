import { cancelRequestSchema } from '../contracts/bookings.js';
import { operations } from '../contracts/operations.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readBody } from './http.js';
import { triggerOf } from './operation-trigger.js';

/** `POST /api/bot/users/{userId}/bookings/{bookingId}/decline`: the bot's Teams user decline a booking that waits for the host, as that host. */
export const botDecline: HttpFunction = {
  name: 'botDecline',
  trigger: triggerOf(operations.botDecline),
  async handler(request, _context, services) {
    const bot = await services.auth.authenticateBot(request);
    const body = await readBody(request, cancelRequestSchema.optional());
    const { userId = '', bookingId = '' } = request.params;
    return {
      status: 200,
      jsonBody: await bookingRuntime(services).bot.act(bot, userId, bookingId, 'decline', body?.reason),
    };
  },
};
