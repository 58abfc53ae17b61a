import { DateTime } from 'luxon';
import type { BusyItem, Sensitivity, ShowAs } from '../scheduling/index.js';
import { BOOKING_ID_PROPERTY } from './extended-property.js';
import { toIanaZone } from './time-zones.js';

/** The fields of a Graph event that availability reads (requested with `Prefer: outlook.timezone="UTC"`). */
export interface GraphEventTimes {
  id: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  showAs?: string | null;
  sensitivity?: string | null;
  isAllDay?: boolean | null;
  isCancelled?: boolean | null;
  singleValueExtendedProperties?: { id: string; value: string }[] | null;
}

const showAsValues: readonly ShowAs[] = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];
const sensitivityValues: readonly Sensitivity[] = ['normal', 'personal', 'private', 'confidential'];

/**
 * A Graph event as the engine's busy item: only what availability needs, never subject or attendees.
 * All-day events stay calendar dates: Outlook returns them as floating midnights whatever zone is asked
 * for, and they block whole days in the host's own zone.
 * @example
 * toBusyItem(allDayOof, 'cal-1') // { start: '2026-03-29', end: '2026-03-30', isAllDay: true, … }
 */
export function toBusyItem(event: GraphEventTimes, calendarId: string): BusyItem {
  const isAllDay = event.isAllDay === true;
  const bookingId = event.singleValueExtendedProperties?.find(
    (p) => p.id.toLowerCase() === BOOKING_ID_PROPERTY.toLowerCase(),
  )?.value;
  return {
    calendarId,
    start: isAllDay ? event.start.dateTime.slice(0, 10) : toUtcInstant(event.start),
    end: isAllDay ? event.end.dateTime.slice(0, 10) : toUtcInstant(event.end),
    showAs: oneOf(showAsValues, event.showAs, 'unknown'),
    sensitivity: oneOf(sensitivityValues, event.sensitivity, 'normal'),
    isAllDay,
    isCancelled: event.isCancelled === true,
    ...(bookingId ? { bookingId } : {}),
  };
}

/** Graph's `dateTimeTimeZone` (no offset, zone by Windows or IANA name) as a UTC instant. */
export function toUtcInstant(value: { dateTime: string; timeZone: string }): string {
  const zone = toIanaZone(value.timeZone);
  if (!zone) throw new Error(`Graph returned an unknown time zone "${value.timeZone}".`);
  const instant = DateTime.fromISO(value.dateTime, { zone });
  if (!instant.isValid) throw new Error(`Graph returned an unreadable date-time "${value.dateTime}".`);
  return instant.toUTC().toISO({ suppressMilliseconds: true })!;
}

function oneOf<T extends string>(values: readonly T[], value: string | null | undefined, fallback: T): T {
  return values.find((v) => v === value) ?? fallback;
}
