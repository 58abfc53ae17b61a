import { DAY_MS, MINUTE_MS } from './time-text.js';
import type { ZoneClock } from './wallclock.js';

/**
 * Candidate slot starts in `[rangeStart, rangeEnd)`: every wall minute that is a multiple of the
 * interval after each local midnight, ascending. Skipped wall times give none; a repeated wall time
 * gives one, its earlier instant.
 * @example
 * // 45-minute interval: 00:00, 00:45, …, 23:15 on every local date, then 00:00 again
 */
export function candidateStarts(
  clock: ZoneClock,
  rangeStart: number,
  rangeEnd: number,
  intervalMinutes: number,
): number[] {
  const starts: number[] = [];
  if (rangeEnd <= rangeStart) return starts;
  const lastDay = clock.localDayOf(rangeEnd - 1);
  for (let day = clock.localDayOf(rangeStart); day <= lastDay; day++) {
    for (let minute = 0; minute < 1440; minute += intervalMinutes) {
      const ms = clock.instantOf(day, minute);
      // A skipped wall time lands on a later one: it exists only if the instant reads back as itself.
      if (ms >= rangeStart && ms < rangeEnd && clock.localMs(ms) === day * DAY_MS + minute * MINUTE_MS) {
        starts.push(ms);
      }
    }
  }
  return starts;
}

/** Whether an instant is a candidate start on this clock (aligned, existing, the earlier of a repeat). */
export function isCandidateStart(clock: ZoneClock, ms: number, intervalMinutes: number): boolean {
  const local = clock.localMs(ms);
  const day = Math.floor(local / DAY_MS);
  const minuteMs = local - day * DAY_MS;
  if (minuteMs % MINUTE_MS !== 0 || (minuteMs / MINUTE_MS) % intervalMinutes !== 0) return false;
  const wall = clock.toInstant(day, minuteMs / MINUTE_MS);
  return wall.exists && wall.ms === ms;
}
