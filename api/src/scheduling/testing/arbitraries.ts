import fc from 'fast-check';
import type {
  AssignmentPolicy,
  AvailabilityQuery,
  BookingStatus,
  BusyItem,
  BusyRules,
  DateOverride,
  ExistingBooking,
  HostAvailability,
  PageRules,
  SchedulingWindow,
  Sensitivity,
  ShowAs,
  TimeInterval,
  WeeklyRule,
} from '@tandem/api/scheduling';
import { offsetChanges } from './dst-transitions.js';
import { MINUTE, ZoneClock, dateOfDay } from './zone-clock.js';

/**
 * fast-check generators of valid availability queries, concentrated where scheduling goes wrong:
 * ranges straddling the 2026 offset changes of zones with 60- and 30-minute DST, a +05:45 zone and a
 * zone without DST, working hours with boundaries inside the skipped and repeated hours, busy items of
 * every kind, bookings with buffers and statuses, and teams whose members live in different zones.
 */

const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const HOST_ZONES = [
  'Europe/London',
  'America/New_York',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  // Chile moves its clocks at midnight: a local date that starts at 01:00, and a repeated 23:00.
  'America/Santiago',
] as const;
export const INVITEE_ZONES = [...HOST_ZONES, 'UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'] as const;

const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_END = Date.UTC(2027, 0, 1);

/** Every offset change of the host zones in 2026 (New York, London, Lord Howe and Santiago have two each). */
export const TRANSITIONS_2026 = HOST_ZONES.flatMap((zone) => offsetChanges(zone, YEAR_START, YEAR_END));

type Gen = fc.GeneratorValue;

const int = (g: Gen, min: number, max: number): number => g(fc.integer, { min, max });
const pick = <T>(g: Gen, values: readonly T[]): T => values[int(g, 0, values.length - 1)]!;
/** True with probability `p`; shrinks to false, so counterexamples lose optional features. */
const chance = (g: Gen, p: number): boolean => int(g, 0, 999) >= 1000 * (1 - p);

export const iso = (epochMs: number): string => new Date(epochMs).toISOString().replace('.000Z', 'Z');
const dateOf = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);

