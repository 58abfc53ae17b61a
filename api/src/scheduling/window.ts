import type { ValidWindow } from './model.js';
import type { ZoneClock } from './wallclock.js';

/** The instants a host may be booked within: `start` inclusive, `end` exclusive. */
export interface WindowBounds {
  start: number;
  end: number;
}

/**
 * The scheduling window on a host's clock. Rolling: from the past up to the end of local date
 * `today + days` (today is day 0). Fixed: from the start of `startDate` to the end of `endDate`.
 * @example
 * // rolling 0 days at now = 23:30 local → bookable only until the coming local midnight
 */
export function windowBounds(window: ValidWindow, now: number, clock: ZoneClock): WindowBounds {
  if (window.kind === 'rolling') {
    return { start: -Infinity, end: clock.startOfDay(clock.localDayOf(now) + window.days + 1) };
  }
  return { start: clock.startOfDay(window.startDay), end: clock.startOfDay(window.endDay + 1) };
}
