import { EmulatorStore } from '../state/store.js';
import { CalendarViewIndex } from './calendar-view.js';
import { calendarIndex } from './routes.js';

const window = [Date.parse('2026-03-01T00:00:00Z'), Date.parse('2026-04-01T00:00:00Z')] as const;
const at = (day: number, hour: number) => ({
  dateTime: `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00`,
  timeZone: 'UTC',
});

describe('the cached calendar index of a mailbox', () => {
  const store = new EmulatorStore();
  const user = store.addUser({ userPrincipalName: 'adele', displayName: 'Adele Vance' });
  const calendarId = store.defaultCalendar(user.id).id;
  const ids: string[] = [];
  for (let day = 1; day <= 20; day++) {
    ids.push(store.addEvent(user.id, { subject: `Event ${day}`, start: at(day, 9), end: at(day, 10) }).id);
  }
  const summary = (index: CalendarViewIndex<{ id: string; subject: string }>) =>
    index.view(...window).map((i) => `${i.id}:${i.source.subject}:${new Date(i.startMs).toISOString()}`);
  const fresh = () => new CalendarViewIndex(store.listEvents(user.id, calendarId).map((r) => r.event));

  it('is reused while nothing in the calendar changes', () => {
    const first = calendarIndex(store, user.id, calendarId);
    store.addCalendar(user.id, { name: 'Other' });
    expect(calendarIndex(store, user.id, calendarId)).toBe(first);
  });

  it('follows updates, deletions and creations exactly as a fresh build does', () => {
    const before = calendarIndex(store, user.id, calendarId);
    store.updateEvent(user.id, ids[0]!, { subject: 'Moved', start: at(25, 14), end: at(25, 15) });
    store.deleteEvent(user.id, ids[1]!);
    store.addEvent(user.id, {
      subject: 'Weekly',
      start: at(2, 8),
      end: at(2, 9),
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' },
        range: { type: 'noEnd', startDate: '2026-03-02' },
      },
    });
    const after = calendarIndex(store, user.id, calendarId);
    expect(after).not.toBe(before);
    expect(summary(after)).toEqual(summary(fresh()));
    expect(summary(after)).toContain(`${ids[0]}:Moved:2026-03-25T14:00:00.000Z`);
    expect(summary(after).some((line) => line.startsWith(`${ids[1]}:`))).toBe(false);
    expect(summary(after).filter((line) => line.includes(':Weekly:'))).toHaveLength(5);
  });
});
