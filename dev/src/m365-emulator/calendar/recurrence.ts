import { CalendarInputError } from './calendar-errors.js';
import { PATTERN_TYPES } from '../state/event-input.js';
import type { EventLike, Instance, RecurrencePatternLike } from './event-shape.js';
import { overlaps } from './event-shape.js';
import {
  MS_PER_DAY,
  dateOfDayNumber,
  dayNumberFromParts,
  dayNumberOf,
  daysInMonth,
  instantOf,
  parseWall,
  requireZone,
  utcToWall,
  wallToUtc,
  weekdayOf,
} from './zone.js';

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const WEEK_INDEX = ['first', 'second', 'third', 'fourth', 'last'] as const;
const PATTERNS = PATTERN_TYPES;
type PatternType = (typeof PATTERNS)[number];

/** Outlook keeps no more than this many occurrences in a numbered series. */
const MAX_NUMBERED = 999;

/** A series master checked and reduced to integers: days are day numbers in the series' zone. */
export interface CompiledSeries {
  masterId: string;
  /** The series' zone; 'UTC' for floating (all-day) series, whose wall dates hold in any zone. */
  zone: string;
  /** All-day series float: their dates are read in the reader's zone. */
  floating: boolean;
  pattern: PatternType;
  interval: number;
  /** 0 = Sunday; sorted offsets from firstDayOfWeek for weekly patterns. */
  weekOffsets: number[];
  firstDayOfWeek: number;
  daysOfWeek: Set<number>;
  /** 0..3 for first..fourth, 4 for last. */
  index: number;
  dayOfMonth: number;
  month: number;
  startDay: number;
  /** Last day an occurrence may fall on (inclusive); Infinity for noEnd and numbered. */
  endDay: number;
  /** numbered: how many occurrences; Infinity otherwise. */
  count: number;
  /** Wall offsets from the local midnight of the occurrence day (Exchange's StartTimeOffset/EndTimeOffset). */
  startOffsetMs: number;
  endOffsetMs: number;
  cancelledDays: Set<number>;
}

function fail(field: string, message: string): never {
  throw new CalendarInputError('INVALID_RECURRENCE', field, message);
}

function dayIndex(name: string | null | undefined, field: string): number {
  const i = DAY_NAMES.indexOf(name as (typeof DAY_NAMES)[number]);
  if (i < 0) fail(field, `'${String(name)}' is not a day of the week.`);
  return i;
}

function integer(value: number | null | undefined, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(field, `expected an integer from ${min} to ${max}, got ${String(value)}.`);
  }
  return value;
}

function daysOfWeekOf(pattern: RecurrencePatternLike, field: string): Set<number> {
  const days = pattern.daysOfWeek ?? [];
  if (days.length === 0) fail(`${field}.daysOfWeek`, 'at least one day is required for this pattern.');
  return new Set(days.map((d, i) => dayIndex(d, `${field}.daysOfWeek[${i}]`)));
}

/** The zone a series recurs in: the zone the client wrote its start in. */
export function seriesZone(master: EventLike): string {
  const stated =
    master.originalStartTimeZone ?? master.start?.timeZone ?? master.recurrence?.range?.recurrenceTimeZone;
  return requireZone(
    stated ?? 'UTC',
    master.originalStartTimeZone ? 'originalStartTimeZone' : 'start.timeZone',
  );
}

/**
 * Checks a series master and reduces it to integers for fast expansion; bad input is a
 * `CalendarInputError` with code INVALID_RECURRENCE naming the field.
 * @example compileSeries({ id: 'm', start: { dateTime: '2026-03-02T09:00:00', timeZone: 'GMT Standard Time' }, … })
 */
