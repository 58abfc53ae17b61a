import { availableSlots, chooseMember } from './engine.js';
import { booking, busy, host, hours, page, query, wallStarts } from './fixtures.test-support.js';
import type { AssignmentPolicy, ExistingBooking, HostAvailability, TeamKind } from './types.js';

const nineToEleven = { weekly: hours('09:00', '11:00'), overrides: [] };

function teamQuery(kind: TeamKind, hosts: HostAvailability[], policy: AssignmentPolicy = 'equal') {
  return query({ page: page({ team: { kind, policy, assignmentPeriodDays: 30 } }), hosts });
}

describe('collective pages', () => {
  const ada = host('ada', 'UTC', {
    workingHours: nineToEleven,
    busy: [busy('2026-03-02T09:00:00Z', '2026-03-02T09:30:00Z')],
  });
  const bob = host('bob', 'UTC', {
    workingHours: nineToEleven,
    busy: [busy('2026-03-02T10:30:00Z', '2026-03-02T11:00:00Z')],
  });

  it('offer only the times every member is free, listing all of them', () => {
    const slots = availableSlots(teamQuery('collective', [ada, bob]));
    expect(wallStarts(slots, 'UTC')).toEqual(['09:30', '10:00']);
    expect(slots.every((s) => s.hostIds.join() === 'ada,bob')).toBe(true);
  });

  it('check each member with their own zone and working hours', () => {
    // Lisbon 09:00–11:00 is 09:00–11:00Z in March; Berlin 09:00–11:00 is 08:00–10:00Z: overlap 09:00–10:00Z.
    const lisbon = host('lia', 'Europe/Lisbon', { workingHours: nineToEleven });
    const berlin = host('ben', 'Europe/Berlin', { workingHours: nineToEleven });
    expect(wallStarts(availableSlots(teamQuery('collective', [lisbon, berlin])), 'UTC')).toEqual([
      '09:00',
      '09:30',
    ]);
  });

  it('generate candidates on the first member’s clock', () => {
    // Kathmandu (+05:45) 15:00–17:00 is 09:15–11:15Z; the UTC member is always free.
    const kathmandu = host('kai', 'Asia/Kathmandu', {
      workingHours: { weekly: hours('15:00', '17:00'), overrides: [] },
    });
    const utc = host('uma', 'UTC', { workingHours: { weekly: hours('00:00', '24:00'), overrides: [] } });
    // Kathmandu first: its wall clock's :00 and :30 are :15 and :45 past the UTC hour.
    expect(wallStarts(availableSlots(teamQuery('collective', [kathmandu, utc])), 'UTC')).toEqual([
      '09:15',
      '09:45',
      '10:15',
      '10:45',
    ]);
    // UTC first: UTC :00 and :30 inside 09:15–11:15Z.
    expect(wallStarts(availableSlots(teamQuery('collective', [utc, kathmandu])), 'UTC')).toEqual([
      '09:30',
      '10:00',
      '10:30',
    ]);
  });
});

describe('round-robin pages', () => {
  const ada = host('ada', 'UTC', {
    workingHours: nineToEleven,
    busy: [busy('2026-03-02T09:00:00Z', '2026-03-02T09:30:00Z')],
  });
  const bob = host('bob', 'UTC', {
    workingHours: nineToEleven,
    busy: [busy('2026-03-02T10:30:00Z', '2026-03-02T11:00:00Z')],
  });

  it('offer a time when at least one member is free, listing who is', () => {
    const slots = availableSlots(teamQuery('roundRobin', [ada, bob]));
    expect(slots.map((s) => [s.start.slice(11, 16), s.hostIds])).toEqual([
      ['09:00', ['bob']],
      ['09:30', ['ada', 'bob']],
      ['10:00', ['ada', 'bob']],
      ['10:30', ['ada']],
    ]);
  });

  it('offer nothing when nobody is free', () => {
    const away = (id: string) => host(id, 'UTC', { workingHours: { weekly: [], overrides: [] } });
    expect(availableSlots(teamQuery('roundRobin', [away('ada'), away('bob')]))).toEqual([]);
  });
});

