import { CalendarInputError } from './calendar-errors.js';
import type { EventLike, RecurrencePatternLike, RecurrenceRangeLike } from './event-shape.js';
import {
  cancelledOccurrenceOid,
  compileSeries,
  expandSeries,
  occurrenceId,
  parseOccurrenceId,
  seriesBounds,
} from './recurrence.js';

interface SeriesSpec {
  start: string;
  end: string;
  zone: string;
  pattern: RecurrencePatternLike;
  range: RecurrenceRangeLike;
  isAllDay?: boolean;
  cancelledOccurrences?: string[];
}

function master({ start, end, zone, pattern, range, isAllDay, cancelledOccurrences }: SeriesSpec): EventLike {
  return {
    id: 'AAMkMaster1',
    type: 'seriesMaster',
    start: { dateTime: start, timeZone: zone },
    end: { dateTime: end, timeZone: zone },
    isAllDay: isAllDay ?? false,
    recurrence: { pattern, range },
    cancelledOccurrences: cancelledOccurrences ?? [],
  };
}

const utc = (iso: string): number => Date.parse(iso);
const starts = (events: { startMs: number }[]): string[] =>
  events.map((e) => new Date(e.startMs).toISOString().replace('.000Z', 'Z'));

describe('a weekly series keeps its local time across daylight saving', () => {
  test.each([
    {
      place: 'London (Windows name), clocks forward 29 March 2026',
      zone: 'GMT Standard Time',
      start: '2026-03-16T09:00:00',
      day: 'monday',
      window: ['2026-03-16T00:00:00Z', '2026-04-07T00:00:00Z'],
      expected: [
        '2026-03-16T09:00:00Z',
        '2026-03-23T09:00:00Z',
        '2026-03-30T08:00:00Z',
        '2026-04-06T08:00:00Z',
      ],
    },
    {
      place: 'London, clocks back 25 October 2026',
      zone: 'Europe/London',
      start: '2026-10-19T09:00:00',
      day: 'monday',
      window: ['2026-10-19T00:00:00Z', '2026-11-03T00:00:00Z'],
      expected: ['2026-10-19T08:00:00Z', '2026-10-26T09:00:00Z', '2026-11-02T09:00:00Z'],
    },
    {
      place: 'New York, clocks forward 8 March 2026',
      zone: 'Eastern Standard Time',
      start: '2026-03-05T09:00:00',
      day: 'thursday',
      window: ['2026-03-01T00:00:00Z', '2026-03-20T00:00:00Z'],
      expected: ['2026-03-05T14:00:00Z', '2026-03-12T13:00:00Z', '2026-03-19T13:00:00Z'],
    },
    {
      place: 'New York, clocks back 1 November 2026',
      zone: 'America/New_York',
      start: '2026-10-29T09:00:00',
      day: 'thursday',
      window: ['2026-10-28T00:00:00Z', '2026-11-06T00:00:00Z'],
      expected: ['2026-10-29T13:00:00Z', '2026-11-05T14:00:00Z'],
    },
    {
      place: 'Sao Paulo, clocks forward at midnight 4 November 2018',
      zone: 'E. South America Standard Time',
      start: '2018-10-28T09:00:00',
      day: 'sunday',
      window: ['2018-10-28T00:00:00Z', '2018-11-12T00:00:00Z'],
      expected: ['2018-10-28T12:00:00Z', '2018-11-04T11:00:00Z', '2018-11-11T11:00:00Z'],
    },
    {
      place: 'Sao Paulo, no daylight saving since 2019',
      zone: 'America/Sao_Paulo',
      start: '2026-10-26T09:00:00',
      day: 'monday',
      window: ['2026-10-26T00:00:00Z', '2026-11-10T00:00:00Z'],
      expected: ['2026-10-26T12:00:00Z', '2026-11-02T12:00:00Z', '2026-11-09T12:00:00Z'],
    },
  ])('in $place a 09:00 meeting stays at 09:00 local', ({ zone, start, day, window, expected }) => {
    const series = master({
      start,
      end: start.replace('T09:', 'T10:'),
      zone,
      pattern: { type: 'weekly', interval: 1, daysOfWeek: [day], firstDayOfWeek: 'sunday' },
      range: { type: 'noEnd', startDate: start.slice(0, 10) },
    });
    const instances = expandSeries(series, utc(window[0]!), utc(window[1]!));
    expect(starts(instances)).toEqual(expected);
    for (const instance of instances) expect(instance.endMs - instance.startMs).toBe(3_600_000);
  });
});

