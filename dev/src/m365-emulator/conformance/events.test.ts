import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { schemaErrors } from '../graph-schema/index.js';
import { graphFailure, startConformance, type Conformance } from './harness.js';

const BOOKING_PROP = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name TandemBookingId';
const byBooking = (v: string) =>
  `singleValueExtendedProperties/Any(ep: ep/id eq '${BOOKING_PROP}' and ep/value eq '${v}')`;

let c: Conformance;
let graph: Client;

const meeting = (subject: string, startUtc: string, endUtc: string, extra: Record<string, unknown> = {}) => ({
  subject,
  start: { dateTime: startUtc, timeZone: 'UTC' },
  end: { dateTime: endUtc, timeZone: 'UTC' },
  ...extra,
});

beforeAll(async () => {
  c = await startConformance();
  const result = await c.signIn(c.adele);
  graph = c.graph(result.accessToken);
});
afterAll(() => c.stop());

describe('an event created through the Graph client', () => {
  it('answers 201 with a schema-valid event, its etag built from the change key, and UTC times by default', async () => {
    const event = await graph.api('/me/events').post(
      meeting('Design review', '2026-04-15T12:00:00', '2026-04-15T13:00:00', {
        body: { contentType: 'text', content: 'Agenda' },
        attendees: [{ emailAddress: { address: 'guest@example.com', name: 'Guest' }, type: 'required' }],
        showAs: 'tentative',
        sensitivity: 'private',
      }),
    );
    expect(schemaErrors('event', event)).toEqual([]);
    expect(event['@odata.etag']).toBe(`W/"${event.changeKey}"`);
    expect(event.start).toEqual({ dateTime: '2026-04-15T12:00:00.0000000', timeZone: 'UTC' });
    expect(event).toMatchObject({
      type: 'singleInstance',
      showAs: 'tentative',
      sensitivity: 'private',
      isCancelled: false,
      isOrganizer: true,
    });
    expect(event.attendees[0]).toMatchObject({
      type: 'required',
      emailAddress: { address: 'guest@example.com' },
      status: { response: 'none' },
    });
    expect(event.organizer.emailAddress.address).toBe(c.adele.mail);
    const again = await graph.api(`/users/${c.adele.userPrincipalName}/events/${event.id}`).get();
    expect(again.subject).toBe('Design review');
  });

  it('gives a Teams meeting a join URL', async () => {
    const event = await graph.api('/me/events').post(
      meeting('Teams call', '2026-04-16T09:00:00', '2026-04-16T09:30:00', {
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
      }),
    );
    expect(schemaErrors('event', event)).toEqual([]);
    expect(event.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
  });

  it('rejects a bad showAs with a 400 naming the field, in Graph error shape', async () => {
    const failure = await graphFailure(
      graph
        .api('/me/events')
        .post(meeting('Bad', '2026-04-16T09:00:00', '2026-04-16T09:30:00', { showAs: 'sometimes' })),
    );
    expect(failure.statusCode).toBe(400);
    expect(failure.code).toBe('RequestBodyRead');
    const raw = await fetch(`${c.em.graphBaseUrl}/me/events`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${(await c.signIn(c.adele)).accessToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        subject: 'x',
        start: { dateTime: '2026-04-16T09:00:00', timeZone: 'Mars/Olympus' },
        end: { dateTime: '2026-04-16T10:00:00', timeZone: 'UTC' },
      }),
    });
    const body = (await raw.json()) as {
      error: { code: string; message: string; innerError: Record<string, string> };
    };
    expect(raw.status).toBe(400);
    expect(body.error.message).toContain('start.timeZone');
    expect(body.error.innerError['request-id']).toBe(raw.headers.get('request-id'));
  });
});

describe('when a client retries a create with the same transactionId', () => {
  it('returns the existing event instead of a duplicate', async () => {
    const body = meeting('Booking b-42', '2026-05-01T10:00:00', '2026-05-01T10:30:00', {
      transactionId: 'b-42',
    });
    const first = await graph.api('/me/events').post(body);
    const second = await graph.api('/me/events').post(body);
    expect(second.id).toBe(first.id);
    const all = await graph.api('/me/events').filter("subject eq 'Booking b-42'").get();
    expect(all.value).toHaveLength(1);
  });
});

