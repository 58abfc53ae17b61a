import { addMonths, dateInZone, monthRange, monthWeeks, offsetLabel } from './zones.js';

describe('calendar dates with Intl', () => {
  it('puts an instant on the local date of the zone, across the date line', () => {
    expect(dateInZone('2026-11-24T22:30:00Z', 'Asia/Tokyo')).toBe('2026-11-25');
    expect(dateInZone('2026-11-24T22:30:00Z', 'America/New_York')).toBe('2026-11-24');
  });
  it('labels a 45-minute offset exactly', () => {
    expect(offsetLabel('Asia/Kathmandu', new Date('2026-11-24T00:00:00Z'))).toBe('GMT+05:45');
  });
  it('lays a month out Monday first with blanks around it', () => {
    const weeks = monthWeeks('2026-11');
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(30);
  });
  it('steps months across a year end', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
  it('covers every local date of the month in any zone', () => {
    expect(monthRange('2026-11')).toEqual({
      start: '2026-10-31T00:00:00.000Z',
      end: '2026-12-02T00:00:00.000Z',
    });
  });
});
