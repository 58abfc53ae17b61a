import { CalendarInputError } from './calendar-errors.js';
import type { EventLike, Instance } from './event-shape.js';
import { overlaps } from './event-shape.js';
import type { CompiledSeries } from './recurrence.js';
import { compileSeries, expandSeries, parseOffsetInstant, seriesBounds } from './recurrence.js';
import { MS_PER_DAY, formatWall, instantOf, parseWall, wallToUtc } from './zone.js';

// Single events longer than this are kept apart and scanned whole, so the sorted list can be cut by
// binary search at (window start − this) without missing a long event that started earlier.
const LONG_EVENT_MS = 7 * MS_PER_DAY;

interface Span {
  start: string;
  startZone: string | null | undefined;
  end: string;
  endZone: string | null | undefined;
  floating: boolean;
  /** Instants, or for floating (all-day) events their wall times as-if-UTC. */
  startMs: number;
  endMs: number;
}

// Parsed spans and compiled series are remembered per stored object and re-checked against the
// fields they came from, so rebuilding an index after one write costs little.
const spans = new WeakMap<object, Span>();
const compiledSeries = new WeakMap<
  object,
  { key: string; series: CompiledSeries; fromMs: number; toMs: number }
>();

function spanOf(event: EventLike): Span | null {
  const { start, end } = event;
  if (!start || !end) return null;
  const floating = event.isAllDay === true;
  const known = spans.get(event);
  if (
    known &&
    known.start === start.dateTime &&
    known.end === end.dateTime &&
    known.startZone === start.timeZone &&
    known.endZone === end.timeZone &&
    known.floating === floating
  ) {
    return known;
  }
  const startMs = floating ? parseWall(start.dateTime, 'start.dateTime') : instantOf(start, 'start');
  const endMs = floating ? parseWall(end.dateTime, 'end.dateTime') : instantOf(end, 'end');
  const span: Span = {
    start: start.dateTime,
    startZone: start.timeZone,
    end: end.dateTime,
    endZone: end.timeZone,
    floating,
    startMs,
    endMs: Math.max(startMs, endMs),
  };
  spans.set(event, span);
  return span;
}

function seriesOf(master: EventLike): { series: CompiledSeries; fromMs: number; toMs: number } {
  const key = master.changeKey
    ? `${master.changeKey}|${master.start?.dateTime}|${master.end?.dateTime}|${master.cancelledOccurrences?.length ?? 0}`
    : null;
  const known = compiledSeries.get(master);
  if (known && key && known.key === key) return known;
  const series = compileSeries(master);
  const entry = { key: key ?? '', series, ...seriesBounds(series) };
  if (key) compiledSeries.set(master, entry);
  return entry;
}

function byStart<E extends EventLike>(a: Instance<E>, b: Instance<E>): number {
  return a.startMs - b.startMs || a.endMs - b.endMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The events of one calendar arranged for windowed reads: single events sorted by start, series
 * masters compiled with their exceptions. Build it once per calendar version and ask it many views.
 */
export class CalendarViewIndex<E extends EventLike> {
  /** Timed single events sorted by start instant; long ones apart. */
  private readonly singles: Instance<E>[] = [];
  private readonly longSingles: Instance<E>[] = [];
  /** All-day single events sorted by floating wall start (as-if-UTC); long ones apart. */
  private readonly floatingSingles: Instance<E>[] = [];
  private readonly longFloatingSingles: Instance<E>[] = [];
  private readonly series: { master: E; compiled: CompiledSeries; fromMs: number; toMs: number }[] = [];
  private readonly exceptions = new Map<string, E[]>();
  private readonly masterIds = new Set<string>();

  constructor(events: Iterable<E>) {
    const masters: E[] = [];
    for (const event of events) {
      if (event.type === 'seriesMaster' || (event.recurrence && event.type !== 'exception')) {
        masters.push(event);
      } else if (event.type === 'exception' || (event.seriesMasterId && event.originalStart)) {
        const list = this.exceptions.get(event.seriesMasterId ?? '') ?? [];
        list.push(event);
        this.exceptions.set(event.seriesMasterId ?? '', list);
      } else if (event.type !== 'occurrence') {
        const span = spanOf(event);
        if (!span) continue;
        const instance: Instance<E> = {
          id: event.id,
          type: 'singleInstance',
          startMs: span.startMs,
          endMs: span.endMs,
          source: event,
        };
        const long = span.endMs - span.startMs > LONG_EVENT_MS;
        if (span.floating) (long ? this.longFloatingSingles : this.floatingSingles).push(instance);
        else (long ? this.longSingles : this.singles).push(instance);
      }
    }
    this.singles.sort(byStart);
    this.floatingSingles.sort(byStart);
    for (const master of masters) {
      const { series, fromMs, toMs } = seriesOf(master);
      this.series.push({ master, compiled: series, fromMs, toMs });
      this.masterIds.add(master.id);
    }
  }

  /**
   * Instances overlapping [windowStart, windowEnd), sorted by start; series masters themselves never
   * appear. All-day events float and are placed in `floatingZone` (IANA; the reader's zone, UTC by default).
   */
  view(windowStart: number, windowEnd: number, options: { floatingZone?: string } = {}): Instance<E>[] {
    const floatingZone = options.floatingZone ?? 'UTC';
    const out: Instance<E>[] = [];
    const keep = (instance: Instance<E>): void => {
      if (overlaps(instance.startMs, instance.endMs, windowStart, windowEnd)) out.push(instance);
    };
    const keepFloating = (instance: Instance<E>): void => {
      const startMs = wallToUtc(floatingZone, instance.startMs);
      const endMs = wallToUtc(floatingZone, instance.endMs);
      if (!overlaps(startMs, endMs, windowStart, windowEnd)) return;
      out.push({ ...instance, startMs, endMs, wallStartMs: instance.startMs, wallEndMs: instance.endMs });
    };
    scanSorted(this.singles, windowStart, windowEnd, 0, keep);
    this.longSingles.forEach(keep);
    // Wall times differ from instants by at most a day, so the floating list is cut a day wider.
    scanSorted(this.floatingSingles, windowStart, windowEnd, MS_PER_DAY, keepFloating);
    this.longFloatingSingles.forEach(keepFloating);
    for (const { master, compiled, fromMs, toMs } of this.series) {
      const exceptions = this.exceptions.get(master.id);
      if (!exceptions && (toMs < windowStart || fromMs >= windowEnd)) continue;
      for (const instance of expandSeries(master, windowStart, windowEnd, {
        compiled,
        exceptions,
        floatingZone,
      })) {
        out.push(instance);
      }
    }
    return out.sort(byStart);
  }

  /** Whether an id is a series master of this calendar (a master never appears as an instance itself). */
  isSeriesMaster(id: string): boolean {
    return this.masterIds.has(id);
  }

  /** Every instance of one series in the window (GET /events/{id}/instances), or null when it is no series here. */
  instancesOf(
    seriesMasterId: string,
    windowStart: number,
    windowEnd: number,
    options: { floatingZone?: string } = {},
  ): Instance<E>[] | null {
    const entry = this.series.find((s) => s.master.id === seriesMasterId);
    if (!entry) return null;
    return expandSeries(entry.master, windowStart, windowEnd, {
      compiled: entry.compiled,
      exceptions: this.exceptions.get(seriesMasterId),
      floatingZone: options.floatingZone,
    });
  }
}

/** Visits the entries of a start-sorted list that can overlap the window, widened by `margin`. */
function scanSorted<E extends EventLike>(
  list: Instance<E>[],
  windowStart: number,
  windowEnd: number,
  margin: number,
  visit: (instance: Instance<E>) => void,
): void {
  const cut = windowStart - LONG_EVENT_MS - margin;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]!.startMs < cut) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < list.length; i++) {
    const instance = list[i]!;
    if (instance.startMs >= windowEnd + margin) break;
    visit(instance);
  }
}

