import { cancelRequestSchema } from '../contracts/bookings.js';
import { operations } from '../contracts/operations.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readBody } from './http.js';
import { triggerOf } from './operation-trigger.js';

/** `POST /api/bot/users/{userId}/bookings/{bookingId}/cancel`: the bot's Teams user cancel one of the host's bookings, as that host. */
export const botCancel: HttpFunction = {
  name: 'botCancel',
  trigger: triggerOf(operations.botCancel),
  async handler(request, _context, services) {
    const bot = await services.auth.authenticateBot(request);
    const body = await readBody(request, cancelRequestSchema.optional());
    const { userId = '', bookingId = '' } = request.params;
    return {
      status: 200,
      jsonBody: await bookingRuntime(services).bot.act(bot, userId, bookingId, 'cancel', body?.reason),
    };
  },
};
