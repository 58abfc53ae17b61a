import { availableSlots } from './engine.js';
import { booking, busy, host, hours, page, query, wallStarts } from './fixtures.test-support.js';
import type { ExistingBooking } from './types.js';

/** 30-minute slots between 09:00 and 12:00 UTC on 2026-03-02, with page buffers and the host's calendar. */
function starts(buffers: { before: number; after: number }, extra: Parameters<typeof host>[2]) {
  const ada = host('ada', 'UTC', {
    workingHours: { weekly: hours('09:00', '12:00'), overrides: [] },
    ...extra,
  });
  const p = page({ bufferBeforeMinutes: buffers.before, bufferAfterMinutes: buffers.after });
  return wallStarts(availableSlots(query({ host: ada, page: p })), 'UTC');
}

describe('buffers around busy items', () => {
  // A busy item 10:30–11:00; candidate starts every 30 minutes from 09:00.
  const meeting = [busy('2026-03-02T10:30:00Z', '2026-03-02T11:00:00Z')];

  test.each([
    // before, after, starts offered
    [0, 0, ['09:00', '09:30', '10:00', '11:00', '11:30']],
    [0, 5, ['09:00', '09:30', '11:00', '11:30']], // 10:00 + 30 + 5 reaches into 10:30
    [5, 0, ['09:00', '09:30', '10:00', '11:30']], // 11:00 − 5 reaches back into the meeting
    [15, 15, ['09:00', '09:30', '11:30']],
    [30, 30, ['09:00', '09:30', '11:30']], // 09:30 + 30 + 30 = 10:30 touches: fine
    [35, 0, ['09:00', '09:30', '10:00']], // 11:30 − 35 = 10:55 is inside the meeting
  ])('before %i, after %i → %j', (before, after, expected) => {
    expect(starts({ before, after }, { busy: meeting })).toEqual(expected);
  });

  it('lets buffers reach outside working hours', () => {
    // 09:00 with a 60-minute buffer before starts its buffer at 08:00, outside working hours: allowed.
    expect(starts({ before: 60, after: 0 }, {})[0]).toBe('09:00');
  });
});

describe('buffers around existing bookings', () => {
  const held = (extra: Partial<ExistingBooking> = {}) => [
    booking('b-1', '2026-03-02T10:30:00Z', '2026-03-02T11:00:00Z', extra),
  ];

  test.each([
    // page before/after, booking's own before/after, starts offered
    [0, 0, 0, 0, ['09:00', '09:30', '10:00', '11:00', '11:30']],
    [0, 0, 10, 0, ['09:00', '09:30', '11:00', '11:30']], // the booking's 10-minute lead-in
    [0, 0, 0, 10, ['09:00', '09:30', '10:00', '11:30']], // the booking's 10-minute wind-down
    [0, 20, 15, 0, ['09:00', '11:00', '11:30']], // 09:30–10:00+20 overlaps 10:15–11:00
    [0, 15, 15, 0, ['09:00', '09:30', '11:00', '11:30']], // 09:30–10:00+15 only touches 10:15
    [0, 15, 0, 0, ['09:00', '09:30', '11:00', '11:30']],
    [15, 0, 0, 15, ['09:00', '09:30', '10:00', '11:30']], // 11:30 − 15 = 11:15 touches the wind-down
    [20, 0, 0, 15, ['09:00', '09:30', '10:00']], // 11:30 − 20 = 11:10 is inside it
  ])('page %i/%i, booking %i/%i → %j', (before, after, bookingBefore, bookingAfter, expected) => {
    const bookings = held({ bufferBeforeMinutes: bookingBefore, bufferAfterMinutes: bookingAfter });
    expect(starts({ before, after }, { bookings })).toEqual(expected);
  });

  it('allows a slot whose buffers exactly touch a booking’s buffers', () => {
    const bookings = held({ bufferBeforeMinutes: 15, bufferAfterMinutes: 15 });
    // 09:30–10:00 plus 15 after ends at 10:15, where the booking's buffer starts.
    expect(starts({ before: 15, after: 15 }, { bookings })).toContain('09:30');
  });

  it('ignores cancelled bookings', () => {
    expect(starts({ before: 0, after: 0 }, { bookings: held({ status: 'cancelled' }) })).toContain('10:30');
  });

  it('counts pending bookings as held', () => {
    expect(starts({ before: 0, after: 0 }, { bookings: held({ status: 'pending' }) })).not.toContain('10:30');
  });

  it('counts bookings of other pages as held', () => {
    expect(starts({ before: 0, after: 0 }, { bookings: held({ pageId: 'other-page' }) })).not.toContain(
      '10:30',
    );
  });
});

describe('when a booking is being rescheduled (ignoreBookingId)', () => {
  const ada = host('ada', 'UTC', {
    workingHours: { weekly: hours('10:00', '11:00'), overrides: [] },
    busy: [busy('2026-03-02T10:00:00Z', '2026-03-02T10:30:00Z', { bookingId: 'b-1' })],
    bookings: [booking('b-1', '2026-03-02T10:00:00Z', '2026-03-02T10:30:00Z', { bufferAfterMinutes: 30 })],
  });

  it('the booking and its Outlook event block without it', () => {
    expect(availableSlots(query({ host: ada }))).toEqual([]);
  });

  it('frees the booking’s own time and its buffers', () => {
    expect(wallStarts(availableSlots(query({ host: ada, ignoreBookingId: 'b-1' })), 'UTC')).toEqual([
      '10:00',
      '10:30',
    ]);
  });

  it('does not count it toward the daily limit', () => {
    const limited = page({ maxBookingsPerDay: 1 });
    expect(availableSlots(query({ host: ada, page: limited, ignoreBookingId: 'b-1' })).length).toBe(2);
  });
});
