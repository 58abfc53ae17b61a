import { jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChangeRecord } from './records.js';
import { EmulatorStore } from './store.js';

const slot = (start: string, end: string) => ({
  start: { dateTime: start, timeZone: 'UTC' },
  end: { dateTime: end, timeZone: 'UTC' },
});

function seeded() {
  const store = new EmulatorStore();
  const user = store.addUser({
    userPrincipalName: 'adele',
    displayName: 'Adele Vance',
    timeZone: 'Europe/London',
  });
  return { store, user };
}

describe('a new user', () => {
  it('gets the tenant domain, a Windows time zone and a default calendar', () => {
    const { store, user } = seeded();
    expect(user.userPrincipalName).toBe('adele@contoso.onmicrosoft.com');
    expect(user.mailboxSettings.timeZone).toBe('GMT Standard Time');
    expect(store.defaultCalendar(user.id)).toMatchObject({ name: 'Calendar', isDefaultCalendar: true });
    expect(store.findUser('ADELE@contoso.onmicrosoft.com')?.id).toBe(user.id);
  });
});

describe('the change feed', () => {
  it('records create, update and delete with strictly increasing versions and tells listeners', () => {
    const { store, user } = seeded();
    const heard: ChangeRecord[] = [];
    const unsubscribe = store.onChange((c) => heard.push(c));
    const event = store.addEvent(user.id, {
      subject: 'A',
      ...slot('2026-04-15T09:00:00', '2026-04-15T10:00:00'),
    });
    store.updateEvent(user.id, event.id, { subject: 'B' });
    store.deleteEvent(user.id, event.id);
    unsubscribe();
    store.addEvent(user.id, { subject: 'unheard', ...slot('2026-04-15T09:00:00', '2026-04-15T10:00:00') });
    expect(heard.map((c) => c.changeType)).toEqual(['created', 'updated', 'deleted']);
    expect(heard.map((c) => c.version)).toEqual([1, 2, 3]);
    expect(
      heard.every((c) => c.userId === user.id && c.eventId === event.id && c.tenantId === user.tenantId),
    ).toBe(true);
    expect(store.version).toBe(4);
    expect(store.changesSince(2).map((c) => c.changeType)).toEqual(['deleted', 'created']);
    expect(store.tombstonesSince(0)).toEqual([
      expect.objectContaining({
        eventId: event.id,
        version: 3,
        event: expect.objectContaining({ subject: 'B' }),
      }),
    ]);
  });

  it('keeps a write when a listener throws', () => {
    const { store, user } = seeded();
    store.onChange(() => {
      throw new Error('listener bug');
    });
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const event = store.addEvent(user.id, {
      subject: 'kept',
      ...slot('2026-04-15T09:00:00', '2026-04-15T10:00:00'),
    });
    errors.mockRestore();
    expect(store.getEvent(user.id, event.id).event.subject).toBe('kept');
  });

  it('records nothing for a create that repeats a transactionId', () => {
    const { store, user } = seeded();
    const body = {
      subject: 'booking',
      transactionId: 'tx-1',
      ...slot('2026-04-15T09:00:00', '2026-04-15T10:00:00'),
    };
    const first = store.addEvent(user.id, body);
    const again = store.addEvent(user.id, body);
    expect(again.id).toBe(first.id);
    expect(store.changesSince(0)).toHaveLength(1);
  });
});

describe('writes', () => {
  it('changes the change key on every update and refuses a stale one with 412', () => {
    const { store, user } = seeded();
    const event = store.addEvent(user.id, {
      subject: 'A',
      ...slot('2026-04-15T09:00:00', '2026-04-15T10:00:00'),
    });
    const updated = store.updateEvent(
      user.id,
      event.id,
      { subject: 'B' },
      { ifMatchChangeKey: event.changeKey },
    );
    expect(updated.changeKey).not.toBe(event.changeKey);
    expect(() =>
      store.updateEvent(user.id, event.id, { subject: 'C' }, { ifMatchChangeKey: event.changeKey }),
    ).toThrow(expect.objectContaining({ status: 412, code: 'ErrorIrresolvableConflict' }));
  });

  it('deletes the exceptions of a series with its master', () => {
    const { store, user } = seeded();
    const master = store.addEvent(user.id, {
      subject: 'Weekly',
      ...slot('2026-04-13T09:00:00', '2026-04-13T10:00:00'),
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
        range: { type: 'noEnd', startDate: '2026-04-13' },
      },
    });
    expect(master.type).toBe('seriesMaster');
    store.insertEvent(user.id, store.defaultCalendar(user.id).id, {
      ...master,
      id: 'AAMkException1',
      type: 'exception',
      seriesMasterId: master.id,
      recurrence: null,
      originalStart: '2026-04-20T09:00:00Z',
    });
    store.deleteEvent(user.id, master.id);
    expect(store.listEvents(user.id)).toEqual([]);
    expect(
      store
        .tombstonesSince(0)
        .map((t) => t.eventId)
        .sort(),
    ).toEqual([master.id, 'AAMkException1'].sort());
  });

  it("keeps one user's events out of another's reach", () => {
    const { store, user } = seeded();
    const other = store.addUser({ userPrincipalName: 'megan', displayName: 'Megan Bowen' });
    const event = store.addEvent(user.id, {
      subject: 'A',
      ...slot('2026-04-15T09:00:00', '2026-04-15T10:00:00'),
    });
    expect(() => store.getEvent(other.id, event.id)).toThrow(
      expect.objectContaining({ status: 404, code: 'ErrorItemNotFound' }),
    );
    expect(() => store.deleteEvent(other.id, event.id)).toThrow(expect.objectContaining({ status: 404 }));
  });
});

describe('persistence', () => {
  it('round-trips users, calendars, events, the change feed and extension state through a JSON file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-store-'));
    try {
      const { store, user } = seeded();
      const side = store.addCalendar(user.id, { name: 'Side' });
      const event = store.addEvent(
        user.id,
        { subject: 'A', ...slot('2026-04-15T09:00:00', '2026-04-15T10:00:00') },
        { calendarId: side.id },
      );
      store.extension('subscriptions', () => ({ ids: ['s1'] }));
      store.saveToFile(join(dir, 'state.json'));
      const loaded = new EmulatorStore();
      loaded.loadFromFile(join(dir, 'state.json'));
      expect(loaded.getEvent(user.id, event.id)).toEqual({ userId: user.id, calendarId: side.id, event });
      expect(loaded.version).toBe(store.version);
      expect(loaded.extension('subscriptions', () => ({ ids: [] as string[] }))).toEqual({ ids: ['s1'] });
      expect(
        loaded
          .listCalendars(user.id)
          .map((c) => c.name)
          .sort(),
      ).toEqual(['Calendar', 'Side']);
      expect(() => loaded.restore({ format: 'something else' })).toThrow(
        expect.objectContaining({ status: 400 }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
