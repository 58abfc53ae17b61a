// The page editor's live preview: slots and explanations of a page as drafted, not yet saved.
import { z } from 'zod';
import { fiveMinutes, instant, opaqueId, timeZone } from './fields.js';
import { bookingPageInputSchema } from './pages.js';
import { checkSlotsRange } from './slots.js';

const draftFields = {
  page: bookingPageInputSchema,
  /** The saved page being edited: its bookings count towards the daily limit. */
  pageId: opaqueId('Page id').optional(),
  duration: fiveMinutes('Duration', { min: 5, max: 480 }),
  timeZone: timeZone('Your time zone'),
};

/** Body of `POST /api/pages/preview/slots`. */
export const previewSlotsRequestSchema = z
  .strictObject({ ...draftFields, start: instant('Range start'), end: instant('Range end') })
  .superRefine(checkSlotsRange)
  .meta({ id: 'PreviewSlotsRequest' });
export type PreviewSlotsRequest = z.infer<typeof previewSlotsRequestSchema>;

/** Body of `POST /api/pages/preview/explain`. */
export const previewExplainRequestSchema = z
  .strictObject({ ...draftFields, start: instant('Start') })
  .meta({ id: 'PreviewExplainRequest' });
export type PreviewExplainRequest = z.infer<typeof previewExplainRequestSchema>;

export const reasonCodes = [
  'NOT_A_SLOT_START',
  'OUTSIDE_RANGE',
  'OUTSIDE_WORKING_HOURS',
  'TOO_SOON',
  'BEYOND_WINDOW',
  'BUSY',
  'BUFFER',
  'BOOKED',
  'DAILY_LIMIT',
  'MEMBER_BUSY',
  'NO_MEMBER_FREE',
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

const reasonFields = {
  code: z.enum(reasonCodes),
  /** The engine's own sentence (English); front ends word each code themselves. */
  message: z.string(),
  hostId: z.string().optional(),
  calendarId: z.string().optional(),
  span: z.object({ start: z.string(), end: z.string() }).optional(),
  showAs: z.string().optional(),
  bookingId: z.string().optional(),
};
const memberReasonSchema = z.object(reasonFields);

/** One reason a start is not bookable (docs/scheduling.md § Explain); never an event's subject. */
export const explainReasonSchema = z
  .object({
    ...reasonFields,
    members: z.array(z.object({ hostId: z.string(), reasons: z.array(memberReasonSchema) })).optional(),
  })
  .meta({ id: 'ExplainReason' });
export type ExplainReason = z.infer<typeof explainReasonSchema>;

export const previewExplainAnswerSchema = z
  .object({ start: z.string(), bookable: z.boolean(), reasons: z.array(explainReasonSchema) })
  .meta({ id: 'PreviewExplanation' });
export type PreviewExplanation = z.infer<typeof previewExplainAnswerSchema>;