describe('extended properties', () => {
  it('finds an event by its booking id and expands only the asked property', async () => {
    const created = await graph.api('/me/calendar/events').post(
      meeting('Booked', '2026-05-02T10:00:00', '2026-05-02T10:30:00', {
        singleValueExtendedProperties: [
          { id: BOOKING_PROP, value: 'bk-7' },
          { id: 'String {00020329-0000-0000-c000-000000000046} Name Other', value: 'x' },
        ],
      }),
    );
    expect(created.singleValueExtendedProperties).toBeUndefined();
    const found = await graph
      .api('/me/events')
      .filter(byBooking('bk-7'))
      .expand(`singleValueExtendedProperties($filter=id eq '${BOOKING_PROP}')`)
      .get();
    expect(found.value.map((e: { id: string }) => e.id)).toEqual([created.id]);
    expect(found.value[0].singleValueExtendedProperties).toEqual([{ id: BOOKING_PROP, value: 'bk-7' }]);
    for (const e of found.value) expect(schemaErrors('event', e)).toEqual([]);
    expect((await graph.api('/me/events').filter(byBooking('nope')).get()).value).toEqual([]);
  });

  it('treats the property Name as case-sensitive', async () => {
    const lower = BOOKING_PROP.replace('TandemBookingId', 'tandembookingid');
    const found = await graph
      .api('/me/events')
      .filter(`singleValueExtendedProperties/Any(ep: ep/id eq '${lower}' and ep/value eq 'bk-7')`)
      .get();
    expect(found.value).toEqual([]);
  });
});

describe('optimistic concurrency', () => {
  it('applies a PATCH with the current If-Match and refuses a stale one with 412 ErrorIrresolvableConflict', async () => {
    const event = await graph
      .api('/me/events')
      .post(meeting('Sync', '2026-05-03T10:00:00', '2026-05-03T11:00:00'));
    const moved = await graph
      .api(`/me/events/${event.id}`)
      .header('If-Match', event['@odata.etag'])
      .patch({
        start: { dateTime: '2026-05-03T11:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-05-03T12:00:00', timeZone: 'UTC' },
      });
    expect(schemaErrors('event', moved)).toEqual([]);
    expect(moved.id).toBe(event.id);
    expect(moved.changeKey).not.toBe(event.changeKey);
    expect(moved.start.dateTime).toBe('2026-05-03T11:00:00.0000000');
    const stale = await graphFailure(
      graph.api(`/me/events/${event.id}`).header('If-Match', event['@odata.etag']).patch({ subject: 'late' }),
    );
    expect(stale).toMatchObject({ statusCode: 412, code: 'ErrorIrresolvableConflict' });
    expect((await graph.api(`/me/events/${event.id}`).get()).subject).toBe('Sync');
  });
});

describe('Prefer: outlook.timezone', () => {
  test.each([
    ['Pacific Standard Time', '2026-07-01T05:00:00.0000000'],
    ['America/Los_Angeles', '2026-07-01T05:00:00.0000000'],
    ['India Standard Time', '2026-07-01T17:30:00.0000000'],
    ['Asia/Kathmandu', '2026-07-01T17:45:00.0000000'],
    ['Europe/London', '2026-07-01T13:00:00.0000000'],
  ])('answers start in %s as %s and labels it with the asked name', async (zone, local) => {
    const event = await graph
      .api('/me/events')
      .post(meeting(`tz ${zone}`, '2026-07-01T12:00:00', '2026-07-01T13:00:00'));
    const read = await graph
      .api(`/me/events/${event.id}`)
      .header('Prefer', `outlook.timezone="${zone}"`)
      .get();
    expect(read.start).toEqual({ dateTime: local, timeZone: zone });
    expect(schemaErrors('event', read)).toEqual([]);
  });

  it('reads a start written in a Windows zone across the DST change as the right instant', async () => {
    const event = await graph.api('/me/events').post({
      subject: 'After spring forward',
      start: { dateTime: '2026-03-30T09:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-03-30T10:00:00', timeZone: 'W. Europe Standard Time' },
    });
    expect(event.start).toEqual({ dateTime: '2026-03-30T07:00:00.0000000', timeZone: 'UTC' });
    expect(event.originalStartTimeZone).toBe('W. Europe Standard Time');
  });

  it('keeps an all-day event on its dates in every zone', async () => {
    const event = await graph.api('/me/events').post({
      subject: 'Holiday',
      isAllDay: true,
      showAs: 'oof',
      start: { dateTime: '2026-08-10T00:00:00', timeZone: 'Pacific Standard Time' },
      end: { dateTime: '2026-08-11T00:00:00', timeZone: 'Pacific Standard Time' },
    });
    const tokyo = await graph
      .api(`/me/events/${event.id}`)
      .header('Prefer', 'outlook.timezone="Tokyo Standard Time"')
      .get();
    expect(tokyo.start).toEqual({ dateTime: '2026-08-10T00:00:00.0000000', timeZone: 'Tokyo Standard Time' });
    expect(tokyo.end.dateTime).toBe('2026-08-11T00:00:00.0000000');
    const notMidnight = await graphFailure(
      graph.api('/me/events').post({
        subject: 'x',
        isAllDay: true,
        start: { dateTime: '2026-08-10T10:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-08-11T00:00:00', timeZone: 'UTC' },
      }),
    );
    expect(notMidnight.statusCode).toBe(400);
  });
});

