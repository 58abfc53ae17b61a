// What the API and the Teams bot exchange: the `bot-outbox` queue messages (API → bot) and the bodies
// of the bot's own operations (bot → API, with an app token carrying the `Tandem.Bot` role). The bot
// parses both with these schemas; it never imports the API's runtime code.
import { z } from 'zod';
import { bookingSchema } from './bookings.js';
import { opaqueId, text } from './fields.js';

/** What happened to a booking, as the host is told in Teams. */
export const bookingEventKindSchema = z.enum([
  'booked',
  'needsApproval',
  'approved',
  'declined',
  'rescheduled',
  'cancelled',
  /** The host moved or deleted the booked event in Outlook and the booking followed. */
  'changedInOutlook',
]);
export type BookingEventKind = z.infer<typeof bookingEventKindSchema>;

/** One message on `bot-outbox`: everything a card needs, so the bot renders it without a call back. */
export const bookingEventMessageSchema = z
  .object({
    kind: z.literal('bookingEvent'),
    event: bookingEventKindSchema,
    /** Unique per event: the bot sends each at most once even when the queue delivers twice. */
    eventId: z.string(),
    occurredAt: z.string(),
    tenantId: z.string(),
    /** The host told (Entra object id); for team pages, one message per member concerned. */
    hostId: z.string(),
    hostTimeZone: z.string().meta({ description: 'IANA zone the card shows times in.' }),
    /** Who made the change. */
    actor: z.enum(['invitee', 'host', 'outlook', 'system']),
    booking: bookingSchema,
    page: z.object({
      id: z.string(),
      title: z.string(),
      questions: z.array(z.object({ id: z.string(), label: z.string() })),
    }),
    /** For `changedInOutlook`: what the host did. */
    outlookChange: z.enum(['moved', 'cancelled']).optional(),
    /** For `rescheduled` and `changedInOutlook` moves: where the booking was. */
    previous: z.object({ start: z.string(), end: z.string() }).optional(),
    /** The new time breaks the page's rules (the host decided it in Outlook; shown, not refused). */
    breaksPageRules: z.boolean().optional(),
  })
  .meta({ id: 'BookingEventMessage' });
export type BookingEventMessage = z.infer<typeof bookingEventMessageSchema>;

/** A booking as the bot lists it: with its page's title. */
export const botBookingSchema = bookingSchema.extend({ pageTitle: z.string() }).meta({ id: 'BotBooking' });
export const botBookingListSchema = z
  .object({ bookings: z.array(botBookingSchema) })
  .meta({ id: 'BotBookingList' });
export type BotBooking = z.infer<typeof botBookingSchema>;

/** Path parameters of the bot's operations on one user's bookings. */
export const botUserPathSchema = z.strictObject({ userId: opaqueId('User id') });

/** Query of `GET /api/bot/people`: colleagues of the caller's tenant with booking pages. */
export const botPeopleQuerySchema = z
  .strictObject({ query: text('Query', { min: 1, max: 100 }) })
  .meta({ id: 'BotPeopleQuery' });

export const botPersonSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    upn: z.string(),
    pages: z.array(
      z.object({
        id: z.string(),
        slug: z.string(),
        title: z.string(),
        durations: z.array(z.int()),
        requiresConfirmation: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'BotPerson' });
export const botPeopleSchema = z.object({ people: z.array(botPersonSchema) }).meta({ id: 'BotPeople' });
export type BotPerson = z.infer<typeof botPersonSchema>;
