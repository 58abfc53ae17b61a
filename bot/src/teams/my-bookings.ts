// "my bookings" (today and the rest of this week) and "cancel" (upcoming bookings, each with a Cancel
// button), for the host who asks, in their Teams zone.
import type { TurnContext } from 'botbuilder';
import type { BotBooking } from '@tandem/api/contracts';
import type { TandemApi } from '../api/tandem-api.js';
import { cardAttachment, type BookingsListView } from '../cards/render.js';
import { formatSpan, isoWeekday, localDate } from '../time/format.js';
import type { TurnIdentity } from './turn-identity.js';

/** "cancel" offers at most this many, soonest first. */
const cancellableShown = 10;

/** The date `days` after a YYYY-MM-DD date. */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function item(booking: BotBooking, zone: string, cancellable: boolean) {
  const pending = booking.status === 'pending' ? ' (waiting for you to accept)' : '';
  return {
    when: formatSpan(booking.start, booking.end, zone),
    what: `${booking.invitee.name} — ${booking.pageTitle}${pending}`,
    bookingId: booking.id,
    pageTitle: booking.pageTitle,
    timeZone: zone,
    cancellable,
  };
}

export async function listBookings(
  context: TurnContext,
  api: TandemApi,
  who: TurnIdentity,
  options: { now: Date; forCancel: boolean },
): Promise<void> {
  if (!who.userId) {
    await context.sendActivity('Teams did not say who you are, so I cannot find your bookings.');
    return;
  }
  const result = await api.bookingsOf(who.userId);
  if (!result.ok) {
    await context.sendActivity(result.detail);
    return;
  }
  const zone = who.timeZone;
  const now = options.now;
  const upcoming = result.value
    .filter((b) => b.status !== 'cancelled' && Date.parse(b.end) > now.getTime())
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  let view: BookingsListView;
  if (options.forCancel) {
    const shown = upcoming.slice(0, cancellableShown);
    view = {
      title: 'Which booking should I cancel?',
      empty: 'You have no upcoming bookings to cancel.',
      sections: shown.length ? [{ label: 'Upcoming', items: shown.map((b) => item(b, zone, true)) }] : [],
    };
  } else {
    const today = localDate(now, zone);
    const sunday = addDays(today, 7 - isoWeekday(now, zone));
    const todays = upcoming.filter((b) => localDate(b.start, zone) <= today);
    const week = upcoming.filter((b) => {
      const day = localDate(b.start, zone);
      return day > today && day <= sunday;
    });
    view = {
      title: 'Your bookings',
      empty: 'Nothing booked today or for the rest of this week.',
      sections: [
        ...(todays.length ? [{ label: 'Today', items: todays.map((b) => item(b, zone, false)) }] : []),
        ...(week.length ? [{ label: 'Later this week', items: week.map((b) => item(b, zone, false)) }] : []),
      ],
    };
  }
  await context.sendActivity({ attachments: [cardAttachment('bookings-list', view)] });
}
