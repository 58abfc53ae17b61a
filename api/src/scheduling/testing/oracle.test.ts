import type {
  AvailabilityQuery,
  BusyItem,
  DateOverride,
  ExistingBooking,
  HostAvailability,
  PageRules,
  WeeklyRule,
} from '@tandem/api/scheduling';
import { oracleBookable, oracleChooseMember, oracleSlots, type ClockCache } from './oracle.js';

// Hand-computed cases: the oracle is checked against arithmetic done on paper, not trusted.

const page = (overrides: Partial<PageRules> = {}): PageRules => ({
  id: 'page-1',
  durations: [15, 30, 45, 60, 120],
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 0,
  window: { kind: 'fixed', startDate: '2025-01-01', endDate: '2027-12-31' },
  busyRules: { tentativeBlocks: false, workingElsewhereBlocks: false, privateBlocks: true },
  ...overrides,
});

const host = (
  id: string,
  timeZone: string,
  weekly: WeeklyRule[],
  extra: Partial<HostAvailability> = {},
): HostAvailability => ({
  id,
  timeZone,
  workingHours: { weekly, overrides: [] },
  busy: [],
  bookings: [],
  ...extra,
});

const query = (
  hosts: HostAvailability[],
  range: [string, string],
  durationMinutes: number,
  extra: Partial<AvailabilityQuery> & { pageRules?: Partial<PageRules> } = {},
): AvailabilityQuery => {
  const { pageRules, ...rest } = extra;
  return {
    page: page(pageRules),
    hosts,
    now: '2025-06-01T00:00:00Z',
    range: { start: range[0], end: range[1] },
    durationMinutes,
    inviteeTimeZone: 'UTC',
    ...rest,
  };
};

const starts = (q: AvailabilityQuery): string[] => oracleSlots(q).map((s) => s.start);
const sunday = (from: string, to: string): WeeklyRule[] => [{ day: 7, from, to }];

