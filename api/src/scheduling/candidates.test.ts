import { availableSlots } from './engine.js';
import { host, hours, localDays, page, query, wallStarts } from './fixtures.test-support.js';

const allDayLong = (zone = 'UTC') =>
  host('ada', zone, { workingHours: { weekly: hours('00:00', '24:00'), overrides: [] } });

describe('candidate slot starts', () => {
  it('step by the requested duration when the page sets no interval', () => {
    const slots = availableSlots(
      query({
        host: host('ada', 'UTC', { workingHours: { weekly: hours('09:00', '12:00'), overrides: [] } }),
        durationMinutes: 60,
      }),
    );
    expect(wallStarts(slots, 'UTC')).toEqual(['09:00', '10:00', '11:00']);
  });

  it('step by the page interval when set, independent of the duration', () => {
    const slots = availableSlots(
      query({
        host: host('ada', 'UTC', { workingHours: { weekly: hours('09:00', '11:00'), overrides: [] } }),
        page: page({ slotIntervalMinutes: 15 }),
        durationMinutes: 60,
      }),
    );
    expect(wallStarts(slots, 'UTC')).toEqual(['09:00', '09:15', '09:30', '09:45', '10:00']);
  });

  it('restart a 45-minute interval at every local midnight', () => {
    const slots = availableSlots(
      query({
        host: allDayLong('Europe/Madrid'),
        page: page({ slotIntervalMinutes: 45 }),
        range: localDays('Europe/Madrid', '2026-03-02', '2026-03-03'),
      }),
    );
    const starts = wallStarts(slots, 'Europe/Madrid');
    expect(starts.slice(0, 4)).toEqual(['00:00', '00:45', '01:30', '02:15']);
    expect(starts.slice(30, 34)).toEqual(['22:30', '23:15', '00:00', '00:45']); // 32 starts a day
    expect(starts).toHaveLength(64);
  });

  it('do not start at working-hour boundaries that are off the interval grid', () => {
    const slots = availableSlots(
      query({
        host: host('ada', 'UTC', { workingHours: { weekly: hours('09:10', '10:30'), overrides: [] } }),
      }),
    );
    expect(wallStarts(slots, 'UTC')).toEqual(['09:30', '10:00']);
  });

  it('follow the requested one of several durations', () => {
    const ada = host('ada', 'UTC', { workingHours: { weekly: hours('09:00', '10:30'), overrides: [] } });
    const p = page({ durations: [15, 30, 90] });
    expect(
      wallStarts(availableSlots(query({ host: ada, page: p, durationMinutes: 15 })), 'UTC'),
    ).toHaveLength(6);
    expect(
      wallStarts(availableSlots(query({ host: ada, page: p, durationMinutes: 30 })), 'UTC'),
    ).toHaveLength(3);
    const long = availableSlots(query({ host: ada, page: p, durationMinutes: 90 }));
    expect(long.map((s) => [s.start, s.end])).toEqual([['2026-03-02T09:00:00Z', '2026-03-02T10:30:00Z']]);
  });

  it('are only those in [range.start, range.end)', () => {
    const slots = availableSlots(
      query({ host: allDayLong(), range: { start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:30:00Z' } }),
    );
    expect(wallStarts(slots, 'UTC')).toEqual(['10:00', '10:30', '11:00']);
  });

  it('skip starts off the grid even when the range starts off it', () => {
    const slots = availableSlots(
      query({ host: allDayLong(), range: { start: '2026-03-02T10:10:00Z', end: '2026-03-02T11:00:00Z' } }),
    );
    expect(wallStarts(slots, 'UTC')).toEqual(['10:30']);
  });

  it('are none for an empty range', () => {
    expect(
      availableSlots(query({ range: { start: '2026-03-02T10:00:00Z', end: '2026-03-02T10:00:00Z' } })),
    ).toEqual([]);
  });
});
