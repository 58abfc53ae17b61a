import { CalendarInputError } from './calendar-errors.js';
import { CalendarViewIndex, calendarView, instanceToEvent, parseViewWindow } from './calendar-view.js';
import type { EventLike } from './event-shape.js';
import { expandSeries } from './recurrence.js';

const utc = (iso: string): number => Date.parse(iso);

function single(id: string, start: string, end: string, zone = 'UTC'): EventLike {
  return {
    id,
    type: 'singleInstance',
    start: { dateTime: start, timeZone: zone },
    end: { dateTime: end, timeZone: zone },
  };
}

const weeklyMaster: EventLike & { subject: string } = {
  id: 'AAMkSeries',
  type: 'seriesMaster',
  subject: 'Stand-up',
  changeKey: 'ck1',
  start: { dateTime: '2026-03-02T09:00:00.0000000', timeZone: 'UTC' },
  end: { dateTime: '2026-03-02T09:15:00.0000000', timeZone: 'UTC' },
  originalStartTimeZone: 'GMT Standard Time',
  recurrence: {
    pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' },
    range: { type: 'noEnd', startDate: '2026-03-02', recurrenceTimeZone: 'GMT Standard Time' },
  },
  cancelledOccurrences: ['OID.AAMkSeries.2026-03-16'],
};

const movedException: EventLike = {
  id: 'AAMkSeriesException',
  type: 'exception',
  seriesMasterId: 'AAMkSeries',
  originalStart: '2026-03-23T09:00:00Z',
  start: { dateTime: '2026-03-24T11:00:00.0000000', timeZone: 'UTC' },
  end: { dateTime: '2026-03-24T11:30:00.0000000', timeZone: 'UTC' },
};

describe('calendarView', () => {
  const events = [
    single('before', '2026-03-01T08:00:00', '2026-03-01T09:00:00'),
    single('touchingStart', '2026-03-09T07:00:00', '2026-03-09T08:00:00'),
    single('overlapsStart', '2026-03-09T07:30:00', '2026-03-09T08:30:00'),
    single('inside', '2026-03-10T10:00:00', '2026-03-10T11:00:00', 'Pacific Standard Time'),
    single('longHoliday', '2026-02-01T00:00:00', '2026-04-01T00:00:00'),
    single('atEnd', '2026-03-31T08:00:00', '2026-03-31T09:00:00'),
    single('zeroLength', '2026-03-12T12:00:00', '2026-03-12T12:00:00'),
    weeklyMaster,
    movedException,
  ];
  const view = calendarView(events, utc('2026-03-09T08:00:00Z'), utc('2026-03-31T08:00:00Z'));

  it('lists instances overlapping [start, end) sorted by start, series expanded, master left out', () => {
    expect(
      view.map((i) => (i.id.startsWith('AAMkOcc') ? `occ ${new Date(i.startMs).toISOString()}` : i.id)),
    ).toEqual([
      'longHoliday',
      'overlapsStart',
      'occ 2026-03-09T09:00:00.000Z',
      'inside',
      'zeroLength',
      'AAMkSeriesException',
      'occ 2026-03-30T08:00:00.000Z',
    ]);
  });

  it('reads a single event in its own zone', () => {
    const inside = view.find((i) => i.id === 'inside')!;
    expect(inside.startMs).toBe(utc('2026-03-10T17:00:00Z'));
  });

  it('shows an occurrence as the master under its own id, type, series id and UTC times', () => {
    const occurrence = view.find((i) => i.type === 'occurrence')!;
    const event = instanceToEvent(occurrence) as EventLike & Record<string, unknown>;
    expect(event).toMatchObject({
      id: occurrence.id,
      type: 'occurrence',
      seriesMasterId: 'AAMkSeries',
      subject: 'Stand-up',
      recurrence: null,
      start: { dateTime: '2026-03-09T09:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-03-09T09:15:00.0000000', timeZone: 'UTC' },
      originalStart: '2026-03-09T09:00:00Z',
    });
    expect(event).not.toHaveProperty('cancelledOccurrences');
    expect(weeklyMaster.type).toBe('seriesMaster');
  });

  it('answers the same instances as expanding every series by hand', () => {
    const index = new CalendarViewIndex(events);
    for (const [from, to] of [
      ['2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'],
      ['2026-03-02T09:10:00Z', '2026-03-02T09:11:00Z'],
      ['2026-03-20T00:00:00Z', '2026-05-01T00:00:00Z'],
    ] as const) {
      const ids = index.view(utc(from), utc(to)).map((i) => i.id);
      const series = expandSeries(weeklyMaster, utc(from), utc(to), { exceptions: [movedException] }).map(
        (i) => i.id,
      );
      for (const id of series) expect(ids).toContain(id);
    }
  });

  it('lists the instances of one series for /events/{id}/instances', () => {
    const index = new CalendarViewIndex(events);
    const instances = index.instancesOf(
      'AAMkSeries',
      utc('2026-03-01T00:00:00Z'),
      utc('2026-03-25T00:00:00Z'),
    )!;
    expect(instances.map((i) => i.type)).toEqual(['occurrence', 'occurrence', 'exception']);
    expect(index.instancesOf('inside', 0, 1)).toBeNull();
  });
});

