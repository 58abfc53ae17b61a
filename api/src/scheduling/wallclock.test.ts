import { DAY_MS, dayNumberOf, MINUTE_MS } from './time-text.js';
import { ZoneClock } from './wallclock.js';

const clockOver = (zone: string, year: number) =>
  new ZoneClock(zone, Date.UTC(year, 0, 1), Date.UTC(year, 11, 31));

/** The instant of `YYYY-MM-DD HH:mm` in `zone`, and whether that wall time exists. */
function wall(zone: string, date: string, time: string) {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const result = clockOver(zone, y).toInstant(dayNumberOf(y, m, d), hh * 60 + mm);
  return { utc: new Date(result.ms).toISOString().slice(0, 16), exists: result.exists };
}

describe('wall time → instant', () => {
  test.each([
    // zone, local date, local time, UTC instant, exists
    ['Europe/London', '2026-03-29', '00:30', '2026-03-29T00:30', true],
    ['Europe/London', '2026-03-29', '01:00', '2026-03-29T01:00', false], // skipped → transition instant
    ['Europe/London', '2026-03-29', '01:30', '2026-03-29T01:00', false],
    ['Europe/London', '2026-03-29', '02:00', '2026-03-29T01:00', true], // first existing wall time
    ['Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30', true], // ambiguous → earlier (BST)
    ['Europe/London', '2026-10-25', '02:00', '2026-10-25T02:00', true],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:00', false], // → 03:00 EDT
    ['America/New_York', '2026-03-08', '03:00', '2026-03-08T07:00', true],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30', true], // EDT, the earlier
    ['Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-03T15:30', false], // 30-minute gap
    ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45', true], // 30-minute overlap, earlier
    ['Asia/Kathmandu', '2026-03-02', '09:00', '2026-03-02T03:15', true],
    ['America/Havana', '2026-03-08', '00:00', '2026-03-08T05:00', false], // midnight skipped → 01:00 CDT
  ])('%s %s %s → %s (exists: %s)', (zone, date, time, utc, exists) => {
    expect(wall(zone, date, time)).toEqual({ utc, exists });
  });
});

describe('ZoneClock', () => {
  it('agrees with the platform offset for every hour of a DST year', () => {
    const clock = clockOver('Australia/Lord_Howe', 2026);
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Australia/Lord_Howe',
      timeZoneName: 'longOffset',
    });
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2026, 11, 31); ms += 3_600_000 + 7 * MINUTE_MS) {
      const name = formatter.formatToParts(ms).find((part) => part.type === 'timeZoneName')!.value; // GMT+10:30
      const [, sign, h, m] = /GMT([+-])(\d\d):(\d\d)/.exec(name)!;
      expect(clock.offsetAt(ms)).toBe((sign === '-' ? -1 : 1) * (Number(h) * 60 + Number(m)));
    }
  });

  it('answers instants outside its span too', () => {
    const clock = new ZoneClock('Europe/London', Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 2));
    expect(clock.offsetAt(Date.UTC(2030, 6, 1))).toBe(60);
  });

  it('gives the host-local date of an instant', () => {
    const clock = clockOver('Asia/Kathmandu', 2026);
    // 18:15Z is 00:00 the next day at +05:45.
    expect(clock.localDayOf(Date.UTC(2026, 2, 1, 18, 14))).toBe(dayNumberOf(2026, 3, 1));
    expect(clock.localDayOf(Date.UTC(2026, 2, 1, 18, 15))).toBe(dayNumberOf(2026, 3, 2));
  });

  it('starts a local date at the transition when its midnight was skipped', () => {
    const clock = clockOver('America/Havana', 2026);
    const start = clock.startOfDay(dayNumberOf(2026, 3, 8));
    expect(new Date(start).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(clock.startOfDay(dayNumberOf(2026, 3, 9)) - start).toBe(DAY_MS - 60 * MINUTE_MS);
  });
});
