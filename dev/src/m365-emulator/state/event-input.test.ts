import { EmulatorStore } from './store.js';

const store = new EmulatorStore();
const user = store.addUser({ userPrincipalName: 'adele', displayName: 'Adele Vance' });
const valid = {
  subject: 'x',
  start: { dateTime: '2026-04-15T09:00:00', timeZone: 'UTC' },
  end: { dateTime: '2026-04-15T10:00:00', timeZone: 'UTC' },
};

describe('a create body Graph would refuse', () => {
  test.each([
    ['no end', { subject: 'x', start: valid.start }, 'end'],
    ['end before start', { ...valid, end: { dateTime: '2026-04-15T08:00:00', timeZone: 'UTC' } }, 'end'],
    [
      'an unknown zone',
      { ...valid, start: { dateTime: '2026-04-15T09:00:00', timeZone: 'Atlantis Standard Time' } },
      'start.timeZone',
    ],
    ['a malformed time', { ...valid, start: { dateTime: 'tomorrow', timeZone: 'UTC' } }, 'start.dateTime'],
    ['an unknown showAs', { ...valid, showAs: 'sometimes' }, 'showAs'],
    [
      'a bad attendee address',
      { ...valid, attendees: [{ emailAddress: { address: 'not-an-address' } }] },
      'attendees[0].emailAddress.address',
    ],
    [
      'a malformed extended property id',
      { ...valid, singleValueExtendedProperties: [{ id: 'TandemBookingId', value: '1' }] },
      'singleValueExtendedProperties[0].id',
    ],
    [
      'a weekly pattern without days',
      {
        ...valid,
        recurrence: {
          pattern: { type: 'weekly', interval: 1 },
          range: { type: 'noEnd', startDate: '2026-04-15' },
        },
      },
      'recurrence.pattern.daysOfWeek',
    ],
    [
      'a numbered range without a count',
      {
        ...valid,
        recurrence: {
          pattern: { type: 'daily', interval: 1 },
          range: { type: 'numbered', startDate: '2026-04-15' },
        },
      },
      'recurrence.range.numberOfOccurrences',
    ],
    ['a property events do not have', { ...valid, colour: 'red' }, 'colour'],
    ['an all-day event not at midnight', { ...valid, isAllDay: true }, 'start.dateTime'],
  ])('with %s is a 400 naming %s', (_case, body, field) => {
    expect(() => store.addEvent(user.id, body)).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining(field) }),
    );
  });
});

describe('a valid create body', () => {
  it('is stored in UTC with the zone it was written in', () => {
    const event = store.addEvent(user.id, {
      subject: 'Kathmandu',
      start: { dateTime: '2026-04-15T09:00:00', timeZone: 'Nepal Standard Time' },
      end: { dateTime: '2026-04-15T09:45:00', timeZone: 'Asia/Kathmandu' },
    });
    expect(event.start).toEqual({ dateTime: '2026-04-15T03:15:00.0000000', timeZone: 'UTC' });
    expect(event.end).toEqual({ dateTime: '2026-04-15T04:00:00.0000000', timeZone: 'UTC' });
    expect([event.originalStartTimeZone, event.originalEndTimeZone]).toEqual([
      'Nepal Standard Time',
      'Asia/Kathmandu',
    ]);
  });

  it('drops the Teams link when the meeting is switched offline and makes a new one when switched back', () => {
    const event = store.addEvent(user.id, { ...valid, isOnlineMeeting: true });
    expect(event.onlineMeeting?.joinUrl).toContain('teams.microsoft.com');
    expect(store.updateEvent(user.id, event.id, { isOnlineMeeting: false }).onlineMeeting).toBeNull();
  });
});
