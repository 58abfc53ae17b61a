import { IANAZone } from 'luxon';
import { DAY_MS, MINUTE_MS } from './time-text.js';

/** Where a wall time lands: `exists` is false when the wall time was skipped by a forward jump. */
export interface WallInstant {
  ms: number;
  exists: boolean;
}

// Real zones never change offset twice within this step; a pair of changes inside one step that
// ends on a different offset is still found, because the search resumes after each change it finds.
const SAMPLE_STEP_MS = DAY_MS;
// Every real offset lies within ±15 hours, so a wall time's instant lies within this of the wall time.
const MAX_OFFSET_MS = 15 * 60 * MINUTE_MS;

/** True when `name` is an IANA zone the runtime knows. */
export function isKnownZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

/**
 * One IANA zone's clock over a span of instants. Asking the platform for an offset costs
 * microseconds, so the offset changes inside the span are found once (daily samples, then a
 * minute-precise search) and every later question is a search in that short list. Questions outside
 * the span are still answered exactly, just at the platform's price.
 */
export class ZoneClock {
  private readonly zone: IANAZone;
  /** Instants at which the offset changes inside the span, ascending. */
  private readonly changes: number[] = [];
  /** `offsets[0]` holds before `changes[0]`; `offsets[i + 1]` from `changes[i]` on. */
  private readonly offsets: number[];

  constructor(
    readonly name: string,
    private readonly spanStart: number,
    private readonly spanEnd: number,
  ) {
    this.zone = IANAZone.create(name);
    let previous = spanStart;
    let previousOffset = this.zone.offset(previous);
    this.offsets = [previousOffset];
    while (previous < spanEnd) {
      const next = Math.min(previous + SAMPLE_STEP_MS, spanEnd);
      const nextOffset = this.zone.offset(next);
      while (nextOffset !== previousOffset) {
        const change = this.firstChangeAfter(previous, next, previousOffset);
        previousOffset = this.zone.offset(change);
        this.changes.push(change);
        this.offsets.push(previousOffset);
        previous = change;
      }
      previous = next;
    }
  }

  /** The first minute in `(low, high]` whose offset differs from `lowOffset`. */
  private firstChangeAfter(low: number, high: number, lowOffset: number): number {
    while (high - low > MINUTE_MS) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
      if (this.zone.offset(middle) === lowOffset) low = middle;
      else high = middle;
    }
    return high;
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
   */
  toInstant(dayNumber: number, minuteOfDay: number): WallInstant {
    const wall = dayNumber * DAY_MS + minuteOfDay * MINUTE_MS;
    const before = this.offsetAt(wall - MAX_OFFSET_MS);
    const after = this.offsetAt(wall + MAX_OFFSET_MS);
    const earlier = wall - Math.max(before, after) * MINUTE_MS;
    if (this.offsetAt(earlier) * MINUTE_MS === wall - earlier) return { ms: earlier, exists: true };
    const later = wall - Math.min(before, after) * MINUTE_MS;
    if (this.offsetAt(later) * MINUTE_MS === wall - later) return { ms: later, exists: true };
    return { ms: this.firstInstantAtOrAfter(wall), exists: false };
  }

  /** Start of a local date: its midnight, or the transition instant when midnight was skipped. */
  startOfDay(dayNumber: number): number {
    return this.toInstant(dayNumber, 0).ms;
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