describe('local times that do not exist or occur twice', () => {
  const daily = (zone: string, time: string, from: string): EventLike =>
    master({
      start: `${from}T${time}`,
      end: `${from}T${time.replace(/^01/, '02').replace(/^00/, '01')}`,
      zone,
      pattern: { type: 'daily', interval: 1 },
      range: { type: 'noEnd', startDate: from },
    });

  it('moves a 01:30 London occurrence on the spring-forward day to 02:30 BST', () => {
    const instances = expandSeries(
      daily('Europe/London', '01:30:00', '2026-03-28'),
      utc('2026-03-28T00:00:00Z'),
      utc('2026-03-31T00:00:00Z'),
    );
    expect(starts(instances)).toEqual([
      '2026-03-28T01:30:00Z',
      '2026-03-29T01:30:00Z',
      '2026-03-30T00:30:00Z',
    ]);
  });

  it('places a 01:30 London occurrence on the fall-back day at the earlier instant', () => {
    const instances = expandSeries(
      daily('Europe/London', '01:30:00', '2026-10-24'),
      utc('2026-10-24T00:00:00Z'),
      utc('2026-10-27T00:00:00Z'),
    );
    expect(starts(instances)).toEqual([
      '2026-10-24T00:30:00Z',
      '2026-10-25T00:30:00Z',
      '2026-10-26T01:30:00Z',
    ]);
  });

  it('moves a 00:30 Sao Paulo occurrence skipped by the 2018 midnight change to 01:30', () => {
    const instances = expandSeries(
      daily('America/Sao_Paulo', '00:30:00', '2018-11-03'),
      utc('2018-11-03T00:00:00Z'),
      utc('2018-11-05T12:00:00Z'),
    );
    expect(starts(instances)).toEqual([
      '2018-11-03T03:30:00Z',
      '2018-11-04T03:30:00Z',
      '2018-11-05T02:30:00Z',
    ]);
  });
});

const wide: [number, number] = [utc('2020-01-01T00:00:00Z'), utc('2031-01-01T00:00:00Z')];
const dates = (events: { startMs: number }[]): string[] => starts(events).map((s) => s.slice(0, 10));

