import { randomBytes, randomUUID } from 'node:crypto';

// Exchange item ids are long opaque base64 strings starting "AAMk"; ours keep that look but use the
// URL-safe alphabet so they survive path segments without encoding.
export function newItemId(): string {
  return `AAMkAG${randomBytes(33).toString('base64url')}`;
}

export function newCalendarId(): string {
  return `AAMkAGCal${randomBytes(24).toString('base64url')}`;
}

/** Outlook change keys are base64 strings that change on every write of the item. */
export function newChangeKey(): string {
  return `DwAAABYAAA${randomBytes(12).toString('base64')}`;
}

export function newGuid(): string {
  return randomUUID();
}

export function newICalUId(): string {
  return `040000008200E00074C5B7101A82E00800000000${randomBytes(24).toString('hex').toUpperCase()}`;
}