describe('oracle on daylight-saving days', () => {
  test.each([
    {
      name: 'New York spring-forward: 02:00 does not exist, so hourly slots skip it',
      zone: 'America/New_York',
      hours: sunday('01:00', '04:00'),
      range: ['2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z'],
      duration: 60,
      expected: ['2026-03-08T06:00:00Z', '2026-03-08T07:00:00Z'],
    },
    {
      name: 'New York spring-forward: a 02:30 start of work becomes 03:00 EDT',
      zone: 'America/New_York',
      hours: sunday('02:30', '05:00'),
      range: ['2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z'],
      duration: 30,
      expected: [
        '2026-03-08T07:00:00Z',
        '2026-03-08T07:30:00Z',
        '2026-03-08T08:00:00Z',
        '2026-03-08T08:30:00Z',
      ],
    },
    {
      name: 'New York fall-back: the repeated 01:00 is offered once, at EDT',
      zone: 'America/New_York',
      hours: sunday('00:00', '03:00'),
      range: ['2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'],
      duration: 60,
      expected: ['2026-11-01T04:00:00Z', '2026-11-01T05:00:00Z', '2026-11-01T07:00:00Z'],
    },
    {
      name: 'New York fall-back: half-hour starts in the repeated hour are skipped',
      zone: 'America/New_York',
      hours: sunday('00:00', '03:00'),
      range: ['2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'],
      duration: 30,
      expected: [
        '2026-11-01T04:00:00Z',
        '2026-11-01T04:30:00Z',
        '2026-11-01T05:00:00Z',
        '2026-11-01T05:30:00Z',
        '2026-11-01T07:00:00Z',
        '2026-11-01T07:30:00Z',
      ],
    },
    {
      name: 'London spring-forward: 01:00 does not exist',
      zone: 'Europe/London',
      hours: sunday('00:00', '03:00'),
      range: ['2026-03-29T00:00:00Z', '2026-03-30T00:00:00Z'],
      duration: 60,
      expected: ['2026-03-29T00:00:00Z', '2026-03-29T01:00:00Z'],
    },
    {
      name: 'London fall-back: three local hours are four real ones, three starts',
      zone: 'Europe/London',
      hours: sunday('00:00', '03:00'),
      range: ['2026-10-24T12:00:00Z', '2026-10-26T00:00:00Z'],
      duration: 60,
      expected: ['2026-10-24T23:00:00Z', '2026-10-25T00:00:00Z', '2026-10-25T02:00:00Z'],
    },
    {
      name: 'London fall-back: 01:30–02:00 runs from the first 01:30 to 02:00 GMT',
      zone: 'Europe/London',
      hours: sunday('01:30', '02:00'),
      range: ['2026-10-24T12:00:00Z', '2026-10-26T00:00:00Z'],
      duration: 30,
      expected: ['2026-10-25T00:30:00Z'],
    },
    {
      name: 'Lord Howe spring-forward: 02:00–02:30 does not exist',
      zone: 'Australia/Lord_Howe',
      hours: sunday('01:00', '04:00'),
      range: ['2026-10-03T00:00:00Z', '2026-10-04T12:00:00Z'],
      duration: 30,
      expected: [
        '2026-10-03T14:30:00Z',
        '2026-10-03T15:00:00Z',
        '2026-10-03T15:30:00Z',
        '2026-10-03T16:00:00Z',
        '2026-10-03T16:30:00Z',
      ],
    },
    {
      name: 'Lord Howe fall-back: the repeated 01:30 is offered once',
      zone: 'Australia/Lord_Howe',
      hours: sunday('01:00', '03:00'),
      range: ['2026-04-04T00:00:00Z', '2026-04-05T12:00:00Z'],
      duration: 30,
      expected: [
        '2026-04-04T14:00:00Z',
        '2026-04-04T14:30:00Z',
        '2026-04-04T15:30:00Z',
        '2026-04-04T16:00:00Z',
      ],
    },
    {
      name: 'Kathmandu +05:45: 09:00 local is 03:15Z',
      zone: 'Asia/Kathmandu',
      hours: [{ day: 1, from: '09:00', to: '10:00' }] as WeeklyRule[],
      range: ['2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z'],
      duration: 15,
      expected: [
        '2026-03-09T03:15:00Z',
        '2026-03-09T03:30:00Z',
        '2026-03-09T03:45:00Z',
        '2026-03-09T04:00:00Z',
      ],
    },
    {
      name: 'Sao Paulo keeps -03:00 all year',
      zone: 'America/Sao_Paulo',
      hours: sunday('09:00', '10:00'),
      range: ['2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'],
      duration: 60,
      expected: ['2026-11-01T12:00:00Z'],
    },
    {
      name: 'intervals touching at midnight join: a two-hour slot runs over it',
      zone: 'Europe/London',
      hours: [
        { day: 1, from: '22:00', to: '24:00' },
        { day: 2, from: '00:00', to: '02:00' },
      ] as WeeklyRule[],
      range: ['2026-01-05T00:00:00Z', '2026-01-07T00:00:00Z'],
      duration: 120,
      interval: 60,
      expected: ['2026-01-05T22:00:00Z', '2026-01-05T23:00:00Z', '2026-01-06T00:00:00Z'],
    },
  ])('$name', ({ zone, hours, range, duration, expected, ...rest }) => {
    const interval = 'interval' in rest ? rest.interval : undefined;
    const q = query([host('h', zone, hours)], range as [string, string], duration, {
      pageRules: interval === undefined ? {} : { slotIntervalMinutes: interval },
    });
    expect(starts(q)).toEqual(expected);
  });

  it('restarts 45-minute alignment at every local midnight', () => {
    const allDay = ([1, 2] as const).map((day) => ({ day, from: '00:00', to: '24:00' }));
    const q = query([host('h', 'UTC', allDay)], ['2026-01-05T00:00:00Z', '2026-01-07T00:00:00Z'], 45);
    const result = starts(q);
    expect(result).toHaveLength(64);
    expect(result[31]).toBe('2026-01-05T23:15:00Z');
    expect(result[32]).toBe('2026-01-06T00:00:00Z');
  });
});

