import type { Me } from '../../api/types.js';
import type { Strings } from '../../i18n/index.js';

/**
 * Sync health reports calendars by their Graph ids; the host knows them by name. Names come from
 * the host's calendars in `GET /api/me`; `default` is the host's default calendar. A calendar that
 * is not (or no longer) among them is named by the end of its id, which is where Graph ids differ.
 */
export function calendarNamer(
  calendars: Me['calendars'] | undefined,
  t: Strings['health'],
): (calendarId: string) => string {
  const names = new Map((calendars ?? []).map((c) => [c.id, c.name]));
  const defaultName = calendars?.find((c) => c.isDefault)?.name;
  return (calendarId) => {
    if (calendarId === 'default') return defaultName ?? t.defaultCalendar;
    return names.get(calendarId) ?? t.unnamedCalendar(`…${calendarId.slice(-6)}`);
  };
}
