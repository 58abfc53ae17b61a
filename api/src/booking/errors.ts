// Failures of the booking service. Each carries a literal `code` the HTTP error mapper turns into a
// problem answer; `extensions` become extra members of the problem (fresh slots after a conflict).
import type { Slot } from '../scheduling/types.js';

/** The time was taken (a lock, an Outlook event, the daily limit) before this request got it. */
export class SlotUnavailableError extends Error {
  override readonly name = 'SlotUnavailableError';
  readonly code = 'SLOT_TAKEN';
  readonly field = 'start';
  readonly extensions: { slots: Pick<Slot, 'start' | 'end' | 'inviteeDate'>[] };
  constructor(slots: Slot[]) {
    super(
      slots.length > 0
        ? 'That time was just taken. Please pick one of the other times offered.'
        : 'That time was just taken, and there are no other free times close to it.',
    );
    this.extensions = { slots: slots.map(({ start, end, inviteeDate }) => ({ start, end, inviteeDate })) };
  }
}

/** The start is not one the page offers at all (outside hours, too soon, misaligned). */
export class TimeNotOfferedError extends Error {
  override readonly name = 'TimeNotOfferedError';
  readonly code = 'UNPROCESSABLE';
  readonly field = 'start';
  constructor(reason: string) {
    super(`This time cannot be booked: ${reason}`);
  }
}

/** An answer to the page's questions is missing or not one of the choices. */
export class InvalidAnswerError extends Error {
  override readonly name = 'InvalidAnswerError';
  readonly code = 'VALIDATION_FAILED';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A field of a host request that fails a check only the service can make (a calendar, a member). */
export class InvalidFieldError extends Error {
  override readonly name = 'InvalidFieldError';
  readonly code = 'VALIDATION_FAILED';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The manage link is malformed, forged, expired, or was replaced by a newer one. */
export class ManageLinkError extends Error {
  override readonly name = 'ManageLinkError';
  readonly code = 'NOT_FOUND';
  constructor() {
    super('This manage link is not valid or has expired. Use the link in your latest confirmation.');
  }
}

/** The booking is not in a state that allows this (approving a confirmed one, moving a cancelled one). */
export class BookingStateError extends Error {
  override readonly name = 'BookingStateError';
  readonly code = 'CONFLICT';
  /** Where the booking stands now (`bookingStatus`, and the booking itself), when the refusal is about its state. */
  readonly extensions?: { bookingStatus: string; booking?: unknown };
  constructor(message: string, current?: { bookingStatus: string; booking?: unknown }) {
    super(message);
    if (current) this.extensions = current;
  }
}

/** A request without the Idempotency-Key header a booking needs. */
export class MissingIdempotencyKeyError extends Error {
  override readonly name = 'MissingIdempotencyKeyError';
  readonly code = 'VALIDATION_FAILED';
  readonly field = 'Idempotency-Key';
  constructor() {
    super('Send an Idempotency-Key header (a new UUID per booking) so a retry never books twice.');
  }
}

/** The Teams user the bot acts for has not connected Tandem in the bot's tenant (or is not in it). */
export class UnknownHostError extends Error {
  override readonly name = 'UnknownHostError';
  readonly code = 'NOT_FOUND';
  constructor() {
    super('No one with this id in your organization has connected Tandem.');
  }
}
