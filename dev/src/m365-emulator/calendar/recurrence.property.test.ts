import fc from 'fast-check';
import type { EventLike, RecurrencePatternLike, RecurrenceRangeLike } from './event-shape.js';
import { expandSeries } from './recurrence.js';

// A day-by-day oracle of Graph's recurrence rules, written independently of recurrence.ts (no
// jumping, no week arithmetic shortcuts), checked against expandSeries on random series and windows.

const DAY = 86_400_000;
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const INDEX = ['first', 'second', 'third', 'fourth', 'last'];

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function matches(pattern: RecurrencePatternLike, start: Date, day: Date): boolean {
  const interval = pattern.interval!;
  const months =
    (day.getUTCFullYear() - start.getUTCFullYear()) * 12 + day.getUTCMonth() - start.getUTCMonth();
  const lastOfMonth = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
  const allowed = new Set((pattern.daysOfWeek ?? []).map((d) => DAYS.indexOf(d)));
  const nth = (): boolean => {
    const sameMonthMatches: number[] = [];
    for (let d = 1; d <= lastOfMonth; d++) {
      if (allowed.has(new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), d)).getUTCDay()))
        sameMonthMatches.push(d);
    }
    const i = INDEX.indexOf(pattern.index ?? 'first');
    return (i === 4 ? sameMonthMatches.at(-1) : sameMonthMatches[i]) === day.getUTCDate();
  };
  switch (pattern.type) {
    case 'daily':
      return Math.round((day.getTime() - start.getTime()) / DAY) % interval === 0;
    case 'weekly': {
      const first = DAYS.indexOf(pattern.firstDayOfWeek ?? 'sunday');
      const weekStartOf = (d: Date) => d.getTime() - ((d.getUTCDay() - first + 7) % 7) * DAY;
      const weeks = Math.round((weekStartOf(day) - weekStartOf(start)) / (7 * DAY));
      return weeks % interval === 0 && allowed.has(day.getUTCDay());
    }
    case 'absoluteMonthly':
      return months % interval === 0 && day.getUTCDate() === Math.min(pattern.dayOfMonth!, lastOfMonth);
    case 'relativeMonthly':
      return months % interval === 0 && nth();
    case 'absoluteYearly':
      return (
        day.getUTCMonth() + 1 === pattern.month &&
        (day.getUTCFullYear() - start.getUTCFullYear()) % interval === 0 &&
        day.getUTCDate() === Math.min(pattern.dayOfMonth!, lastOfMonth)
      );
    default:
      return (
        day.getUTCMonth() + 1 === pattern.month &&
        (day.getUTCFullYear() - start.getUTCFullYear()) % interval === 0 &&
        nth()
      );
  }
}

function oracle(pattern: RecurrencePatternLike, range: RecurrenceRangeLike, until: number): string[] {
  const start = new Date(`${range.startDate}T00:00:00Z`);
  const out: string[] = [];
  for (let t = start.getTime(); t < until; t += DAY) {
    if (range.type === 'endDate' && dateOf(t) > range.endDate!) break;
    if (range.type === 'numbered' && out.length >= range.numberOfOccurrences!) break;
    if (matches(pattern, start, new Date(t))) out.push(dateOf(t));
  }
  return out;
}

const days = fc.uniqueArray(fc.constantFrom(...DAYS), { minLength: 1, maxLength: 3 });
const patterns: fc.Arbitrary<RecurrencePatternLike> = fc.oneof(
  fc.record({ type: fc.constant('daily'), interval: fc.integer({ min: 1, max: 9 }) }),
  fc.record({
    type: fc.constant('weekly'),
    interval: fc.integer({ min: 1, max: 4 }),
    daysOfWeek: days,
    firstDayOfWeek: fc.constantFrom(...DAYS),
  }),
  fc.record({
    type: fc.constant('absoluteMonthly'),
    interval: fc.integer({ min: 1, max: 4 }),
    dayOfMonth: fc.integer({ min: 1, max: 31 }),
  }),
  fc.record({
    type: fc.constant('relativeMonthly'),
    interval: fc.integer({ min: 1, max: 3 }),
    daysOfWeek: days,
    index: fc.constantFrom(...INDEX),
  }),
  fc.record({
    type: fc.constant('absoluteYearly'),
    interval: fc.integer({ min: 1, max: 2 }),
    dayOfMonth: fc.integer({ min: 1, max: 31 }),
    month: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({
    type: fc.constant('relativeYearly'),
    interval: fc.integer({ min: 1, max: 2 }),
    daysOfWeek: days,
    index: fc.constantFrom(...INDEX),
    month: fc.integer({ min: 1, max: 12 }),
  }),
);

const BASE = Date.UTC(2024, 0, 1);

describe('expandSeries agrees with a day-by-day oracle of the recurrence rules', () => {
  it('on random patterns, ranges and windows (UTC, noon occurrences)', () => {
    fc.assert(
      fc.property(
        patterns,
        fc.integer({ min: 0, max: 700 }),
        fc.oneof(
          fc.record({ type: fc.constant('noEnd') }),
          fc.record({ type: fc.constant('endDate'), days: fc.integer({ min: 0, max: 900 }) }),
          fc.record({ type: fc.constant('numbered'), count: fc.integer({ min: 1, max: 40 }) }),
        ),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 1, max: 400 }),
        (pattern, startOffset, rangeSpec, windowOffset, windowDays) => {
          const startDay = BASE + startOffset * DAY;
          const range: RecurrenceRangeLike =
            rangeSpec.type === 'endDate'
              ? {
                  type: 'endDate',
                  startDate: dateOf(startDay),
                  endDate: dateOf(startDay + rangeSpec.days * DAY),
                }
              : rangeSpec.type === 'numbered'
                ? { type: 'numbered', startDate: dateOf(startDay), numberOfOccurrences: rangeSpec.count }
                : { type: 'noEnd', startDate: dateOf(startDay) };
          const master: EventLike = {
            id: 'series',
            type: 'seriesMaster',
            start: { dateTime: `${dateOf(startDay)}T12:00:00`, timeZone: 'UTC' },
            end: { dateTime: `${dateOf(startDay)}T13:00:00`, timeZone: 'UTC' },
            recurrence: { pattern, range },
          };
          const windowStart = BASE + windowOffset * DAY;
          const windowEnd = windowStart + windowDays * DAY;
          const expected = oracle(pattern, range, windowEnd).filter((d) => d >= dateOf(windowStart));
          const found = expandSeries(master, windowStart, windowEnd).map((i) => dateOf(i.startMs));
          expect(found).toEqual(expected);
        },
      ),
      { numRuns: 300, seed: 20_260_301 },
    );
  });
});
