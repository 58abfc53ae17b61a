import { z } from 'zod';
import { fiveMinutes, instant, says, timeZone } from './fields.js';

/** The longest range one slots request may ask for. */
export const maxSlotsRangeDays = 62;

/** A slots range ends after it starts and covers at most `maxSlotsRangeDays` days (issues name `end`). */
export function checkSlotsRange(q: { start: string; end: string }, ctx: z.RefinementCtx): void {
  const from = Date.parse(q.start);
  const to = Date.parse(q.end);
  if (to <= from)
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'Range end must be after range start.' });
  else if (to - from > maxSlotsRangeDays * 86_400_000)
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: `A range may cover at most ${maxSlotsRangeDays} days.`,
    });
}

/** Query of `GET /api/public/pages/{pageId}/slots` (query strings, so numbers are coerced). */
export const slotsQuerySchema = z
  .strictObject({
    start: instant('Range start'),
    end: instant('Range end'),
    duration: z.coerce
      .number({ error: says('Duration', 'Duration must be a number of minutes.') })
      .pipe(fiveMinutes('Duration', { min: 5, max: 480 })),
    timeZone: timeZone('Your time zone'),
  })
  .superRefine(checkSlotsRange)
  .meta({ id: 'SlotsQuery' });
export type SlotsQuery = z.infer<typeof slotsQuerySchema>;

export const slotSchema = z
  .object({
    start: z.string().meta({ description: 'UTC instant.' }),
    end: z.string(),
    /** The slot's start date in the invitee's zone (group slots by day with this). */
    inviteeDate: z.string(),
  })
  .meta({ id: 'Slot' });

export const slotsAnswerSchema = z
  .object({
    timeZone: z.string(),
    durationMinutes: z.int(),
    slots: z.array(slotSchema),
    /**
     * Present when nothing can be offered for a reason other than a full calendar: the host's
     * Microsoft 365 connection is broken. `detail` is a sentence for the booking page.
     */
    paused: z.object({ reason: z.literal('hostDisconnected'), detail: z.string() }).optional(),
  })
  .meta({ id: 'Slots' });
export type SlotsAnswer = z.infer<typeof slotsAnswerSchema>;
