import type { Client } from '@microsoft/microsoft-graph-client';
import { graphClientWithToken as graphClient, graphFailure } from '../conformance/harness.js';
import { startEmulator, type EmulatorHandle, type UserRecord } from '../index.js';
import { schemaErrors } from '../graph-schema/index.js';

interface EventJson {
  id: string;
  subject?: string;
  type?: string;
  seriesMasterId?: string | null;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  '@removed'?: { reason: string };
}

interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

const window = 'startDateTime=2026-03-23T00:00:00Z&endDateTime=2026-04-06T00:00:00Z';

describe('calendarView, delta and getSchedule through the Graph client', () => {
  let em: EmulatorHandle;
  let adele: UserRecord;
  let megan: UserRecord;
  let graph: Client;
  let series: EventJson;

  beforeAll(async () => {
    em = await startEmulator();
    adele = em.store.addUser({
      userPrincipalName: 'adele',
      displayName: 'Adele Vance',
      timeZone: 'Europe/London',
    });
    megan = em.store.addUser({
      userPrincipalName: 'megan',
      displayName: 'Megan Bowen',
      timeZone: 'Pacific Standard Time',
    });
    graph = graphClient(em, await em.graphToken({ user: adele }));
    series = (await graph.api('/me/events').post({
      subject: 'Weekly planning',
      start: { dateTime: '2026-03-02T09:00:00', timeZone: 'GMT Standard Time' },
      end: { dateTime: '2026-03-02T09:30:00', timeZone: 'GMT Standard Time' },
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' },
        range: { type: 'noEnd', startDate: '2026-03-02' },
      },
    })) as EventJson;
    await graph.api('/me/events').post({
      subject: 'Dentist',
      showAs: 'oof',
      start: { dateTime: '2026-03-25T14:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-25T15:00:00', timeZone: 'UTC' },
    });
    await graph.api('/me/events').post({
      subject: 'Bank holiday',
      isAllDay: true,
      showAs: 'free',
      start: { dateTime: '2026-04-03T00:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-04-04T00:00:00', timeZone: 'UTC' },
    });
  });
  afterAll(() => em.stop());

  describe('calendarView', () => {
    it('expands the series at 09:00 London across the clock change, in the zone asked for', async () => {
      const page = (await graph
        .api(`/me/calendarView?${window}`)
        .header('Prefer', 'outlook.timezone="Pacific Standard Time"')
        .top(50)
        .get()) as Page<EventJson>;
      const summary = page.value.map((e) => `${e.subject} ${e.type} ${e.start.dateTime} ${e.start.timeZone}`);
      expect(summary).toEqual([
        'Weekly planning occurrence 2026-03-23T02:00:00.0000000 Pacific Standard Time',
        'Dentist singleInstance 2026-03-25T07:00:00.0000000 Pacific Standard Time',
        'Weekly planning occurrence 2026-03-30T01:00:00.0000000 Pacific Standard Time',
        'Bank holiday singleInstance 2026-04-03T00:00:00.0000000 Pacific Standard Time',
      ]);
      for (const event of page.value) expect(schemaErrors('event', event)).toEqual([]);
      const occurrence = page.value[0]!;
      expect(occurrence.seriesMasterId).toBe(series.id);
      expect(occurrence.id).not.toBe(series.id);
    });

    it('pages with $top and @odata.nextLink, and applies $select', async () => {
      const first = (await graph
        .api(`/me/calendarView?${window}`)
        .top(3)
        .select('subject')
        .get()) as Page<EventJson>;
      expect(first.value).toHaveLength(3);
      expect(Object.keys(first.value[0]!).sort()).toEqual(['@odata.etag', 'id', 'subject']);
      const second = (await graph.api(first['@odata.nextLink']!).get()) as Page<EventJson>;
      expect(second.value.map((e) => e.subject)).toEqual(['Bank holiday']);
      expect(second['@odata.nextLink']).toBeUndefined();
    });

    it('answers /users/{upn} and a named calendar', async () => {
      const secondary = em.store.addCalendar(adele.id, { name: 'Travel' });
      await graph.api(`/me/calendars/${secondary.id}/events`).post({
        subject: 'Flight',
        start: { dateTime: '2026-03-26T06:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-03-26T08:00:00', timeZone: 'UTC' },
      });
      const named = (await graph
        .api(`/users/${adele.userPrincipalName}/calendars/${secondary.id}/calendarView?${window}`)
        .get()) as Page<EventJson>;
      expect(named.value.map((e) => e.subject)).toEqual(['Flight']);
      const primary = (await graph
        .api(`/users/${adele.id}/calendarView?${window}`)
        .top(10)
        .get()) as Page<EventJson>;
      expect(primary.value.map((e) => e.subject)).not.toContain('Flight');
    });

    it('lists the instances of a series', async () => {
      const page = (await graph.api(`/me/events/${series.id}/instances?${window}`).get()) as Page<EventJson>;
      expect(page.value.map((e) => e.start.dateTime)).toEqual([
        '2026-03-23T09:00:00.0000000',
        '2026-03-30T08:00:00.0000000',
      ]);
    });

    it('refuses a request without its time window as Graph does', async () => {
      const error = await graphFailure(
        graph.api('/me/calendarView?startDateTime=2026-03-23T00:00:00Z').get(),
      );
      expect(error.statusCode).toBe(400);
      expect(error.code).toBe('ErrorInvalidParameter');
    });
  });

  describe('calendarView/delta', () => {
    async function readRound(url: string): Promise<{ items: EventJson[]; deltaLink: string; pages: number }> {
      const items: EventJson[] = [];
      let pages = 0;
      let next = url;
      for (;;) {
        const page = (await graph.api(next).header('Prefer', 'odata.maxpagesize=2').get()) as Page<EventJson>;
        pages++;
        items.push(...page.value);
        if (page['@odata.deltaLink']) return { items, deltaLink: page['@odata.deltaLink'], pages };
        expect(page['@odata.nextLink']).toMatch(/\$skiptoken=/);
        next = page['@odata.nextLink']!;
      }
    }

    it('pages an initial round, then reports changes and removals since it', async () => {
      const initial = await readRound(`/me/calendarView/delta?${window}`);
      expect(initial.items.map((e) => e.subject).sort()).toEqual(
        ['Bank holiday', 'Dentist', 'Weekly planning', 'Weekly planning'].sort(),
      );
      expect(initial.pages).toBe(2);
      for (const event of initial.items) expect(schemaErrors('event', event)).toEqual([]);
      expect(initial.deltaLink).toMatch(/\/me\/calendarView\/delta\?\$deltatoken=/);

      const added = (await graph.api('/me/events').post({
        subject: 'Coffee',
        start: { dateTime: '2026-03-27T10:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-03-27T10:30:00', timeZone: 'UTC' },
      })) as EventJson;
      const dentist = initial.items.find((e) => e.subject === 'Dentist')!;
      await graph.api(`/me/events/${dentist.id}`).delete();

      const changes = await readRound(initial.deltaLink);
      expect(changes.items).toEqual([
        expect.objectContaining({ id: added.id, subject: 'Coffee' }),
        { '@odata.type': '#microsoft.graph.event', id: dentist.id, '@removed': { reason: 'deleted' } },
      ]);
      const quiet = await readRound(changes.deltaLink);
      expect(quiet.items).toEqual([]);
    });

    it('tracks a named calendar and reports every occurrence of a changed series', async () => {
      const team = em.store.addCalendar(adele.id, { name: 'Team' });
      const standUp = (await graph.api(`/me/calendars/${team.id}/events`).post({
        subject: 'Stand-up',
        start: { dateTime: '2026-03-23T10:00:00', timeZone: 'Europe/London' },
        end: { dateTime: '2026-03-23T10:15:00', timeZone: 'Europe/London' },
        recurrence: {
          pattern: { type: 'daily', interval: 1 },
          range: { type: 'numbered', startDate: '2026-03-23', numberOfOccurrences: 3 },
        },
      })) as EventJson;
      const initial = await readRound(`/me/calendars/${team.id}/calendarView/delta?${window}`);
      expect(initial.items.map((e) => e.start.dateTime)).toEqual([
        '2026-03-23T10:00:00.0000000',
        '2026-03-24T10:00:00.0000000',
        '2026-03-25T10:00:00.0000000',
      ]);
      await graph.api(`/me/events/${standUp.id}`).patch({ subject: 'Daily stand-up' });
      const changes = await readRound(initial.deltaLink);
      expect(changes.items.map((e) => [e.id, e.subject])).toEqual(
        initial.items.map((e) => [e.id, 'Daily stand-up']),
      );
    });

    it('reports a moved occurrence as itself and a deleted one as removed, the rest of the series untouched', async () => {
      const review = (await graph.api('/me/events').post({
        subject: 'Review',
        start: { dateTime: '2026-03-23T15:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-03-23T15:30:00', timeZone: 'UTC' },
        recurrence: {
          pattern: { type: 'daily', interval: 1 },
          range: { type: 'numbered', startDate: '2026-03-23', numberOfOccurrences: 4 },
        },
      })) as EventJson;
      const instancesOf = async () =>
        ((await graph.api(`/me/events/${review.id}/instances?${window}`).get()) as Page<EventJson>).value;
      const [first, second, third] = await instancesOf();
      const initial = await readRound(`/me/calendarView/delta?${window}`);

      await graph.api(`/me/events/${second!.id}`).patch({
        start: { dateTime: '2026-03-24T17:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-03-24T17:30:00', timeZone: 'UTC' },
      });
      await graph.api(`/me/events/${third!.id}`).delete();
      const changes = await readRound(initial.deltaLink);
      expect(changes.items.map((e) => [e.id, e.type ?? 'removed', e.start?.dateTime])).toEqual([
        [second!.id, 'exception', '2026-03-24T17:00:00.0000000'],
        [third!.id, 'removed', undefined],
      ]);
      expect((await instancesOf()).map((e) => e.id)).toEqual([first!.id, second!.id, expect.any(String)]);
    });

    it('answers times in the zone of Prefer: outlook.timezone, IANA names included', async () => {
      const page = (await graph
        .api(`/me/calendarView/delta?${window}`)
        .header('Prefer', 'outlook.timezone="America/Sao_Paulo", odata.maxpagesize=1')
        .get()) as Page<EventJson>;
      expect(page.value[0]!.start).toEqual({
        dateTime: '2026-03-23T06:00:00.0000000',
        timeZone: 'America/Sao_Paulo',
      });
    });

    it('refuses $select on an initial round, as Graph does not support it there', async () => {
      const error = await graphFailure(graph.api(`/me/calendarView/delta?${window}&$select=subject`).get());
      expect(error.statusCode).toBe(400);
    });

    it('answers 410 syncStateNotFound for a token it does not know or has forgotten', async () => {
      const unknown = await graphFailure(
        graph.api('/me/calendarView/delta?$deltatoken=bm90LWEtdG9rZW4').get(),
      );
      expect(unknown.statusCode).toBe(410);
      expect(unknown.code).toBe('syncStateNotFound');

      const { deltaLink } = await readRound(`/me/calendarView/delta?${window}`);
      const admin = await fetch(`${em.origin}/_admin/delta/forget`, { method: 'POST' });
      expect(admin.status).toBe(204);
      const forgotten = await graphFailure(graph.api(deltaLink).get());
      expect(forgotten.statusCode).toBe(410);
      expect(forgotten.code).toBe('syncStateNotFound');
    });
  });

  describe('getSchedule', () => {
    const body = (overrides: Record<string, unknown> = {}) => ({
      schedules: [adele.userPrincipalName, megan.userPrincipalName, 'nobody@contoso.onmicrosoft.com'],
      startTime: { dateTime: '2026-03-25T13:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2026-03-25T17:00:00', timeZone: 'UTC' },
      availabilityViewInterval: 60,
      ...overrides,
    });

    it('answers each schedule with items, availability view and working hours', async () => {
      await graph.api('/me/events').post({
        subject: 'Doctor',
        showAs: 'oof',
        start: { dateTime: '2026-03-25T14:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-03-25T15:00:00', timeZone: 'UTC' },
      });
      const answer = (await graph
        .api('/me/calendar/getSchedule')
        .header('Prefer', 'outlook.timezone="Pacific Standard Time"')
        .post(body())) as { value: Record<string, unknown>[] };
      expect(answer.value.map((s) => [s.scheduleId, s.availabilityView])).toEqual([
        [adele.userPrincipalName, '0300'],
        [megan.userPrincipalName, '0000'],
        ['nobody@contoso.onmicrosoft.com', ''],
      ]);
      expect(answer.value[0]!.scheduleItems).toEqual([
        {
          isPrivate: false,
          status: 'oof',
          subject: 'Doctor',
          location: '',
          start: { dateTime: '2026-03-25T07:00:00.0000000', timeZone: 'Pacific Standard Time' },
          end: { dateTime: '2026-03-25T08:00:00.0000000', timeZone: 'Pacific Standard Time' },
        },
      ]);
      expect(answer.value[0]!.workingHours).toMatchObject({ daysOfWeek: expect.arrayContaining(['monday']) });
      expect(answer.value[2]!.error).toMatchObject({ responseCode: 'ErrorInvalidUser' });
      for (const schedule of answer.value) expect(schemaErrors('scheduleInformation', schedule)).toEqual([]);
    });

    test.each([
      [
        '21 schedules',
        { schedules: Array.from({ length: 21 }, (_, i) => `u${i}@contoso.com`) },
        'ErrorInvalidParameter',
      ],
      [
        'a window of 62 days',
        { endTime: { dateTime: '2026-05-26T13:00:00', timeZone: 'UTC' } },
        'ErrorTimeIntervalTooBig',
      ],
      ['an interval of 4 minutes', { availabilityViewInterval: 4 }, 'ErrorInvalidMergedFreeBusyInterval'],
    ])('refuses %s with 400 %s', async (_name, overrides, code) => {
      const error = await graphFailure(graph.api('/me/calendar/getSchedule').post(body(overrides)));
      expect(error.statusCode).toBe(400);
      expect(error.code).toBe(code);
    });
  });
});
