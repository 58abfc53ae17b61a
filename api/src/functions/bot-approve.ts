import { operations } from '../contracts/operations.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { triggerOf } from './operation-trigger.js';

/** `POST /api/bot/users/{userId}/bookings/{bookingId}/approve`: the bot's Teams user approve a booking that waits for the host, as that host. */
export const botApprove: HttpFunction = {
  name: 'botApprove',
  trigger: triggerOf(operations.botApprove),
  async handler(request, _context, services) {
    const bot = await services.auth.authenticateBot(request);
    const { userId = '', bookingId = '' } = request.params;
    return {
      status: 200,
      jsonBody: await bookingRuntime(services).bot.act(bot, userId, bookingId, 'approve'),
    };
  },
};
