// Times as a person reads them in a card: in their own zone, with the zone named, so a host in Los
// Angeles and an invitee in Delhi each see their own wall clock.

/** The zone if Intl knows it, else UTC (a Teams client may send a zone this runtime lacks). */
export function knownZone(zone: string | undefined): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

// A slots card formats dozens of times in one zone: each formatter is made once per zone and reused.
function cachedByZone(make: (zone: string) => Intl.DateTimeFormat): (zone: string) => Intl.DateTimeFormat {
  const made = new Map<string, Intl.DateTimeFormat>();
  return (zone) => {
    let format = made.get(zone);
    if (!format) made.set(zone, (format = make(zone)));
    return format;
  };
}

const dayFormat = cachedByZone(
  (zone) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' }),
);
const timeFormat = cachedByZone(
  (zone) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }),
);
const dateFormat = cachedByZone(
  (zone) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }),
);
const weekdayFormat = cachedByZone(
  (zone) => new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short' }),
);

/** "Tue 25 Nov" in `zone`. */
export function formatDay(instant: string, zone: string): string {
  return dayFormat(zone).format(new Date(instant));
}

/** "09:30" in `zone`. */
export function formatTime(instant: string, zone: string): string {
  return timeFormat(zone).format(new Date(instant));
}

/**
 * "Tue 25 Nov, 09:00–09:30 (Europe/London)"; a span past midnight names both days.
 * @example
 * formatSpan('2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', 'Europe/London')
 * // 'Sun 29 Mar, 00:30–02:30 (Europe/London)' — the clocks go forward in between
 */
export function formatSpan(start: string, end: string, zone: string): string {
  const sameDay = localDate(start, zone) === localDate(end, zone) || isMidnight(end, zone, start);
  const to = sameDay ? formatTime(end, zone) : `${formatDay(end, zone)}, ${formatTime(end, zone)}`;
  return `${formatDay(start, zone)}, ${formatTime(start, zone)}–${to} (${zone})`;
}

/** The calendar date (YYYY-MM-DD) of an instant in `zone`. */
export function localDate(instant: string | Date, zone: string): string {
  return dateFormat(zone).format(new Date(instant));
}

/** An end at exactly midnight after a start on the day before reads as "…–00:00", not as two days. */
function isMidnight(end: string, zone: string, start: string): boolean {
  const endsAtMidnight = formatTime(end, zone) === '00:00';
  return endsAtMidnight && Date.parse(end) - Date.parse(start) <= 86_400_000;
}

/** Monday-based weekday (1 = Monday … 7 = Sunday) of an instant in `zone`. */
export function isoWeekday(instant: string | Date, zone: string): number {
  const short = weekdayFormat(zone).format(new Date(instant));
  return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(short) + 1;
}
