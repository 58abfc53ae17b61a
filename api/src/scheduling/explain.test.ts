import { availableSlots, explain } from './engine.js';
import { allDay, booking, busy, host, hours, page, query } from './fixtures.test-support.js';
import type { AvailabilityQuery, Reason } from './types.js';

const codes = (q: AvailabilityQuery, start: string) => explain(q, start).reasons.map((r) => r.code);

const ada = host('ada', 'UTC', {
  workingHours: { weekly: hours('09:00', '12:00'), overrides: [] },
  busy: [
    busy('2026-03-02T10:00:00Z', '2026-03-02T10:30:00Z', {
      calendarId: 'work',
      showAs: 'oof',
      sensitivity: 'private',
    }),
  ],
  bookings: [booking('b-1', '2026-03-02T11:00:00Z', '2026-03-02T11:30:00Z')],
});
const base = query({
  host: ada,
  now: '2026-03-02T08:00:00Z',
  page: page({ bufferAfterMinutes: 15, minimumNoticeMinutes: 0, window: { kind: 'rolling', days: 0 } }),
});

describe('explain', () => {
  test.each([
    ['2026-03-02T09:00:00Z', []],
    ['2026-03-02T09:10:00Z', ['NOT_A_SLOT_START']],
    ['2026-03-02T08:00:00Z', ['OUTSIDE_WORKING_HOURS']],
    ['2026-03-02T10:00:00Z', ['BUSY']],
    ['2026-03-02T09:30:00Z', ['BUFFER']], // 09:30–10:00 is free; the 15 minutes after touch the oof item
    ['2026-03-02T11:00:00Z', ['BOOKED']],
    ['2026-03-02T10:30:00Z', ['BUFFER']], // 10:30–11:00 + 15 reaches the booking
    ['2026-03-02T12:00:00Z', ['OUTSIDE_WORKING_HOURS']],
  ])('%s → %j', (start, expected) => {
    expect(codes(base, start)).toEqual(expected);
  });

  it('lists the day’s-end slot as bookable when it fits exactly', () => {
    expect(explain(base, '2026-03-02T11:30:00Z')).toEqual({
      start: '2026-03-02T11:30:00Z',
      bookable: true,
      reasons: [],
    });
  });

  it('names the calendar, span and showAs of a blocking item, never its subject', () => {
    const [reason] = explain(base, '2026-03-02T10:00:00Z').reasons as [Reason];
    expect(reason).toMatchObject({
      code: 'BUSY',
      hostId: 'ada',
      calendarId: 'work',
      showAs: 'oof',
      span: { start: '2026-03-02T10:00:00Z', end: '2026-03-02T10:30:00Z' },
    });
    expect(Object.keys(reason).sort()).toEqual(['calendarId', 'code', 'hostId', 'message', 'showAs', 'span']);
  });

  it('names the booking a slot overlaps', () => {
    expect(explain(base, '2026-03-02T11:00:00Z').reasons[0]).toMatchObject({
      code: 'BOOKED',
      bookingId: 'b-1',
      span: { start: '2026-03-02T11:00:00Z', end: '2026-03-02T11:30:00Z' },
    });
  });

  it('explains the span of an all-day item in the host zone', () => {
    const q = query({ host: host('ada', 'Europe/Berlin', { busy: [allDay('2026-03-02', '2026-03-03')] }) });
    expect(explain(q, '2026-03-02T08:00:00Z').reasons[0]).toMatchObject({
      code: 'BUSY',
      span: { start: '2026-03-01T23:00:00Z', end: '2026-03-02T23:00:00Z' },
    });
  });

  test.each([
    ['TOO_SOON', { now: '2026-03-02T09:30:00Z' }, '2026-03-02T09:00:00Z'],
    ['BEYOND_WINDOW', { now: '2026-03-01T08:00:00Z' }, '2026-03-02T09:00:00Z'],
    [
      'OUTSIDE_RANGE',
      { range: { start: '2026-03-03T00:00:00Z', end: '2026-03-04T00:00:00Z' } },
      '2026-03-02T09:00:00Z',
    ],
  ])('reports %s', (code, change, start) => {
    expect(codes({ ...base, ...change }, start)).toEqual([code]);
  });

  it('reports DAILY_LIMIT', () => {
    const q = { ...base, page: { ...base.page, maxBookingsPerDay: 1 } };
    expect(codes(q, '2026-03-02T09:00:00Z')).toEqual(['DAILY_LIMIT']);
  });

  it('lists every reason that applies', () => {
    expect(codes({ ...base, now: '2026-03-02T10:00:00Z' }, '2026-03-02T10:00:00Z')).toEqual(['BUSY']);
    expect(codes({ ...base, now: '2026-03-02T10:30:00Z' }, '2026-03-02T10:00:00Z')).toEqual([
      'TOO_SOON',
      'BUSY',
    ]);
  });

  describe('for team pages', () => {
    const bob = host('bob', 'UTC', { workingHours: { weekly: hours('10:00', '12:00'), overrides: [] } });
    const team = (kind: 'collective' | 'roundRobin') =>
      query({ hosts: [ada, bob], page: page({ team: { kind, policy: 'equal', assignmentPeriodDays: 30 } }) });

    it('collective: one MEMBER_BUSY per member who cannot come, with their reasons', () => {
      const { reasons } = explain(team('collective'), '2026-03-02T09:00:00Z');
      expect(reasons).toEqual([
        expect.objectContaining({
          code: 'MEMBER_BUSY',
          hostId: 'bob',
          members: [
            {
              hostId: 'bob',
              reasons: [expect.objectContaining({ code: 'OUTSIDE_WORKING_HOURS', hostId: 'bob' })],
            },
          ],
        }),
      ]);
    });

    it('round-robin: bookable while one member is free, else NO_MEMBER_FREE with everyone’s reasons', () => {
      expect(explain(team('roundRobin'), '2026-03-02T09:00:00Z').bookable).toBe(true);
      const { reasons } = explain(team('roundRobin'), '2026-03-02T08:00:00Z');
      expect(reasons.map((r) => r.code)).toEqual(['NO_MEMBER_FREE']);
      expect(reasons[0]!.members!.map((m) => [m.hostId, m.reasons.map((r) => r.code)])).toEqual([
        ['ada', ['OUTSIDE_WORKING_HOURS']],
        ['bob', ['OUTSIDE_WORKING_HOURS']],
      ]);
    });
  });

  it('agrees with availableSlots at every 5-minute instant of a busy day', () => {
    const rich = query({
      hosts: [
        ada,
        host('bob', 'America/New_York', {
          workingHours: { weekly: hours('04:00', '06:45'), overrides: [] },
          busy: [busy('2026-03-02T09:40:00Z', '2026-03-02T10:05:00Z', { showAs: 'tentative' })],
          bookings: [
            booking('b-9', '2026-03-02T11:15:00Z', '2026-03-02T11:45:00Z', { bufferBeforeMinutes: 5 }),
          ],
        }),
      ],
      now: '2026-03-02T08:45:00Z',
      page: page({
        bufferBeforeMinutes: 5,
        bufferAfterMinutes: 10,
        slotIntervalMinutes: 15,
        maxBookingsPerDay: 3,
        busyRules: { tentativeBlocks: true, workingElsewhereBlocks: false, privateBlocks: true },
        team: { kind: 'roundRobin', policy: 'equal', assignmentPeriodDays: 30 },
      }),
    });
    const offered = new Set(availableSlots(rich).map((s) => s.start));
    expect(offered.size).toBeGreaterThan(3);
    for (
      let ms = Date.parse('2026-03-02T07:00:00Z');
      ms < Date.parse('2026-03-02T13:00:00Z');
      ms += 5 * 60_000
    ) {
      const start = new Date(ms).toISOString().replace('.000Z', 'Z');
      const explanation = explain(rich, start);
      expect([start, explanation.bookable, explanation.reasons.length === 0]).toEqual([
        start,
        offered.has(start),
        offered.has(start),
      ]);
    }
  });
});