describe('oracle on busy time', () => {
  const workday = [{ day: 1 as const, from: '09:00', to: '12:00' }];
  const monday: [string, string] = ['2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z'];
  const allThree = ['2026-01-05T09:00:00Z', '2026-01-05T10:00:00Z', '2026-01-05T11:00:00Z'];
  const withoutTen = ['2026-01-05T09:00:00Z', '2026-01-05T11:00:00Z'];
  const item = (over: Partial<BusyItem> = {}): BusyItem => ({
    calendarId: 'cal',
    start: '2026-01-05T10:00:00Z',
    end: '2026-01-05T11:00:00Z',
    showAs: 'busy',
    sensitivity: 'normal',
    isAllDay: false,
    isCancelled: false,
    ...over,
  });
  const booking = (over: Partial<ExistingBooking> = {}): ExistingBooking => ({
    id: 'b1',
    pageId: 'page-1',
    start: '2026-01-05T10:00:00Z',
    end: '2026-01-05T11:00:00Z',
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    status: 'confirmed',
    bookedAt: '2025-05-01T00:00:00Z',
    ...over,
  });
  const rules = { tentativeBlocks: false, workingElsewhereBlocks: false, privateBlocks: true };

  test.each([
    { name: 'busy blocks', busy: [item()], expected: withoutTen },
    { name: 'oof blocks', busy: [item({ showAs: 'oof' })], expected: withoutTen },
    { name: 'unknown blocks', busy: [item({ showAs: 'unknown' })], expected: withoutTen },
    { name: 'free never blocks', busy: [item({ showAs: 'free' })], expected: allThree },
    { name: 'tentative is free by default', busy: [item({ showAs: 'tentative' })], expected: allThree },
    {
      name: 'tentative blocks when the page says so',
      busy: [item({ showAs: 'tentative' })],
      busyRules: { ...rules, tentativeBlocks: true },
      expected: withoutTen,
    },
    {
      name: 'workingElsewhere blocks when the page says so',
      busy: [item({ showAs: 'workingElsewhere' })],
      busyRules: { ...rules, workingElsewhereBlocks: true },
      expected: withoutTen,
    },
    { name: 'a cancelled item is free', busy: [item({ isCancelled: true })], expected: allThree },
    {
      name: 'a confidential item is free when private items do not block',
      busy: [item({ sensitivity: 'confidential' })],
      busyRules: { ...rules, privateBlocks: false },
      expected: allThree,
    },
    {
      name: 'a personal item still blocks when private items do not',
      busy: [item({ sensitivity: 'personal' })],
      busyRules: { ...rules, privateBlocks: false },
      expected: withoutTen,
    },
    {
      name: 'an item touching the slot end does not block',
      busy: [item({ start: '2026-01-05T11:00:00Z', end: '2026-01-05T11:20:00Z' })],
      expected: ['2026-01-05T09:00:00Z', '2026-01-05T10:00:00Z'],
    },
    {
      name: 'a buffer after reaches an item that starts at the slot end',
      busy: [item({ start: '2026-01-05T11:00:00Z', end: '2026-01-05T11:20:00Z' })],
      pageRules: { bufferAfterMinutes: 15 },
      expected: ['2026-01-05T09:00:00Z'],
    },
    {
      name: 'the Outlook event of a cancelled booking blocks nothing',
      busy: [item({ bookingId: 'b1' })],
      bookings: [booking({ status: 'cancelled' })],
      expected: allThree,
    },
    {
      name: "a booking's own buffer reaches the next slot",
      bookings: [
        booking({ start: '2026-01-05T09:00:00Z', end: '2026-01-05T10:00:00Z', bufferAfterMinutes: 5 }),
      ],
      expected: ['2026-01-05T11:00:00Z'],
    },
    {
      name: 'the booking being rescheduled is ignored',
      bookings: [booking()],
      ignoreBookingId: 'b1',
      expected: allThree,
    },
    {
      name: 'the daily limit counts bookings of this page only',
      bookings: [booking({ start: '2026-01-05T16:00:00Z', end: '2026-01-05T17:00:00Z', pageId: 'other' })],
      pageRules: { maxBookingsPerDay: 1 },
      expected: allThree,
    },
    {
      name: 'the daily limit closes the day',
      bookings: [booking({ start: '2026-01-05T16:00:00Z', end: '2026-01-05T17:00:00Z' })],
      pageRules: { maxBookingsPerDay: 1 },
      expected: [],
    },
    {
      name: 'minimum notice counts from now',
      now: '2026-01-05T08:30:00Z',
      pageRules: { minimumNoticeMinutes: 90 },
      expected: ['2026-01-05T10:00:00Z', '2026-01-05T11:00:00Z'],
    },
    {
      name: 'a rolling window of 0 days ends at the end of today',
      now: '2026-01-04T12:00:00Z',
      pageRules: { window: { kind: 'rolling' as const, days: 0 } },
      expected: [],
    },
    {
      name: 'a rolling window of 1 day includes tomorrow',
      now: '2026-01-04T12:00:00Z',
      pageRules: { window: { kind: 'rolling' as const, days: 1 } },
      expected: allThree,
    },
  ])('$name', ({ busy, bookings, expected, busyRules, pageRules, now, ignoreBookingId }) => {
    const h = host('h', 'Europe/London', workday, { busy: busy ?? [], bookings: bookings ?? [] });
    const q = query([h], monday, 60, {
      pageRules: { ...pageRules, ...(busyRules ? { busyRules } : {}) },
      ...(now ? { now } : {}),
      ...(ignoreBookingId ? { ignoreBookingId } : {}),
    });
    expect(starts(q)).toEqual(expected);
  });

  it("spans an all-day item over the host's local dates", () => {
    const allDay = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: '00:00', to: '24:00' })) as WeeklyRule[];
    const day = item({ start: '2026-03-10', end: '2026-03-11', isAllDay: true });
    const h = host('h', 'America/New_York', allDay, { busy: [day] });
    const result = starts(query([h], ['2026-03-10T02:00:00Z', '2026-03-11T06:00:00Z'], 60));
    // EDT: 2026-03-10 runs 04:00Z–04:00Z the next day.
    expect(result).toEqual([
      '2026-03-10T02:00:00Z',
      '2026-03-10T03:00:00Z',
      '2026-03-11T04:00:00Z',
      '2026-03-11T05:00:00Z',
    ]);
  });

  it('takes an override over the weekly rule, and an empty one as a day off', () => {
    const overrides: DateOverride[] = [
      { date: '2026-01-05', intervals: [{ from: '14:00', to: '15:00' }] },
      { date: '2026-01-12', intervals: [] },
    ];
    const h = host('h', 'UTC', workday, { workingHours: { weekly: workday, overrides } });
    const result = starts(query([h], ['2026-01-05T00:00:00Z', '2026-01-20T00:00:00Z'], 60));
    expect(result).toEqual(['2026-01-05T14:00:00Z', ...allThree.map((s) => s.replace('01-05', '01-19'))]);
  });

  it('labels slots with the invitee date', () => {
    const q = query([host('h', 'Europe/London', workday)], monday, 60, {
      inviteeTimeZone: 'Pacific/Kiritimati',
    });
    expect(oracleSlots(q).map((s) => s.inviteeDate)).toEqual(['2026-01-05', '2026-01-06', '2026-01-06']);
  });
});

