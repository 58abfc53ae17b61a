import { IANAZone } from 'luxon';
import { DAY_MS, MINUTE_MS } from './time-text.js';
import { changesInYear, utcYearOf } from './zone-changes.js';

export { isKnownZone } from './zone-changes.js';

/** Where a wall time lands: `exists` is false when the wall time was skipped by a forward jump. */
export interface WallInstant {
  ms: number;
  exists: boolean;
}

// Every real offset lies within ±15 hours, so a wall time's instant lies within this of the wall time.
const MAX_OFFSET_MS = 15 * 60 * MINUTE_MS;

/**
 * One IANA zone's clock over the UTC years covering a span of instants: the offset changes of those
 * years (see zone-changes.ts) make every question a search in a short list. Questions outside the
 * span are still answered exactly, at the platform's price.
 */
export class ZoneClock {
  private readonly zone: IANAZone;
  private readonly spanStart: number;
  private spanEnd: number;
  /** Instants at which the offset changes inside the span, ascending. */
  private readonly changes: number[] = [];
  /** `offsets[0]` holds before `changes[0]`; `offsets[i + 1]` from `changes[i]` on. */
  private readonly offsets: number[];

  constructor(
    readonly name: string,
    spanStart: number,
    spanEnd: number,
  ) {
    this.zone = IANAZone.create(name);
    const firstYear = utcYearOf(spanStart);
    const lastYear = utcYearOf(spanEnd);
    const first = changesInYear(name, firstYear);
    this.spanStart = first.start;
    this.spanEnd = first.end;
    this.offsets = [first.offsets[0]!];
    for (let year = firstYear; year <= lastYear; year++) {
      const known = year === firstYear ? first : changesInYear(name, year);
      if (known.offsets[0] !== this.offsets[this.offsets.length - 1]) {
        // The offset changed exactly at the turn of the year.
        this.changes.push(known.start);
        this.offsets.push(known.offsets[0]!);
      }
      this.changes.push(...known.changes);
      this.offsets.push(...known.offsets.slice(1));
      this.spanEnd = known.end;
    }
  }

  /** The zone's UTC offset in minutes at an instant. */
  offsetAt(ms: number): number {
    if (ms < this.spanStart || ms >= this.spanEnd) return this.zone.offset(ms);
    const changes = this.changes;
    let low = 0;
    let high = changes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (changes[middle]! <= ms) low = middle + 1;
      else high = middle;
    }
    return this.offsets[low]!;
  }

  /** The local wall time of an instant as ms since the local epoch (local midnight 1970-01-01 = 0). */
  localMs(ms: number): number {
    return ms + this.offsetAt(ms) * MINUTE_MS;
  }

  /** The local date (day number) of an instant. */
  localDayOf(ms: number): number {
    return Math.floor(this.localMs(ms) / DAY_MS);
  }

  /**
   * The instant of a wall time: the earlier one when it occurs twice, the transition instant (the
   * first instant whose wall time is at or after it) when it was skipped.
   * @example
   * // New York, 2026-03-08 02:30 was skipped → 2026-03-08T07:00Z (03:00 EDT)
   */
  instantOf(dayNumber: number, minuteOfDay: number): number {
    const wall = dayNumber * DAY_MS + minuteOfDay * MINUTE_MS;
    const before = this.offsetAt(wall - MAX_OFFSET_MS);
    const after = this.offsetAt(wall + MAX_OFFSET_MS);
    const earlier = wall - Math.max(before, after) * MINUTE_MS;
    if (this.offsetAt(earlier) * MINUTE_MS === wall - earlier) return earlier;
    const later = wall - Math.min(before, after) * MINUTE_MS;
    if (this.offsetAt(later) * MINUTE_MS === wall - later) return later;
    return this.firstInstantAtOrAfter(wall);
  }

  /** `instantOf`, and whether the wall time exists (a skipped one lands on a later wall time). */
  toInstant(dayNumber: number, minuteOfDay: number): WallInstant {
    const ms = this.instantOf(dayNumber, minuteOfDay);
    return { ms, exists: this.localMs(ms) === dayNumber * DAY_MS + minuteOfDay * MINUTE_MS };
  }

  /** Start of a local date: its midnight, or the transition instant when midnight was skipped. */
  startOfDay(dayNumber: number): number {
    return this.instantOf(dayNumber, 0);
  }

  private firstInstantAtOrAfter(wall: number): number {
    let low = wall - MAX_OFFSET_MS;
    let high = wall + MAX_OFFSET_MS;
    while (high - low > MINUTE_MS) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
      if (this.localMs(middle) >= wall) high = middle;
      else low = middle;
    }
    return high;
  }
}
