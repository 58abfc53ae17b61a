// Typed failures of the storage layer. Each carries a literal `code`; the HTTP error mapper turns codes
// into problem responses and never reads the message.

/** Another booking (or its buffers) already holds part of the requested time. */
export class SlotTakenError extends Error {
  override readonly name = 'SlotTakenError';
  readonly code = 'SLOT_TAKEN';
  constructor(readonly hostId: string) {
    super('That time was just taken by another booking. Please choose another time.');
  }
}

/** The host already has a booking page with this slug. */
export class SlugTakenError extends Error {
  override readonly name = 'SlugTakenError';
  readonly code = 'SLUG_TAKEN';
  readonly field = 'slug';
  constructor(readonly slug: string) {
    super(`You already have a booking page at "${slug}". Choose another link name.`);
  }
}

export type StoredThing = 'booking' | 'booking page' | 'connection' | 'idempotency record';

/** The record does not exist (or is not this host's: callers never learn which). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
  constructor(readonly thing: StoredThing) {
    super(`The ${thing} was not found.`);
  }
}

/** Someone changed the record since it was read (stale ETag / If-Match). */
export class StaleRecordError extends Error {
  override readonly name = 'StaleRecordError';
  readonly code = 'PRECONDITION_FAILED';
  constructor(readonly thing: StoredThing) {
    super(`The ${thing} was changed by someone else in the meantime. Reload it and try again.`);
  }
}

/**
 * The span (with buffers) needs more lock rows than one entity-group transaction can hold (100
 * operations, minus the booking row and the idempotency row). At 5 minutes per bucket that is over
 * eight hours: not a meeting anyone books through a page, so it is refused rather than split across
 * transactions, which would give up the all-or-nothing guarantee that prevents double booking.
 */
export class BookingTooLongError extends Error {
  override readonly name = 'BookingTooLongError';
  readonly code = 'BOOKING_TOO_LONG';
  readonly field = 'duration';
  constructor(
    readonly buckets: number,
    readonly maxBuckets: number,
  ) {
    super(
      `A booking with its buffers may cover at most ${(maxBuckets * 5) / 60} hours; this one covers ${(buckets * 5) / 60} hours.`,
    );
  }
}

/** The Idempotency-Key was already used for a different request. */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  readonly field = 'Idempotency-Key';
  constructor() {
    super('This Idempotency-Key was already used for a different request. Use a new key for a new request.');
  }
}
