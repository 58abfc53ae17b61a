import type { Client } from '@microsoft/microsoft-graph-client';
import { calendarPath } from './calendar-reads.js';
import { BOOKING_ID_EXPAND, BOOKING_ID_PROPERTY, bookingIdFilter } from './extended-property.js';

/** What Tandem writes into the Outlook event of a booking. */
export interface BookingEventInput {
  bookingId: string;
  subject: string;
  /** Plain text: untrusted invitee input is never sent as HTML. */
  bodyText: string;
  start: string;
  end: string;
  attendees: { name: string; email: string }[];
  teamsMeeting: boolean;
  /** A place or link shown as the event's location. */
  locationText?: string;
}

export interface BookingEventRef {
  id: string;
  changeKey: string;
  joinUrl?: string;
}

interface GraphEvent {
  id: string;
  changeKey: string;
  onlineMeeting?: { joinUrl?: string } | null;
}

const utc = (instant: string) => ({
  dateTime: new Date(instant).toISOString().slice(0, 19),
  timeZone: 'UTC',
});
const ref = (event: GraphEvent): BookingEventRef => ({
  id: event.id,
  changeKey: event.changeKey,
  ...(event.onlineMeeting?.joinUrl ? { joinUrl: event.onlineMeeting.joinUrl } : {}),
});

/**
 * Creates the booking's event in the destination calendar. `transactionId` is the booking id, so a
 * retried create (a lost answer, a reconciler finishing a crashed booking) returns the event the first
 * attempt made instead of a second one; the extended property lets the reconciler find it.
 */
export async function createBookingEvent(
  graph: Client,
  organizerId: string,
  calendarId: string,
  input: BookingEventInput,
): Promise<BookingEventRef> {
  const created = (await graph.api(`${calendarPath(organizerId, calendarId)}/events`).post({
    subject: input.subject,
    body: { contentType: 'text', content: input.bodyText },
    start: utc(input.start),
    end: utc(input.end),
    showAs: 'busy',
    attendees: input.attendees.map((a) => ({
      emailAddress: { address: a.email, name: a.name },
      type: 'required',
    })),
    ...(input.teamsMeeting ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
    ...(input.locationText ? { location: { displayName: input.locationText } } : {}),
    transactionId: input.bookingId,
    singleValueExtendedProperties: [{ id: BOOKING_ID_PROPERTY, value: input.bookingId }],
  })) as GraphEvent;
  return ref(created);
}

/** The booking's event in the organizer's mailbox, found by the extended property, if any. */
export async function findBookingEvent(
  graph: Client,
  organizerId: string,
  bookingId: string,
): Promise<BookingEventRef | undefined> {
  const found = (await graph
    .api(`/users/${encodeURIComponent(organizerId)}/events`)
    .filter(bookingIdFilter(bookingId))
    .expand(BOOKING_ID_EXPAND)
    .select('id,changeKey,onlineMeeting')
    .get()) as { value: GraphEvent[] };
  const event = found.value[0];
  return event && ref(event);
}

/**
 * Moves the same Outlook event (never a second one). `If-Match` carries the change key Tandem last
 * saw; when someone edited the event since (412), the current change key is read and the move is sent
 * once more, since the booking's time is what the invitee and host just agreed.
 */
export async function moveBookingEvent(
  graph: Client,
  organizerId: string,
  event: { id: string; changeKey?: string },
  span: { start: string; end: string },
): Promise<BookingEventRef> {
  const path = `/users/${encodeURIComponent(organizerId)}/events/${encodeURIComponent(event.id)}`;
  const body = { start: utc(span.start), end: utc(span.end) };
  let changeKey = event.changeKey;
  for (let attempt = 0; ; attempt++) {
    try {
      const request = graph.api(path);
      if (changeKey) request.header('If-Match', `W/"${changeKey}"`);
      return ref((await request.patch(body)) as GraphEvent);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 412 || attempt > 0) throw error;
      changeKey = ((await graph.api(path).select('id,changeKey').get()) as GraphEvent).changeKey;
    }
  }
}

/** Cancels the event with a message to the attendees; an event already gone is not an error. */
export async function cancelBookingEvent(
  graph: Client,
  organizerId: string,
  eventId: string,
  comment: string,
): Promise<void> {
  try {
    await graph
      .api(`/users/${encodeURIComponent(organizerId)}/events/${encodeURIComponent(eventId)}/cancel`)
      .post({ comment });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
}
