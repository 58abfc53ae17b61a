import type {
  BookingPageInput,
  PreviewExplainRequest,
  PreviewExplanation,
  PreviewSlotsRequest,
  SlotsAnswer,
} from '../contracts/index.js';
import { explain } from '../scheduling/index.js';
import type { BookingPageRecord } from '../store/pages.js';
import type { Availability } from './availability.js';
import { requireOfferedDuration, slotsAnswer } from './slots-answer.js';

const dayMs = 86_400_000;

/** A page as drafted in the editor, shaped like a stored one; nothing is written. */
function draftRecord(hostId: string, page: BookingPageInput, pageId: string | undefined): BookingPageRecord {
  const now = new Date(0).toISOString();
  return { id: pageId ?? 'preview', hostId, page, createdAt: now, updatedAt: now, etag: '' };
}

/**
 * The slots a drafted page would offer, against the host's real busy items and bookings (the busy
 * cache, filled from Outlook as for public slots), so the editor can show the effect of each rule.
 */
export async function previewSlots(
  availability: Availability,
  hostId: string,
  request: PreviewSlotsRequest,
): Promise<SlotsAnswer> {
  requireOfferedDuration(request.page, request.duration, 'duration');
  return slotsAnswer(availability, draftRecord(hostId, request.page, request.pageId), request);
}

/**
 * Why a drafted page would or would not offer `start`: the engine's explain over the day around it,
 * so the only reasons are the page's rules and the host's calendar.
 */
export async function previewExplain(
  availability: Availability,
  hostId: string,
  request: PreviewExplainRequest,
): Promise<PreviewExplanation> {
  requireOfferedDuration(request.page, request.duration, 'duration');
  const at = Date.parse(request.start);
  const { query } = await availability.query(draftRecord(hostId, request.page, request.pageId), {
    range: { start: new Date(at - dayMs).toISOString(), end: new Date(at + dayMs).toISOString() },
    durationMinutes: request.duration,
    inviteeTimeZone: request.timeZone,
  });
  return explain(query, request.start);
}
