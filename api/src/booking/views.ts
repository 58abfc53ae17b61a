import type { Booking, PublicPage } from '../contracts/index.js';
import type { BookingRecord } from '../store/bookings.js';
import type { BookingPageRecord } from '../store/pages.js';
import type { BookingPageInput } from './page-types.js';

/** What an invitee may see of a page: no address, no rules, no members, no calendars. */
export function toPublicPage(record: BookingPageRecord, hostDisplayName: string): PublicPage {
  const page = record.page;
  return {
    id: record.id,
    slug: page.slug,
    title: page.title,
    description: page.description,
    durations: page.durations,
    location: { kind: page.location.kind },
    hostDisplayName,
    questions: page.questions.map((q) => ({
      id: q.id,
      label: q.label,
      kind: q.kind,
      required: q.required,
      ...(q.options && { options: q.options }),
    })),
    requiresConfirmation: page.requiresConfirmation,
    ...(page.team && { team: { kind: page.team.kind } }),
  };
}

/** The location as the booked invitee sees it. */
export function locationDetail(page: BookingPageInput): NonNullable<Booking['location']> {
  const location = page.location;
  switch (location.kind) {
    case 'teams':
      return { kind: 'teams' };
    case 'inPerson':
      return { kind: 'inPerson', detail: location.address };
    case 'phone':
      return location.phoneNumber ? { kind: 'phone', detail: location.phoneNumber } : { kind: 'phone' };
    case 'customLink':
      return { kind: 'customLink', detail: location.url };
  }
}

/** A booking as the API answers it. */
export function toBookingView(record: BookingRecord, page?: BookingPageInput): Booking {
  return {
    id: record.id,
    pageId: record.pageId,
    status: record.status,
    start: record.start,
    end: record.end,
    durationMinutes: Math.round((Date.parse(record.end) - Date.parse(record.start)) / 60_000),
    invitee: record.invitee,
    answers: record.answers,
    ...(page && { location: locationDetail(page) }),
    ...(record.cancelReason !== undefined && { cancelReason: record.cancelReason }),
    // Held for the host's decision: no Outlook event yet, and the page asks the host to confirm.
    ...(record.status === 'pending' &&
      !record.eventId &&
      page?.requiresConfirmation && { awaitingApproval: true as const }),
  };
}
