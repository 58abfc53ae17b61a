import {
  dayNumberOf,
  formatInstant,
  formatLocalDate,
  isoWeekdayOf,
  parseInstant,
  parseLocalDate,
  parseWallTime,
} from './time-text.js';

describe('parseInstant', () => {
  test.each([
    ['2026-03-29T01:00:00Z', Date.UTC(2026, 2, 29, 1)],
    ['2026-03-29T01:00Z', Date.UTC(2026, 2, 29, 1)],
    ['2026-03-29T02:00:00+01:00', Date.UTC(2026, 2, 29, 1)],
    ['2026-03-29T02:00:00+0100', Date.UTC(2026, 2, 29, 1)],
    ['2026-03-28T20:00:00-05', Date.UTC(2026, 2, 29, 1)],
    ['2026-03-02T05:45:00+05:45', Date.UTC(2026, 2, 2)],
    ['2026-03-29T01:00:00.250Z', Date.UTC(2026, 2, 29, 1, 0, 0, 250)],
    ['2026-03-29T01:00:00.0000000Z', Date.UTC(2026, 2, 29, 1)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['1969-12-31T23:59:59Z', -1000],
  ])('reads %s as the same instant as Date.UTC', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  test.each([
    ['a time without an offset', '2026-03-29T01:00:00'],
    ['a date only', '2026-03-29'],
    ['an impossible date', '2026-02-29T00:00:00Z'],
    ['hour 24', '2026-03-29T24:00:00Z'],
    ['minute 60', '2026-03-29T10:60:00Z'],
    ['a space instead of T', '2026-03-29 01:00:00Z'],
    ['trailing text', '2026-03-29T01:00:00Zjunk'],
    ['an empty fraction', '2026-03-29T01:00:00.Z'],
    ['an empty string', ''],
    ['a slash in the month', '2026-1/-02T10:00:00Z'],
    ['a letter in the milliseconds', '2026-03-02T10:00:00.0a0Z'],
    ['a sign in the year', '-026-03-02T10:00:00Z'],
    ['31 April', '2026-04-31T10:00:00.000Z'],
  ])('refuses %s', (_what, text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});

describe('parseInstant against the platform', () => {
  it('agrees with Date.parse on every hour of a year in both UTC shapes and with offsets', () => {
    for (let ms = Date.UTC(2027, 11, 31, 0, 0, 59, 7); ms > Date.UTC(2027, 0, 1); ms -= 3_600_000 + 1_001) {
      const text = new Date(ms).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
      expect(parseInstant(text)).toBe(ms);
      expect(parseInstant(text.slice(0, 19) + 'Z')).toBe(Math.floor(ms / 1000) * 1000);
      expect(parseInstant(text.slice(0, 19) + '+05:45')).toBe(Math.floor(ms / 1000) * 1000 - 345 * 60_000);
    }
  });
});

describe('local dates and wall times', () => {
  test.each([
    ['1970-01-01', 0, 4],
    ['2026-03-29', dayNumberOf(2026, 3, 29), 7],
    ['2000-02-29', dayNumberOf(2000, 2, 29), 2],
    ['1969-12-31', -1, 3],
  ])('%s is day %i, ISO weekday %i, and formats back', (text, day, weekday) => {
    expect(parseLocalDate(text)).toBe(day);
    expect(isoWeekdayOf(day)).toBe(weekday);
    expect(formatLocalDate(day)).toBe(text);
  });

  test.each(['2026-13-01', '2026-04-31', '2100-02-29', '26-01-01', '2026-1-01'])(
    'refuses the date %s',
    (text) => {
      expect(parseLocalDate(text)).toBeUndefined();
    },
  );

  test.each([
    ['00:00', false, 0],
    ['09:30', false, 570],
    ['23:59', false, 1439],
    ['24:00', true, 1440],
    ['24:00', false, undefined],
    ['24:01', true, undefined],
    ['9:30', false, undefined],
    ['09:60', false, undefined],
  ])('wall time %s (end of day allowed: %s) → %s', (text, allowEndOfDay, expected) => {
    expect(parseWallTime(text, allowEndOfDay)).toBe(expected);
  });
});

describe('formatInstant', () => {
  it('writes UTC with seconds and no zero milliseconds', () => {
    expect(formatInstant(Date.UTC(2026, 2, 29, 8, 0))).toBe('2026-03-29T08:00:00Z');
  });

  it('keeps milliseconds that are not zero', () => {
    expect(formatInstant(Date.UTC(2026, 2, 29, 8, 0, 0, 5))).toBe('2026-03-29T08:00:00.005Z');
  });
});
