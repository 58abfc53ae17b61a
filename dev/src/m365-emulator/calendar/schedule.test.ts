import { CalendarInputError } from './calendar-errors.js';
import { CalendarViewIndex } from './calendar-view.js';
import type { EventLike } from './event-shape.js';
import { schemaErrors } from '../graph-schema/index.js';
import type { ScheduleQuery } from './schedule.js';
import { parseScheduleQuery, scheduleInformation, unknownSchedule } from './schedule.js';

const pacific = { zone: 'America/Los_Angeles', name: 'Pacific Standard Time' };
const workingHours = {
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  startTime: '08:00:00.0000000',
  endTime: '17:00:00.0000000',
  timeZone: { name: 'Pacific Standard Time' },
};

let next = 0;
function item(start: string, end: string, showAs: string, extra: Partial<EventLike> = {}): EventLike {
  return {
    id: `e${next++}`,
    type: 'singleInstance',
    showAs,
    subject: "Let's go for lunch",
    location: { displayName: "Harry's Bar" },
    sensitivity: 'normal',
    start: { dateTime: `2019-03-15T${start}:00`, timeZone: 'Pacific Standard Time' },
    end: { dateTime: `2019-03-15T${end}:00`, timeZone: 'Pacific Standard Time' },
    ...extra,
  };
}

function answer(events: EventLike[], query: ScheduleQuery, showDetails = false) {
  const instances = new CalendarViewIndex(events).view(query.startMs, query.endMs);
  return scheduleInformation(
    { scheduleId: 'meganb@contoso.com', instances, workingHours, showDetails },
    query,
    pacific,
  );
}

const docsQuery = parseScheduleQuery({
  schedules: ['meganb@contoso.com'],
  startTime: { dateTime: '2019-03-15T09:00:00', timeZone: 'Pacific Standard Time' },
  endTime: { dateTime: '2019-03-15T18:00:00', timeZone: 'Pacific Standard Time' },
  availabilityViewInterval: 60,
});

describe('getSchedule answers', () => {
  it("reproduces the documented example's availability view", () => {
    const information = answer(
      [
        item('08:30', '09:30', 'busy'),
        item('12:00', '14:00', 'busy'),
        item('12:00', '13:00', 'tentative'),
        item('13:00', '14:00', 'busy'),
        item('16:00', '17:00', 'tentative'),
      ],
      docsQuery,
    );
    expect(information.availabilityView).toBe('200220010');
    expect(information.scheduleItems[0]).toEqual({
      status: 'busy',
      start: { dateTime: '2019-03-15T08:30:00.0000000', timeZone: 'Pacific Standard Time' },
      end: { dateTime: '2019-03-15T09:30:00.0000000', timeZone: 'Pacific Standard Time' },
    });
    expect(information.workingHours).toEqual(workingHours);
    expect(schemaErrors('scheduleInformation', information)).toEqual([]);
  });

  test.each([
    ['oof over busy', [item('09:00', '10:00', 'busy'), item('09:30', '10:30', 'oof')], '330000000'],
    [
      'busy over tentative',
      [item('09:00', '10:00', 'tentative'), item('09:45', '10:00', 'busy')],
      '200000000',
    ],
    [
      'working elsewhere shows as free, as Graph reports it',
      [item('09:00', '11:00', 'workingElsewhere')],
      '000000000',
    ],
    [
      'tentative over working elsewhere',
      [item('09:00', '10:00', 'workingElsewhere'), item('09:00', '09:05', 'tentative')],
      '100000000',
    ],
    ['a free item leaves the slot free', [item('09:00', '10:00', 'free')], '000000000'],
    [
      'a cancelled meeting leaves the slot free',
      [item('09:00', '10:00', 'busy', { isCancelled: true })],
      '000000000',
    ],
    [
      'an item touching a slot boundary marks only its own slots',
      [item('10:00', '11:00', 'busy')],
      '020000000',
    ],
  ])('%s', (_name, events, view) => {
    expect(answer(events, docsQuery).availabilityView).toBe(view);
  });

  it('lists a status for every item, free and working elsewhere included, cancelled ones left out', () => {
    const information = answer(
      [
        item('09:00', '10:00', 'free'),
        item('10:00', '11:00', 'workingElsewhere'),
        item('11:00', '12:00', 'busy', { isCancelled: true }),
      ],
      docsQuery,
    );
    expect(information.scheduleItems.map((i) => i.status)).toEqual(['free', 'workingElsewhere']);
  });

  it('shows subject and location only to callers allowed to see them, never for private items', () => {
    const events = [
      item('09:00', '10:00', 'busy'),
      item('11:00', '12:00', 'busy', { sensitivity: 'private' }),
    ];
    const [open, hidden] = answer(events, docsQuery, true).scheduleItems;
    expect(open).toMatchObject({ isPrivate: false, subject: "Let's go for lunch", location: "Harry's Bar" });
    expect(hidden).not.toHaveProperty('subject');
    expect(hidden).not.toHaveProperty('location');
    for (const other of answer(events, docsQuery, false).scheduleItems)
      expect(other).not.toHaveProperty('subject');
  });

  it('answers an unknown address with an error entry that still fits the schema', () => {
    const entry = unknownSchedule('nobody@contoso.com');
    expect(entry).toMatchObject({
      scheduleId: 'nobody@contoso.com',
      error: { responseCode: 'ErrorInvalidUser' },
    });
    expect(schemaErrors('scheduleInformation', entry)).toEqual([]);
  });
});

