import { availableSlots, chooseMember, explain } from './engine.js';
import { SchedulingInputError } from './errors.js';
import { allDay, booking, busy, host, page, query } from './fixtures.test-support.js';
import type { AvailabilityQuery, SchedulingErrorCode } from './types.js';

/** A valid team query to break one field at a time. */
function good(): AvailabilityQuery {
  return query({
    page: page({ team: { kind: 'roundRobin', policy: 'equal', assignmentPeriodDays: 30 } }),
    hosts: [
      host('ada', 'Europe/London', {
        busy: [busy('2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z'), allDay('2026-03-03', '2026-03-04')],
        bookings: [booking('b-1', '2026-03-02T12:00:00Z', '2026-03-02T12:30:00Z')],
      }),
      host('bob', 'UTC'),
    ],
  });
}

/** Runs `availableSlots` and returns the refusal it throws. */
function refusal(q: unknown): { code: SchedulingErrorCode; field: string } {
  try {
    availableSlots(q as AvailabilityQuery);
  } catch (error) {
    if (error instanceof SchedulingInputError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('the query was accepted');
}

type Breakage = (q: AvailabilityQuery & Record<string, unknown>) => void;
const ada = (q: AvailabilityQuery) => q.hosts[0]!;

describe('bad input is refused with a code and the field', () => {
  test.each<[string, Breakage, SchedulingErrorCode, string]>([
    [
      'unknown host zone',
      (q) => void (q.hosts[1]!.timeZone = 'Mars/Base'),
      'INVALID_TIME_ZONE',
      'hosts[1].timeZone',
    ],
    [
      'unknown invitee zone',
      (q) => void (q.inviteeTimeZone = 'Europe/Londres'),
      'INVALID_TIME_ZONE',
      'inviteeTimeZone',
    ],
    [
      'range end before start',
      (q) => void (q.range = { start: '2026-03-02T10:00:00Z', end: '2026-03-02T09:00:00Z' }),
      'INVALID_RANGE',
      'range.end',
    ],
    [
      'range over 366 days',
      (q) => void (q.range = { start: '2026-01-01T00:00:00Z', end: '2027-01-02T00:00:01Z' }),
      'RANGE_TOO_LONG',
      'range.end',
    ],
    [
      'busy item ending before it starts',
      (q) => void (ada(q).busy[0]!.end = '2026-03-02T09:00:00Z'),
      'INVALID_RANGE',
      'hosts[0].busy[0].end',
    ],
    [
      'all-day item ending before it starts',
      (q) => void (ada(q).busy[1]!.end = '2026-03-02'),
      'INVALID_RANGE',
      'hosts[0].busy[1].end',
    ],
    [
      'booking ending before it starts',
      (q) => void (ada(q).bookings[0]!.end = '2026-03-02T11:00:00Z'),
      'INVALID_RANGE',
      'hosts[0].bookings[0].end',
    ],
    [
      'fixed window ending before it starts',
      (q) => void (q.page.window = { kind: 'fixed', startDate: '2026-03-05', endDate: '2026-03-04' }),
      'INVALID_RANGE',
      'page.window.endDate',
    ],
    [
      'negative buffer',
      (q) => void (q.page.bufferBeforeMinutes = -5),
      'INVALID_MINUTES',
      'page.bufferBeforeMinutes',
    ],
    [
      'fractional notice',
      (q) => void (q.page.minimumNoticeMinutes = 1.5),
      'INVALID_MINUTES',
      'page.minimumNoticeMinutes',
    ],
    [
      'negative notice',
      (q) => void (q.page.minimumNoticeMinutes = -1),
      'INVALID_MINUTES',
      'page.minimumNoticeMinutes',
    ],
    [
      'buffer not a multiple of 5',
      (q) => void (q.page.bufferAfterMinutes = 7),
      'INVALID_MINUTES',
      'page.bufferAfterMinutes',
    ],
    [
      'duration not a multiple of 5',
      (q) => void (q.page.durations = [30, 62]),
      'INVALID_MINUTES',
      'page.durations[1]',
    ],
    ['zero duration', (q) => void (q.page.durations = [0, 30]), 'INVALID_MINUTES', 'page.durations[0]'],
    [
      'interval not a multiple of 5',
      (q) => void (q.page.slotIntervalMinutes = 12),
      'INVALID_MINUTES',
      'page.slotIntervalMinutes',
    ],
    [
      'zero interval',
      (q) => void (q.page.slotIntervalMinutes = 0),
      'INVALID_MINUTES',
      'page.slotIntervalMinutes',
    ],
    [
      'requested duration not a multiple of 5',
      (q) => void (q.durationMinutes = 31),
      'INVALID_MINUTES',
      'durationMinutes',
    ],
    [
      'booking buffer negative',
      (q) => void (ada(q).bookings[0]!.bufferAfterMinutes = -10),
      'INVALID_MINUTES',
      'hosts[0].bookings[0].bufferAfterMinutes',
    ],
    ['duration not offered', (q) => void (q.durationMinutes = 45), 'DURATION_NOT_OFFERED', 'durationMinutes'],
    [
      'overlapping weekly intervals',
      (q) => void ada(q).workingHours.weekly.push({ day: 1, from: '16:00', to: '18:00' }),
      'OVERLAPPING_INTERVALS',
      'hosts[0].workingHours.weekly[7]',
    ],
    [
      'inverted weekly interval',
      (q) => void (ada(q).workingHours.weekly[2] = { day: 3, from: '17:00', to: '09:00' }),
      'OVERLAPPING_INTERVALS',
      'hosts[0].workingHours.weekly[2].to',
    ],
    [
      'empty weekly interval',
      (q) => void (ada(q).workingHours.weekly[2] = { day: 3, from: '09:00', to: '09:00' }),
      'OVERLAPPING_INTERVALS',
      'hosts[0].workingHours.weekly[2].to',
    ],
    [
      'overlapping override intervals',
      (q) =>
        void (ada(q).workingHours.overrides = [
          {
            date: '2026-03-02',
            intervals: [
              { from: '09:00', to: '12:00' },
              { from: '11:00', to: '13:00' },
            ],
          },
        ]),
      'OVERLAPPING_INTERVALS',
      'hosts[0].workingHours.overrides[0].intervals[1]',
    ],
    [
      'malformed override date',
      (q) => void (ada(q).workingHours.overrides = [{ date: '2026-02-30', intervals: [] }]),
      'INVALID_DATE',
      'hosts[0].workingHours.overrides[0].date',
    ],
    [
      'malformed fixed window date',
      (q) => void (q.page.window = { kind: 'fixed', startDate: '03/02/2026', endDate: '2026-03-04' }),
      'INVALID_DATE',
      'page.window.startDate',
    ],
    [
      'all-day item with an instant',
      (q) => void (ada(q).busy[1]!.start = '2026-03-03T00:00:00Z'),
      'INVALID_DATE',
      'hosts[0].busy[1].start',
    ],
    [
      'malformed time',
      (q) => void (ada(q).workingHours.weekly[0]!.from = '9:00'),
      'INVALID_TIME',
      'hosts[0].workingHours.weekly[0].from',
    ],
    [
      '24:00 as a start',
      (q) => void (ada(q).workingHours.weekly[0]!.from = '24:00'),
      'INVALID_TIME',
      'hosts[0].workingHours.weekly[0].from',
    ],
    [
      'time past 24:00',
      (q) => void (ada(q).workingHours.weekly[0]!.to = '24:30'),
      'INVALID_TIME',
      'hosts[0].workingHours.weekly[0].to',
    ],
    ['instant without offset', (q) => void (q.now = '2026-03-02T10:00:00'), 'INVALID_INSTANT', 'now'],
    [
      'malformed range start',
      (q) => void (q.range = { start: 'yesterday', end: '2026-03-02T10:00:00Z' }),
      'INVALID_INSTANT',
      'range.start',
    ],
    [
      'timed busy item with a date',
      (q) => void (ada(q).busy[0]!.start = '2026-03-02'),
      'INVALID_INSTANT',
      'hosts[0].busy[0].start',
    ],
    [
      'malformed bookedAt',
      (q) => void (ada(q).bookings[0]!.bookedAt = '2026-13-01T00:00:00Z'),
      'INVALID_INSTANT',
      'hosts[0].bookings[0].bookedAt',
    ],
    ['empty team', (q) => void (q.hosts = []), 'EMPTY_TEAM', 'hosts'],
    ['zero weight', (q) => void (q.hosts[1]!.weight = 0), 'INVALID_WEIGHT', 'hosts[1].weight'],
    ['negative weight', (q) => void (q.hosts[0]!.weight = -2), 'INVALID_WEIGHT', 'hosts[0].weight'],
    [
      'unknown showAs',
      (q) => void ((ada(q).busy[0] as unknown as Record<string, unknown>).showAs = 'away'),
      'INVALID_INPUT',
      'hosts[0].busy[0].showAs',
    ],
    [
      'missing busy list',
      (q) => void delete (ada(q) as Partial<(typeof q.hosts)[0]>).busy,
      'INVALID_INPUT',
      'hosts[0].busy',
    ],
    [
      'weekday 8',
      (q) => void ((ada(q).workingHours.weekly[0] as unknown as Record<string, unknown>).day = 8),
      'INVALID_INPUT',
      'hosts[0].workingHours.weekly[0].day',
    ],
    ['several hosts on a personal page', (q) => void delete q.page.team, 'INVALID_INPUT', 'hosts'],
    ['a host id twice', (q) => void (q.hosts[1]!.id = 'ada'), 'INVALID_INPUT', 'hosts[1].id'],
    [
      'two overrides for one date',
      (q) =>
        void (ada(q).workingHours.overrides = [
          { date: '2026-03-02', intervals: [] },
          { date: '2026-03-02', intervals: [] },
        ]),
      'INVALID_INPUT',
      'hosts[0].workingHours.overrides[1].date',
    ],
    [
      'negative rolling days',
      (q) => void (q.page.window = { kind: 'rolling', days: -1 }),
      'INVALID_INPUT',
      'page.window.days',
    ],
    [
      'unknown team kind',
      (q) => void ((q.page.team as unknown as Record<string, unknown>).kind = 'solo'),
      'INVALID_INPUT',
      'page.team.kind',
    ],
  ])('%s', (_name, breakIt, code, field) => {
    const q = structuredClone(good()) as AvailabilityQuery & Record<string, unknown>;
    breakIt(q);
    expect(refusal(q)).toEqual({ code, field });
  });

  it('accepts the unbroken query', () => {
    expect(() => availableSlots(good())).not.toThrow();
  });

  test.each([null, 42, 'query', []])('refuses %j as a query', (value) => {
    expect(refusal(value).code).toBe('INVALID_INPUT');
  });

  it('refuses a malformed start in explain and chooseMember', () => {
    for (const call of [() => explain(good(), 'soon'), () => chooseMember(good(), '2026-03-02 09:00')]) {
      expect(call).toThrow(expect.objectContaining({ code: 'INVALID_INSTANT', field: 'start' }));
    }
  });

  it('fills the documented defaults', () => {
    const q = good();
    q.page.team = { kind: 'roundRobin' } as typeof q.page.team;
    q.page.busyRules = {} as typeof q.page.busyRules;
    expect(availableSlots(q).length).toBeGreaterThan(0);
  });
});
