import { availableSlots } from './engine.js';
import { booking, host, hours, localDays, page, query, wallStarts } from './fixtures.test-support.js';

const ada = (zone = 'UTC') =>
  host('ada', zone, { workingHours: { weekly: hours('09:00', '11:00'), overrides: [] } });

describe('minimum notice', () => {
  test.each([
    // now, notice minutes, first start offered
    ['2026-03-02T08:00:00Z', 0, '09:00'],
    ['2026-03-02T08:00:00Z', 60, '09:00'], // exactly now + notice is allowed
    ['2026-03-02T08:00:00Z', 61, '09:30'],
    ['2026-03-02T09:10:00Z', 0, '09:30'], // the 09:00 slot has already started
    ['2026-03-02T09:00:00Z', 0, '09:00'],
    ['2026-03-02T08:59:59Z', 1, '09:30'],
  ])('now %s with %i minutes of notice → first slot %s', (now, minimumNoticeMinutes, first) => {
    const slots = availableSlots(query({ host: ada(), now, page: page({ minimumNoticeMinutes }) }));
    expect(wallStarts(slots, 'UTC')[0]).toBe(first);
  });
});

describe('rolling window', () => {
  // now: Monday 2026-03-02 22:30 in Tokyo (13:30Z). Today is day 0 in the host's zone.
  const now = '2026-03-02T13:30:00Z';
  const range = localDays('Asia/Tokyo', '2026-03-02', '2026-03-10');
  const datesOffered = (days: number) => {
    const slots = availableSlots(
      query({ host: ada('Asia/Tokyo'), now, range, page: page({ window: { kind: 'rolling', days } }) }),
    );
    return [
      ...new Set(slots.map((s) => new Date(Date.parse(s.start) + 9 * 3_600_000).toISOString().slice(0, 10))),
    ];
  };

  test.each([
    [0, []], // only the rest of today, which is past working hours
    [1, ['2026-03-03']],
    [3, ['2026-03-03', '2026-03-04', '2026-03-05']],
  ])('%i days → Tokyo dates %j', (days, expected) => {
    expect(datesOffered(days)).toEqual(expected);
  });

  it('counts days from the host-local date of now, not the UTC date', () => {
    // 2026-03-02T16:00Z is already 2026-03-03 01:00 in Tokyo: day 0 is the 3rd.
    const slots = availableSlots(
      query({
        host: ada('Asia/Tokyo'),
        now: '2026-03-02T16:00:00Z',
        range,
        page: page({ window: { kind: 'rolling', days: 0 } }),
      }),
    );
    expect(slots.map((s) => s.start)).toEqual([
      '2026-03-03T00:00:00Z',
      '2026-03-03T00:30:00Z',
      '2026-03-03T01:00:00Z',
      '2026-03-03T01:30:00Z',
    ]);
  });
});

describe('fixed window', () => {
  it('offers only the host-local dates from startDate to endDate inclusive', () => {
    const slots = availableSlots(
      query({
        host: ada('America/Chicago'),
        range: localDays('America/Chicago', '2026-03-02', '2026-03-06'),
        page: page({ window: { kind: 'fixed', startDate: '2026-03-03', endDate: '2026-03-04' } }),
      }),
    );
    expect(slots.map((s) => s.start)).toEqual([
      '2026-03-03T15:00:00Z',
      '2026-03-03T15:30:00Z',
      '2026-03-03T16:00:00Z',
      '2026-03-03T16:30:00Z',
      '2026-03-04T15:00:00Z',
      '2026-03-04T15:30:00Z',
      '2026-03-04T16:00:00Z',
      '2026-03-04T16:30:00Z',
    ]);
  });

  it('lets a one-day window cover a slot that ends after the window', () => {
    const late = host('ada', 'UTC', { workingHours: { weekly: hours('23:30', '24:00'), overrides: [] } });
    const slots = availableSlots(
      query({
        host: late,
        page: page({ window: { kind: 'fixed', startDate: '2026-03-02', endDate: '2026-03-02' } }),
      }),
    );
    expect(slots.map((s) => [s.start, s.end])).toEqual([['2026-03-02T23:30:00Z', '2026-03-03T00:00:00Z']]);
  });
});

describe('maximum bookings per day', () => {
  const tokyo = (bookings: ReturnType<typeof booking>[]) =>
    host('ada', 'Asia/Tokyo', { workingHours: { weekly: hours('09:00', '10:00'), overrides: [] }, bookings });
  const range = localDays('Asia/Tokyo', '2026-03-02', '2026-03-03');
  const limited = page({ maxBookingsPerDay: 1 });

  it('closes the host-local day once the limit is reached', () => {
    // 2026-03-01T20:00Z is 05:00 on the 2nd in Tokyo (the UTC date is the 1st): it counts for the 2nd.
    const slots = availableSlots(
      query({
        host: tokyo([booking('b-1', '2026-03-01T20:00:00Z', '2026-03-01T20:30:00Z')]),
        range,
        page: limited,
      }),
    );
    expect(slots.map((s) => s.start)).toEqual(['2026-03-03T00:00:00Z', '2026-03-03T00:30:00Z']);
  });

  it('counts only bookings of this page that are not cancelled', () => {
    const bookings = [
      booking('b-1', '2026-03-01T20:00:00Z', '2026-03-01T20:30:00Z', { pageId: 'other-page' }),
      booking('b-2', '2026-03-01T21:00:00Z', '2026-03-01T21:30:00Z', { status: 'cancelled' }),
    ];
    expect(availableSlots(query({ host: tokyo(bookings), range, page: limited })).length).toBe(4);
  });

  test.each([
    [undefined, 4],
    [0, 0],
    [1, 2],
    [2, 4],
  ])('limit %s with one booking on the 2nd → %i slots over two days', (maxBookingsPerDay, count) => {
    const bookings = [booking('b-1', '2026-03-01T20:00:00Z', '2026-03-01T20:30:00Z')];
    expect(
      availableSlots(query({ host: tokyo(bookings), range, page: page({ maxBookingsPerDay }) })).length,
    ).toBe(count);
  });
});
