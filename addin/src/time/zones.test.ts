import {
  addMonths,
  canonicalZone,
  dateInZone,
  knownZones,
  monthRange,
  monthWeeks,
  offsetLabel,
  zoneSearchText,
} from './zones.js';

describe('zone names', () => {
  it('names zones by their current IANA spelling where the browser keeps an older one', () => {
    expect(canonicalZone('Asia/Katmandu')).toBe('Asia/Kathmandu');
    expect(canonicalZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(canonicalZone('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(canonicalZone('Europe/Bratislava')).toBe('Europe/Bratislava');
    expect(canonicalZone('Europe/London')).toBe('Europe/London');
  });
  it('lists each zone once, by its current name, and finds it by the older one too', () => {
    const zones = knownZones();
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).toContain('Asia/Kathmandu');
    expect(zones).not.toContain('Asia/Calcutta');
    expect(zones).not.toContain('Asia/Katmandu');
    expect(new Set(zones).size).toBe(zones.length);
    expect(zoneSearchText('Asia/Kolkata')).toBe('asia/kolkata asia/calcutta');
  });
});

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
