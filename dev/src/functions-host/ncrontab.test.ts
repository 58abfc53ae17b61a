import { nextOccurrence, parseSchedule } from './ncrontab.js';

const next = (expression: string, after: string) =>
  nextOccurrence(parseSchedule(expression), new Date(after)).toISOString();

describe('NCRONTAB schedules', () => {
  test.each([
    ['every 5 minutes', '0 */5 * * * *', '2026-04-15T09:02:30Z', '2026-04-15T09:05:00.000Z'],
    ['strictly after an exact match', '0 */5 * * * *', '2026-04-15T09:05:00Z', '2026-04-15T09:10:00.000Z'],
    ['every second', '* * * * * *', '2026-04-15T09:00:00.400Z', '2026-04-15T09:00:01.000Z'],
    ['weekdays at 09:30', '0 30 9 * * 1-5', '2026-04-17T10:00:00Z', '2026-04-20T09:30:00.000Z'],
    ['day names', '0 0 12 * * Sun', '2026-04-15T00:00:00Z', '2026-04-19T12:00:00.000Z'],
    ['7 is Sunday', '0 0 12 * * 7', '2026-04-15T00:00:00Z', '2026-04-19T12:00:00.000Z'],
    ['month names and a list', '0 0 0 1 Jan,Jul *', '2026-04-15T00:00:00Z', '2026-07-01T00:00:00.000Z'],
    ['a stepped range', '0 0 9-17/4 * * *', '2026-04-15T13:00:00Z', '2026-04-15T17:00:00.000Z'],
    ['a start with a step', '10/20 * * * * *', '2026-04-15T09:00:31Z', '2026-04-15T09:00:50.000Z'],
    ['29 February', '0 0 0 29 2 *', '2026-03-01T00:00:00Z', '2028-02-29T00:00:00.000Z'],
  ])('%s', (_name, expression, after, expected) => {
    expect(next(expression, after)).toBe(expected);
  });

  test.each([
    ['five fields', '*/5 * * * *', 'schedule'],
    ['a minute of 60', '0 60 * * * *', 'minute'],
    ['a backwards range', '0 0 17-9 * * *', 'hour'],
    ['a zero step', '*/0 * * * * *', 'second'],
    ['an unknown day name', '0 0 0 * * Funday', 'day-of-week'],
  ])('refuses %s, naming the field', (_name, expression, field) => {
    expect(() => parseSchedule(expression)).toThrow(
      expect.objectContaining({ code: 'INVALID_SCHEDULE', field }),
    );
  });
});