describe('oracle on team pages', () => {
  // London 09:00–12:00 is 04:00–07:00 in New York; New York works 06:00–10:00 local (11:00–15:00Z).
  const london = host('london', 'Europe/London', [{ day: 1, from: '09:00', to: '12:00' }]);
  const newYork = host('new-york', 'America/New_York', [{ day: 1, from: '06:00', to: '10:00' }]);
  const monday: [string, string] = ['2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z'];
  const team = (kind: 'collective' | 'roundRobin') => ({
    kind,
    policy: 'equal' as const,
    assignmentPeriodDays: 30,
  });

  it('offers a collective slot only when every member is free', () => {
    const q = query([london, newYork], monday, 60, { pageRules: { team: team('collective') } });
    expect(oracleSlots(q)).toEqual([
      {
        start: '2026-01-05T11:00:00Z',
        end: '2026-01-05T12:00:00Z',
        inviteeDate: '2026-01-05',
        hostIds: ['london', 'new-york'],
      },
    ]);
  });

  it('offers a round-robin slot when anyone is free and lists who', () => {
    const q = query([london, newYork], monday, 60, { pageRules: { team: team('roundRobin') } });
    const result = oracleSlots(q).map((s) => `${s.start.slice(11, 16)} ${s.hostIds.join('+')}`);
    expect(result).toEqual([
      '09:00 london',
      '10:00 london',
      '11:00 london+new-york',
      '12:00 new-york',
      '13:00 new-york',
      '14:00 new-york',
    ]);
  });

  it('aligns team candidates on the first member clock', () => {
    const kathmandu = host('ktm', 'Asia/Kathmandu', [{ day: 1, from: '00:00', to: '24:00' }]);
    const utc = host('utc', 'UTC', [{ day: 1, from: '00:00', to: '24:00' }]);
    const q = query([kathmandu, utc], ['2026-01-05T00:00:00Z', '2026-01-05T03:00:00Z'], 60, {
      pageRules: { team: team('collective') },
    });
    expect(starts(q)).toEqual(['2026-01-05T00:15:00Z', '2026-01-05T01:15:00Z', '2026-01-05T02:15:00Z']);
  });

  describe('choosing the member', () => {
    const booked = (id: string, bookedAt: string, pageId = 'page-1'): ExistingBooking => ({
      id,
      pageId,
      start: '2025-12-01T10:00:00Z',
      end: '2025-12-01T11:00:00Z',
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      status: 'confirmed',
      bookedAt,
    });
    const member = (id: string, bookings: ExistingBooking[], extra: Partial<HostAvailability> = {}) =>
      host(id, 'UTC', [{ day: 1, from: '09:00', to: '12:00' }], { bookings, ...extra });
    const choose = (
      members: HostAvailability[],
      policy: 'equal' | 'weighted' | 'priority',
      start = '2026-01-05T09:00:00Z',
    ) =>
      oracleChooseMember(
        query(members, monday, 60, {
          now: '2026-01-01T00:00:00Z',
          pageRules: { team: { kind: 'roundRobin', policy, assignmentPeriodDays: 30 } },
        }),
        start,
      );

    it('equal: the fewest bookings of this page in the period wins', () => {
      const a = member('a', [booked('a1', '2025-12-20T00:00:00Z'), booked('a2', '2025-12-21T00:00:00Z')]);
      const b = member('b', [
        booked('b1', '2025-12-22T00:00:00Z'),
        booked('b2', '2025-11-01T00:00:00Z'),
        booked('b3', '2025-12-23T00:00:00Z', 'other-page'),
      ]);
      expect(choose([a, b], 'equal')).toBe('b');
    });

    it('equal: on a tie the least recently booked wins, never booked first', () => {
      const a = member('a', [booked('a1', '2025-12-20T00:00:00Z')]);
      const b = member('b', [booked('b1', '2025-12-10T00:00:00Z')]);
      const c = member('c', [booked('c1', '2025-12-21T00:00:00Z')]);
      expect(choose([a, b, c], 'equal')).toBe('b');
      // Booked only before the period: a count of 0, yet booked more recently than never.
      const bookedLongAgo = member('a0', [booked('a01', '2025-10-01T00:00:00Z')]);
      expect(choose([bookedLongAgo, member('z', [])], 'equal')).toBe('z');
      expect(choose([member('y', []), member('x', [])], 'equal')).toBe('x');
    });

    it('weighted: the lowest count per weight wins', () => {
      const a = member('a', [booked('a1', '2025-12-20T00:00:00Z'), booked('a2', '2025-12-21T00:00:00Z')], {
        weight: 3,
      });
      const b = member('b', [booked('b1', '2025-12-22T00:00:00Z')], { weight: 1 });
      expect(choose([a, b], 'weighted')).toBe('a');
    });

    it('weighted: on an equal ratio the equal policy decides, fewest bookings first', () => {
      // 1/1 and 2/2 tie; b was booked less recently, but a has fewer bookings.
      const a = member('a', [booked('a1', '2025-12-30T00:00:00Z')], { weight: 1 });
      const b = member('b', [booked('b1', '2025-12-10T00:00:00Z'), booked('b2', '2025-12-11T00:00:00Z')], {
        weight: 2,
      });
      expect(choose([a, b], 'weighted')).toBe('a');
    });

    it('priority: the highest priority wins even with more bookings', () => {
      const a = member('a', [booked('a1', '2025-12-20T00:00:00Z')], { priority: 2 });
      const b = member('b', [], { priority: 1 });
      expect(choose([a, b], 'priority')).toBe('a');
    });

    it('only considers members free for the slot', () => {
      const a = member('a', []);
      const busyB = member('b', [], { workingHours: { weekly: [], overrides: [] } });
      expect(choose([busyB, a], 'equal')).toBe('a');
      expect(choose([a, busyB], 'equal', '2026-01-05T13:00:00Z')).toBeUndefined();
    });
  });
});

describe('oracleBookable', () => {
  const q = query(
    [host('h', 'America/New_York', sunday('00:00', '24:00'))],
    ['2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z'],
    30,
  );

  it('agrees with the slot list and refuses unaligned or out-of-range starts', () => {
    const slots = new Set(starts(q));
    const clocks: ClockCache = new Map();
    expect(slots.size).toBeGreaterThan(0);
    for (
      let t = Date.parse('2026-03-07T23:00:00Z');
      t < Date.parse('2026-03-09T01:00:00Z');
      t += 5 * 60_000
    ) {
      const at = new Date(t).toISOString().replace('.000Z', 'Z');
      expect(oracleBookable(q, at, clocks)).toBe(slots.has(at));
    }
    expect(oracleBookable(q, '2026-03-08T12:00:30Z')).toBe(false);
  });
});