describe('getSchedule limits', () => {
  const body = (over: Record<string, unknown>) => ({
    schedules: ['a@contoso.com'],
    startTime: { dateTime: '2026-03-01T00:00:00', timeZone: 'UTC' },
    endTime: { dateTime: '2026-03-02T00:00:00', timeZone: 'UTC' },
    ...over,
  });
  const days = (n: number) => ({
    dateTime: new Date(Date.UTC(2026, 2, 1) + n * 86_400_000).toISOString().slice(0, 19),
    timeZone: 'UTC',
  });

  it('defaults the interval to 30 minutes and reads parameter names in any case', () => {
    const query = parseScheduleQuery({ Schedules: ['a@contoso.com'], StartTime: days(0), EndTime: days(1) });
    expect(query).toEqual({
      schedules: ['a@contoso.com'],
      startMs: Date.UTC(2026, 2, 1),
      endMs: Date.UTC(2026, 2, 2),
      intervalMinutes: 30,
    });
  });

  test.each([
    ['20 schedules', body({ schedules: Array.from({ length: 20 }, (_, i) => `u${i}@contoso.com`) })],
    ['a window of 61 days', body({ endTime: days(61) })],
    ['an interval of 5 minutes', body({ availabilityViewInterval: 5 })],
    ['an interval of a whole day', body({ availabilityViewInterval: 1440 })],
  ])('accepts %s', (_name, input) => {
    expect(() => parseScheduleQuery(input)).not.toThrow();
  });

  test.each([
    [
      '21 schedules',
      body({ schedules: Array.from({ length: 21 }, (_, i) => `u${i}@contoso.com`) }),
      'TOO_MANY_SCHEDULES',
      'schedules',
    ],
    ['no schedules', body({ schedules: [] }), 'TOO_MANY_SCHEDULES', 'schedules'],
    ['a window of 62 days', body({ endTime: days(62) }), 'TIME_INTERVAL_TOO_BIG', 'endTime'],
    ['an end before the start', body({ endTime: days(-1) }), 'INVALID_TIME_INTERVAL', 'endTime'],
    [
      'an interval of 4 minutes',
      body({ availabilityViewInterval: 4 }),
      'INVALID_AVAILABILITY_INTERVAL',
      'availabilityViewInterval',
    ],
    [
      'an interval of 1441 minutes',
      body({ availabilityViewInterval: 1441 }),
      'INVALID_AVAILABILITY_INTERVAL',
      'availabilityViewInterval',
    ],
    [
      'an interval longer than the window',
      body({ endTime: { dateTime: '2026-03-01T01:00:00', timeZone: 'UTC' }, availabilityViewInterval: 90 }),
      'INVALID_AVAILABILITY_INTERVAL',
      'availabilityViewInterval',
    ],
    [
      'an unknown zone',
      body({ startTime: { dateTime: '2026-03-01T00:00:00', timeZone: 'Atlantis Time' } }),
      'INVALID_TIME_ZONE',
      'startTime.timeZone',
    ],
    ['a missing start', body({ startTime: undefined }), 'INVALID_TIME_INTERVAL', 'startTime'],
  ])('refuses %s', (_name, input, code, field) => {
    let caught: unknown;
    try {
      parseScheduleQuery(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CalendarInputError);
    expect(caught).toMatchObject({ code, field });
  });
});
