// What happened to a booking, told to its hosts through the `bot-outbox` queue: the Teams bot turns
// each message into a card in the host's personal chat. Telling is best effort by design: the booking
// has already happened, so a message that cannot be queued is logged and never fails the booking.
import {
  bookingEventMessageSchema,
  type BookingEventKind,
  type BookingEventMessage,
} from '../contracts/bot.js';
import type { BookingRecord } from '../store/bookings.js';
import type { BookingPageRecord } from '../store/pages.js';
import type { Availability } from './availability.js';
import { isSelfTestPage } from './self-test-pages.js';
import type { BookingDeps } from './deps.js';
import { toBookingView } from './views.js';

/** Who made the change and what a card needs beyond the booking itself. */
export interface BookingEventDetails {
  actor: BookingEventMessage['actor'];
  /** For `rescheduled` and Outlook moves: where the booking was. */
  previous?: { start: string; end: string };
  /** For `changedInOutlook`. */
  outlookChange?: 'moved' | 'cancelled';
  /** For `changedInOutlook` moves: the new time is not one the page would offer. */
  breaksPageRules?: boolean;
}

/**
 * The hosts told about a booking: every member of a collective page (the owner holds the booking),
 * else the host whose booking it is (the assigned member of a round-robin page).
 * @example
 * recipientsOf(collectiveBooking, page) // ['owner-id', 'member-1', 'member-2']
 */
export function recipientsOf(booking: BookingRecord, record: BookingPageRecord | undefined): string[] {
  const team = record?.page.team;
  const members =
    team?.kind === 'collective' ? (booking.teamMemberIds ?? team.members.map((m) => m.userId)) : [];
  return [...new Set([booking.hostId, ...members])];
}

/** Queues one `BookingEventMessage` per host concerned. */
export class BotOutbox {
  constructor(
    private readonly deps: BookingDeps,
    private readonly availability: Availability,
  ) {}

  /** Never throws: a failure is logged with the booking and the event. */
  async tell(
    event: BookingEventKind,
    booking: BookingRecord,
    record: BookingPageRecord | undefined,
    details: BookingEventDetails,
  ): Promise<void> {
    const queues = this.deps.queues;
    // The sync self-test books, moves and cancels on the host's calendar; that is not news for them.
    if (!queues || isSelfTestPage(record?.page)) return;
    const occurredAt = this.deps.clock().toISOString();
    await Promise.all(
      recipientsOf(booking, record).map(async (hostId) => {
        try {
          const message = await this.message(event, booking, record, details, hostId, occurredAt);
          if (message) await queues.send('botOutbox', message);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          console.warn(
            `Could not tell host ${hostId} in Teams that booking ${booking.id} was ${event}: ${reason}`,
          );
        }
      }),
    );
  }

  private async message(
    event: BookingEventKind,
    booking: BookingRecord,
    record: BookingPageRecord | undefined,
    details: BookingEventDetails,
    hostId: string,
    occurredAt: string,
  ): Promise<BookingEventMessage | undefined> {
    // The same copy the booking itself was checked against (pausedBy, host context).
    const connection = await this.availability.connection(hostId);
    // Someone who never opened Tandem has no chat with the bot either.
    if (!connection) return undefined;
    const page = record?.page;
    return bookingEventMessageSchema.parse({
      kind: 'bookingEvent',
      event,
      // Derived from the booking's state, so a retried step that tells again repeats the same id.
      eventId: `${booking.id}.${event}.${Date.parse(booking.updatedAt).toString(36)}.${hostId}`,
      occurredAt,
      tenantId: connection.tenantId,
      hostId,
      hostTimeZone: await this.zoneOf(hostId, connection.settings?.workingHours?.timeZone),
      actor: details.actor,
      booking: toBookingView(booking, page),
      page: {
        id: booking.pageId,
        title: page?.title ?? 'Booking page (deleted)',
        questions: (page?.questions ?? []).map((q) => ({ id: q.id, label: q.label })),
      },
      ...(details.outlookChange && { outlookChange: details.outlookChange }),
      ...(details.previous && { previous: details.previous }),
      ...(details.breaksPageRules !== undefined && { breaksPageRules: details.breaksPageRules }),
    } satisfies BookingEventMessage);
  }

  /** The zone of the host's Outlook mailbox settings; their Tandem hours' zone if Graph cannot say. */
  private async zoneOf(hostId: string, fallback: string | undefined): Promise<string> {
    try {
      return (await this.availability.mailboxProfile(hostId)).timeZone;
    } catch {
      return fallback ?? 'UTC';
    }
  }
}
