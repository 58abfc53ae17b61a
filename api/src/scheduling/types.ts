/**
 * The scheduling engine's inputs and outputs. The meaning of every field is defined in
 * docs/scheduling.md; the engine and its oracle both implement that page.
 */

/** An ISO-8601 instant with an offset, e.g. `2026-03-29T08:00:00Z`. */
export type IsoInstant = string;
/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;
/** A local wall-clock time, `HH:mm`; `24:00` is allowed as an interval end. */
export type WallTime = string;
/** An IANA time-zone name, e.g. `America/Sao_Paulo`. */
export type TimeZone = string;

export type ShowAs = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
export type Sensitivity = 'normal' | 'personal' | 'private' | 'confidential';

/** One item of a host's availability calendars: the fields availability needs and nothing else. */
export interface BusyItem {
  calendarId: string;
  /** Timed items: an instant. All-day items: a local date (`YYYY-MM-DD`), see docs/scheduling.md. */
  start: string;
  /** Exclusive. Timed items: an instant. All-day items: the local date after the last day. */
  end: string;
  showAs: ShowAs;
  sensitivity: Sensitivity;
  isAllDay: boolean;
  isCancelled: boolean;
  /** Set on the Outlook event of a Tandem booking (the TandemBookingId extended property). */
  bookingId?: string;
}

export type BookingStatus = 'pending' | 'confirmed' | 'cancelled';

/** A booking already held by a host (any page), with the buffers it was booked with. */
export interface ExistingBooking {
  id: string;
  pageId: string;
  start: IsoInstant;
  end: IsoInstant;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  status: BookingStatus;
  /** When the invitee booked it; round-robin fairness counts bookings by this instant. */
  bookedAt: IsoInstant;
}

export interface TimeInterval {
  from: WallTime;
  to: WallTime;
}

/** Weekly working hours; `day` is the ISO weekday, 1 = Monday … 7 = Sunday. */
export interface WeeklyRule extends TimeInterval {
  day: 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** Other hours on one local date; no interval means a day off. */
export interface DateOverride {
  date: LocalDate;
  intervals: TimeInterval[];
}

export interface WorkingHours {
  weekly: WeeklyRule[];
  overrides: DateOverride[];
}

/** A host (or team member) as the engine sees them for one page. */
export interface HostAvailability {
  id: string;
  timeZone: TimeZone;
  workingHours: WorkingHours;
  busy: BusyItem[];
  bookings: ExistingBooking[];
  /** Round-robin `weighted` policy; > 0. Default 1. */
  weight?: number;
  /** Round-robin `priority` policy; higher is preferred. Default 0. */
  priority?: number;
}

export interface BusyRules {
  /** @default false */
  tentativeBlocks: boolean;
  /** @default false */
  workingElsewhereBlocks: boolean;
  /** @default true */
  privateBlocks: boolean;
}

export type SchedulingWindow =
  { kind: 'rolling'; days: number } | { kind: 'fixed'; startDate: LocalDate; endDate: LocalDate };

export type TeamKind = 'collective' | 'roundRobin';
export type AssignmentPolicy = 'equal' | 'weighted' | 'priority';

export interface TeamRules {
  kind: TeamKind;
  /** Only for round-robin. @default 'equal' */
  policy: AssignmentPolicy;
  /** @default 30 */
  assignmentPeriodDays: number;
}

/** The rules of one booking page (event type) that bear on availability. */
export interface PageRules {
  id: string;
  /** Offered durations in minutes, multiples of 5. */
  durations: number[];
  /** Minutes between candidate starts, a multiple of 5. Default: the requested duration. */
  slotIntervalMinutes?: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  window: SchedulingWindow;
  /** Bookings of this page per host-local day; absent = no limit. */
  maxBookingsPerDay?: number;
  busyRules: BusyRules;
  /** Absent for a personal page. */
  team?: TeamRules;
}

export interface AvailabilityQuery {
  page: PageRules;
  /** One host for a personal page; the members, primary host first, for a team page. */
  hosts: HostAvailability[];
  now: IsoInstant;
  /** Slot starts in `[start, end)`; at most 366 days. */
  range: { start: IsoInstant; end: IsoInstant };
  /** Minutes; one of `page.durations`. */
  durationMinutes: number;
  /** The invitee's zone; validated, and used to label slots with the invitee's local date. */
  inviteeTimeZone: TimeZone;
  /** A booking being rescheduled: it neither blocks nor counts toward the daily limit. */
  ignoreBookingId?: string;
}

export interface Slot {
  start: IsoInstant;
  end: IsoInstant;
  /** The slot's start date in the invitee's zone. */
  inviteeDate: LocalDate;
  /** Hosts free for this slot (all of them for personal and collective pages). */
  hostIds: string[];
}

export type ReasonCode =
  | 'NOT_A_SLOT_START'
  | 'OUTSIDE_RANGE'
  | 'OUTSIDE_WORKING_HOURS'
  | 'TOO_SOON'
  | 'BEYOND_WINDOW'
  | 'BUSY'
  | 'BUFFER'
  | 'BOOKED'
  | 'DAILY_LIMIT'
  | 'MEMBER_BUSY'
  | 'NO_MEMBER_FREE';

export interface Reason {
  code: ReasonCode;
  /** A sentence for the host's troubleshooting view. */
  message: string;
  hostId?: string;
  calendarId?: string;
  /** The blocking item's or booking's span, when there is one. */
  span?: { start: IsoInstant; end: IsoInstant };
  showAs?: ShowAs;
  bookingId?: string;
  /** For team pages: each member's own reasons. */
  members?: { hostId: string; reasons: Reason[] }[];
}

export interface Explanation {
  start: IsoInstant;
  bookable: boolean;
  reasons: Reason[];
}

export type SchedulingErrorCode =
  | 'INVALID_TIME_ZONE'
  | 'INVALID_INSTANT'
  | 'INVALID_DATE'
  | 'INVALID_TIME'
  | 'INVALID_RANGE'
  | 'RANGE_TOO_LONG'
  | 'INVALID_MINUTES'
  | 'DURATION_NOT_OFFERED'
  | 'OVERLAPPING_INTERVALS'
  | 'EMPTY_TEAM'
  | 'INVALID_WEIGHT'
  | 'INVALID_INPUT';
