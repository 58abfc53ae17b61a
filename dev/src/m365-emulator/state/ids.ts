import { randomBytes, randomUUID } from 'node:crypto';

// Ids are made in bulk when a large mailbox is seeded: one system call per 4 KiB of entropy
// instead of one per id.
let pool = Buffer.alloc(0);
let offset = 0;

function random(size: number): Buffer {
  if (offset + size > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  const out = pool.subarray(offset, offset + size);
  offset += size;
  return out;
}

// Exchange item ids are long opaque base64 strings starting "AAMk"; ours keep that look but use the
// URL-safe alphabet so they survive path segments without encoding.
export function newItemId(): string {
  return `AAMkAG${random(33).toString('base64url')}`;
}

export function newCalendarId(): string {
  return `AAMkAGCal${random(24).toString('base64url')}`;
}

/** Outlook change keys are base64 strings that change on every write of the item. */
export function newChangeKey(): string {
  return `DwAAABYAAA${random(12).toString('base64')}`;
}

export function newGuid(): string {
  return randomUUID();
}

export function newICalUId(): string {
  return `040000008200E00074C5B7101A82E00800000000${random(24).toString('hex').toUpperCase()}`;
}
