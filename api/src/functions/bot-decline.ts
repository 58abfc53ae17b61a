import { operations } from '../contracts/operations.js';
import { botReasonedAction } from './bot-reasoned-action.js';

/** `POST /api/bot/users/{userId}/bookings/{bookingId}/decline`: the bot's Teams user decline a booking that waits for the host, as that host. */
export const botDecline = botReasonedAction('botDecline', operations.botDecline, 'decline');
