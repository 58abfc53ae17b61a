import type { SlotsAnswer } from '../contracts/index.js';
import { availableSlots } from '../scheduling/index.js';
import type { BookingPageRecord } from '../store/pages.js';
import type { Availability } from './availability.js';
import { InvalidAnswerError } from './errors.js';
import type { BookingPageInput } from './page-types.js';

/** Refuses (422 on `field`) a duration the page does not offer. */
export function requireOfferedDuration(page: BookingPageInput, minutes: number, field: string): void {
  if (!page.durations.includes(minutes))
    throw new InvalidAnswerError(
      field,
      `This page offers ${page.durations.join(', ')} minutes, not ${minutes}.`,
    );
}

/**
 * The free times of a page over a range, for an invitee's duration and zone, as the API answers
 * them: a saved page's public slots and a drafted page's preview are the same computation.
 */
export async function slotsAnswer(
  availability: Availability,
  record: BookingPageRecord,
  request: { start: string; end: string; duration: number; timeZone: string },
): Promise<SlotsAnswer> {
  const { query } = await availability.query(record, {
    range: { start: request.start, end: request.end },
    durationMinutes: request.duration,
    inviteeTimeZone: request.timeZone,
  });
  return {
    timeZone: request.timeZone,
    durationMinutes: request.duration,
    slots: availableSlots(query).map(({ start, end, inviteeDate }) => ({ start, end, inviteeDate })),
  };
}