describe('all-day events in a calendar view', () => {
  const holiday: EventLike = {
    id: 'holiday',
    type: 'singleInstance',
    isAllDay: true,
    start: { dateTime: '2026-03-10T00:00:00.0000000', timeZone: 'UTC' },
    end: { dateTime: '2026-03-11T00:00:00.0000000', timeZone: 'UTC' },
  };
  const index = new CalendarViewIndex([holiday]);

  it('floats: the day is placed in the zone the reader asks for', () => {
    const [inLa] = index.view(utc('2026-03-10T00:00:00Z'), utc('2026-03-12T00:00:00Z'), {
      floatingZone: 'America/Los_Angeles',
    });
    expect(new Date(inLa!.startMs).toISOString()).toBe('2026-03-10T07:00:00.000Z');
    expect(inLa!.wallStartMs).toBe(utc('2026-03-10T00:00:00Z'));
    expect(instanceToEvent(inLa!)).toBe(holiday);
  });

  it('leaves out a day that ends, in the reader zone, before the window starts', () => {
    const window = [utc('2026-03-10T23:30:00Z'), utc('2026-03-11T06:00:00Z')] as const;
    expect(index.view(...window, { floatingZone: 'Europe/Paris' })).toEqual([]);
    expect(index.view(...window, { floatingZone: 'America/New_York' }).map((i) => i.id)).toEqual(['holiday']);
  });
});

describe('parseViewWindow', () => {
  test.each([
    ['2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01T00:00:00-08:00', '2026-03-02T00:00:00-08:00', '2026-03-01T08:00:00.000Z'],
    ['2026-03-01T00:00:00.0000000', '2026-03-02T00:00:00', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01T00:00:00+0530', '2026-03-02T00:00:00Z', '2026-02-28T18:30:00.000Z'],
  ])('reads %s with its own offset (UTC when none)', (start, end, expected) => {
    expect(new Date(parseViewWindow(start, end).startMs).toISOString()).toBe(expected);
  });

  test.each([
    [undefined, '2026-03-02T00:00:00Z', 'startDateTime', 'INVALID_WINDOW'],
    ['2026-03-02T00:00:00Z', null, 'endDateTime', 'INVALID_WINDOW'],
    ['2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z', 'endDateTime', 'INVALID_WINDOW'],
    ['yesterday', '2026-03-01T00:00:00Z', 'startDateTime', 'INVALID_DATE_TIME'],
  ])('refuses start %s end %s naming %s', (start, end, field, code) => {
    expect(() => parseViewWindow(start, end)).toThrow(CalendarInputError);
    try {
      parseViewWindow(start, end);
    } catch (error) {
      expect(error).toMatchObject({ field, code });
    }
  });
});
