import type { MinuteInterval, ValidHost } from './model.js';
import { SpanCollector, type MergedSpans } from './spans.js';
import { isoWeekdayOf } from './time-text.js';
import type { ZoneClock } from './wallclock.js';

/** The wall-time intervals of one local date: its override if it has one, else its weekday's rule. */
export function intervalsOn(host: ValidHost, dayNumber: number): MinuteInterval[] {
  return host.overrides.get(dayNumber) ?? host.weekly[isoWeekdayOf(dayNumber)]!;
}

/**
 * The host's working set over local dates `firstDay…lastDay` as merged instants: each date's
 * intervals placed on that date's clock (so DST days get their real length), intervals touching
 * across midnight joined into one.
 * @example
 * // Mon 22:00–24:00 and Tue 00:00–02:00 in one zone → a single 4-hour span over midnight
 */
export function workingSpans(
  host: ValidHost,
  clock: ZoneClock,
  firstDay: number,
  lastDay: number,
): MergedSpans {
  const spans = new SpanCollector(clock.startOfDay(firstDay));
  for (let day = firstDay; day <= lastDay; day++) {
    for (const interval of intervalsOn(host, day)) {
      const start = clock.instantOf(day, interval.from);
      const end = interval.to === 1440 ? clock.startOfDay(day + 1) : clock.instantOf(day, interval.to);
      spans.add(start, end);
    }
  }
  return spans.merge();
}
