import { randomBytes } from 'node:crypto';
import type {
  BookingRequest,
  PublicPage,
  RescheduleRequest,
  SlotsAnswer,
  SlotsQuery,
} from '../contracts/index.js';
import {
  createBookingEvent,
  findBookingEvent,
  cancelBookingEvent,
  moveBookingEvent,
} from '../graph/booking-events.js';
import { HostConnectionBrokenError } from '../graph/tokens.js';
import { availableSlots, chooseMember, explain } from '../scheduling/index.js';
import type { AvailabilityQuery, Explanation, Slot } from '../scheduling/types.js';
import type { BookingRecord, NewBooking } from '../store/bookings.js';
import { NotFoundError, SlotTakenError } from '../store/errors.js';
import { requestFingerprint } from '../store/idempotency.js';
import type { BookingPageRecord } from '../store/pages.js';
import { orMissing, storageStatus } from '../store/table-errors.js';
import { Availability, hostIdsOf, type HostContext } from './availability.js';
import type { BookingDeps } from './deps.js';
import {
  BookingStateError,
  InvalidAnswerError,
  SlotUnavailableError,
  TimeNotOfferedError,
} from './errors.js';
import { toIcs } from './ics.js';
import { recordTtlMs } from './availability.js';
import { requireOfferedDuration, slotsAnswer } from './slots-answer.js';
import { TtlCache } from './ttl-cache.js';
import { liveWindowIsFree } from './live-check.js';
import { BotOutbox } from './bot-outbox.js';
import { toBookingView, toPublicPage } from './views.js';
import type { Booking } from '../contracts/index.js';

const minuteMs = 60_000;
/** Shown on the booking page while the host's connection is broken. */
const pausedSentence =
  'No times can be offered right now because this calendar is not connected to Tandem. Please try again later.';
const hourMs = 3_600_000;
/** Reasons that mean "someone else has this time" (409) rather than "this time is never offered" (422). */
const takenCodes = new Set(['BUSY', 'BUFFER', 'BOOKED', 'DAILY_LIMIT', 'MEMBER_BUSY', 'NO_MEMBER_FREE']);

