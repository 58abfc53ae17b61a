// The stored page shapes the booking service reads (type-only: contracts are the single definition).
import type { BookingPageInput } from '../contracts/pages.js';

export type { BookingPageInput };
export type WorkingHoursInput = NonNullable<BookingPageInput['workingHours']>;