export function compileSeries(master: EventLike): CompiledSeries {
  const recurrence = master.recurrence;
  if (!recurrence?.pattern || !recurrence.range)
    fail('recurrence', 'a series master needs a pattern and a range.');
  if (!master.start || !master.end) fail('start', 'a series master needs start and end.');
  const { pattern, range } = recurrence;
  const floating = master.isAllDay === true;
  const zone = floating ? 'UTC' : seriesZone(master);
  // All-day events float: their start and end are wall dates at midnight, whatever zone labels them.
  const startWall = floating
    ? parseWall(master.start.dateTime, 'start.dateTime')
    : utcToWall(zone, instantOf(master.start, 'start'));
  const endWall = floating
    ? parseWall(master.end.dateTime, 'end.dateTime')
    : utcToWall(zone, instantOf(master.end, 'end'));
  if (endWall < startWall) fail('end', 'end is before start.');
  const firstDay = Math.floor(startWall / MS_PER_DAY);
  const startOffsetMs = startWall - firstDay * MS_PER_DAY;
  const endOffsetMs = startOffsetMs + (endWall - startWall);

  const type = pattern.type as PatternType;
  if (!PATTERNS.includes(type))
    fail('recurrence.pattern.type', `'${String(pattern.type)}' is not a pattern type.`);
  // Exchange accepts intervals up to 999 (daily); refusing less would fail clients Graph serves.
  const interval = integer(pattern.interval, 'recurrence.pattern.interval', 1, 999);
  const f = 'recurrence.pattern';
  const weekly = type === 'weekly';
  const relative = type === 'relativeMonthly' || type === 'relativeYearly';
  const daysOfWeek = weekly || relative ? daysOfWeekOf(pattern, f) : new Set<number>();
  const firstDayOfWeek = pattern.firstDayOfWeek ? dayIndex(pattern.firstDayOfWeek, `${f}.firstDayOfWeek`) : 0;
  const index =
    relative && pattern.index ? WEEK_INDEX.indexOf(pattern.index as (typeof WEEK_INDEX)[number]) : 0;
  if (index < 0) fail(`${f}.index`, `'${String(pattern.index)}' is not a week index.`);
  const absolute = type === 'absoluteMonthly' || type === 'absoluteYearly';
  const dayOfMonth = absolute ? integer(pattern.dayOfMonth, `${f}.dayOfMonth`, 1, 31) : 0;
  const yearly = type === 'absoluteYearly' || type === 'relativeYearly';
  const month = yearly ? integer(pattern.month, `${f}.month`, 1, 12) : 0;

  const startDay = range.startDate ? dayNumberOf(range.startDate, 'recurrence.range.startDate') : firstDay;
  let endDay = Infinity;
  let count = Infinity;
  if (range.type === 'endDate') {
    endDay = dayNumberOf(range.endDate ?? '', 'recurrence.range.endDate');
    if (endDay < startDay) fail('recurrence.range.endDate', 'endDate is before startDate.');
  } else if (range.type === 'numbered') {
    count = integer(range.numberOfOccurrences, 'recurrence.range.numberOfOccurrences', 1, MAX_NUMBERED);
  } else if (range.type !== 'noEnd') {
    fail('recurrence.range.type', `'${String(range.type)}' is not a range type.`);
  }

  const cancelledDays = new Set<number>();
  for (const oid of master.cancelledOccurrences ?? []) {
    const date = oid.slice(oid.lastIndexOf('.') + 1);
    cancelledDays.add(dayNumberOf(date, 'cancelledOccurrences'));
  }

  const weekOffsets = [...daysOfWeek].map((d) => (d - firstDayOfWeek + 7) % 7).sort((a, b) => a - b);
  return {
    masterId: master.id,
    zone,
    floating,
    pattern: type,
    interval,
    weekOffsets,
    firstDayOfWeek,
    daysOfWeek,
    index,
    dayOfMonth,
    month,
    startDay,
    endDay,
    count,
    startOffsetMs,
    endOffsetMs,
    cancelledDays,
  };
}

/** The day of a relative pattern in a month: the nth (or last) day whose weekday is allowed. */
function relativeDay(series: CompiledSeries, year: number, month1: number): number {
  const first = dayNumberFromParts(year, month1, 1);
  const length = daysInMonth(year, month1);
  if (series.index === 4) {
    for (let d = first + length - 1; d >= first; d--) if (series.daysOfWeek.has(weekdayOf(d))) return d;
    return NaN;
  }
  let seen = -1;
  for (let d = first; d < first + length; d++) {
    if (series.daysOfWeek.has(weekdayOf(d)) && ++seen === series.index) return d;
  }
  return NaN;
}

/** The day of an absolute pattern in a month; a day past the month's end falls on its last day, as in Exchange. */
function absoluteDay(series: CompiledSeries, year: number, month1: number): number {
  return dayNumberFromParts(year, month1, Math.min(series.dayOfMonth, daysInMonth(year, month1)));
}

/**
 * Visits the series' pattern days from `fromDay` (a hint: numbered series always start at their
 * first day, since counting needs every occurrence) to `toDay`, in order, with range limits applied.
 * The callback returns false to stop.
 */