/**
 * The calendar view of a set of events over [windowStart, windowEnd): single events, occurrences and
 * exceptions overlapping it, sorted by start.
 * @example calendarView(events, Date.UTC(2026, 2, 1), Date.UTC(2026, 3, 30)) // 60 days, series expanded
 */
export function calendarView<E extends EventLike>(
  events: Iterable<E>,
  windowStart: number,
  windowEnd: number,
): Instance<E>[] {
  return new CalendarViewIndex(events).view(windowStart, windowEnd);
}

/**
 * Reads calendarView's startDateTime/endDateTime query values: ISO 8601 with their own offset, UTC
 * when they carry none. Missing or inverted values are refused as Graph refuses them.
 */
export function parseViewWindow(
  startDateTime: string | null | undefined,
  endDateTime: string | null | undefined,
): { startMs: number; endMs: number } {
  if (!startDateTime || !endDateTime) {
    throw new CalendarInputError(
      'INVALID_WINDOW',
      startDateTime ? 'endDateTime' : 'startDateTime',
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    );
  }
  const startMs = queryInstant(startDateTime, 'startDateTime');
  const endMs = queryInstant(endDateTime, 'endDateTime');
  if (endMs <= startMs) {
    throw new CalendarInputError(
      'INVALID_WINDOW',
      'endDateTime',
      'The parameter EndDateTime must be later than StartDateTime.',
    );
  }
  return { startMs, endMs };
}

function queryInstant(text: string, field: string): number {
  // An unencoded '+' in a query string arrives as a space.
  const trimmed = text
    .replace(/ (\d{2}:?\d{2})$/, '+$1')
    .trim()
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(trimmed)) return parseOffsetInstant(trimmed.replace(/z$/, 'Z'), field);
  return parseWall(trimmed, field);
}

/** ISO 8601 UTC with Graph's DateTimeOffset spelling ("2026-03-16T09:00:00Z"). */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/**
 * The Graph event an instance shows, with start/end in UTC: the stored event for single events
 * and exceptions, and for an occurrence the master's properties under the occurrence's id.
 */
export function instanceToEvent<E extends EventLike>(instance: Instance<E>): E {
  if (instance.type !== 'occurrence') return instance.source;
  const master = instance.source as unknown as Record<string, unknown>;
  const occurrence: Record<string, unknown> = {
    ...master,
    id: instance.id,
    type: 'occurrence',
    seriesMasterId: instance.source.id,
    recurrence: null,
    // An all-day occurrence keeps the stored convention: floating midnights labelled UTC.
    start: { dateTime: formatWall(instance.wallStartMs ?? instance.startMs), timeZone: 'UTC' },
    end: { dateTime: formatWall(instance.wallEndMs ?? instance.endMs), timeZone: 'UTC' },
    originalStart: isoUtc(instance.originalStartMs ?? instance.startMs),
  };
  delete occurrence.cancelledOccurrences;
  delete occurrence.exceptionOccurrences;
  return occurrence as unknown as E;
}
