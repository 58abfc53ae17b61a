// Realistic bot-outbox messages and API answers for tests: a Teams booking across zones with answers.
import type { Booking, BookingEventKind, BookingEventMessage } from '@tandem/api/contracts';

export const sampleBooking: Booking = {
  id: 'bk_01J9ZQ4W7E',
  pageId: 'pg_intro',
  status: 'confirmed',
  start: '2026-03-30T16:00:00.000Z',
  end: '2026-03-30T16:30:00.000Z',
  durationMinutes: 30,
  invitee: { name: 'Priya Raman', email: 'priya@fabrikam.example', timeZone: 'Asia/Kolkata' },
  answers: { topic: 'Renewal terms for 2027', phone: '' },
  location: { kind: 'teams', joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc' },
};

export function sampleEvent(
  event: BookingEventKind,
  overrides: Omit<Partial<BookingEventMessage>, 'booking'> & { booking?: Partial<Booking> } = {},
): BookingEventMessage {
  const { booking, ...rest } = overrides;
  return {
    kind: 'bookingEvent',
    event,
    eventId: `ev-${event}-1`,
    occurredAt: '2026-03-20T10:00:00.000Z',
    tenantId: 'tenant-1',
    hostId: 'host-1',
    hostTimeZone: 'America/Los_Angeles',
    actor: 'invitee',
    page: {
      id: 'pg_intro',
      title: 'Intro call',
      questions: [
        { id: 'topic', label: 'What would you like to talk about?' },
        { id: 'phone', label: 'Phone' },
      ],
    },
    ...rest,
    booking: {
      ...sampleBooking,
      ...(event === 'needsApproval' && { status: 'pending' as const }),
      ...((event === 'cancelled' || event === 'declined') && {
        status: 'cancelled' as const,
        cancelReason: 'Travelling that week',
      }),
      ...booking,
    },
  };
}
