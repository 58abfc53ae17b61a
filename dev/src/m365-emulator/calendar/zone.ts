import { IANAZone } from 'luxon';
import { toIanaZone } from '../state/time-zones.js';
import { CalendarInputError } from './calendar-errors.js';

// Calendar views expand thousands of occurrences per request; asking Intl for every offset would
// cost milliseconds, so each zone's UTC offsets are tabulated once per year and then looked up.
// "Wall" milliseconds below are a local wall time written as if it were UTC (Date.UTC of its fields).

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

/** The IANA zone for a Windows ("GMT Standard Time") or IANA ("Europe/London") name, or null when unknown. */
export const ianaZoneOf = toIanaZone;

/**
 * Like {@link ianaZoneOf}, but an unknown name is a `CalendarInputError` naming the field.
 * @example requireZone('E. South America Standard Time', 'start.timeZone') // 'America/Sao_Paulo'
 */
export function requireZone(name: string | null | undefined, field: string): string {
  const zone = name ? ianaZoneOf(name) : null;
  if (!zone)
    throw new CalendarInputError('INVALID_TIME_ZONE', field, `'${String(name)}' is not a known time zone.`);
  return zone;
}

interface YearTable {
  /** Instants (UTC ms) at which the offset changes during the year, ascending. */
  at: number[];
  /** offsets[i] applies from at[i - 1] (or the year's start) until at[i]. */
  offsets: number[];
}

const tables = new Map<string, Map<number, YearTable>>();

function intlOffsetMs(zone: IANAZone, utcMs: number): number {
  return zone.offset(utcMs) * MS_PER_MINUTE;
}

function buildYear(zoneName: string, year: number): YearTable {
  const zone = IANAZone.create(zoneName);
  const from = Date.UTC(year, 0, 1);
  const to = Date.UTC(year + 1, 0, 1);
  const at: number[] = [];
  const offsets = [intlOffsetMs(zone, from)];
  let previous = offsets[0]!;
  // Daily samples find each change; bisection then pins it to the minute. Zones change at most a
  // few times a year and never twice within a day.
  for (let t = from + MS_PER_DAY; t <= to; t += MS_PER_DAY) {
    const sample = intlOffsetMs(zone, Math.min(t, to - 1));
    if (sample === previous) continue;
    let low = t - MS_PER_DAY;
    let high = Math.min(t, to - 1);
    while (high - low > MS_PER_MINUTE) {
      const mid = low + Math.floor((high - low) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
      if (mid <= low) break;
      if (intlOffsetMs(zone, mid) === previous) low = mid;
      else high = mid;
    }
    at.push(high);
    offsets.push(sample);
    previous = sample;
  }
  return { at, offsets };
}

/** The zone's UTC offset in milliseconds at an instant. */
export function offsetAt(zone: string, utcMs: number): number {
  if (zone === 'UTC') return 0;
  let years = tables.get(zone);
  if (!years) {
    years = new Map();
    tables.set(zone, years);
  }
  const year = new Date(utcMs).getUTCFullYear();
  let table = years.get(year);
  if (!table) {
    table = buildYear(zone, year);
    years.set(year, table);
  }
  let i = 0;
  while (i < table.at.length && utcMs >= table.at[i]!) i++;
  return table.offsets[i]!;
}

/** The wall time (as-if-UTC ms) an instant shows in a zone. */
export function utcToWall(zone: string, utcMs: number): number {
  return utcMs + offsetAt(zone, utcMs);
}

/**
 * The instant of a wall time in a zone, as Outlook places it: a time skipped when clocks go forward
 * moves forward by the gap, a time that occurs twice takes the earlier instant.
 * @example wallToUtc('Europe/London', Date.UTC(2026, 2, 29, 1, 30)) // 00:30Z + 1 h → shows 02:30 BST
 */
export function wallToUtc(zone: string, wallMs: number): number {
  if (zone === 'UTC') return wallMs;
  const before = offsetAt(zone, wallMs - MS_PER_DAY);
  const after = offsetAt(zone, wallMs + MS_PER_DAY);
  const early = wallMs - before;
  if (before === after) return early;
  const late = wallMs - after;
  const earlyFits = early + offsetAt(zone, early) === wallMs;
  const lateFits = late + offsetAt(zone, late) === wallMs;
  if (earlyFits && lateFits) return Math.min(early, late);
  if (earlyFits) return early;
  if (lateFits) return late;
  return early;
}

// --- Calendar dates as day numbers (days since 1970-01-01), so recurrence rules are integer arithmetic.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a 'yyyy-MM-dd' date, or a `CalendarInputError` naming the field. */
export function dayNumberOf(date: string, field: string): number {
  const match = DATE.exec(date);
  if (match) {
    const [, y, m, d] = match;
    const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
    const check = new Date(ms);
    if (check.getUTCDate() === Number(d) && check.getUTCMonth() === Number(m) - 1) return ms / MS_PER_DAY;
  }
  throw new CalendarInputError('INVALID_DATE_TIME', field, `'${date}' is not a date (yyyy-MM-dd).`);
}

export function dayNumberFromParts(year: number, month1: number, day: number): number {
  return Date.UTC(year, month1 - 1, day) / MS_PER_DAY;
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as Graph's dayOfWeek list. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

// --- Graph's wall-time spelling "2026-04-15T12:00:00.0000000".

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]00:00)?$/;

/** As-if-UTC ms of a Graph wall time; a trailing "Z" is tolerated as clients send it with zone UTC. */
export function parseWall(dateTime: string, field: string): number {
  const match = WALL.exec(dateTime);
  if (match) {
    const [, y, mo, d, h, mi, s, frac] = match;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
    const check = new Date(ms);
    if (check.getUTCDate() === Number(d) && Number(h) < 24 && Number(mi) < 60 && Number(s ?? 0) < 60) {
      return ms + (frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0);
    }
  }
  throw new CalendarInputError('INVALID_DATE_TIME', field, `'${dateTime}' is not a date and time.`);
}

/** Graph's seven-digit wall spelling of as-if-UTC ms. */
export function formatWall(wallMs: number): string {
  return `${new Date(wallMs).toISOString().slice(0, 23)}0000`;
}

/** The instant of a Graph dateTimeTimeZone value. */
export function instantOf(value: { dateTime: string; timeZone?: string | null }, field: string): number {
  const zone = requireZone(value.timeZone ?? 'UTC', `${field}.timeZone`);
  return wallToUtc(zone, parseWall(value.dateTime, `${field}.dateTime`));
}
