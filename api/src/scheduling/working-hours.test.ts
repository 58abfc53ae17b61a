import { availableSlots } from './engine.js';
import { host, hours, localDays, query, wallStarts } from './fixtures.test-support.js';

// 2026-03-02 is a Monday.
const MONDAY = localDays('Europe/Paris', '2026-03-02', '2026-03-02');

describe('working hours', () => {
  it('offers slots only inside each of several intervals of a day', () => {
    const ada = host('ada', 'Europe/Paris', {
      workingHours: {
        weekly: [
          { day: 1, from: '09:00', to: '10:00' },
          { day: 1, from: '14:00', to: '15:30' },
        ],
        overrides: [],
      },
    });
    const slots = availableSlots(query({ host: ada, range: MONDAY }));
    expect(wallStarts(slots, 'Europe/Paris')).toEqual(['09:00', '09:30', '14:00', '14:30', '15:00']);
  });

  it('uses a date override instead of the weekly rule for that date', () => {
    const ada = host('ada', 'Europe/Paris', {
      workingHours: {
        weekly: hours('09:00', '17:00'),
        overrides: [{ date: '2026-03-02', intervals: [{ from: '18:00', to: '19:00' }] }],
      },
    });
    const slots = availableSlots(query({ host: ada, range: MONDAY }));
    expect(wallStarts(slots, 'Europe/Paris')).toEqual(['18:00', '18:30']);
  });

  it('takes a day off when the override has no interval, and keeps the other days', () => {
    const ada = host('ada', 'Europe/Paris', {
      workingHours: { weekly: hours('09:00', '10:00'), overrides: [{ date: '2026-03-02', intervals: [] }] },
    });
    const slots = availableSlots(
      query({ host: ada, range: localDays('Europe/Paris', '2026-03-02', '2026-03-03') }),
    );
    expect(slots.map((s) => s.start)).toEqual(['2026-03-03T08:00:00Z', '2026-03-03T08:30:00Z']);
  });

  it('offers nothing on weekdays without a rule', () => {
    const ada = host('ada', 'Europe/Paris', {
      workingHours: { weekly: hours('09:00', '17:00', [2, 3]), overrides: [] },
    });
    expect(availableSlots(query({ host: ada, range: MONDAY }))).toEqual([]);
  });

  it('does not let a slot run past the end of an interval', () => {
    const ada = host('ada', 'Europe/Paris', {
      workingHours: { weekly: hours('09:00', '10:15'), overrides: [] },
    });
    const slots = availableSlots(query({ host: ada, range: MONDAY, durationMinutes: 60 }));
    expect(wallStarts(slots, 'Europe/Paris')).toEqual(['09:00']);
  });

  it('joins 22:00–24:00 with 00:00–02:00 the next day, so a slot may cross midnight', () => {
    const ada = host('ada', 'UTC', {
      workingHours: {
        weekly: [
          { day: 1, from: '22:00', to: '24:00' },
          { day: 2, from: '00:00', to: '02:00' },
        ],
        overrides: [],
      },
    });
    const slots = availableSlots(
      query({
        host: ada,
        range: { start: '2026-03-02T23:00:00Z', end: '2026-03-03T00:00:00Z' },
        durationMinutes: 60,
      }),
    );
    expect(slots.map((s) => [s.start, s.end])).toEqual([['2026-03-02T23:00:00Z', '2026-03-03T00:00:00Z']]);
    const acrossMidnight = availableSlots(
      query({
        host: ada,
        page: { ...query().page, durations: [120], slotIntervalMinutes: 60 },
        range: { start: '2026-03-02T23:00:00Z', end: '2026-03-03T00:00:00Z' },
        durationMinutes: 120,
      }),
    );
    expect(acrossMidnight.map((s) => s.end)).toEqual(['2026-03-03T01:00:00Z']);
  });

  it('does not join intervals of a day with a gap between them', () => {
    const ada = host('ada', 'UTC', {
      workingHours: {
        weekly: [
          { day: 1, from: '09:00', to: '10:00' },
          { day: 1, from: '10:05', to: '11:00' },
        ],
        overrides: [],
      },
    });
    const slots = availableSlots(query({ host: ada, durationMinutes: 60 }));
    expect(slots.map((s) => s.start)).toEqual(['2026-03-02T09:00:00Z']);
  });
});
