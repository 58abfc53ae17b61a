import type { AssignmentPolicy, BookingStatus, BusyItem, BusyRules, TeamKind } from './types.js';

/**
 * The query after validation: instants as epoch ms, local dates as day numbers, wall times as
 * minutes after midnight, defaults filled in. Every module past validation works on this shape.
 */
export interface ValidQuery {
  page: ValidPage;
  hosts: ValidHost[];
  now: number;
  rangeStart: number;
  rangeEnd: number;
  durationMinutes: number;
  inviteeTimeZone: string;
  ignoreBookingId?: string;
}

export type ValidWindow =
  { kind: 'rolling'; days: number } | { kind: 'fixed'; startDay: number; endDay: number };

export interface ValidPage {
  id: string;
  durations: number[];
  slotIntervalMinutes?: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  window: ValidWindow;
  maxBookingsPerDay?: number;
  busyRules: BusyRules;
  team?: { kind: TeamKind; policy: AssignmentPolicy; assignmentPeriodDays: number };
}

/** Minutes after local midnight, `to` up to 1440. */
export interface MinuteInterval {
  from: number;
  to: number;
}

export interface ValidHost {
  id: string;
  timeZone: string;
  /** Index 1–7 by ISO weekday, each sorted by `from`; index 0 unused. */
  weekly: MinuteInterval[][];
  /** Day number → that date's intervals (empty = day off), sorted by `from`. */
  overrides: Map<number, MinuteInterval[]>;
  busy: BusyList;
  bookings: ValidBooking[];
  weight: number;
  priority: number;
}

/**
 * A host's busy items as given, with their bounds parsed into parallel arrays (no object per item:
 * busy lists reach tens of thousands of items). Timed items: epoch ms. All-day items: day numbers.
 */
export interface BusyList {
  items: readonly BusyItem[];
  starts: Float64Array;
  ends: Float64Array;
}

export interface ValidBooking {
  id: string;
  pageId: string;
  start: number;
  end: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  status: BookingStatus;
  bookedAt: number;
}
