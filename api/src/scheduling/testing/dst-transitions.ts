import { MINUTE, ZoneClock } from './zone-clock.js';

const HOUR_MINUTES = 60;

export interface OffsetChange {
  timeZone: string;
  /** The first instant (epoch ms) of the new offset. */
  at: number;
  /** Minutes the clocks jump: positive forward (a gap), negative back (a repeat). */
  jumpMinutes: number;
}

/**
 * The instants in `[fromMs, toMs)` where `timeZone` changes its UTC offset, found by stepping an
 * hour at a time and then narrowing to the minute, so test ranges can be placed on them without a
 * hand-kept table.
 */
export function offsetChanges(timeZone: string, fromMs: number, toMs: number): OffsetChange[] {
  const clock = new ZoneClock(timeZone);
  const offset = (utcMinute: number) => clock.wallOfMinute(utcMinute) - utcMinute;
  const changes: OffsetChange[] = [];
  for (let hour = fromMs / MINUTE; hour + HOUR_MINUTES <= toMs / MINUTE; hour += HOUR_MINUTES) {
    const before = offset(hour);
    const after = offset(hour + HOUR_MINUTES);
    if (before === after) continue;
    // The first minute of the new offset: offset(low) is the old one, offset(high) the new one.
    let low = hour;
    let high = hour + HOUR_MINUTES;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (offset(middle) === before) low = middle;
      else high = middle;
    }
    changes.push({ timeZone, at: high * MINUTE, jumpMinutes: after - before });
  }
  return changes;
}