/** The same instant written with a fixed offset, e.g. `2026-03-08T02:00:00-05:00`. */
function isoAtOffset(epochMs: number, offsetMinutes: number): string {
  const local = new Date(epochMs + offsetMinutes * MINUTE).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

/** An instant as text: usually `…Z`, sometimes with another offset, as callers may send. */
function instantText(g: Gen, epochMs: number): string {
  return chance(g, 0.15) ? isoAtOffset(epochMs, pick(g, [-300, 330, 345, 60, -180])) : iso(epochMs);
}

/** A point near `anchor`: whole 5 minutes mostly, odd minutes and seconds sometimes. */
function instantNear(g: Gen, anchor: number, beforeMinutes: number, afterMinutes: number): number {
  const base = anchor + int(g, -Math.floor(beforeMinutes / 5), Math.floor(afterMinutes / 5)) * 5 * MINUTE;
  if (chance(g, 0.15)) return base + int(g, 1, 4) * MINUTE;
  if (chance(g, 0.05)) return base + int(g, 1, 59) * 1000;
  return base;
}

// Wall times that matter: the skipped and repeated hours (01:00–03:00), midnight, office hours.
const BOUNDARY_TIMES = [
  '09:00',
  '17:00',
  '00:00',
  '24:00',
  '01:00',
  '01:30',
  '02:00',
  '02:30',
  '03:00',
  '12:00',
  '13:00',
  '22:00',
  '23:30',
  '05:45',
  '18:15',
];

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

// Boundaries inside and around the skipped hour (NY 02:00–03:00, London 01:00–02:00, Lord Howe
// 02:00–02:30) and the repeated one.
const DST_TIMES = ['02:30', '01:30', '02:00', '02:15', '01:00', '03:00', '00:00', '24:00', '04:00'];

/**
 * Up to three intervals of one day, from distinct boundaries so they never overlap or touch (touching
 * intervals of one day may not be valid input). Boundaries are drawn without replacement from a pool,
 * which keeps generation finite however values shrink.
 */
function dayIntervals(g: Gen, times: readonly string[]): TimeInterval[] {
  if (chance(g, 0.15)) return [{ from: '00:00', to: '24:00' }];
  const pool = [...new Set([...times.map(minutesOf), int(g, 0, 288) * 5, int(g, 0, 288) * 5])];
  const boundaries: number[] = [];
  for (let i = int(g, 1, 3) * 2; i > 0; i--) boundaries.push(pool.splice(int(g, 0, pool.length - 1), 1)[0]!);
  const sorted = boundaries.sort((a, b) => a - b);
  const intervals: TimeInterval[] = [];
  for (let i = 0; i < sorted.length; i += 2) {
    intervals.push({ from: timeOf(sorted[i]!), to: timeOf(sorted[i + 1]!) });
  }
  return intervals;
}

function weeklyRules(g: Gen): WeeklyRule[] {
  const rules: WeeklyRule[] = [];
  for (const day of [1, 2, 3, 4, 5, 6, 7] as const) {
    if (chance(g, 0.2)) continue;
    for (const interval of dayIntervals(g, BOUNDARY_TIMES)) rules.push({ day, ...interval });
  }
  return rules;
}

/** Overrides on the host's own local dates of the range, often with boundaries in the DST hours. */
function overrides(g: Gen, timeZone: string, rangeStart: number, rangeEnd: number): DateOverride[] {
  const clock = new ZoneClock(timeZone);
  const dates = new Set<string>();
  const count = chance(g, 0.6) ? int(g, 1, 3) : 0;
  for (let i = 0; i < count; i++) {
    const at = rangeStart + int(g, -1, Math.ceil((rangeEnd - rangeStart) / HOUR) + 24) * HOUR;
    dates.add(dateOfDay(clock.dayOf(at)));
  }
  return [...dates].map((date) => ({
    date,
    intervals: chance(g, 0.25) ? [] : dayIntervals(g, chance(g, 0.6) ? DST_TIMES : BOUNDARY_TIMES),
  }));
}

const SHOW_AS: ShowAs[] = ['busy', 'free', 'tentative', 'oof', 'workingElsewhere', 'unknown'];
const SENSITIVITY: Sensitivity[] = ['normal', 'personal', 'private', 'confidential'];
const STATUS: BookingStatus[] = ['confirmed', 'pending', 'cancelled'];

function booking(g: Gen, id: string, rangeStart: number, rangeEnd: number, now: number): ExistingBooking {
  const start = instantNear(g, rangeStart, 12 * 60, (rangeEnd - rangeStart) / MINUTE + 6 * 60);
  // bookedAt avoids whole seconds so it never sits exactly on the fairness period's edge.
  const bookedAt = now - int(g, 1, 60 * 24 * 75) * MINUTE - 17_000;
  return {
    id,
    pageId: chance(g, 0.3) ? 'page-other' : 'page-1',
    start: instantText(g, start),
    end: instantText(g, start + int(g, 1, 24) * 5 * MINUTE + (chance(g, 0.1) ? 7 * MINUTE : 0)),
    bufferBeforeMinutes: chance(g, 0.4) ? int(g, 1, 6) * 5 : 0,
    bufferAfterMinutes: chance(g, 0.4) ? int(g, 1, 6) * 5 : 0,
    status: pick(g, STATUS),
    bookedAt: iso(bookedAt),
  };
}

function busyItem(g: Gen, rangeStart: number, rangeEnd: number, bookingIds: string[]): BusyItem {
  const base = {
    calendarId: pick(g, ['calendar-a', 'calendar-b']),
    showAs: pick(g, SHOW_AS),
    sensitivity: pick(g, SENSITIVITY),
    isCancelled: chance(g, 0.1),
    ...(bookingIds.length > 0 && chance(g, 0.2) ? { bookingId: pick(g, bookingIds) } : {}),
    ...(chance(g, 0.05) ? { bookingId: 'booking-elsewhere' } : {}),
  };
  if (chance(g, 0.15)) {
    const first = rangeStart + int(g, -2, Math.ceil((rangeEnd - rangeStart) / DAY) + 1) * DAY;
    return {
      ...base,
      isAllDay: true,
      start: dateOf(first),
      end: dateOf(first + int(g, 1, 2) * DAY),
    };
  }
  const start = instantNear(g, rangeStart, 12 * 60, (rangeEnd - rangeStart) / MINUTE + 6 * 60);
  const lengthMinutes = chance(g, 0.2) ? int(g, 1, 30) * 60 : int(g, 1, 36) * 5;
  return {
    ...base,
    isAllDay: false,
    start: instantText(g, start),
    end: instantText(g, start + lengthMinutes * MINUTE + (chance(g, 0.1) ? int(g, 1, 59) * 1000 : 0)),
  };
}

const HOST_IDS = ['ana', 'bo', 'cy', 'dee', 'eve', 'flo'];

function host(
  g: Gen,
  id: string,
  timeZone: string,
  rangeStart: number,
  rangeEnd: number,
  now: number,
): HostAvailability {
  const bookings: ExistingBooking[] = [];
  const bookingCount = chance(g, 0.7) ? int(g, 1, 5) : 0;
  for (let i = 0; i < bookingCount; i++) bookings.push(booking(g, `${id}-b${i}`, rangeStart, rangeEnd, now));
  const busy: BusyItem[] = [];
  const itemCount = int(g, 0, 8);
  const bookingIds = bookings.map((b) => b.id);
  for (let i = 0; i < itemCount; i++) busy.push(busyItem(g, rangeStart, rangeEnd, bookingIds));
  return {
    id,
    timeZone,
    workingHours: { weekly: weeklyRules(g), overrides: overrides(g, timeZone, rangeStart, rangeEnd) },
    busy,
    bookings,
    ...(chance(g, 0.5) ? { weight: pick(g, [1, 2, 3, 0.5, 4]) } : {}),
    ...(chance(g, 0.5) ? { priority: int(g, 0, 3) } : {}),
  };
}

function schedulingWindow(g: Gen, rangeStart: number, rangeEnd: number): SchedulingWindow {
  // Mostly wide enough to leave slots, sometimes cutting the range on either side.
  if (chance(g, 0.4)) {
    const from = rangeStart + int(g, -2, chance(g, 0.3) ? 1 : 0) * DAY;
    const to = Math.max(from, rangeEnd + int(g, -1, 2) * DAY);
    return { kind: 'fixed', startDate: dateOf(from), endDate: dateOf(to) };
  }
  return { kind: 'rolling', days: chance(g, 0.7) ? int(g, 3, 30) : int(g, 0, 2) };
}

export interface QueryShape {
  /** How many hosts; 1 = a personal page. */
  minHosts: number;
  maxHosts: number;
  /** Longest range in hours. */
  maxRangeHours: number;
}

/** A range near a 2026 offset change (or, sometimes, anywhere in 2026) and the zone it belongs to. */
function placedRange(g: Gen, maxRangeHours: number): { start: number; end: number; zone: string } {
  if (chance(g, 0.8)) {
    const change = pick(g, TRANSITIONS_2026);
    const start = instantNear(g, change.at, maxRangeHours * 60, 60);
    const end = Math.max(start + HOUR, instantNear(g, change.at, 0, maxRangeHours * 60));
    return { start, end: Math.min(end, start + maxRangeHours * HOUR), zone: change.timeZone };
  }
  const start = instantNear(g, YEAR_START, 0, 360 * 24 * 60);
  return { start, end: start + int(g, 1, maxRangeHours) * HOUR, zone: pick(g, HOST_ZONES) };
}

const DURATIONS = [30, 60, 15, 45, 20, 90, 120, 5, 25];

function pageRules(g: Gen, hostCount: number, rangeStart: number, rangeEnd: number): PageRules {
  const durations = [...new Set([pick(g, DURATIONS), ...(chance(g, 0.4) ? [pick(g, DURATIONS)] : [])])];
  const busyRules: BusyRules = {
    tentativeBlocks: chance(g, 0.5),
    workingElsewhereBlocks: chance(g, 0.5),
    privateBlocks: !chance(g, 0.3),
  };
  const page: PageRules = {
    id: 'page-1',
    durations,
    bufferBeforeMinutes: chance(g, 0.4) ? int(g, 1, 6) * 5 : 0,
    bufferAfterMinutes: chance(g, 0.4) ? int(g, 1, 6) * 5 : 0,
    minimumNoticeMinutes: chance(g, 0.5) ? (chance(g, 0.2) ? int(g, 1, 3000) : int(g, 1, 96) * 30) : 0,
    window: schedulingWindow(g, rangeStart, rangeEnd),
    busyRules,
  };
  if (chance(g, 0.5)) page.slotIntervalMinutes = int(g, 1, 24) * 5;
  if (chance(g, 0.4)) page.maxBookingsPerDay = int(g, 1, 2);
  if (hostCount > 1) {
    const policy: AssignmentPolicy = pick(g, ['equal', 'weighted', 'priority'] as const);
    page.team = {
      kind: chance(g, 0.5) ? 'roundRobin' : 'collective',
      policy,
      assignmentPeriodDays: chance(g, 0.5) ? 30 : int(g, 1, 60),
    };
  }
  return page;
}

/** A valid availability query (see the module comment for what it concentrates on). */
export function availabilityQuery(shape: QueryShape): fc.Arbitrary<AvailabilityQuery> {
  return fc.gen().map((g) => {
    const range = placedRange(g, shape.maxRangeHours);
    const hostCount = int(g, shape.minHosts, shape.maxHosts);
    const now = instantNear(g, range.start, 5 * 24 * 60, 12 * 60);
    const ids = [...HOST_IDS];
    const hosts: HostAvailability[] = [];
    for (let i = 0; i < hostCount; i++) {
      const id = ids.splice(int(g, 0, ids.length - 1), 1)[0]!;
      // The first host usually lives in the zone whose offset change the range straddles.
      const zone = i === 0 && chance(g, 0.7) ? range.zone : pick(g, HOST_ZONES);
      hosts.push(host(g, id, zone, range.start, range.end, now));
    }
    const page = pageRules(g, hostCount, range.start, range.end);
    const allBookings = hosts.flatMap((h) => h.bookings);
    const query: AvailabilityQuery = {
      page,
      hosts,
      now: instantText(g, now),
      range: { start: instantText(g, range.start), end: instantText(g, range.end) },
      durationMinutes: pick(g, page.durations),
      inviteeTimeZone: pick(g, INVITEE_ZONES),
    };
    if (allBookings.length > 0 && chance(g, 0.3)) query.ignoreBookingId = pick(g, allBookings).id;
    return query;
  });
}

/** Instants worth asking about: aligned and unaligned, inside and just outside the range. */
export function probeInstants(query: AvailabilityQuery, count: number): fc.Arbitrary<string[]> {
  const start = Date.parse(query.range.start);
  const end = Date.parse(query.range.end);
  const minutes = Math.ceil((end - start) / MINUTE);
  return fc.array(
    fc.tuple(fc.integer({ min: -120, max: minutes + 120 }), fc.boolean()).map(([minute, round]) => {
      const at = Math.floor(start / MINUTE + minute) * MINUTE;
      return iso(round ? Math.round(at / (15 * MINUTE)) * 15 * MINUTE : at);
    }),
    { minLength: count, maxLength: count },
  );
}

/** A busy item that blocks under any busy rules: `busy`, normal sensitivity, not cancelled. */
export function blockingItem(query: AvailabilityQuery): fc.Arbitrary<{ hostIndex: number; item: BusyItem }> {
  const start = Date.parse(query.range.start);
  const end = Date.parse(query.range.end);
  return fc
    .record({
      hostIndex: fc.integer({ min: 0, max: query.hosts.length - 1 }),
      from: fc.integer({ min: -60, max: Math.ceil((end - start) / MINUTE) }),
      length: fc.integer({ min: 1, max: 240 }),
    })
    .map(({ hostIndex, from, length }) => {
      const at = Math.floor(start / MINUTE + from) * MINUTE;
      return {
        hostIndex,
        item: {
          calendarId: 'calendar-added',
          start: iso(at),
          end: iso(at + length * MINUTE),
          showAs: 'busy',
          sensitivity: 'normal',
          isAllDay: false,
          isCancelled: false,
        },
      };
    });
}
