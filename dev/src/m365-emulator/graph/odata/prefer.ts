import type { EmulatorRequest } from '../../server/http-types.js';
import { requireIanaZone } from '../../state/time-zones.js';

export interface Preferences {
  /** The zone name exactly as the client wrote it in `outlook.timezone` (answers echo it). */
  timeZone: string;
  /** Its IANA equivalent, for conversions. */
  ianaZone: string;
  /** `odata.maxpagesize`, when given. */
  maxPageSize?: number;
  /** The `Preference-Applied` header value to send back, if any preference was honoured. */
  applied: string[];
}

/**
 * Reads the `Prefer` header: `outlook.timezone="Pacific Standard Time"` (Windows or IANA; default
 * UTC) and `odata.maxpagesize=50`. Several preferences may share one header, comma-separated.
 */
export function readPreferences(req: EmulatorRequest): Preferences {
  const header = req.headers.prefer ?? '';
  const prefs: Preferences = { timeZone: 'UTC', ianaZone: 'UTC', applied: [] };
  for (const part of header.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
    const m = /^\s*([\w.]+)\s*=\s*"?([^"]*)"?\s*$/.exec(part);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (name === 'outlook.timezone') {
      prefs.ianaZone = requireIanaZone(value, 'Prefer: outlook.timezone');
      prefs.timeZone = value;
      prefs.applied.push(`outlook.timezone="${value}"`);
    } else if (name === 'odata.maxpagesize') {
      const n = Number(value);
      if (Number.isInteger(n) && n > 0) {
        prefs.maxPageSize = n;
        prefs.applied.push(`odata.maxpagesize=${n}`);
      }
    }
  }
  return prefs;
}

export function preferenceHeaders(prefs: Preferences): Record<string, string> {
  return prefs.applied.length > 0 ? { 'preference-applied': prefs.applied.join(', ') } : {};
}
