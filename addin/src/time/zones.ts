// Time zones and calendar dates with Intl only, so the booking page ships no date library.

// Building an Intl.DateTimeFormat costs far more than using one (a slot list or a zone list builds
// hundreds of labels), so each locale and option set gets one formatter, kept for the page's life.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The one formatter of a locale and option set (built on first use). */
export function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

/**
 * Zones the browser's time-zone data (ICU) still names by an older IANA spelling, and their current
 * names: an invitee in Kathmandu searches for "Kathmandu", not "Katmandu". Only renames are listed;
 * zones that merely share another zone's rules (Europe/Bratislava) keep their own names.
 */
const currentNames: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The current IANA name of a zone (`Asia/Calcutta` → `Asia/Kolkata`) when this browser knows it. */
export function canonicalZone(zone: string): string {
  const current = Object.hasOwn(currentNames, zone) ? currentNames[zone] : undefined;
  return current !== undefined && isKnownZone(current) ? current : zone;
}

/** The viewer's IANA zone as the browser reports it, by its current name; UTC when there is none. */
export function detectZone(): string {
  return canonicalZone(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

const olderNames = new Map<string, string[]>();
for (const [older, current] of Object.entries(currentNames)) {
  olderNames.set(current, [...(olderNames.get(current) ?? []), older]);
}

/** What a zone search matches: the name in lower case with spaces, and any older spelling of it. */
export function zoneSearchText(zone: string): string {
  return [zone, ...(olderNames.get(zone) ?? [])].join(' ').toLowerCase().replace(/_/g, ' ');
}

let zoneList: string[] | undefined;

/** Every IANA zone this browser knows, by current names, sorted (built once, on first use). */
export function knownZones(): string[] {
  if (zoneList) return zoneList;
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const names = new Set(zones.map(canonicalZone));
  names.add('UTC');
  zoneList = [...names].sort();
  return zoneList;
}

export function isKnownZone(zone: string): boolean {
  try {
    formatter('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "GMT+05:45" for Asia/Kathmandu at that instant. */
export function offsetLabel(zone: string, at: Date, locale = 'en'): string {
  const part = formatter(locale, { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function dateInZone(instant: string | Date, zone: string): string {
  const parts = formatter('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function formatTime(instant: string, zone: string, locale: string): string {
  return formatter(locale, { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(instant));
}

export function formatDateTime(instant: string, zone: string, locale: string): string {
  return formatter(locale, {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(instant));
}

/** A calendar date (YYYY-MM-DD) as words, e.g. "Tuesday, 24 November". Dates carry no zone. */
export function formatDay(date: string, locale: string): string {
  return formatter(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(`${date}T12:00:00Z`));
}

export function formatMonth(month: string, locale: string): string {
  return formatter(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(`${month}-01T12:00:00Z`),
  );
}

/** YYYY-MM of a YYYY-MM-DD date, shifted by whole months. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

/** The weeks (Monday first) of a month as rows of dates; days of other months are null. */
export function monthWeeks(month: string): (string | null)[][] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Narrow weekday names Monday..Sunday in a locale. */
export function weekdayNames(locale: string, width: 'short' | 'long' = 'short'): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) =>
    formatter(locale, { timeZone: 'UTC', weekday: width }).format(new Date(Date.UTC(2024, 0, 1 + i, 12))),
  );
}

/**
 * The UTC range that covers a whole month in any zone: from a day before its first day to a day after
 * its last (zones span UTC−12 to UTC+14), so the slots of every local date of the month are included.
 */
export function monthRange(month: string): { start: string; end: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return {
    start: new Date(Date.UTC(y, m - 1, 0)).toISOString(),
    end: new Date(Date.UTC(y, m, 2)).toISOString(),
  };
}