export function forEachPatternDay(
  series: CompiledSeries,
  fromDay: number,
  toDay: number,
  visit: (day: number) => unknown,
): void {
  const numbered = Number.isFinite(series.count);
  const low = numbered ? series.startDay : Math.max(series.startDay, fromDay);
  const high = Math.min(toDay, series.endDay);
  let emitted = 0;
  const emit = (day: number): boolean => {
    if (day < series.startDay || day > high) return day <= high;
    if (numbered && emitted >= series.count) return false;
    emitted++;
    if (day < low) return true;
    return visit(day) !== false;
  };
  const { interval } = series;
  switch (series.pattern) {
    case 'daily': {
      const k0 = numbered ? 0 : Math.max(0, Math.ceil((low - series.startDay) / interval));
      for (let d = series.startDay + k0 * interval; d <= high; d += interval) if (!emit(d)) return;
      return;
    }
    case 'weekly': {
      const week0 = series.startDay - ((weekdayOf(series.startDay) - series.firstDayOfWeek + 7) % 7);
      const step = 7 * interval;
      const w0 = numbered ? 0 : Math.max(0, Math.floor((low - week0) / step));
      for (let ws = week0 + w0 * step; ws <= high; ws += step) {
        for (const offset of series.weekOffsets) {
          const d = ws + offset;
          if (d < series.startDay) continue;
          if (!emit(d)) return;
        }
      }
      return;
    }
    default: {
      const yearly = series.pattern === 'absoluteYearly' || series.pattern === 'relativeYearly';
      const relative = series.pattern === 'relativeMonthly' || series.pattern === 'relativeYearly';
      const start = new Date(series.startDay * MS_PER_DAY);
      const startYear = start.getUTCFullYear();
      // Months counted from year 0 so monthly and yearly steps share one loop.
      const firstMonth = yearly ? startYear * 12 + series.month - 1 : startYear * 12 + start.getUTCMonth();
      const step = yearly ? 12 * interval : interval;
      const lowDate = new Date(low * MS_PER_DAY);
      const lowMonth = lowDate.getUTCFullYear() * 12 + lowDate.getUTCMonth();
      const k0 = numbered ? 0 : Math.max(0, Math.floor((lowMonth - firstMonth) / step) - 1);
      for (let m = firstMonth + k0 * step; ; m += step) {
        const year = Math.floor(m / 12);
        const month1 = (m % 12) + 1;
        if (dayNumberFromParts(year, month1, 1) > high) return;
        const d = relative ? relativeDay(series, year, month1) : absoluteDay(series, year, month1);
        if (Number.isNaN(d) || d < series.startDay) continue;
        if (!emit(d)) return;
      }
    }
  }
}

// Occurrence ids: deterministic, distinct from the master's and readable back, in the URL-safe
// alphabet the store's ids use, so an occurrence can be addressed like any other event.
const OCCURRENCE_PREFIX = 'AAMkOcc';

/** The id of the occurrence of a series originally scheduled at an instant. */
export function occurrenceId(seriesMasterId: string, originalStartMs: number): string {
  return OCCURRENCE_PREFIX + Buffer.from(`${seriesMasterId}|${originalStartMs}`).toString('base64url');
}

/** The series and original start an occurrence id names, or null when the id is not an occurrence id. */
export function parseOccurrenceId(id: string): { seriesMasterId: string; originalStartMs: number } | null {
  if (!id.startsWith(OCCURRENCE_PREFIX)) return null;
  const text = Buffer.from(id.slice(OCCURRENCE_PREFIX.length), 'base64url').toString();
  const bar = text.lastIndexOf('|');
  const ms = Number(text.slice(bar + 1));
  if (bar <= 0 || !Number.isSafeInteger(ms)) return null;
  return { seriesMasterId: text.slice(0, bar), originalStartMs: ms };
}

/** Graph's `OID.{seriesMasterId}.{yyyy-MM-dd}` for an occurrence, as listed in cancelledOccurrences. */
export function cancelledOccurrenceOid(master: EventLike, originalStartMs: number): string {
  // An all-day series' original starts are floating wall times labelled UTC (see expandSeries).
  const zone = master.isAllDay === true ? 'UTC' : seriesZone(master);
  return `OID.${master.id}.${dateOfDayNumber(Math.floor(utcToWall(zone, originalStartMs) / MS_PER_DAY))}`;
}

/**
 * The instants of a stored event's start and end. All-day events float: their midnight wall dates
 * are read in `floatingZone` (the zone the reader asked for, UTC by default).
 */
export function eventSpan(event: EventLike, floatingZone = 'UTC'): { startMs: number; endMs: number } | null {
  if (!event.start || !event.end) return null;
  if (event.isAllDay === true) {
    const startMs = wallToUtc(floatingZone, parseWall(event.start.dateTime, 'start.dateTime'));
    return {
      startMs,
      endMs: Math.max(startMs, wallToUtc(floatingZone, parseWall(event.end.dateTime, 'end.dateTime'))),
    };
  }
  const startMs = instantOf(event.start, 'start');
  return { startMs, endMs: Math.max(startMs, instantOf(event.end, 'end')) };
}