describe('patterns and ranges', () => {
  test.each<{ name: string; pattern: RecurrencePatternLike; range: RecurrenceRangeLike; expected: string[] }>(
    [
      {
        name: 'daily every 2 days until an end date (inclusive)',
        pattern: { type: 'daily', interval: 2 },
        range: { type: 'endDate', startDate: '2026-03-01', endDate: '2026-03-07' },
        expected: ['2026-03-01', '2026-03-03', '2026-03-05', '2026-03-07'],
      },
      {
        name: 'numbered: five occurrences on Mondays and Wednesdays',
        pattern: {
          type: 'weekly',
          interval: 1,
          daysOfWeek: ['monday', 'wednesday'],
          firstDayOfWeek: 'sunday',
        },
        range: { type: 'numbered', startDate: '2026-03-04', numberOfOccurrences: 5 },
        expected: ['2026-03-04', '2026-03-09', '2026-03-11', '2026-03-16', '2026-03-18'],
      },
      {
        name: 'every other week with Monday as first day of the week: Sunday closes the week',
        pattern: { type: 'weekly', interval: 2, daysOfWeek: ['sunday', 'monday'], firstDayOfWeek: 'monday' },
        range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 4 },
        expected: ['2026-03-02', '2026-03-08', '2026-03-16', '2026-03-22'],
      },
      {
        name: 'every other week with Sunday as first day of the week: Sunday opens the week',
        pattern: { type: 'weekly', interval: 2, daysOfWeek: ['sunday', 'monday'], firstDayOfWeek: 'sunday' },
        range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 4 },
        expected: ['2026-03-02', '2026-03-15', '2026-03-16', '2026-03-29'],
      },
      {
        name: 'relativeMonthly on the last Friday',
        pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['friday'], index: 'last' },
        range: { type: 'numbered', startDate: '2026-01-01', numberOfOccurrences: 6 },
        expected: ['2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24', '2026-05-29', '2026-06-26'],
      },
      {
        name: 'relativeMonthly on the first weekday, every 2 months',
        pattern: {
          type: 'relativeMonthly',
          interval: 2,
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          index: 'first',
        },
        range: { type: 'endDate', startDate: '2026-01-01', endDate: '2026-08-31' },
        expected: ['2026-01-01', '2026-03-02', '2026-05-01', '2026-07-01'],
      },
      {
        name: 'absoluteMonthly on the 31st falls on the last day of shorter months',
        pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 },
        range: { type: 'numbered', startDate: '2026-01-31', numberOfOccurrences: 4 },
        expected: ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'],
      },
      {
        name: 'absoluteYearly on 29 February falls on 28 February in common years',
        pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 29, month: 2 },
        range: { type: 'noEnd', startDate: '2024-02-29' },
        expected: [
          '2024-02-29',
          '2025-02-28',
          '2026-02-28',
          '2027-02-28',
          '2028-02-29',
          '2029-02-28',
          '2030-02-28',
        ],
      },
      {
        name: 'relativeYearly on the second Tuesday of November every 2 years',
        pattern: { type: 'relativeYearly', interval: 2, daysOfWeek: ['tuesday'], index: 'second', month: 11 },
        range: { type: 'numbered', startDate: '2026-01-01', numberOfOccurrences: 3 },
        expected: ['2026-11-10', '2028-11-14', '2030-11-12'],
      },
    ],
  )('$name', ({ pattern, range, expected }) => {
    const series = master({
      start: `${range.startDate}T12:00:00`,
      end: `${range.startDate}T12:30:00`,
      zone: 'UTC',
      pattern,
      range,
    });
    expect(dates(expandSeries(series, ...wide))).toEqual(expected);
  });

  it('counts a numbered series from its first occurrence even when the window starts later', () => {
    const series = master({
      start: '2026-03-01T12:00:00',
      end: '2026-03-01T13:00:00',
      zone: 'UTC',
      pattern: { type: 'daily', interval: 1 },
      range: { type: 'numbered', startDate: '2026-03-01', numberOfOccurrences: 10 },
    });
    expect(dates(expandSeries(series, utc('2026-03-08T00:00:00Z'), utc('2026-04-01T00:00:00Z')))).toEqual([
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
    expect(seriesBounds(compileSeries(series)).toMs).toBeLessThan(utc('2026-03-12T00:00:00Z'));
  });

  it('reaches a window years after an open series began without losing the pattern', () => {
    const series = master({
      start: '2016-03-01T12:00:00',
      end: '2016-03-01T13:00:00',
      zone: 'UTC',
      pattern: { type: 'weekly', interval: 3, daysOfWeek: ['tuesday'], firstDayOfWeek: 'sunday' },
      range: { type: 'noEnd', startDate: '2016-03-01' },
    });
    const found = expandSeries(series, utc('2026-03-01T00:00:00Z'), utc('2026-04-15T00:00:00Z'));
    for (const day of dates(found)) {
      const weeks = (Date.parse(day) - Date.parse('2016-03-01')) / (7 * 86_400_000);
      expect(Number.isInteger(weeks / 3)).toBe(true);
    }
    expect(found.length).toBeGreaterThanOrEqual(2);
  });

  it('includes an occurrence that started before the window and is still running', () => {
    const series = master({
      start: '2026-03-02T22:00:00',
      end: '2026-03-03T06:00:00',
      zone: 'UTC',
      pattern: { type: 'daily', interval: 1 },
      range: { type: 'noEnd', startDate: '2026-03-02' },
    });
    const found = expandSeries(series, utc('2026-03-05T02:00:00Z'), utc('2026-03-05T03:00:00Z'));
    expect(starts(found)).toEqual(['2026-03-04T22:00:00Z']);
  });
});

