import { SchedulingInputError } from './errors.js';
import type { BusyList, ValidBooking } from './model.js';
import { parseInstant, parseLocalDate } from './time-text.js';
import type { BookingStatus, BusyItem, ExistingBooking, Sensitivity, ShowAs } from './types.js';

// Busy lists and bookings are checked by hand rather than by schema: they are by far the largest
// part of a query (tens of thousands of items), and a per-field schema walk with copied output
// costs more than the whole availability sweep. The refusals are the same as the schema's.

const SHOW_AS = new Set<ShowAs>(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']);
const SENSITIVITY = new Set<Sensitivity>(['normal', 'personal', 'private', 'confidential']);
const STATUS = new Set<BookingStatus>(['pending', 'confirmed', 'cancelled']);

function refuse(field: string, message: string): never {
  throw new SchedulingInputError('INVALID_INPUT', field, message);
}

function oneOf<T extends string>(value: unknown, allowed: ReadonlySet<T>, field: string): T {
  if (typeof value !== 'string' || !allowed.has(value as T))
    refuse(field, `Expected one of ${[...allowed].join(', ')}.`);
  return value as T;
}

function instant(value: unknown, field: string): number {
  const ms = typeof value === 'string' ? parseInstant(value) : undefined;
  if (ms === undefined) {
    throw new SchedulingInputError(
      'INVALID_INSTANT',
      field,
      `${JSON.stringify(value)} is not an ISO-8601 instant with an offset.`,
    );
  }
  return ms;
}

function localDate(value: unknown, field: string): number {
  const day = typeof value === 'string' ? parseLocalDate(value) : undefined;
  if (day === undefined) {
    throw new SchedulingInputError(
      'INVALID_DATE',
      field,
      `${JSON.stringify(value)} is not a date (YYYY-MM-DD) for an all-day item.`,
    );
  }
  return day;
}

const isWholeMinutes = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

function wholeMinutes(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new SchedulingInputError('INVALID_MINUTES', field, 'Minutes must be a whole number ≥ 0.');
  }
  return value;
}

function list(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) refuse(field, 'Expected a list.');
  return value;
}

/** The first field of a busy item that is not of the right type, or undefined when all are. */
function mistypedField(item: Record<string, unknown>): keyof BusyItem | undefined {
  if (typeof item.calendarId !== 'string') return 'calendarId';
  if (!SHOW_AS.has(item.showAs as ShowAs)) return 'showAs';
  if (!SENSITIVITY.has(item.sensitivity as Sensitivity)) return 'sensitivity';
  if (typeof item.isAllDay !== 'boolean') return 'isAllDay';
  if (typeof item.isCancelled !== 'boolean') return 'isCancelled';
  if (item.bookingId !== undefined && typeof item.bookingId !== 'string') return 'bookingId';
  return undefined;
}

const EXPECTED: Partial<Record<keyof BusyItem, string>> = {
  calendarId: 'Expected a string.',
  showAs: `Expected one of ${[...SHOW_AS].join(', ')}.`,
  sensitivity: `Expected one of ${[...SENSITIVITY].join(', ')}.`,
  isAllDay: 'Expected true or false.',
  isCancelled: 'Expected true or false.',
  bookingId: 'Expected a string.',
};

/** A host's busy items, checked, with their bounds parsed (instants, or dates for all-day items). */
export function validBusyList(value: unknown, field: string): BusyList {
  const items = list(value, field);
  const starts = new Float64Array(items.length);
  const ends = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) {
    // Field paths are built only on refusal: this loop runs for every busy item of every host.
    const item = items[i];
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      refuse(`${field}[${i}]`, 'Expected an object.');
    const fields = item as Record<string, unknown>;
    const mistyped = mistypedField(fields);
    if (mistyped !== undefined) refuse(`${field}[${i}].${mistyped}`, EXPECTED[mistyped]!);
    // All-day items float: their bounds are local dates, placed in the host's zone later.
    const allDay = fields.isAllDay === true;
    const parse = allDay ? parseLocalDate : parseInstant;
    const start = typeof fields.start === 'string' ? parse(fields.start) : undefined;
    if (start === undefined) (allDay ? localDate : instant)(fields.start, `${field}[${i}].start`);
    const end = typeof fields.end === 'string' ? parse(fields.end) : undefined;
    if (end === undefined) (allDay ? localDate : instant)(fields.end, `${field}[${i}].end`);
    if (end! < start!)
      throw new SchedulingInputError(
        'INVALID_RANGE',
        `${field}[${i}].end`,
        'A busy item ends before it starts.',
      );
    starts[i] = start!;
    ends[i] = end!;
  }
  return { items: items as BusyItem[], starts, ends };
}

const pathOf = (field: string, index: number, name?: string) =>
  `${field}[${index}]` + (name === undefined ? '' : `.${name}`);

/** A host's existing bookings, checked, with instants parsed. */
export function validBookings(value: unknown, field: string): ValidBooking[] {
  return list(value, field).map((raw, i) => {
    // Field paths are built only on refusal.
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      refuse(pathOf(field, i), 'Expected an object.');
    const booking = raw as Partial<Record<keyof ExistingBooking, unknown>>;
    if (typeof booking.id !== 'string') refuse(pathOf(field, i, 'id'), 'Expected a string.');
    if (typeof booking.pageId !== 'string') refuse(pathOf(field, i, 'pageId'), 'Expected a string.');
    const start = typeof booking.start === 'string' ? parseInstant(booking.start) : undefined;
    const end = typeof booking.end === 'string' ? parseInstant(booking.end) : undefined;
    const bookedAt = typeof booking.bookedAt === 'string' ? parseInstant(booking.bookedAt) : undefined;
    const valid: ValidBooking = {
      id: booking.id,
      pageId: booking.pageId,
      start: start ?? instant(booking.start, pathOf(field, i, 'start')),
      end: end ?? instant(booking.end, pathOf(field, i, 'end')),
      bufferBeforeMinutes: isWholeMinutes(booking.bufferBeforeMinutes)
        ? booking.bufferBeforeMinutes
        : wholeMinutes(booking.bufferBeforeMinutes, pathOf(field, i, 'bufferBeforeMinutes')),
      bufferAfterMinutes: isWholeMinutes(booking.bufferAfterMinutes)
        ? booking.bufferAfterMinutes
        : wholeMinutes(booking.bufferAfterMinutes, pathOf(field, i, 'bufferAfterMinutes')),
      status: STATUS.has(booking.status as BookingStatus)
        ? (booking.status as BookingStatus)
        : oneOf(booking.status, STATUS, pathOf(field, i, 'status')),
      bookedAt: bookedAt ?? instant(booking.bookedAt, pathOf(field, i, 'bookedAt')),
    };
    if (valid.end < valid.start)
      throw new SchedulingInputError(
        'INVALID_RANGE',
        pathOf(field, i, 'end'),
        'A booking ends before it starts.',
      );
    return valid;
  });
}
