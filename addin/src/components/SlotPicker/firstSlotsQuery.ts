import { canonicalZone, dateInZone, detectZone, isKnownZone, monthRange } from '../../time/zones.js';

/** The slots query of the API client: a UTC range, a duration in minutes and the viewer's zone. */
export interface SlotsQuery {
  start: string;
  end: string;
  duration: number;
  timeZone: string;
}

/** The duration asked for before the page's own durations are known (the most common meeting). */
export const defaultDuration = 30;

/** The zone a picker starts in: the one asked for, else the browser's, by its current name; else UTC. */
export function startingZone(initialZone: string | undefined): string {
  const wanted = canonicalZone(initialZone ?? detectZone());
  return isKnownZone(wanted) ? wanted : 'UTC';
}

export function slotsQuery(month: string, duration: number, zone: string): SlotsQuery {
  return { ...monthRange(month), duration, timeZone: zone };
}

/** What a picker opened now asks for first: this month in the starting zone, the default duration. */
export function firstSlotsQuery(now: Date, initialZone?: string): SlotsQuery {
  const zone = startingZone(initialZone);
  return slotsQuery(dateInZone(now, zone).slice(0, 7), defaultDuration, zone);
}