describe('chooseMember', () => {
  const NOW = '2026-03-01T12:00:00Z';
  const SLOT = '2026-03-02T09:00:00Z';
  /** `count` bookings of this page, the latest booked at `lastBookedAt`. */
  const history = (id: string, count: number, lastBookedAt = '2026-02-20T00:00:00Z'): ExistingBooking[] =>
    Array.from({ length: count }, (_, i) =>
      booking(`${id}-${i}`, '2026-02-10T09:00:00Z', '2026-02-10T09:30:00Z', {
        bookedAt: i === count - 1 ? lastBookedAt : '2026-02-15T00:00:00Z',
      }),
    );
  const member = (id: string, bookings: ExistingBooking[], extra: Partial<HostAvailability> = {}) =>
    host(id, 'UTC', { workingHours: nineToEleven, bookings, ...extra });
  const choose = (policy: AssignmentPolicy, hosts: HostAvailability[], extra: object = {}) =>
    chooseMember({ ...teamQuery('roundRobin', hosts, policy), now: NOW, ...extra }, SLOT);

  test.each<[string, AssignmentPolicy, HostAvailability[], string]>([
    [
      'equal: fewest bookings',
      'equal',
      [member('ada', history('a', 2)), member('bob', history('b', 1))],
      'bob',
    ],
    [
      'equal tie: least recently booked',
      'equal',
      [
        member('ada', history('a', 1, '2026-02-25T00:00:00Z')),
        member('bob', history('b', 1, '2026-02-21T00:00:00Z')),
      ],
      'bob',
    ],
    ['equal tie: never booked first', 'equal', [member('ada', history('a', 0)), member('bob', [])], 'ada'],
    [
      'equal tie: never booked beats booked long ago',
      'equal',
      [
        member('ada', [
          booking('a-old', SLOT, SLOT, {
            bookedAt: '2025-01-01T00:00:00Z',
            start: '2025-01-02T09:00:00Z',
            end: '2025-01-02T09:30:00Z',
          }),
        ]),
        member('bob', []),
      ],
      'bob',
    ],
    ['equal tie: then by id', 'equal', [member('bob', []), member('ada', [])], 'ada'],
    [
      'weighted: lowest count / weight',
      'weighted',
      [member('ada', history('a', 3), { weight: 3 }), member('bob', history('b', 2), { weight: 1 })],
      'ada',
    ],
    [
      'weighted tie (2/2 = 1/1): the equal order decides',
      'weighted',
      [member('ada', history('a', 2), { weight: 2 }), member('bob', history('b', 1), { weight: 1 })],
      'bob',
    ],
    [
      'priority: highest first, even with more bookings',
      'priority',
      [member('ada', history('a', 5), { priority: 2 }), member('bob', [], { priority: 1 })],
      'ada',
    ],
    [
      'priority tie: the equal order decides',
      'priority',
      [member('ada', history('a', 2), { priority: 1 }), member('bob', history('b', 1), { priority: 1 })],
      'bob',
    ],
  ])('%s', (_name, policy, hosts, expected) => {
    expect(choose(policy, hosts)).toBe(expected);
  });

  it('chooses only among the members free for the slot', () => {
    const busyAda = member('ada', [], { busy: [busy(SLOT, '2026-03-02T09:30:00Z')] });
    expect(choose('equal', [busyAda, member('bob', history('b', 9))])).toBe('bob');
  });

  it('answers nothing when no member is free or the start is not a slot', () => {
    const busyAda = member('ada', [], { busy: [busy(SLOT, '2026-03-02T09:30:00Z')] });
    expect(choose('equal', [busyAda])).toBeUndefined();
    expect(
      chooseMember({ ...teamQuery('roundRobin', [member('ada', [])]), now: NOW }, '2026-03-02T09:10:00Z'),
    ).toBeUndefined();
  });

  it('counts only bookings of this page booked within the assignment period, not cancelled', () => {
    const old = (id: string) =>
      booking(id, '2026-01-05T09:00:00Z', '2026-01-05T09:30:00Z', { bookedAt: '2026-01-01T00:00:00Z' });
    const ada = member('ada', [
      old('a-1'),
      old('a-2'),
      booking('a-3', '2026-02-10T09:00:00Z', '2026-02-10T09:30:00Z', {
        pageId: 'other-page',
        bookedAt: '2026-02-20T00:00:00Z',
      }),
      booking('a-4', '2026-02-10T09:00:00Z', '2026-02-10T09:30:00Z', {
        status: 'cancelled',
        bookedAt: '2026-02-20T00:00:00Z',
      }),
    ]);
    const bob = member(
      'bob',
      history('b', 1, '2025-12-01T00:00:00Z').map((b) => ({ ...b, bookedAt: '2026-02-20T00:00:00Z' })),
    );
    // Ada: 0 in the period (2 too old, 1 other page, 1 cancelled); Bob: 1.
    expect(choose('equal', [ada, bob])).toBe('ada');
  });

  it('does not count the booking being rescheduled', () => {
    // Ada: a-0 booked 02-15, a-1 booked 02-20. Bob: one booked 02-18.
    const ada = member('ada', history('a', 2, '2026-02-20T00:00:00Z'));
    const bob = member('bob', history('b', 1, '2026-02-18T00:00:00Z'));
    expect(choose('equal', [ada, bob])).toBe('bob');
    expect(choose('equal', [ada, bob], { ignoreBookingId: 'a-0' })).toBe('bob'); // 1 each; Bob booked less recently
    expect(choose('equal', [ada, bob], { ignoreBookingId: 'a-1' })).toBe('ada'); // 1 each; Ada's last is now 02-15
  });

  it('answers the primary host for personal and collective pages', () => {
    const ada = member('ada', []);
    expect(chooseMember(query({ host: ada }), SLOT)).toBe('ada');
    expect(chooseMember(teamQuery('collective', [member('bob', []), ada]), SLOT)).toBe('bob');
  });
});