describe('all-day series float', () => {
  const allDay = master({
    start: '2026-03-07T00:00:00.0000000',
    end: '2026-03-08T00:00:00.0000000',
    zone: 'UTC',
    isAllDay: true,
    pattern: { type: 'daily', interval: 1 },
    range: { type: 'numbered', startDate: '2026-03-07', numberOfOccurrences: 3 },
  });

  it('spans midnight to midnight in the zone the reader asks for, across daylight saving', () => {
    const found = expandSeries(allDay, ...wide, { floatingZone: 'America/Los_Angeles' });
    expect(starts(found)).toEqual(['2026-03-07T08:00:00Z', '2026-03-08T08:00:00Z', '2026-03-09T07:00:00Z']);
    expect(found.map((i) => (i.endMs - i.startMs) / 3_600_000)).toEqual([24, 23, 24]);
    expect(found.map((i) => i.wallStartMs)).toEqual([
      utc('2026-03-07Z'),
      utc('2026-03-08Z'),
      utc('2026-03-09Z'),
    ]);
  });

  it('spans UTC midnights by default and keeps the same ids in every zone', () => {
    const inUtc = expandSeries(allDay, ...wide);
    expect(starts(inUtc)).toEqual(['2026-03-07T00:00:00Z', '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z']);
    const inTokyo = expandSeries(allDay, ...wide, { floatingZone: 'Asia/Tokyo' });
    expect(inTokyo.map((i) => i.id)).toEqual(inUtc.map((i) => i.id));
  });

  it('cancels an all-day occurrence by its date', () => {
    const oid = cancelledOccurrenceOid(allDay, utc('2026-03-08T00:00:00Z'));
    expect(oid).toBe('OID.AAMkMaster1.2026-03-08');
    const found = expandSeries({ ...allDay, cancelledOccurrences: [oid] }, ...wide, {
      floatingZone: 'Asia/Tokyo',
    });
    expect(found.map((i) => new Date(i.wallStartMs!).toISOString().slice(0, 10))).toEqual([
      '2026-03-07',
      '2026-03-09',
    ]);
  });
});

