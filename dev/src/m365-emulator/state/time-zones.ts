import { DateTime, IANAZone } from 'luxon';
import { findIana, findWindows } from 'windows-iana';
import { GraphError } from '../errors.js';

/**
 * Resolves a zone name as Graph accepts it — Windows ("W. Europe Standard Time") or IANA
 * ("Europe/Berlin") — to an IANA zone luxon can evaluate, or null when unknown.
 */
export function toIanaZone(name: string): string | null {
  let zone = ianaByName.get(name);
  if (zone === undefined) {
    zone = resolveIanaZone(name);
    ianaByName.set(name, zone);
  }
  return zone;
}

// Zone names are few and the zone database does not change while the process runs, while resolving a
// name (windows-iana's table scan, luxon's validity check through Intl) costs microseconds per event.
const ianaByName = new Map<string, string | null>();
const windowsByName = new Map<string, string>();

function resolveIanaZone(name: string): string | null {
  const trimmed = name.trim();
  if (/^(utc|gmt|z|etc\/utc|etc\/gmt|tzone:\/\/microsoft\/utc)$/i.test(trimmed)) return 'UTC';
  const windows = findIana(trimmed);
  if (windows && windows.length > 0 && IANAZone.isValidZone(windows[0]!)) return windows[0]!;
  if (IANAZone.isValidZone(trimmed)) return trimmed;
  return null;
}

/** Like {@link toIanaZone} but a bad name is a 400 naming the field it came from. */
export function requireIanaZone(name: string, field: string): string {
  const zone = toIanaZone(name);
  if (!zone) {
    throw new GraphError(
      400,
      'TimeZoneNotSupportedException',
      `A valid TimeZone value must be specified in '${field}'. The following TimeZone value is not supported: '${name}'.`,
    );
  }
  return zone;
}

/** The Windows name Outlook would report for an IANA zone ("Europe/London" → "GMT Standard Time"). */
export function toWindowsZone(ianaOrWindows: string): string {
  let windows = windowsByName.get(ianaOrWindows);
  if (windows === undefined) {
    windows = resolveWindowsZone(ianaOrWindows);
    windowsByName.set(ianaOrWindows, windows);
  }
  return windows;
}

function resolveWindowsZone(ianaOrWindows: string): string {
  if (findIana(ianaOrWindows)?.length) return ianaOrWindows;
  const zone = toIanaZone(ianaOrWindows);
  if (zone === 'UTC') return 'UTC';
  return (zone && findWindows(zone)?.[0]) ?? ianaOrWindows;
}

const GRAPH_WALL_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSS'0000'";

/** Graph's wall-time spelling: "2026-04-15T12:00:00.0000000" (seven fractional digits, no offset). */
export function formatGraphDateTime(dt: DateTime): string {
  return dt.toFormat(GRAPH_WALL_FORMAT);
}

/**
 * Reads a Graph wall time in a zone. Accepts "2026-04-15T12:00:00", with fractions of any length,
 * and ignores a trailing offset only when it is "Z" with zone UTC (clients sometimes send that).
 */
export function parseWallTime(dateTime: string, ianaZone: string, field: string): DateTime {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(\.\d{1,9})?(Z)?$/.exec(dateTime.trim());
  if (!match)
    throw new GraphError(
      400,
      'ErrorInvalidRequest',
      `Invalid value for '${field}': '${dateTime}' is not a date and time.`,
    );
  const millis = match[2] ? Math.floor(Number(`0${match[2]}`) * 1000) : 0;
  const dt = DateTime.fromISO(match[1]!, { zone: ianaZone }).set({ millisecond: millis });
  if (!dt.isValid)
    throw new GraphError(
      400,
      'ErrorInvalidRequest',
      `Invalid value for '${field}': '${dateTime}' is not a date and time.`,
    );
  return dt;
}

/** Epoch milliseconds of a stored UTC wall time ("2026-04-15T12:00:00.0000000"). */
export function utcWallToMillis(utcWall: string): number {
  return DateTime.fromISO(utcWall.slice(0, 23), { zone: 'UTC' }).toMillis();
}
