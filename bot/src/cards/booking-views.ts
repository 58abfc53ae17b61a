// What a host reads about a booking: the booking event cards from bot-outbox and the same card after a
// decision, with times in the host's zone.
import type { Booking, BookingEventMessage } from '@tandem/api/contracts';
import { formatSpan, knownZone } from '../time/format.js';
import type { BookingEventView, Fact } from './render.js';

export interface CardLinks {
  /** The front end's origin: "Open in Tandem" opens the host's bookings there. */
  publicBaseUrl?: string;
}

const where: Record<NonNullable<Booking['location']>['kind'], string> = {
  teams: 'Teams meeting',
  inPerson: 'In person',
  phone: 'Phone',
  customLink: 'Online',
};

function locationText(booking: Booking): string | undefined {
  const location = booking.location;
  if (!location) return undefined;
  return location.detail ? `${where[location.kind]}: ${location.detail}` : where[location.kind];
}

/** Who, when (host zone, and the invitee's own time when it differs), where, which page. */
export function bookingFacts(booking: Booking, options: { pageTitle: string; timeZone: string }): Fact[] {
  const zone = knownZone(options.timeZone);
  const inviteeZone = knownZone(booking.invitee.timeZone);
  const facts: Fact[] = [
    { title: 'Who', value: `${booking.invitee.name} (${booking.invitee.email})` },
    { title: 'When', value: formatSpan(booking.start, booking.end, zone) },
  ];
  if (inviteeZone !== zone)
    facts.push({ title: 'Their time', value: formatSpan(booking.start, booking.end, inviteeZone) });
  const place = locationText(booking);
  if (place) facts.push({ title: 'Where', value: place });
  facts.push({ title: 'Page', value: options.pageTitle });
  if (booking.cancelReason) facts.push({ title: 'Reason', value: booking.cancelReason });
  return facts;
}

function titleOf(message: BookingEventMessage): string {
  const who = message.booking.invitee.name;
  const page = message.page.title;
  switch (message.event) {
    case 'booked':
      return `New booking: ${who} — ${page}`;
    case 'needsApproval':
      return `${who} asks to book ${page}`;
    case 'approved':
      return `Booking accepted: ${who} — ${page}`;
    case 'declined':
      return `Booking declined: ${who} — ${page}`;
    case 'rescheduled':
      return `Booking moved: ${who} — ${page}`;
    case 'cancelled':
      return `Booking cancelled: ${who} — ${page}`;
    case 'changedInOutlook':
      return message.outlookChange === 'cancelled'
        ? `Booking cancelled from Outlook: ${who} — ${page}`
        : `Booking moved in Outlook: ${who} — ${page}`;
  }
}

function summaryOf(message: BookingEventMessage): string | undefined {
  const by = { invitee: 'the invitee', host: 'you', outlook: 'you, in Outlook', system: 'Tandem' }[
    message.actor
  ];
  switch (message.event) {
    case 'needsApproval':
      return 'This page asks you to confirm each booking. The time is held until you accept or decline.';
    case 'rescheduled':
    case 'cancelled':
      return `Changed by ${by}.`;
    case 'changedInOutlook':
      return message.outlookChange === 'cancelled'
        ? 'You deleted the meeting in Outlook, so the booking was cancelled and the invitee told.'
        : 'You moved the meeting in Outlook, so the booking followed and the invitee was told.';
    default:
      return undefined;
  }
}

/** The card for one bot-outbox event. */
export function bookingEventView(message: BookingEventMessage, links: CardLinks = {}): BookingEventView {
  const { booking } = message;
  const zone = knownZone(message.hostTimeZone);
  const facts = bookingFacts(booking, { pageTitle: message.page.title, timeZone: zone });
  if (message.previous)
    facts.splice(2, 0, {
      title: 'Was',
      value: formatSpan(message.previous.start, message.previous.end, zone),
    });
  const labels = new Map(message.page.questions.map((q) => [q.id, q.label]));
  const answers = Object.entries(booking.answers)
    .filter(([, value]) => value.trim() !== '')
    .map(([id, value]) => ({ title: labels.get(id) ?? id, value }));
  const summary = summaryOf(message);
  const live = booking.status !== 'cancelled';
  const canDecide = message.event === 'needsApproval' && booking.status === 'pending';
  return {
    title: titleOf(message),
    ...(summary && { summary }),
    ...(message.breaksPageRules && {
      warning: "The new time is outside this page's rules; it stands because you chose it in Outlook.",
    }),
    facts,
    answers,
    bookingId: booking.id,
    pageTitle: message.page.title,
    timeZone: zone,
    canDecide,
    canCancel: live && !canDecide,
    ...(live && booking.location?.joinUrl && { joinUrl: booking.location.joinUrl }),
    ...(links.publicBaseUrl && { openUrl: `${links.publicBaseUrl}/tab.html` }),
  };
}

export type Outcome = 'accepted' | 'declined' | 'cancelled' | 'alreadyDecided';

const outcomeText = (
  booking: Booking,
  outcome: Outcome,
): Pick<BookingEventView, 'outcome' | 'outcomeColor'> => {
  switch (outcome) {
    case 'accepted':
      return { outcome: 'Accepted. The invitee has their invitation.', outcomeColor: 'Good' };
    case 'declined':
      return {
        outcome: 'Declined. The invitee has been told and the time is free again.',
        outcomeColor: 'Attention',
      };
    case 'cancelled':
      return {
        outcome: 'Cancelled. The invitee has been told and the time is free again.',
        outcomeColor: 'Attention',
      };
    case 'alreadyDecided':
      return booking.status === 'confirmed'
        ? { outcome: 'Already accepted: nothing more to do.', outcomeColor: 'Good' }
        : booking.status === 'cancelled'
          ? { outcome: 'Already declined or cancelled: nothing more to do.', outcomeColor: 'Attention' }
          : { outcome: 'Still waiting for a decision.', outcomeColor: 'Default' };
  }
};

/** The card after a decision (or a click on a card that is no longer current): the outcome, no buttons. */
export function bookingOutcomeView(
  booking: Booking,
  options: { pageTitle: string; timeZone: string; outcome: Outcome },
): BookingEventView {
  const zone = knownZone(options.timeZone);
  return {
    title: `${booking.invitee.name} — ${options.pageTitle}`,
    ...outcomeText(booking, options.outcome),
    facts: bookingFacts(booking, { pageTitle: options.pageTitle, timeZone: zone }),
    answers: [],
    bookingId: booking.id,
    pageTitle: options.pageTitle,
    timeZone: zone,
    canDecide: false,
    canCancel: false,
    ...(booking.status === 'confirmed' && booking.location?.joinUrl && { joinUrl: booking.location.joinUrl }),
  };
}
