import { findIana } from 'windows-iana';

/**
 * Outlook reports zones by their Windows names ("Pacific Standard Time"); the engine speaks IANA.
 * Returns undefined for a name that is neither, so callers decide how to report it.
 * @example toIanaZone('W. Europe Standard Time') // 'Europe/Berlin'
 */
export function toIanaZone(zone: string): string | undefined {
  if (isIanaZone(zone)) return zone;
  return findIana(zone)?.find(isIanaZone);
}

export function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}