describe('exceptions and cancelled occurrences', () => {
  const weekly = (cancelled: string[] = []): EventLike =>
    master({
      start: '2026-03-02T09:00:00',
      end: '2026-03-02T10:00:00',
      zone: 'Europe/London',
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' },
      range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 4 },
      cancelledOccurrences: cancelled,
    });
  const exception = (id: string, originalStart: string, start: string, end: string): EventLike => ({
    id,
    type: 'exception',
    seriesMasterId: 'AAMkMaster1',
    originalStart,
    start: { dateTime: start, timeZone: 'UTC' },
    end: { dateTime: end, timeZone: 'UTC' },
  });

  it('replaces a moved occurrence by its exception', () => {
    const moved = exception('AAMkExc1', '2026-03-09T09:00:00Z', '2026-03-10T14:00:00', '2026-03-10T15:00:00');
    const found = expandSeries(weekly(), ...wide, { exceptions: [moved] });
    expect(starts(found)).toEqual([
      '2026-03-02T09:00:00Z',
      '2026-03-10T14:00:00Z',
      '2026-03-16T09:00:00Z',
      '2026-03-23T09:00:00Z',
    ]);
    expect(found[1]).toMatchObject({ id: 'AAMkExc1', type: 'exception', source: moved });
    expect(found[1]!.originalStartMs).toBe(utc('2026-03-09T09:00:00Z'));
  });

  it('shows an exception moved into the window although its original time lies outside', () => {
    const moved = exception('AAMkExc2', '2026-03-23T09:00:00Z', '2026-03-05T09:00:00', '2026-03-05T10:00:00');
    const found = expandSeries(weekly(), utc('2026-03-04T00:00:00Z'), utc('2026-03-06T00:00:00Z'), {
      exceptions: [moved],
    });
    expect(found.map((i) => i.id)).toEqual(['AAMkExc2']);
  });

  it('hides an exception moved out of the window and the occurrence it replaced', () => {
    const moved = exception('AAMkExc3', '2026-03-09T09:00:00Z', '2026-04-20T09:00:00', '2026-04-20T10:00:00');
    const found = expandSeries(weekly(), utc('2026-03-09T00:00:00Z'), utc('2026-03-10T00:00:00Z'), {
      exceptions: [moved],
    });
    expect(found).toEqual([]);
  });

  it('leaves out cancelled occurrences, named as Graph names them', () => {
    const probe = weekly();
    const oid = cancelledOccurrenceOid(probe, utc('2026-03-16T09:00:00Z'));
    expect(oid).toBe('OID.AAMkMaster1.2026-03-16');
    expect(dates(expandSeries(weekly([oid]), ...wide))).toEqual(['2026-03-02', '2026-03-09', '2026-03-23']);
  });

  it('gives occurrences stable ids distinct from the master that name their series and start', () => {
    const first = expandSeries(weekly(), ...wide);
    const again = expandSeries(weekly(), ...wide);
    expect(first.map((i) => i.id)).toEqual(again.map((i) => i.id));
    expect(new Set(first.map((i) => i.id)).size).toBe(4);
    for (const instance of first) {
      expect(instance.id).not.toBe('AAMkMaster1');
      expect(instance.id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(instance).toMatchObject({ type: 'occurrence', master: { id: 'AAMkMaster1' } });
      expect(parseOccurrenceId(instance.id)).toEqual({
        seriesMasterId: 'AAMkMaster1',
        originalStartMs: instance.startMs,
      });
    }
    expect(occurrenceId('AAMkMaster1', 0)).not.toBe(occurrenceId('AAMkMaster2', 0));
    expect(parseOccurrenceId('AAMkMaster1')).toBeNull();
  });
});

describe('bad series are refused with the field named', () => {
  const base: SeriesSpec = {
    start: '2026-03-02T09:00:00',
    end: '2026-03-02T10:00:00',
    zone: 'UTC',
    pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
    range: { type: 'noEnd', startDate: '2026-03-02' },
  };
  test.each<{ name: string; spec: SeriesSpec; code: string; field: string }>([
    {
      name: 'interval 0',
      spec: { ...base, pattern: { ...base.pattern, interval: 0 } },
      code: 'INVALID_RECURRENCE',
      field: 'recurrence.pattern.interval',
    },
    {
      name: 'weekly without days',
      spec: { ...base, pattern: { type: 'weekly', interval: 1, daysOfWeek: [] } },
      code: 'INVALID_RECURRENCE',
      field: 'recurrence.pattern.daysOfWeek',
    },
    {
      name: 'a misspelt day',
      spec: { ...base, pattern: { type: 'weekly', interval: 1, daysOfWeek: ['funday'] } },
      code: 'INVALID_RECURRENCE',
      field: 'recurrence.pattern.daysOfWeek[0]',
    },
    {
      name: 'a yearly pattern without month',
      spec: { ...base, pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 3 } },
      code: 'INVALID_RECURRENCE',
      field: 'recurrence.pattern.month',
    },
    {
      name: 'an end date before the start date',
      spec: { ...base, range: { type: 'endDate', startDate: '2026-03-02', endDate: '2026-03-01' } },
      code: 'INVALID_RECURRENCE',
      field: 'recurrence.range.endDate',
    },
    {
      name: 'an unknown zone',
      spec: { ...base, zone: 'Mars Standard Time' },
      code: 'INVALID_TIME_ZONE',
      field: 'start.timeZone',
    },
    {
      name: 'a malformed start date',
      spec: { ...base, range: { type: 'noEnd', startDate: '2026-02-30' } },
      code: 'INVALID_DATE_TIME',
      field: 'recurrence.range.startDate',
    },
  ])('$name', ({ spec, code, field }) => {
    let caught: unknown;
    try {
      compileSeries(master(spec));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CalendarInputError);
    expect(caught).toMatchObject({ code, field });
  });
});
