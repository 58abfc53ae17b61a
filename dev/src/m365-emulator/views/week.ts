import { DateTime } from 'luxon';
import { calendarView, instanceToEvent } from '../calendar/calendar-view.js';
import type { EmulatorStore } from '../state/store.js';
import { toIanaZone } from '../state/time-zones.js';
import type { GraphEvent } from '../state/graph-types.js';

/** One event as the week view shows it, in the mailbox's own time zone. */
export interface WeekItem {
  id: string;
  calendarId: string;
  calendarName: string;
  subject: string;
  showAs: GraphEvent['showAs'];
  type: GraphEvent['type'];
  isAllDay: boolean;
  isCancelled: boolean;
  /** Wall times in the mailbox zone, "2026-04-15T09:00". */
  start: string;
  end: string;
}

export interface WeekView {
  zone: string;
  windowsZone: string;
  /** Monday of the week, "2026-04-13". */
  weekStart: string;
  days: { date: string; label: string; items: WeekItem[] }[];
  calendars: { id: string; name: string; isDefault: boolean }[];
}

const wall = (dt: DateTime) => dt.toFormat("yyyy-MM-dd'T'HH:mm");

/**
 * A week (Monday to Sunday, in the mailbox's time zone) of every calendar of a mailbox, series
 * expanded, as the Outlook view lists it.
 * @example weekOf(store, userId, '2026-03-25') // the week of 23–29 March, across the DST change in London
 */
export function weekOf(store: EmulatorStore, userId: string, anyDay?: string): WeekView {
  const user = store.getUser(userId);
  const zone = toIanaZone(user.mailboxSettings.timeZone) ?? 'UTC';
  const day = anyDay ? DateTime.fromISO(anyDay, { zone }) : DateTime.now().setZone(zone);
  const monday = (day.isValid ? day : DateTime.now().setZone(zone)).startOf('week');
  const sunday = monday.plus({ weeks: 1 });
  const calendars = store.listCalendars(userId);
  const calendarOf = new Map<string, string>();
  const records = store.listEvents(userId);
  for (const record of records) calendarOf.set(record.event.id, record.calendarId);
  const names = new Map(calendars.map((c) => [c.id, c.name]));
  const days = Array.from({ length: 7 }, (_, i) => {
    const date = monday.plus({ days: i });
    return { date: date.toISODate()!, label: date.toFormat('cccc d LLLL'), items: [] as WeekItem[] };
  });
  // All-day events float: their stored midnights are wall dates, so widen the window by a day.
  const instances = calendarView(
    records.map((r) => r.event),
    monday.toMillis() - 86_400_000,
    sunday.toMillis() + 86_400_000,
  );
  for (const instance of instances) {
    const event = instanceToEvent(instance);
    const calendarId = calendarOf.get(instance.source.id) ?? '';
    const start = event.isAllDay
      ? DateTime.fromISO(event.start.dateTime, { zone })
      : DateTime.fromISO(`${event.start.dateTime.slice(0, 23)}Z`).setZone(zone);
    const end = event.isAllDay
      ? DateTime.fromISO(event.end.dateTime, { zone })
      : DateTime.fromISO(`${event.end.dateTime.slice(0, 23)}Z`).setZone(zone);
    if (end <= monday || start >= sunday) continue;
    const index = Math.max(0, Math.floor(start.diff(monday, 'days').days));
    days[Math.min(index, 6)]!.items.push({
      id: event.id,
      calendarId,
      calendarName: names.get(calendarId) ?? '',
      subject: event.subject,
      showAs: event.showAs,
      type: event.type,
      isAllDay: event.isAllDay,
      isCancelled: event.isCancelled,
      start: wall(start),
      end: wall(end),
    });
  }
  return {
    zone,
    windowsZone: user.mailboxSettings.timeZone,
    weekStart: monday.toISODate()!,
    days,
    calendars: calendars.map((c) => ({ id: c.id, name: c.name, isDefault: c.isDefaultCalendar })),
  };
}
