/**
 * A deliberately naive wall clock for the oracle: it asks `Intl` for the local wall time of one UTC
 * minute at a time and finds the instant of a wall time by scanning minutes, so it shares no
 * arithmetic (offset tables, luxon's gap shifting) with the engine.
 *
 * A wall time is represented as "naive minutes": the minutes since 1970-01-01 00:00 of the local
 * calendar, as if the local clock were UTC. Comparing naive minutes compares wall times.
 */

export const MINUTE = 60_000;
const DAY_MINUTES = 1440;
/** No zone is more than 14 hours from UTC, so every wall time's instants lie within this many minutes. */
const SEARCH_MINUTES = 15 * 60;
const REPEAT_SEARCH_MINUTES = 6 * 60;

export class ZoneClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly walls = new Map<number, number>();

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  }

  /** The local wall time (naive minutes) of the UTC minute `utcMinute` (epoch minutes). */
  wallOfMinute(utcMinute: number): number {
    const known = this.walls.get(utcMinute);
    if (known !== undefined) return known;
    // `format` is a few times faster than `formatToParts`; en-US with h23 reads `3/8/2026, 03:00`.
    const text = this.format.format(new Date(utcMinute * MINUTE));
    const match = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+)$/.exec(text);
    if (match === null) throw new Error(`Unexpected wall-clock text "${text}" in ${this.timeZone}`);
    const [, month, day, year, hour, minute] = match.map(Number);
    const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!) / MINUTE;
    this.walls.set(utcMinute, wall);
    return wall;
  }

  /** The local wall time (naive minutes) of any instant, seconds dropped. */
  wallOf(epochMs: number): number {
    return this.wallOfMinute(Math.floor(epochMs / MINUTE));
  }

  /** The local date (naive day number) of an instant. */
  dayOf(epochMs: number): number {
    return Math.floor(this.wallOf(epochMs) / DAY_MINUTES);
  }

  /**
   * The instant (epoch ms) of a wall time by the rule of docs/scheduling.md: the first UTC minute at
   * which the local clock reaches or passes `wall` coming from below. A wall time that occurs once is
   * found where it occurs, an ambiguous one at its first (earlier) occurrence, and a nonexistent one
   * at the transition instant, where the clock jumps over it.
   */
  instantOf(wall: number): number {
    for (let t = wall - SEARCH_MINUTES; t <= wall + SEARCH_MINUTES; t++) {
      if (this.wallOfMinute(t - 1) < wall && this.wallOfMinute(t) >= wall) return t * MINUTE;
    }
    throw new Error(`No instant for wall minute ${wall} in ${this.timeZone}`);
  }

  /** The start of a local date (naive day number): the instant of its 00:00. */
  startOfDay(day: number): number {
    return this.instantOf(day * DAY_MINUTES);
  }

  /** True when no earlier instant shows the same wall time (the first of an ambiguous pair). */
  isFirstOccurrence(utcMinute: number): boolean {
    const wall = this.wallOfMinute(utcMinute);
    // Clocks go back by at most two hours in any current zone; six hours leaves room to spare.
    for (let t = utcMinute - 1; t >= utcMinute - REPEAT_SEARCH_MINUTES; t--) {
      if (this.wallOfMinute(t) === wall) return false;
    }
    return true;
  }
}

/** Naive day number of a `YYYY-MM-DD` date. */
export function dayOfDate(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / (DAY_MINUTES * MINUTE);
}

/** `YYYY-MM-DD` of a naive day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MINUTES * MINUTE).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a naive day number. */
export function isoWeekdayOfDay(day: number): number {
  const sundayZero = new Date(day * DAY_MINUTES * MINUTE).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

/** Minutes since midnight of `HH:mm` (`24:00` allowed). */
export function minutesOfTime(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}
