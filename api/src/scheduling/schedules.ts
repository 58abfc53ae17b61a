import { HostSchedule, clockSpan, type Focus } from './host-schedule.js';
import type { ValidQuery } from './model.js';
import { ZoneClock } from './wallclock.js';

/** Every host of a query prepared for candidate starts within `focus`, sharing one clock per zone. */
export interface PreparedQuery {
  query: ValidQuery;
  schedules: HostSchedule[];
  /** Candidate starts run on the first host's clock (the page's primary host). */
  primaryClock: ZoneClock;
  intervalMinutes: number;
  clockFor(zone: string): ZoneClock;
}

export function prepareQuery(query: ValidQuery, focus: Focus): PreparedQuery {
  const span = clockSpan(query, focus);
  const clocks = new Map<string, ZoneClock>();
  const clockFor = (zone: string): ZoneClock => {
    let clock = clocks.get(zone);
    if (clock === undefined) {
      clock = new ZoneClock(zone, span.start, span.end);
      clocks.set(zone, clock);
    }
    return clock;
  };
  const schedules = query.hosts.map((host) => new HostSchedule(host, clockFor(host.timeZone), query, focus));
  return {
    query,
    schedules,
    primaryClock: schedules[0]!.clock,
    intervalMinutes: query.page.slotIntervalMinutes ?? query.durationMinutes,
    clockFor,
  };
}

const NOBODY: readonly string[] = Object.freeze([]);

/**
 * The hosts free for a candidate start: all of them (personal, collective) or none; for
 * round-robin, those free. Ask in ascending order of starts for the cursors to sweep once.
 * Most candidates have nobody free, so that answer is one shared empty list.
 */
export function freeHostIds(prepared: PreparedQuery, start: number): readonly string[] {
  const { schedules } = prepared;
  if (prepared.query.page.team?.kind !== 'roundRobin') {
    for (const schedule of schedules) if (!schedule.isBookable(start)) return NOBODY;
    return schedules.map((s) => s.host.id);
  }
  let free: string[] | undefined;
  for (const schedule of schedules) {
    if (schedule.isBookable(start)) (free ??= []).push(schedule.host.id);
  }
  return free ?? NOBODY;
}
