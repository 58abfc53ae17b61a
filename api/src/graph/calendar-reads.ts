import type { Client } from '@microsoft/microsoft-graph-client';
import type { CachedBusyItem } from '../store/busy-cache.js';
import { toBusyItem, type GraphEventTimes } from './event-mapping.js';
import { BOOKING_ID_EXPAND } from './extended-property.js';
import { toIanaZone } from './time-zones.js';

/** Tandem's name for a host's primary calendar when no calendar id was chosen yet. */
export const DEFAULT_CALENDAR = 'default';

/** The Graph path of a calendar of a user, `default` being the primary calendar. */
export function calendarPath(userId: string, calendarId: string): string {
  const user = `/users/${encodeURIComponent(userId)}`;
  return calendarId === DEFAULT_CALENDAR
    ? `${user}/calendar`
    : `${user}/calendars/${encodeURIComponent(calendarId)}`;
}

const busyFields = 'id,start,end,showAs,sensitivity,isAllDay,isCancelled';

interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

/**
 * Every event of one calendar in `[start, end)` (series expanded) as cached busy items: only the
 * fields availability needs, read in UTC, with the booking id of Tandem's own events.
 */
export async function readBusyItems(
  graph: Client,
  userId: string,
  calendarId: string,
  window: { start: string; end: string },
): Promise<CachedBusyItem[]> {
  const items: CachedBusyItem[] = [];
  let page = (await graph
    .api(`${calendarPath(userId, calendarId)}/calendarView`)
    .header('Prefer', 'outlook.timezone="UTC", odata.maxpagesize=500')
    .query({ startDateTime: window.start, endDateTime: window.end })
    .select(busyFields)
    .expand(BOOKING_ID_EXPAND)
    .get()) as Page<GraphEventTimes>;
  for (;;) {
    for (const event of page.value) items.push({ ...toBusyItem(event, calendarId), eventId: event.id });
    const next = page['@odata.nextLink'];
    if (!next) return items;
    page = (await graph
      .api(next)
      .header('Prefer', 'outlook.timezone="UTC", odata.maxpagesize=500')
      .get()) as Page<GraphEventTimes>;
  }
}

export interface MailboxProfile {
  /** IANA zone of the mailbox. */
  timeZone: string;
  workingHours: {
    daysOfWeek: string[];
    /** `HH:mm:ss.fffffff` as Outlook writes it. */
    startTime: string;
    endTime: string;
    /** IANA zone of the working hours. */
    timeZone: string;
  };
}

interface GraphMailboxSettings {
  timeZone?: string;
  workingHours?: {
    daysOfWeek?: string[];
    startTime?: string;
    endTime?: string;
    timeZone?: { name?: string };
  };
}

/** Mailbox zone and Outlook working hours, zones mapped from Windows names to IANA. */
export async function readMailboxProfile(graph: Client, userId: string): Promise<MailboxProfile> {
  const settings = (await graph
    .api(`/users/${encodeURIComponent(userId)}/mailboxSettings`)
    .get()) as GraphMailboxSettings;
  const zone = toIanaZone(settings.timeZone ?? 'UTC') ?? 'UTC';
  const hours = settings.workingHours ?? {};
  return {
    timeZone: zone,
    workingHours: {
      daysOfWeek: hours.daysOfWeek ?? ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: hours.startTime ?? '08:00:00.0000000',
      endTime: hours.endTime ?? '17:00:00.0000000',
      timeZone: toIanaZone(hours.timeZone?.name ?? zone) ?? zone,
    },
  };
}

export interface CalendarSummary {
  id: string;
  name: string;
  canEdit: boolean;
  isDefault: boolean;
  color?: string;
}

/** The host's calendars. */
export async function readCalendars(graph: Client, userId: string): Promise<CalendarSummary[]> {
  const user = `/users/${encodeURIComponent(userId)}`;
  const [list, primary] = (await Promise.all([
    graph.api(`${user}/calendars`).top(100).get(),
    graph.api(`${user}/calendar`).select('id').get(),
  ])) as [
    Page<{ id: string; name: string; canEdit?: boolean; color?: string; isDefaultCalendar?: boolean }>,
    { id: string },
  ];
  return list.value.map((c) => ({
    id: c.id,
    name: c.name,
    canEdit: c.canEdit !== false,
    isDefault: c.isDefaultCalendar === true || c.id === primary.id,
    ...(c.color ? { color: c.color } : {}),
  }));
}
