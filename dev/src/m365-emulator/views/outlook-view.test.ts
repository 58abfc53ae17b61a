import { Client } from '@microsoft/microsoft-graph-client';
import { startEmulator, type EmulatorHandle, type UserRecord } from '../index.js';
import type { ChangeNotification } from '../notifications/types.js';
import { WebhookReceiver } from '../notifications/webhook-receiver.js';
import type { WeekView } from './week.js';

describe('the Outlook view of a mailbox', () => {
  let em: EmulatorHandle;
  let adele: UserRecord;
  let receiver: WebhookReceiver;
  const base = () => `${em.origin}/outlook/${adele.id}`;
  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${base()}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const week = async (day: string) => (await (await fetch(`${base()}/week?start=${day}`)).json()) as WeekView;
  const changes = () =>
    (receiver.items as ChangeNotification[]).map((n) => [n.changeType, n.resourceData.id]);

  beforeAll(async () => {
    em = await startEmulator();
    adele = em.store.addUser({
      userPrincipalName: 'adele',
      displayName: 'Adele <b>Vance</b>',
      timeZone: 'Europe/London',
    });
    receiver = await WebhookReceiver.start();
    const token = await em.graphToken({ user: adele });
    const graph = Client.init({
      authProvider: (done) => done(null, token),
      baseUrl: `${em.origin}/`,
      customHosts: new Set(['localhost']),
    });
    await graph.api('/subscriptions').post({
      changeType: 'created,updated,deleted',
      notificationUrl: receiver.url(),
      resource: 'me/events',
      expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(),
      clientState: 'view',
    });
  });
  afterAll(async () => {
    await receiver.stop();
    await em.stop();
  });

  it('serves the page with the mailbox name as text, not markup', async () => {
    const page = await (await fetch(base())).text();
    expect(page).toContain('Adele &lt;b&gt;Vance&lt;/b&gt;');
    expect(page).not.toContain('<b>Vance</b>');
  });

  it('lists every mailbox with links to its calendar and its Teams chat', async () => {
    const index = await (await fetch(`${em.origin}/outlook`)).text();
    expect(index).toContain(`href="/outlook/${adele.id}"`);
    expect(index).toContain(`href="/teams/chat/${adele.id}"`);
    expect(index).toContain('Adele &lt;b&gt;Vance&lt;/b&gt;');
  });

  it('creates, moves, resizes, relabels and deletes an event, each change notified like an API change', async () => {
    const created = await send('POST', '/events', {
      subject: 'Dentist',
      start: '2026-04-15T09:00',
      end: '2026-04-15T09:30',
      showAs: 'tentative',
    });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    // Stored in UTC: 09:00 in London in April is 08:00Z.
    expect(em.store.getEvent(adele.id, id).event.start.dateTime).toMatch(/^2026-04-15T08:00:00/);
    const wednesday = (await week('2026-04-15')).days.find((d) => d.date === '2026-04-15')!;
    expect(wednesday.items).toEqual([
      expect.objectContaining({
        id,
        subject: 'Dentist',
        start: '2026-04-15T09:00',
        end: '2026-04-15T09:30',
        showAs: 'tentative',
      }),
    ]);

    expect(
      (await send('PATCH', `/events/${id}`, { start: '2026-04-16T10:00', end: '2026-04-16T10:30' })).status,
    ).toBe(200);
    expect((await send('PATCH', `/events/${id}`, { end: '2026-04-16T11:15' })).status).toBe(200);
    expect((await send('PATCH', `/events/${id}`, { showAs: 'oof' })).status).toBe(200);
    const thursday = (await week('2026-04-15')).days.find((d) => d.date === '2026-04-16')!;
    expect(thursday.items).toEqual([
      expect.objectContaining({ id, start: '2026-04-16T10:00', end: '2026-04-16T11:15', showAs: 'oof' }),
    ]);

    expect((await send('DELETE', `/events/${id}`)).status).toBe(204);
    expect((await week('2026-04-15')).days.flatMap((d) => d.items)).toEqual([]);

    await receiver.waitForItems(5);
    expect(changes()).toEqual([
      ['created', id],
      ['updated', id],
      ['updated', id],
      ['updated', id],
      ['deleted', id],
    ]);
  });

  it('shows every calendar and expands recurring series', async () => {
    const side = em.store.addCalendar(adele.id, { name: 'Side projects' });
    em.store.addEvent(
      adele.id,
      {
        subject: 'Standup',
        start: { dateTime: '2026-04-13T09:00:00', timeZone: 'GMT Standard Time' },
        end: { dateTime: '2026-04-13T09:15:00', timeZone: 'GMT Standard Time' },
        recurrence: {
          pattern: { type: 'daily', interval: 1 },
          range: { type: 'numbered', startDate: '2026-04-13', numberOfOccurrences: 3 },
        },
      },
      { calendarId: side.id },
    );
    const view = await week('2026-04-14');
    const standups = view.days.flatMap((d) => d.items).filter((i) => i.subject === 'Standup');
    expect(standups.map((i) => i.start)).toEqual([
      '2026-04-13T09:00',
      '2026-04-14T09:00',
      '2026-04-15T09:00',
    ]);
    expect(new Set(standups.map((i) => i.calendarName))).toEqual(new Set(['Side projects']));
  });

  it('refuses an edit with a malformed time, naming the field', async () => {
    const response = await send('POST', '/events', {
      subject: 'Bad',
      start: 'tomorrow',
      end: '2026-04-15T10:00',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("'start'");
  });
});