describe('paging and $select', () => {
  it('pages a long list with $top and @odata.nextLink until every event was seen once', async () => {
    const cal = await graph.api('/me/calendars').post({ name: 'Paging' });
    const ids = new Set<string>();
    for (let i = 0; i < 12; i++)
      ids.add(
        (
          await graph
            .api(`/me/calendars/${cal.id}/events`)
            .post(meeting(`p${i}`, '2026-06-01T10:00:00', '2026-06-01T10:30:00'))
        ).id,
      );
    let page = await graph.api(`/me/calendars/${cal.id}/events`).top(5).select('subject').get();
    const seen: string[] = [];
    let pages = 0;
    for (;;) {
      pages += 1;
      for (const e of page.value) {
        expect(Object.keys(e).sort()).toEqual(['@odata.etag', 'id', 'subject']);
        seen.push(e.id);
      }
      if (!page['@odata.nextLink']) break;
      page = await graph.api(page['@odata.nextLink']).get();
    }
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('refuses to $select a property events do not have', async () => {
    expect((await graphFailure(graph.api('/me/events').select('flavour').get())).statusCode).toBe(400);
  });
});

describe('calendars, mailbox settings and the user', () => {
  it('lists the default and a secondary calendar, and keeps events in the calendar they were written to', async () => {
    const secondary = await graph.api('/me/calendars').post({ name: 'Side projects' });
    expect(schemaErrors('calendar', secondary)).toEqual([]);
    const list = await graph.api('/me/calendars').get();
    for (const cal of list.value) expect(schemaErrors('calendar', cal)).toEqual([]);
    const def = await graph.api('/me/calendar').get();
    expect(def.isDefaultCalendar).toBe(true);
    expect(list.value.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining([def.id, secondary.id]),
    );
    const ev = await graph
      .api(`/me/calendars/${secondary.id}/events`)
      .post(meeting('Side', '2026-06-02T10:00:00', '2026-06-02T11:00:00'));
    expect(
      (await graph.api(`/me/calendars/${secondary.id}/events`).get()).value.map((e: { id: string }) => e.id),
    ).toEqual([ev.id]);
    expect(
      (await graph.api('/me/calendar/events').get()).value.map((e: { id: string }) => e.id),
    ).not.toContain(ev.id);
    expect((await graph.api(`/me/calendars/${secondary.id}`).get()).name).toBe('Side projects');
  });

  it('reports the mailbox time zone as a Windows name with working hours', async () => {
    const settings = await graph.api('/me/mailboxSettings').get();
    expect(schemaErrors('mailboxSettings', settings)).toEqual([]);
    expect(settings.timeZone).toBe('Pacific Standard Time');
    expect(settings.workingHours).toMatchObject({
      startTime: '08:00:00.0000000',
      timeZone: { name: 'Pacific Standard Time' },
    });
    const megan = await c
      .graph(await c.em.graphToken({ roles: ['MailboxSettings.Read'] }))
      .api(`/users/${c.megan.id}/mailboxSettings`)
      .get();
    expect(megan.timeZone).toBe('W. Europe Standard Time');
  });

  it('updates time zone and working hours with MailboxSettings.ReadWrite and refuses a malformed time', async () => {
    const writer = c.graph(await c.em.graphToken({ user: c.megan, scopes: ['MailboxSettings.ReadWrite'] }));
    const updated = await writer.api('/me/mailboxSettings').patch({
      timeZone: 'Asia/Kolkata',
      workingHours: {
        daysOfWeek: ['monday', 'tuesday'],
        startTime: '09:30',
        endTime: '18:00:00.0000000',
        timeZone: { name: 'India Standard Time' },
      },
    });
    expect(schemaErrors('mailboxSettings', updated)).toEqual([]);
    expect(updated.timeZone).toBe('India Standard Time');
    expect(updated.workingHours).toEqual({
      daysOfWeek: ['monday', 'tuesday'],
      startTime: '09:30:00.0000000',
      endTime: '18:00:00.0000000',
      timeZone: { name: 'India Standard Time' },
    });
    const bad = await graphFailure(
      writer.api('/me/mailboxSettings').patch({
        workingHours: {
          daysOfWeek: ['monday'],
          startTime: '25:00',
          endTime: '18:00',
          timeZone: { name: 'UTC' },
        },
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect((await graphFailure(graph.api('/me/mailboxSettings').patch({ timeZone: 'UTC' }))).statusCode).toBe(
      403,
    );
  });

  it('answers /me with the signed-in user', async () => {
    const me = await graph.api('/me').get();
    expect(schemaErrors('user', me)).toEqual([]);
    expect(me).toMatchObject({
      id: c.adele.id,
      userPrincipalName: c.adele.userPrincipalName,
      displayName: 'Adele Vance',
    });
  });
});

describe('cancel and delete', () => {
  it('cancels with 202 and the event leaves the calendar; delete answers 204', async () => {
    const a = await graph
      .api('/me/events')
      .post(meeting('To cancel', '2026-06-03T10:00:00', '2026-06-03T11:00:00'));
    const cancelled = (await graph
      .api(`/me/events/${a.id}/cancel`)
      .responseType(ResponseType.RAW)
      .post({ comment: 'Sorry' })) as Response;
    expect(cancelled.status).toBe(202);
    expect((await graphFailure(graph.api(`/me/events/${a.id}`).get())).statusCode).toBe(404);
    const b = await graph
      .api('/me/events')
      .post(meeting('To delete', '2026-06-03T12:00:00', '2026-06-03T13:00:00'));
    const raw = await fetch(`${c.em.graphBaseUrl}/me/events/${b.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await c.em.graphToken({ user: c.adele })}` },
    });
    expect(raw.status).toBe(204);
    const feed = c.em.store
      .changesSince(0, { userId: c.adele.id })
      .filter((ch) => ch.eventId === a.id || ch.eventId === b.id);
    expect(feed.map((ch) => ch.changeType)).toEqual(['created', 'deleted', 'created', 'deleted']);
    expect(c.em.store.tombstonesSince(0).find((t) => t.eventId === a.id)?.event.isCancelled).toBe(true);
  });
});

describe('a meeting with an attendee who is a user of the tenant', () => {
  it("lands in the attendee's calendar as tentative, follows the organizer's changes and is cancelled with the meeting", async () => {
    const reader = c.graph(await c.em.graphToken({ roles: ['Calendars.Read'] }));
    const copies = async () =>
      (await reader.api(`/users/${c.megan.id}/calendar/events`).filter("contains(subject, 'Roadmap')").get())
        .value;
    const meetingBody = meeting('Roadmap', '2026-10-05T15:00:00', '2026-10-05T16:00:00', {
      attendees: [
        { emailAddress: { address: c.megan.mail, name: 'Megan Bowen' } },
        { emailAddress: { address: 'partner@example.com' } },
      ],
      singleValueExtendedProperties: [{ id: BOOKING_PROP, value: 'bk-team' }],
    });
    const organized = await graph.api('/me/events').post(meetingBody);
    const [copy] = await copies();
    expect(schemaErrors('event', copy)).toEqual([]);
    expect(copy).toMatchObject({
      isOrganizer: false,
      showAs: 'tentative',
      iCalUId: organized.iCalUId,
      responseStatus: { response: 'notResponded' },
      organizer: { emailAddress: { address: c.adele.mail } },
    });
    expect(copy.id).not.toBe(organized.id);
    expect(
      (await reader.api(`/users/${c.megan.id}/events`).filter(byBooking('bk-team')).get()).value,
    ).toEqual([]);

    await graph.api(`/me/events/${organized.id}`).patch({
      start: { dateTime: '2026-10-05T17:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-10-05T18:00:00', timeZone: 'UTC' },
    });
    const [moved] = await copies();
    expect(moved).toMatchObject({
      id: copy.id,
      start: { dateTime: '2026-10-05T17:00:00.0000000' },
      showAs: 'tentative',
    });

    await graph.api(`/me/events/${organized.id}/cancel`).post({ comment: 'No longer needed' });
    const [cancelled] = await copies();
    expect(cancelled).toMatchObject({
      id: copy.id,
      isCancelled: true,
      showAs: 'free',
      subject: 'Canceled: Roadmap',
    });
  });
});
