import type { BusyList, ValidBooking, ValidHost } from './model.js';
import type { Span } from './spans.js';
import { MINUTE_MS } from './time-text.js';
import type { BusyItem, BusyRules } from './types.js';
import type { ZoneClock } from './wallclock.js';

/** Whether a busy item blocks under the page's rules (docs/scheduling.md, rule 4), its booking aside. */
export function blocksByRules(item: BusyItem, rules: BusyRules): boolean {
  if (item.isCancelled) return false;
  if ((item.sensitivity === 'private' || item.sensitivity === 'confidential') && !rules.privateBlocks)
    return false;
  switch (item.showAs) {
    case 'busy':
    case 'oof':
    case 'unknown':
      return true;
    case 'tentative':
      return rules.tentativeBlocks;
    case 'workingElsewhere':
      return rules.workingElsewhereBlocks;
    case 'free':
      return false;
  }
}

/**
 * The span of busy item `index`: timed items as given; all-day items from the start of their first
 * local date to the start of their end date, both in the host's zone.
 * @example
 * // an all-day item 2026-03-29…2026-03-30 for a London host spans 00:00 GMT → 23:00 UTC (23 hours)
 */
export function itemSpan(busy: BusyList, index: number, clock: ZoneClock): Span {
  const start = busy.starts[index]!;
  const end = busy.ends[index]!;
  if (!busy.items[index]!.isAllDay) return { start, end };
  return { start: clock.startOfDay(start), end: clock.startOfDay(end) };
}

/**
 * Whether busy item `index` may reach `[from, to)`, judged without placing all-day items on the
 * clock: they are compared as local dates with a day's slack on each side.
 */
export function mayReach(
  busy: BusyList,
  index: number,
  from: number,
  to: number,
  fromDay: number,
  toDay: number,
): boolean {
  if (busy.items[index]!.isAllDay) return busy.ends[index]! >= fromDay && busy.starts[index]! <= toDay;
  return busy.ends[index]! > from && busy.starts[index]! < to;
}

/** A booking's occupied time: its span widened by the buffers it was booked with. */
export function bufferedBookingSpan(booking: ValidBooking): Span {
  return {
    start: booking.start - booking.bufferBeforeMinutes * MINUTE_MS,
    end: booking.end + booking.bufferAfterMinutes * MINUTE_MS,
  };
}

/** Bookings that still hold time: not cancelled and not the one being rescheduled. */
export function liveBookings(host: ValidHost, ignoreBookingId: string | undefined): ValidBooking[] {
  return host.bookings.filter((b) => b.status !== 'cancelled' && b.id !== ignoreBookingId);
}

/** The ids of the host's bookings: their Outlook events count as bookings, never as busy items. */
export function bookingIdsOf(host: ValidHost): Set<string> {
  return new Set(host.bookings.map((b) => b.id));
}

/** Whether an item blocks: by the page's rules, and not the Outlook event of one of the host's bookings. */
export function blocks(item: BusyItem, rules: BusyRules, bookingIds: ReadonlySet<string>): boolean {
  return blocksByRules(item, rules) && (item.bookingId === undefined || !bookingIds.has(item.bookingId));
}
