import { operations } from '../contracts/operations.js';
import { botReasonedAction } from './bot-reasoned-action.js';

/** `POST /api/bot/users/{userId}/bookings/{bookingId}/cancel`: the bot's Teams user cancel one of the host's bookings, as that host. */
export const botCancel = botReasonedAction('botCancel', operations.botCancel, 'cancel');
