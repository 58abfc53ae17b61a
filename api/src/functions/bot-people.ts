import { botPeopleQuerySchema } from '../contracts/bot.js';
import { operations } from '../contracts/operations.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readQuery } from './http.js';
import { triggerOf } from './operation-trigger.js';

/** `GET /api/bot/people?query=`: colleagues of the bot's tenant with booking pages, for "book …" in chat. */
export const botPeople: HttpFunction = {
  name: 'botPeople',
  trigger: triggerOf(operations.botPeople),
  async handler(request, _context, services) {
    const bot = await services.auth.authenticateBot(request);
    const { query } = readQuery(request, botPeopleQuerySchema);
    return { status: 200, jsonBody: { people: await bookingRuntime(services).bot.people(bot, query) } };
  },
};