/** The instant an ISO 8601 DateTimeOffset ("2026-03-16T09:00:00Z", "…+01:00") names. */
export function parseOffsetInstant(text: string, field: string): number {
  if (/(Z|[+-]00:00)$/.test(text)) return parseWall(text, field);
  const ms = Date.parse(text.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(ms))
    throw new CalendarInputError('INVALID_DATE_TIME', field, `'${text}' is not a date and time.`);
  return ms;
}

export interface ExpandOptions<E extends EventLike> {
  /** Changed occurrences of this series (type exception, seriesMasterId, originalStart). */
  exceptions?: readonly E[];
  /** A series already compiled by {@link compileSeries}, to skip checking it again. */
  compiled?: CompiledSeries;
  /** The IANA zone all-day (floating) series and exceptions are read in; UTC by default. */
  floatingZone?: string;
}

/**
 * The instances of a series overlapping the window [windowStart, windowEnd), sorted by start:
 * occurrences at the series' local time (a 09:00 London meeting stays 09:00 across DST), changed
 * occurrences replaced by their exception (wherever it moved), cancelled occurrences left out.
 * @example expandSeries(weeklyAt9London, Date.UTC(2026, 2, 23), Date.UTC(2026, 3, 6)) // 09:00Z, then 08:00Z after 29 March
 */
export function expandSeries<E extends EventLike>(
  master: E,
  windowStart: number,
  windowEnd: number,
  options: ExpandOptions<E> = {},
): Instance<E>[] {
  const series = options.compiled ?? compileSeries(master);
  const byOriginalStart = new Map<number, E>();
  for (const exception of options.exceptions ?? []) {
    if (exception.originalStart) {
      byOriginalStart.set(parseOffsetInstant(exception.originalStart, 'originalStart'), exception);
    }
  }
  const out: Instance<E>[] = [];
  const floatingZone = options.floatingZone ?? 'UTC';
  const zone = series.floating ? floatingZone : series.zone;
  const spanDays = Math.ceil(Math.max(series.endOffsetMs, series.startOffsetMs + 1) / MS_PER_DAY);
  const fromDay = Math.floor(utcToWall(zone, windowStart) / MS_PER_DAY) - spanDays - 1;
  const toDay = Math.floor(utcToWall(zone, windowEnd) / MS_PER_DAY) + 1;
  forEachPatternDay(series, fromDay, toDay, (day) => {
    if (series.cancelledDays.has(day)) return;
    const midnight = day * MS_PER_DAY;
    const startMs = wallToUtc(zone, midnight + series.startOffsetMs);
    // An all-day occurrence is named by its floating wall start, so its id is the same in every zone.
    const originalStartMs = series.floating ? midnight + series.startOffsetMs : startMs;
    if (byOriginalStart.has(originalStartMs)) return;
    const endMs = Math.max(startMs, wallToUtc(zone, midnight + series.endOffsetMs));
    if (!overlaps(startMs, endMs, windowStart, windowEnd)) return;
    const instance: Instance<E> = {
      id: occurrenceId(master.id, originalStartMs),
      type: 'occurrence',
      startMs,
      endMs,
      source: master,
      master,
      originalStartMs,
    };
    if (series.floating) {
      instance.wallStartMs = midnight + series.startOffsetMs;
      instance.wallEndMs = midnight + series.endOffsetMs;
    }
    out.push(instance);
  });
  for (const [originalStartMs, exception] of byOriginalStart) {
    const originalWall = series.floating ? originalStartMs : utcToWall(zone, originalStartMs);
    const originalDay = Math.floor(originalWall / MS_PER_DAY);
    const span = eventSpan(exception, floatingZone);
    if (series.cancelledDays.has(originalDay) || !span) continue;
    const { startMs, endMs } = span;
    if (!overlaps(startMs, endMs, windowStart, windowEnd)) continue;
    out.push({
      id: exception.id,
      type: 'exception',
      startMs,
      endMs,
      source: exception,
      master,
      originalStartMs,
    });
  }
  return out.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
}

/** The span a series can occupy at most, for skipping series far from a window (Infinity when open). */
export function seriesBounds(series: CompiledSeries): { fromMs: number; toMs: number } {
  const fromMs = wallToUtc(series.zone, series.startDay * MS_PER_DAY + series.startOffsetMs) - MS_PER_DAY;
  if (Number.isFinite(series.endDay)) {
    return {
      fromMs,
      toMs: wallToUtc(series.zone, series.endDay * MS_PER_DAY + series.endOffsetMs) + MS_PER_DAY,
    };
  }
  if (Number.isFinite(series.count)) {
    let last = series.startDay;
    forEachPatternDay(series, series.startDay, Infinity, (day) => {
      last = day;
    });
    return { fromMs, toMs: wallToUtc(series.zone, last * MS_PER_DAY + series.endOffsetMs) + MS_PER_DAY };
  }
  return { fromMs, toMs: Infinity };
}
