// Wall-clock dates and times of a zone as UTC instants, with Intl only (no date library).
import { formatter } from './zones.js';

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetMs(zone: string, at: number): number {
  const parts = formatter('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The UTC instant of a local date and minute of the day in a zone.
 * @example zonedInstant('2026-03-29', 0, 'Europe/London') // '2026-03-29T00:00:00.000Z' (before the jump)
 */
export function zonedInstant(date: string, minuteOfDay: number, zone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minuteOfDay * 60_000;
  // Two rounds settle the offset on either side of a DST change.
  let guess = wall - offsetMs(zone, wall);
  guess = wall - offsetMs(zone, guess);
  return new Date(guess).toISOString();
}

/** YYYY-MM-DD shifted by whole days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
