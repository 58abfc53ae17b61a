import { blocks, bookingIdsOf, bufferedBookingSpan, itemSpan, liveBookings, mayReach } from './blocking.js';
import type { ValidBooking, ValidHost, ValidPage } from './model.js';
import { mergeSpans, SpanCollector, SpanCursor, type MergedSpans, type Span } from './spans.js';
import { DAY_MS, MINUTE_MS } from './time-text.js';
import type { ZoneClock } from './wallclock.js';
import { windowBounds, type WindowBounds } from './window.js';
import { workingSpans } from './working-hours.js';

/** What one query asks of every host: the page, the clock reading and the requested duration. */
export interface QueryTerms {
  page: ValidPage;
  now: number;
  durationMinutes: number;
  ignoreBookingId?: string;
}

/** Candidate starts this schedule will be asked about lie in `[start, end)`. */
export interface Focus {
  start: number;
  end: number;
}

/** Extra days around the focus that the clock and per-day data cover, so every local date touched is whole. */
const MARGIN_MS = 3 * DAY_MS;

/** The instants a host's clock must cover to answer every question about `focus`. */
export function clockSpan(terms: QueryTerms, focus: Focus): Span {
  return {
    start: focus.start - terms.page.bufferBeforeMinutes * MINUTE_MS - MARGIN_MS,
    end: focus.end + (terms.durationMinutes + terms.page.bufferAfterMinutes) * MINUTE_MS + MARGIN_MS,
  };
}

/** Busy item `index` of the host's list, placed on the host's clock. */
export interface BlockingItem {
  index: number;
  span: Span;
}

export interface LiveBooking {
  booking: ValidBooking;
  /** With the booking's own buffers. */
  occupied: Span;
}

/**
 * One host prepared for one query: working set, blocking items and bookings as merged, sorted span
 * lists built once (O(n log n)), then `isBookable` answers ascending candidates with moving cursors.
 */
export class HostSchedule {
  readonly working: MergedSpans;
  /** Indexes of the busy items that block and may reach a candidate, in list order. */
  private readonly blockingIndexes: number[] = [];
  readonly bookings: LiveBooking[] = [];
  readonly window: WindowBounds;
  readonly earliest: number;
  private readonly dailyCounts = new Map<number, number>();
  private readonly dailyLimit: number | undefined;
  private readonly durationMs: number;
  private readonly bufferBeforeMs: number;
  private readonly bufferAfterMs: number;
  private readonly workingCursor: SpanCursor;
  private readonly busyCursor: SpanCursor;
  private readonly bookedCursor: SpanCursor;

  constructor(
    readonly host: ValidHost,
    readonly clock: ZoneClock,
    terms: QueryTerms,
    focus: Focus,
  ) {
    const { page } = terms;
    this.durationMs = terms.durationMinutes * MINUTE_MS;
    this.bufferBeforeMs = page.bufferBeforeMinutes * MINUTE_MS;
    this.bufferAfterMs = page.bufferAfterMinutes * MINUTE_MS;
    this.earliest = terms.now + page.minimumNoticeMinutes * MINUTE_MS;
    this.window = windowBounds(page.window, terms.now, clock);
    this.dailyLimit = page.maxBookingsPerDay;

    // Only time a candidate's buffered span can reach matters; the rest is never looked at.
    const reachStart = focus.start - this.bufferBeforeMs;
    const reachEnd = focus.end + this.durationMs + this.bufferAfterMs;
    const firstDay = clock.localDayOf(reachStart) - 1;
    const lastDay = clock.localDayOf(reachEnd) + 1;
    this.working = workingSpans(host, clock, firstDay, lastDay);

    const bookingIds = bookingIdsOf(host);
    const { busy } = host;
    const base = reachStart - MARGIN_MS;
    const busySpans = new SpanCollector(base, host.busy.items.length);
    for (let i = 0; i < busy.items.length; i++) {
      if (!mayReach(busy, i, reachStart, reachEnd, firstDay, lastDay)) continue;
      if (!blocks(busy.items[i]!, page.busyRules, bookingIds)) continue;
      if (busy.items[i]!.isAllDay) {
        busySpans.add(clock.startOfDay(busy.starts[i]!), clock.startOfDay(busy.ends[i]!));
      } else {
        busySpans.add(busy.starts[i]!, busy.ends[i]!);
      }
      this.blockingIndexes.push(i);
    }

    const countFrom = focus.start - MARGIN_MS;
    const countTo = focus.end + MARGIN_MS;
    for (const booking of liveBookings(host, terms.ignoreBookingId)) {
      const occupied = bufferedBookingSpan(booking);
      if (occupied.end > reachStart && occupied.start < reachEnd) this.bookings.push({ booking, occupied });
      if (booking.pageId === page.id && booking.start >= countFrom && booking.start < countTo) {
        const day = clock.localDayOf(booking.start);
        this.dailyCounts.set(day, (this.dailyCounts.get(day) ?? 0) + 1);
      }
    }

    this.workingCursor = new SpanCursor(this.working);
    this.busyCursor = new SpanCursor(busySpans.merge());
    this.bookedCursor = new SpanCursor(
      mergeSpans(
        this.bookings.map((b) => b.occupied),
        base,
      ),
    );
  }

  /** The blocking busy items that may reach a candidate, with their spans (for explanations). */
  get blocking(): BlockingItem[] {
    return this.blockingIndexes.map((index) => ({
      index,
      span: itemSpan(this.host.busy, index, this.clock),
    }));
  }

  /** Bookings of this page starting on the host-local date of `start`. */
  bookingsOnDayOf(start: number): number {
    return this.dailyCounts.get(this.clock.localDayOf(start)) ?? 0;
  }

  /** Whether the host can take a slot starting at `start` (rules 1–6); fastest for ascending starts. */
  isBookable(start: number): boolean {
    const end = start + this.durationMs;
    if (start < this.earliest || start < this.window.start || start >= this.window.end) return false;
    if (!this.workingCursor.contains(start, end)) return false;
    const bufferedStart = start - this.bufferBeforeMs;
    const bufferedEnd = end + this.bufferAfterMs;
    if (this.busyCursor.overlaps(bufferedStart, bufferedEnd)) return false;
    if (this.bookedCursor.overlaps(bufferedStart, bufferedEnd)) return false;
    return this.dailyLimit === undefined || this.bookingsOnDayOf(start) < this.dailyLimit;
  }

  /** The span a slot starting at `start` occupies with the page's buffers. */
  bufferedSpan(start: number): Span {
    return { start: start - this.bufferBeforeMs, end: start + this.durationMs + this.bufferAfterMs };
  }

  get slotLengthMs(): number {
    return this.durationMs;
  }

  get limit(): number | undefined {
    return this.dailyLimit;
  }
}
