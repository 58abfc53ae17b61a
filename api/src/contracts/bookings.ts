import { z } from 'zod';
import { email, fiveMinutes, instant, says, text, timeZone } from './fields.js';

const answers = z
  .record(
    z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,39}$/, { error: 'Answers are keyed by question id.' }),
    text('Answer', { min: 0, max: 2000 }),
    { error: 'Answers must be an object of question id → text.' },
  )
  .refine((a) => Object.keys(a).length <= 20, { error: 'At most 20 answers.' })
  .default({});

/** Body of `POST /api/public/pages/{pageId}/bookings` (with an Idempotency-Key header). */
export const bookingRequestSchema = z
  .strictObject({
    name: text('Name', { min: 1, max: 100 }),
    email,
    answers,
    durationMinutes: fiveMinutes('Duration', { min: 5, max: 480 }),
    start: instant('Start'),
    timeZone: timeZone('Your time zone'),
  })
  .meta({ id: 'BookingRequest' });
export type BookingRequest = z.infer<typeof bookingRequestSchema>;

/** The Idempotency-Key header every public write carries. */
export const idempotencyKeySchema = z
  .string({ error: says('Idempotency-Key', 'Idempotency-Key must be text.') })
  .regex(/^[\x21-\x7e]{8,200}$/, {
    error: 'Idempotency-Key must be 8 to 200 visible ASCII characters (a UUID is a good choice).',
  });

export const bookingStatusSchema = z.enum(['pending', 'confirmed', 'cancelled']);

/** A booking as the API answers it (the invitee sees their own; the host sees all of theirs). */
export const bookingSchema = z
  .object({
    id: z.string(),
    pageId: z.string(),
    status: bookingStatusSchema.meta({
      description: 'pending: held, waiting for Outlook or for the host to approve; confirmed; cancelled.',
    }),
    start: z.string(),
    end: z.string(),
    durationMinutes: z.int(),
    invitee: z.object({ name: z.string(), email: z.string(), timeZone: z.string() }),
    answers: z.record(z.string(), z.string()),
    location: z
      .object({
        kind: z.enum(['teams', 'inPerson', 'phone', 'customLink']),
        joinUrl: z.string().optional(),
        detail: z.string().optional(),
      })
      .optional(),
    cancelReason: z.string().optional(),
    awaitingApproval: z.literal(true).optional().meta({
      description:
        'Present while the booking waits for its host to approve or decline it (its page requires confirmation).',
    }),
  })
  .meta({ id: 'Booking' });
export type Booking = z.infer<typeof bookingSchema>;

/** Answer of a new booking: the booking and the manage link only the invitee receives. */
export const bookingCreatedSchema = z
  .object({
    booking: bookingSchema,
    manageToken: z.string().meta({ description: 'Signed, expiring; opens the manage page.' }),
  })
  .meta({ id: 'BookingCreated' });

/** Body of a reschedule (invitee through the manage link, or host). */
export const rescheduleRequestSchema = z
  .strictObject({
    start: instant('New start'),
    durationMinutes: fiveMinutes('Duration', { min: 5, max: 480 }).optional(),
    timeZone: timeZone('Your time zone').optional(),
    reason: text('Reason', { min: 0, max: 500 }).optional(),
  })
  .meta({ id: 'RescheduleRequest' });
export type RescheduleRequest = z.infer<typeof rescheduleRequestSchema>;

/** Body of cancel (invitee or host) and of the host's decline. */
export const cancelRequestSchema = z
  .strictObject({ reason: text('Reason', { min: 0, max: 500 }).optional() })
  .meta({ id: 'CancelRequest' });
export type CancelRequest = z.infer<typeof cancelRequestSchema>;

/** Query of `GET /api/bookings`. */
export const bookingListQuerySchema = z
  .strictObject({
    from: instant('From').optional(),
    to: instant('To').optional(),
    status: z
      .string()
      .transform((s) => s.split(','))
      .pipe(
        z.array(bookingStatusSchema, {
          error: 'Status must be pending, confirmed or cancelled (comma-separated).',
        }),
      )
      .optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) > Date.parse(q.from), {
    error: '"to" must be after "from".',
    path: ['to'],
  })
  .meta({ id: 'BookingListQuery' });

export const bookingListSchema = z.object({ bookings: z.array(bookingSchema) }).meta({ id: 'BookingList' });
