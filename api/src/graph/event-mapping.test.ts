import { toBusyItem, toUtcInstant } from './event-mapping.js';
import { BOOKING_ID_PROPERTY, bookingIdFilter } from './extended-property.js';
import { toIanaZone } from './time-zones.js';

describe('reading Outlook events as busy items', () => {
  it('keeps an all-day event as floating calendar dates, whatever zone Graph labelled it with', () => {
    const item = toBusyItem(
      {
        id: 'e1',
        start: { dateTime: '2026-03-29T00:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2026-03-31T00:00:00.0000000', timeZone: 'UTC' },
        showAs: 'oof',
        isAllDay: true,
      },
      'cal-1',
    );
    expect(item).toEqual({
      calendarId: 'cal-1',
      start: '2026-03-29',
      end: '2026-03-31',
      showAs: 'oof',
      sensitivity: 'normal',
      isAllDay: true,
      isCancelled: false,
    });
  });

  test.each([
    ['UTC', '2026-04-15T12:00:00.0000000', '2026-04-15T12:00:00Z'],
    ['Pacific Standard Time', '2026-04-15T09:00:00.0000000', '2026-04-15T16:00:00Z'],
    ['Nepal Standard Time', '2026-04-15T09:00:00.0000000', '2026-04-15T03:15:00Z'],
    ['America/Sao_Paulo', '2026-04-15T09:00:00', '2026-04-15T12:00:00Z'],
    ['Lord Howe Standard Time', '2026-01-15T09:00:00.0000000', '2026-01-14T22:00:00Z'],
  ])('reads %s wall time %s as %s', (timeZone, dateTime, expected) => {
    expect(toUtcInstant({ dateTime, timeZone })).toBe(expected);
  });

  it('finds the booking id among the extended properties and never copies the subject', () => {
    const item = toBusyItem(
      {
        id: 'e2',
        start: { dateTime: '2026-04-15T12:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2026-04-15T12:30:00.0000000', timeZone: 'UTC' },
        showAs: 'busy',
        sensitivity: 'private',
        singleValueExtendedProperties: [{ id: BOOKING_ID_PROPERTY, value: 'bk_123' }],
        ...{ subject: 'Salary review' },
      },
      'cal-1',
    );
    expect(item.bookingId).toBe('bk_123');
    expect(item.sensitivity).toBe('private');
    expect(JSON.stringify(item)).not.toContain('Salary');
  });

  it('treats a showAs it does not know as unknown, which blocks', () => {
    const item = toBusyItem(
      {
        id: 'e3',
        start: { dateTime: '2026-04-15T12:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-04-15T13:00:00', timeZone: 'UTC' },
        showAs: 'somethingNew',
      },
      'c',
    );
    expect(item.showAs).toBe('unknown');
  });

  it('refuses a zone it cannot map rather than guessing an offset', () => {
    expect(() => toUtcInstant({ dateTime: '2026-04-15T12:00:00', timeZone: 'Mars Standard Time' })).toThrow(
      /unknown time zone "Mars Standard Time"/,
    );
  });
});

describe('time-zone names', () => {
  test.each([
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['GMT Standard Time', 'Europe/London'],
    ['E. South America Standard Time', 'America/Sao_Paulo'],
    ['Asia/Kathmandu', 'Asia/Kathmandu'],
  ])('maps %s to %s', (windows, iana) => {
    expect(toIanaZone(windows)).toBe(iana);
  });
});

describe('the booking-id filter', () => {
  it('escapes quotes so an id cannot break out of the OData string', () => {
    expect(bookingIdFilter("a'b")).toContain("ep/value eq 'a''b'");
  });
});
