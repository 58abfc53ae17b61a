import type { BotAction } from '../booking/bot-service.js';
import { cancelRequestSchema } from '../contracts/bookings.js';
import type { Operation } from '../contracts/operations.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readBody } from './http.js';
import { triggerOf } from './operation-trigger.js';

/**
 * A bot route that acts on one of a Teams user's bookings as that host, with the optional reason
 * the invitee is told (`{ reason }`, the body the host's own cancel takes).
 */
export function botReasonedAction(
  name: string,
  operation: Operation,
  action: Exclude<BotAction, 'approve'>,
): HttpFunction {
  return {
    name,
    trigger: triggerOf(operation),
    async handler(request, _context, services) {
      const bot = await services.auth.authenticateBot(request);
      const body = await readBody(request, cancelRequestSchema.optional());
      const { userId = '', bookingId = '' } = request.params;
      return {
        status: 200,
        jsonBody: await bookingRuntime(services).bot.act(bot, userId, bookingId, action, body?.reason),
      };
    },
  };
}
