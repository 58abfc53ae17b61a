import { DateTime } from 'luxon';
import type {
  AvailabilityQuery,
  BusyItem,
  ExistingBooking,
  HostAvailability,
  PageRules,
  Slot,
  WeeklyRule,
} from './types.js';

// Small builders for readable engine examples: every test states only what it is about.

export const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The same hours on the given ISO weekdays (default: every day). */
export function hours(from: string, to: string, days: readonly WeeklyRule['day'][] = ALL_DAYS): WeeklyRule[] {
  return days.map((day) => ({ day, from, to }));
}

export function host(id: string, timeZone: string, extra: Partial<HostAvailability> = {}): HostAvailability {
  return {
    id,
    timeZone,
    workingHours: { weekly: hours('09:00', '17:00'), overrides: [] },
    busy: [],
    bookings: [],
    ...extra,
  };
}

export function page(extra: Partial<PageRules> = {}): PageRules {
  return {
    id: 'page-1',
    durations: [30, 60],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    window: { kind: 'rolling', days: 365 },
    busyRules: { tentativeBlocks: false, workingElsewhereBlocks: false, privateBlocks: true },
    ...extra,
  };
}

/** A timed busy item; `start`/`end` are instants. */
export function busy(start: string, end: string, extra: Partial<BusyItem> = {}): BusyItem {
  return {
    calendarId: 'calendar-1',
    start,
    end,
    showAs: 'busy',
    sensitivity: 'normal',
    isAllDay: false,
    isCancelled: false,
    ...extra,
  };
}

/** An all-day item: local dates, end exclusive. */
export function allDay(startDate: string, endDate: string, extra: Partial<BusyItem> = {}): BusyItem {
  return busy(startDate, endDate, { isAllDay: true, ...extra });
}

export function booking(
  id: string,
  start: string,
  end: string,
  extra: Partial<ExistingBooking> = {},
): ExistingBooking {
  return {
    id,
    pageId: 'page-1',
    start,
    end,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    status: 'confirmed',
    bookedAt: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

/** A query for one host over one day by default; override any part. */
export function query(
  extra: Partial<AvailabilityQuery> & { host?: HostAvailability } = {},
): AvailabilityQuery {
  const { host: single, ...rest } = extra;
  return {
    page: page(),
    hosts: [single ?? host('ada', 'UTC')],
    now: '2026-01-01T00:00:00Z',
    range: { start: '2026-03-02T00:00:00Z', end: '2026-03-03T00:00:00Z' },
    durationMinutes: 30,
    inviteeTimeZone: 'UTC',
    ...rest,
  };
}

/** `[start, end)` covering whole local dates `firstDate…lastDate` in `zone`. */
export function localDays(zone: string, firstDate: string, lastDate: string): { start: string; end: string } {
  const start = DateTime.fromISO(firstDate, { zone }).startOf('day');
  const end = DateTime.fromISO(lastDate, { zone }).plus({ days: 1 }).startOf('day');
  return { start: start.toUTC().toISO()!, end: end.toUTC().toISO()! };
}

/** An instant from a wall time that exists once (test input only). */
export function at(local: string, zone: string): string {
  return DateTime.fromISO(local, { zone }).toUTC().toISO({ suppressMilliseconds: true })!;
}

/** Slot starts as wall times in `zone` with their offset: `2026-03-29 09:00 +01:00`. */
export function localStarts(slots: readonly Slot[], zone: string): string[] {
  return slots.map((slot) => DateTime.fromISO(slot.start, { zone }).toFormat('yyyy-MM-dd HH:mm ZZ'));
}

/** Slot starts as `HH:mm` wall times in `zone`. */
export function wallStarts(slots: readonly Slot[], zone: string): string[] {
  return slots.map((slot) => DateTime.fromISO(slot.start, { zone }).toFormat('HH:mm'));
}