const awaitingKey = (id: string) => `awaiting|${id}`;
/** How long a decision in progress holds a booking; a crashed one frees it for the host after this. */
const claimMs = 2 * 60_000;
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`;
const iso = (ms: number) => new Date(ms).toISOString();

export interface BookResult {
  booking: Booking;
  manageToken: string;
  replayed: boolean;
}

/**
 * The booking flow: public page, slots, book (engine check → locks → live Outlook check → Outlook
 * event → confirmed), and the life of a booking afterwards (approve, decline, reschedule, cancel).
 * Every step that writes is ordered so a crash leaves a `pending` booking the reconciler can finish
 * or roll back from its extended property: never a duplicate event, never a lost booking.
 */
export class BookingService {
  readonly availability: Availability;
  private readonly pages: TtlCache<BookingPageRecord | undefined>;
  /** Every event of a booking, told to its hosts in Teams. */
  private readonly outbox: BotOutbox;

  constructor(private readonly deps: BookingDeps) {
    this.availability = new Availability(deps);
    this.outbox = new BotOutbox(deps, this.availability);
    this.pages = new TtlCache(recordTtlMs, deps.clock);
  }

  /** Forgets this instance's copy of a page (the host changed or deleted it). */
  forgetPage(pageId: string): void {
    this.pages.forget(pageId);
  }

  async publicPage(pageId: string): Promise<PublicPage> {
    const record = await this.page(pageId);
    const owner = await this.deps.connections.get(record.hostId);
    return toPublicPage(record, owner?.displayName ?? '');
  }

  async slots(pageId: string, query: SlotsQuery): Promise<SlotsAnswer> {
    const record = await this.page(pageId);
    requireOfferedDuration(record.page, query.duration, 'duration');
    const paused = await this.availability.pausedBy(record);
    if (paused)
      // Nothing is offered rather than times that may be wrong; the page says why.
      return {
        timeZone: query.timeZone,
        durationMinutes: query.duration,
        slots: [],
        paused: { reason: 'hostDisconnected', detail: pausedSentence },
      };
    return slotsAnswer(this.availability, record, query);
  }

  /** A new booking, or the one an earlier request with the same Idempotency-Key made. */
  async book(pageId: string, request: BookingRequest, idempotencyKey: string): Promise<BookResult> {
    const record = await this.page(pageId);
    const page = record.page;
    requireOfferedDuration(record.page, request.durationMinutes, 'durationMinutes');
    this.checkAnswers(record, request.answers);
    await this.requireConnected(record);
    const idempotency = {
      key: `${pageId}:${idempotencyKey}`,
      fingerprint: requestFingerprint([pageId, JSON.stringify(request)]),
    };
    const start = Date.parse(request.start);
    const end = start + request.durationMinutes * minuteMs;
    const asked = this.availability.query(record, {
      range: { start: request.start, end: iso(start + 1) },
      durationMinutes: request.durationMinutes,
      inviteeTimeZone: request.timeZone,
    });
    // A round-robin replay answers whatever availability says now; its failed read is not news.
    asked.catch(() => undefined);
    // A round-robin retry may find another member free, so every member's partition is asked for
    // the key before anything is written. Elsewhere the booking's partition is always the owner's,
    // where the key's row in the insert transaction catches a retry; it is read only when the time
    // looks taken or not offered — as it does to the retry of a booking that was made.
    const roundRobin = page.team?.kind === 'roundRobin';
    if (roundRobin) {
      const replayed = await this.replayEarlier(record, request, idempotency, hostIdsOf(record));
      if (replayed) return replayed;
    }
    const replayOwner = async () =>
      roundRobin ? undefined : this.replayEarlier(record, request, idempotency, [record.hostId]);
    let known;
    try {
      known = await asked;
    } catch (error) {
      // A retry of a booking that was made is answered even when availability cannot be read now.
      const replayed = await replayOwner();
      if (replayed) return replayed;
      throw error;
    }
    const { query, hosts } = known;
    const verdict = explain(query, request.start);
    if (!verdict.bookable) {
      const replayed = await replayOwner();
      if (replayed) return replayed;
      await this.refuse(record, verdict, request, hosts);
    }
    // Only round-robin chooses; every other page books its owner (the engine's answer there too).
    const hostId = (roundRobin && chooseMember(query, request.start)) || record.hostId;
    const id = newId('bk');
    const draft = this.draft(record, hostId, { ...request, start: iso(start) }, id, end);
    if (page.requiresConfirmation) await this.markAwaiting(hostId, id);
    let inserted;
    try {
      inserted = await this.deps.bookings.insert(draft, idempotency, { lookFirst: false });
    } catch (error) {
      if (error instanceof SlotTakenError) throw await this.taken(record, request, hosts);
      throw error;
    }
    if (inserted.replayed) {
      // The marker was made for this request's own id, which was not booked.
      if (page.requiresConfirmation) await this.clearAwaiting(draft);
      return this.answer(record, await this.resume(record, inserted.booking), true);
    }

    const involved = this.involvedHosts(record, hosts, hostId);
    const window = heldWindow(inserted.booking);
    try {
      if (
        !(await liveWindowIsFree(this.deps, this.availability.busy, involved, window, page.rules.busyRules))
      ) {
        await this.rollBack(inserted.booking, 'The time was taken in Outlook while booking.');
        throw await this.taken(record, request, hosts);
      }
      if (page.requiresConfirmation) return this.answer(record, inserted.booking, false);
      return this.answer(record, await this.createEvent(record, inserted.booking, hosts), false);
    } catch (error) {
      // The host's sign-in died just now: no Outlook event can be made, so the held time is let go.
      if (error instanceof HostConnectionBrokenError)
        await this.rollBack(inserted.booking, 'The host’s calendar is not connected to Tandem.');
      throw error;
    }
  }

  /**
   * The answer to a retry: the booking an earlier request with the same key made in one of `hostIds`'
   * partitions (finished now if a crash left it pending), or undefined when the key is new there.
   */
  private async replayEarlier(
    record: BookingPageRecord,
    request: BookingRequest,
    idempotency: { key: string; fingerprint: string },
    hostIds: string[],
  ): Promise<BookResult | undefined> {
    const found = await Promise.all(
      hostIds.map((hostId) => this.deps.bookings.findByIdempotencyKey(hostId, idempotency.key)),
    );
    const earlier = found.find((booking) => booking !== undefined);
    if (!earlier) return undefined;
    // Same key: the fingerprint check of insert refuses another request under it.
    const replay = await this.deps.bookings.insert(
      this.draft(record, earlier.hostId, request, earlier.id),
      idempotency,
    );
    return this.answer(record, await this.resume(record, replay.booking), true);
  }

  /** Refuses (503) when the page's calendar cannot be used as its host right now. */
  private async requireConnected(record: BookingPageRecord): Promise<void> {
    const paused = await this.availability.pausedBy(record);
    if (paused) throw new HostConnectionBrokenError(paused.hostId, paused.reason);
  }

  /**
   * Finishes a pending booking that is not waiting for the host: the event found by its extended
   * property (a crash after the create) is recorded, else it is created now with the booking id as
   * transactionId. Used by retries of the same request and by the reconciler.
   */
  async finishPending(booking: BookingRecord): Promise<BookingRecord> {
    if (booking.status !== 'pending' || (await this.isAwaiting(booking))) return booking;
    const record = await this.page(booking.pageId);
    const organizer = this.organizerOf(record, booking);
    const found = await findBookingEvent(this.deps.graphFor(organizer), organizer, booking.id);
    if (found) {
      const confirmed = await this.deps.bookings.patch(booking.hostId, booking.id, {
        status: 'confirmed',
        eventId: found.id,
        changeKey: found.changeKey,
      });
      await this.outbox.tell('booked', confirmed, record, { actor: 'invitee' });
      return confirmed;
    }
    const hosts = await this.availability.pageHosts(record);
    const involved = this.involvedHosts(record, hosts, booking.hostId);
    const free = await liveWindowIsFree(
      this.deps,
      this.availability.busy,
      involved,
      heldWindow(booking),
      record.page.rules.busyRules,
    );
    if (!free) throw new SlotUnavailableError([]);
    const confirmed = await this.createEvent(record, booking, hosts);
    await this.outbox.tell('booked', confirmed, record, { actor: 'invitee' });
    return confirmed;
  }

  /** The host accepts a booking that waits for confirmation: its Outlook event is created now. */
  async approve(booking: BookingRecord): Promise<Booking> {
    return this.decide(booking, () => this.approveClaimed(booking));
  }

  private async approveClaimed(booking: BookingRecord): Promise<Booking> {
    const record = await this.page(booking.pageId);
    const hosts = await this.availability.pageHosts(record);
    const involved = this.involvedHosts(record, hosts, booking.hostId);
    if (
      !(await liveWindowIsFree(
        this.deps,
        this.availability.busy,
        involved,
        heldWindow(booking),
        record.page.rules.busyRules,
      ))
    )
      throw new BookingStateError(
        'Your calendar now has another event at this time; decline this booking or reschedule it.',
      );
    const confirmed = await this.createEvent(record, booking, hosts);
    await this.clearAwaiting(booking);
    await this.outbox.tell('approved', confirmed, record, { actor: 'host' });
    return toBookingView(confirmed, record.page);
  }

  /** The host declines: the held time is released and the booking is cancelled. */
  async decline(booking: BookingRecord, reason?: string): Promise<Booking> {
    return this.decide(booking, () => this.declineClaimed(booking, reason));
  }

  private async declineClaimed(booking: BookingRecord, reason?: string): Promise<Booking> {
    const cancelled = await this.rollBack(booking, reason || 'The host declined this booking.');
    await this.clearAwaiting(booking);
    const record = await this.pageOrUndefined(booking.pageId);
    await this.outbox.tell('declined', cancelled, record, { actor: 'host' });
    return toBookingView(cancelled, record?.page);
  }

  /**
   * Approving and declining are for a booking that waits for its host, once. The decision first
   * claims the booking's awaiting marker (conditional on its ETag), so of two clicks at the same
   * moment one acts and the other is refused; a decision that fails gives the claim back. Anything
   * else is a conflict whose sentence (and `bookingStatus`, and the booking as it stands) says where
   * the booking is now, so a second click in Teams shows the outcome instead of acting twice.
   */
  private async decide(booking: BookingRecord, act: () => Promise<Booking>): Promise<Booking> {
    const markers = this.deps.tables.client('bookings');
    const key = awaitingKey(booking.id);
    const marker =
      booking.status === 'pending'
        ? await orMissing(markers.getEntity<{ claimedAt?: string }>(booking.hostId, key))
        : undefined;
    const now = this.deps.clock().getTime();
    const claimed = marker?.claimedAt !== undefined && now - Date.parse(marker.claimedAt) < claimMs;
    let taken = false;
    if (marker && !claimed) {
      try {
        await markers.updateEntity(
          { partitionKey: booking.hostId, rowKey: key, claimedAt: new Date(now).toISOString() },
          'Replace',
          { etag: marker.etag },
        );
        taken = true;
      } catch (error) {
        if (storageStatus(error) !== 412 && storageStatus(error) !== 404) throw error;
      }
    }
    if (!taken) {
      const current = (await this.deps.bookings.get(booking.hostId, booking.id)) ?? booking;
      const detail =
        current.status === 'cancelled'
          ? `This booking is already cancelled${current.cancelReason ? ` (${current.cancelReason.replace(/\.$/, '')})` : ''}; nothing was changed.`
          : current.status === 'confirmed'
            ? 'This booking is already confirmed: it was approved or needed no approval; nothing was changed.'
            : marker
              ? 'This booking is being approved or declined right now; nothing was changed.'
              : 'This booking does not wait for approval; its Outlook event is being created.';
      throw new BookingStateError(detail, {
        bookingStatus: current.status,
        booking: await this.view(current),
      });
    }
    try {
      return await act();
    } catch (error) {
      // Still waiting for the host (e.g. the time is now busy in Outlook): they may decide again.
      await this.markAwaiting(booking.hostId, booking.id);
      throw error;
    }
  }

  /** Cancels the Outlook event (attendees are told, with the reason) and releases the time. */
  async cancel(booking: BookingRecord, reason: string | undefined, by: 'invitee' | 'host'): Promise<Booking> {
    const found = await this.pageOrUndefined(booking.pageId);
    const page = found?.page;
    if (booking.status === 'cancelled') return toBookingView(booking, page);
    const comment =
      reason ||
      (by === 'invitee'
        ? `${booking.invitee.name} cancelled this meeting.`
        : 'The host cancelled this meeting.');
    if (booking.eventId) {
      const organizer = this.organizerOfRecord(booking);
      await cancelBookingEvent(this.deps.graphFor(organizer), organizer, booking.eventId, comment);
    }
    const cancelled = await this.rollBack(booking, comment);
    await this.clearAwaiting(booking);
    await this.outbox.tell('cancelled', cancelled, found, { actor: by });
    return toBookingView(cancelled, page);
  }

  /** Moves the booking: locks move, then the SAME Outlook event is patched (If-Match). */
  async reschedule(
    booking: BookingRecord,
    request: RescheduleRequest,
    by: 'invitee' | 'host' = 'invitee',
  ): Promise<Booking> {
    if (booking.status === 'cancelled')
      throw new BookingStateError('A cancelled booking cannot be rescheduled.');
    const record = await this.page(booking.pageId);
    await this.requireConnected(record);
    const duration =
      request.durationMinutes ?? Math.round((Date.parse(booking.end) - Date.parse(booking.start)) / minuteMs);
    requireOfferedDuration(record.page, duration, 'durationMinutes');
    const start = Date.parse(request.start);
    const span = {
      start: iso(start),
      end: iso(start + duration * minuteMs),
      bufferBeforeMinutes: record.page.rules.bufferBeforeMinutes,
      bufferAfterMinutes: record.page.rules.bufferAfterMinutes,
    };
    const zone = request.timeZone ?? booking.invitee.timeZone;
    const { query, hosts } = await this.availability.query(record, {
      range: { start: span.start, end: iso(start + 1) },
      durationMinutes: duration,
      inviteeTimeZone: zone,
      ignoreBookingId: booking.id,
    });
    const verdict = explain(query, span.start);
    const slot = availableSlots(query)[0];
    if (!verdict.bookable || (slot && !slot.hostIds.includes(booking.hostId))) {
      await this.refuse(
        record,
        verdict,
        { start: span.start, durationMinutes: duration, timeZone: zone },
        hosts,
        booking.id,
      );
    }
    const involved = this.involvedHosts(record, hosts, booking.hostId);
    if (
      !(await liveWindowIsFree(
        this.deps,
        this.availability.busy,
        involved,
        heldWindow(span),
        record.page.rules.busyRules,
      ))
    )
      throw await this.taken(
        record,
        { start: span.start, durationMinutes: duration, timeZone: zone },
        hosts,
        booking.id,
      );
    let moved: BookingRecord;
    try {
      moved = await this.deps.bookings.move(booking.hostId, booking.id, span);
    } catch (error) {
      if (error instanceof SlotTakenError)
        throw await this.taken(
          record,
          { start: span.start, durationMinutes: duration, timeZone: zone },
          hosts,
          booking.id,
        );
      throw error;
    }
    if (moved.eventId) {
      const organizer = this.organizerOfRecord(moved);
      const event = await moveBookingEvent(
        this.deps.graphFor(organizer),
        organizer,
        { id: moved.eventId, ...(moved.changeKey && { changeKey: moved.changeKey }) },
        span,
      );
      moved = await this.deps.bookings.patch(moved.hostId, moved.id, { changeKey: event.changeKey });
    }
    await this.outbox.tell('rescheduled', moved, record, {
      actor: by,
      previous: { start: booking.start, end: booking.end },
    });
    return toBookingView(moved, record.page);
  }

  /**
   * The host moved the booking's event in Outlook: the booking follows (its locks move to wherever
   * the event now is, even over other bookings' buffers — Outlook is the truth) and the new change
   * key is kept. For the sync component, which sees the change through delta.
   * @throws SlotTakenError when another booking holds the new time; the caller decides what to tell whom.
   */
  async followOutlookMove(
    booking: BookingRecord,
    event: { start: string; end: string; changeKey: string },
  ): Promise<BookingRecord> {
    if (booking.status === 'cancelled') return booking;
    const unchanged =
      Date.parse(event.start) === Date.parse(booking.start) &&
      Date.parse(event.end) === Date.parse(booking.end);
    const moved = unchanged
      ? booking
      : await this.deps.bookings.move(booking.hostId, booking.id, {
          start: event.start,
          end: event.end,
          bufferBeforeMinutes: booking.bufferBeforeMinutes,
          bufferAfterMinutes: booking.bufferAfterMinutes,
        });
    return this.deps.bookings.patch(moved.hostId, moved.id, { changeKey: event.changeKey });
  }

  /** The host deleted or cancelled the booking's event in Outlook: the booking is cancelled, its time freed. */
  async followOutlookDelete(booking: BookingRecord): Promise<BookingRecord> {
    if (booking.status === 'cancelled') return booking;
    await this.clearAwaiting(booking);
    return this.rollBack(booking, 'The host removed this meeting from their calendar.');
  }

  /**
   * Tells the hosts in Teams that a booking followed their change in Outlook (`changedInOutlook`).
   * For a move, whether the new time breaks the page's rules is worked out here unless the caller
   * knows it: the host decided it, so it is shown, never refused.
   */
  async tellOutlookChange(
    booking: BookingRecord,
    change: {
      outlookChange: 'moved' | 'cancelled';
      previous?: { start: string; end: string };
      breaksPageRules?: boolean;
    },
  ): Promise<void> {
    const record = await this.pageOrUndefined(booking.pageId);
    let breaksPageRules = change.breaksPageRules;
    if (breaksPageRules === undefined && change.outlookChange === 'moved' && record)
      breaksPageRules = await this.breaksRules(record, booking).catch(() => undefined);
    await this.outbox.tell('changedInOutlook', booking, record, {
      actor: 'outlook',
      outlookChange: change.outlookChange,
      ...(change.previous && { previous: change.previous }),
      ...(breaksPageRules !== undefined && { breaksPageRules }),
    });
  }

  /** Whether the booking's time is one the page would not offer (other bookings and Outlook included). */
  private async breaksRules(record: BookingPageRecord, booking: BookingRecord): Promise<boolean> {
    const duration = Math.round((Date.parse(booking.end) - Date.parse(booking.start)) / minuteMs);
    if (!record.page.durations.includes(duration)) return true;
    const { query } = await this.availability.query(record, {
      range: { start: booking.start, end: iso(Date.parse(booking.start) + 1) },
      durationMinutes: duration,
      inviteeTimeZone: booking.invitee.timeZone,
      ignoreBookingId: booking.id,
    });
    return !explain(query, booking.start).bookable;
  }

  /** The booking as an RFC 5545 file. */
  async ics(booking: BookingRecord): Promise<string> {
    const record = await this.pageOrUndefined(booking.pageId);
    const owner = record && (await this.deps.connections.get(this.organizerOfRecord(booking)));
    const location = record && toBookingView(booking, record.page).location;
    return toIcs({
      uid: `${booking.id}@tandem`,
      start: booking.start,
      end: booking.end,
      stamp: this.deps.clock().toISOString(),
      summary: record ? `${record.page.title}${owner ? ` with ${owner.displayName}` : ''}` : 'Booking',
      description: record?.page.description ?? '',
      ...(location?.detail && { location: location.detail }),
      ...(owner && { organizer: { name: owner.displayName, email: owner.upn } }),
      attendee: { name: booking.invitee.name, email: booking.invitee.email },
      status:
        booking.status === 'cancelled'
          ? 'CANCELLED'
          : booking.status === 'pending'
            ? 'TENTATIVE'
            : 'CONFIRMED',
      sequence:
        Math.floor(Date.parse(booking.updatedAt) / 1000) - Math.floor(Date.parse(booking.bookedAt) / 1000),
    });
  }

  async view(booking: BookingRecord): Promise<Booking> {
    return toBookingView(booking, (await this.pageOrUndefined(booking.pageId))?.page);
  }

  async manageToken(booking: BookingRecord): Promise<string> {
    return this.deps.manageLinks.issue(
      { bookingId: booking.id, hostId: booking.hostId, nonce: booking.manageNonce },
      booking.end,
    );
  }

  /** The booking behind a manage link whose nonce still matches. */
  async fromManageToken(token: string): Promise<BookingRecord> {
    const claims = await this.deps.manageLinks.verify(token);
    const booking = await this.deps.bookings.get(claims.hostId, claims.bookingId);
    if (!booking || booking.manageNonce !== claims.nonce) throw new NotFoundError('booking');
    return booking;
  }

  /**
   * Cancels the booking and releases its time (the store releases the holds of collective members
   * with it).
   */
  async rollBack(booking: BookingRecord, reason: string): Promise<BookingRecord> {
    return this.deps.bookings.cancel(booking.hostId, booking.id, { reason });
  }

  // ---- steps ------------------------------------------------------------------------------------------

  private async createEvent(
    record: BookingPageRecord,
    booking: BookingRecord,
    known?: HostContext[],
  ): Promise<BookingRecord> {
    const page = record.page;
    const organizer = this.organizerOf(record, booking);
    const hosts = known ?? (await this.availability.pageHosts(record));
    const organizerContext =
      hosts.find((h) => h.hostId === organizer) ?? (await this.availability.hostContext(organizer));
    const members =
      page.team?.kind === 'collective' ? hosts.filter((h) => h.hostId !== organizer && h.email) : [];
    const answers = page.questions
      .filter((q) => booking.answers[q.id])
      .map((q) => `${q.label}\n${booking.answers[q.id]}`);
    const location = page.location;
    const event = await createBookingEvent(
      this.deps.graphFor(organizer),
      organizer,
      organizerContext.destinationCalendarId,
      {
        bookingId: booking.id,
        subject: `${page.title}: ${booking.invitee.name}`,
        bodyText: [
          page.description,
          ...answers,
          `Booked through Tandem by ${booking.invitee.name} <${booking.invitee.email}>.`,
        ]
          .filter(Boolean)
          .join('\n\n'),
        start: booking.start,
        end: booking.end,
        attendees: [
          { name: booking.invitee.name, email: booking.invitee.email },
          ...members.map((m) => ({ name: m.displayName, email: m.email })),
        ],
        teamsMeeting: location.kind === 'teams',
        ...(location.kind === 'inPerson' && { locationText: location.address }),
        ...(location.kind === 'customLink' && { locationText: location.url }),
        ...(location.kind === 'phone' && location.phoneNumber && { locationText: location.phoneNumber }),
      },
    );
    await this.deps.faults?.afterEventCreated?.(booking.id);
    return this.deps.bookings.patch(
      booking.hostId,
      booking.id,
      { status: 'confirmed', eventId: event.id, changeKey: event.changeKey },
      { known: booking },
    );
  }

  /** A replayed booking left pending by a crash is finished now, so the retry answers it confirmed. */
  private async resume(record: BookingPageRecord, booking: BookingRecord): Promise<BookingRecord> {
    if (booking.status !== 'pending' || record.page.requiresConfirmation) return booking;
    return this.finishPending(booking);
  }

  private async answer(
    record: BookingPageRecord,
    booking: BookingRecord,
    replayed: boolean,
  ): Promise<BookResult> {
    // A new booking is told once, here: held for the host's approval, or confirmed in Outlook.
    if (!replayed)
      await this.outbox.tell(booking.status === 'pending' ? 'needsApproval' : 'booked', booking, record, {
        actor: 'invitee',
      });
    return {
      booking: toBookingView(booking, record.page),
      manageToken: await this.manageToken(booking),
      replayed,
    };
  }

  private draft(
    record: BookingPageRecord,
    hostId: string,
    request: BookingRequest,
    id: string,
    end = Date.parse(request.start) + request.durationMinutes * minuteMs,
  ): NewBooking {
    const members =
      record.page.team?.kind === 'collective' ? record.page.team.members.map((m) => m.userId) : undefined;
    return {
      id,
      hostId,
      pageId: record.id,
      status: 'pending',
      start: iso(Date.parse(request.start)),
      end: iso(end),
      bufferBeforeMinutes: record.page.rules.bufferBeforeMinutes,
      bufferAfterMinutes: record.page.rules.bufferAfterMinutes,
      invitee: { name: request.name, email: request.email, timeZone: request.timeZone },
      answers: request.answers,
      manageNonce: randomBytes(16).toString('base64url'),
      bookedAt: this.deps.clock().toISOString(),
      ...(members && { teamMemberIds: members }),
    };
  }

  /** Throws the right refusal for a start the engine does not offer. */
  private async refuse(
    record: BookingPageRecord,
    verdict: Explanation,
    request: { start: string; durationMinutes: number; timeZone: string },
    hosts: HostContext[],
    ignoreBookingId?: string,
  ): Promise<never> {
    const reasons = verdict.reasons;
    if (reasons.length === 0 || reasons.every((r) => takenCodes.has(r.code)))
      throw await this.taken(record, request, hosts, ignoreBookingId);
    const first = reasons.find((r) => !takenCodes.has(r.code)) ?? reasons[0]!;
    throw new TimeNotOfferedError(publicReason(first.code));
  }

  /** The 409 with fresh slots around the asked time. */
  private async taken(
    record: BookingPageRecord,
    request: { start: string; durationMinutes: number; timeZone: string },
    hosts: HostContext[],
    ignoreBookingId?: string,
  ): Promise<SlotUnavailableError> {
    const at = Date.parse(request.start);
    const from = Math.max(at - 24 * hourMs, this.deps.clock().getTime());
    const { query } = await this.availability.query(record, {
      range: { start: iso(from), end: iso(Math.max(from + hourMs, at + 48 * hourMs)) },
      durationMinutes: request.durationMinutes,
      inviteeTimeZone: request.timeZone,
      hosts,
      ...(ignoreBookingId !== undefined && { ignoreBookingId }),
    });
    const slots: Slot[] = availableSlots(query as AvailabilityQuery).slice(0, 20);
    return new SlotUnavailableError(slots);
  }

  private involvedHosts(record: BookingPageRecord, hosts: HostContext[], hostId: string): HostContext[] {
    return record.page.team?.kind === 'collective' ? hosts : hosts.filter((h) => h.hostId === hostId);
  }

  /**
   * Who organizes the Outlook event: the host whose partition holds the booking — the owner for
   * personal and collective pages, the assigned member for round-robin.
   */
  private organizerOf(_record: BookingPageRecord, booking: BookingRecord): string {
    return booking.hostId;
  }

  private organizerOfRecord(booking: BookingRecord): string {
    return booking.hostId;
  }

  private checkAnswers(record: BookingPageRecord, answers: Record<string, string>): void {
    const questions = new Map(record.page.questions.map((q) => [q.id, q]));
    for (const id of Object.keys(answers)) {
      if (!questions.has(id))
        throw new InvalidAnswerError(`answers.${id}`, 'This page has no question with this id.');
    }
    for (const q of record.page.questions) {
      const answer = answers[q.id]?.trim() ?? '';
      if (q.required && answer === '')
        throw new InvalidAnswerError(`answers.${q.id}`, `Please answer "${q.label}".`);
      if (q.kind === 'choice' && answer !== '' && !q.options?.includes(answer))
        throw new InvalidAnswerError(`answers.${q.id}`, `Choose one of: ${q.options?.join(', ')}.`);
      if (q.kind === 'shortText' && answer.length > 300)
        throw new InvalidAnswerError(`answers.${q.id}`, 'A short answer may have at most 300 characters.');
    }
  }

  private async page(pageId: string): Promise<BookingPageRecord> {
    const record = await this.pageOrUndefined(pageId);
    if (!record) throw new NotFoundError('booking page');
    return record;
  }

  private pageOrUndefined(pageId: string): Promise<BookingPageRecord | undefined> {
    // Page ids are opaque and only ever minted by us; anything else cannot name a page.
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(pageId)) return Promise.resolve(undefined);
    return this.pages.get(pageId, () => this.deps.pages.locate(pageId));
  }

  private async markAwaiting(hostId: string, id: string): Promise<void> {
    await this.deps.tables
      .client('bookings')
      .upsertEntity({ partitionKey: hostId, rowKey: awaitingKey(id) }, 'Replace');
  }

  private async isAwaiting(booking: BookingRecord): Promise<boolean> {
    return (
      (await orMissing(
        this.deps.tables.client('bookings').getEntity(booking.hostId, awaitingKey(booking.id)),
      )) !== undefined
    );
  }

  private async clearAwaiting(booking: Pick<BookingRecord, 'hostId' | 'id'>): Promise<void> {
    await orMissing(
      this.deps.tables.client('bookings').deleteEntity(booking.hostId, awaitingKey(booking.id)),
    );
  }
}

/** The held span with buffers: what the live check reads. */
function heldWindow(span: {
  start: string;
  end: string;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}) {
  return {
    start: iso(Date.parse(span.start) - span.bufferBeforeMinutes * minuteMs),
    end: iso(Date.parse(span.end) + span.bufferAfterMinutes * minuteMs),
  };
}

/** A sentence for the invitee; never the host's details. */
function publicReason(code: string): string {
  switch (code) {
    case 'OUTSIDE_WORKING_HOURS':
      return 'it is outside the hours this page offers.';
    case 'TOO_SOON':
      return 'it is too soon; this page needs more notice.';
    case 'BEYOND_WINDOW':
      return 'it is further ahead than this page takes bookings.';
    case 'NOT_A_SLOT_START':
      return 'slots on this page start at other times.';
    default:
      return 'it is not one of the times this page offers.';
  }
}
