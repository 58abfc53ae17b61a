import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client, GraphError as ClientGraphError } from '@microsoft/microsoft-graph-client';
import { graphClientWithToken as graphClient, graphFailure } from '../conformance/harness.js';
import { startEmulator, type EmulatorHandle, type UserRecord } from '../index.js';
import { graphSchema } from '../graph-schema/index.js';
import { notificationDefaults } from './runtime.js';
import type { ChangeNotification, LifecycleNotification } from './types.js';
import { WebhookReceiver } from './webhook-receiver.js';

const validSubscription = graphSchema('subscription');
const validNotifications = graphSchema('changeNotificationCollection');

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const event = (subject: string, day = 15) => ({
  subject,
  start: { dateTime: `2026-04-${day}T09:00:00`, timeZone: 'UTC' },
  end: { dateTime: `2026-04-${day}T09:30:00`, timeZone: 'UTC' },
});

describe('Graph subscriptions for Outlook events', () => {
  let em: EmulatorHandle;
  let adele: UserRecord;
  let graph: Client;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    notificationDefaults.handshakeTimeoutMs = 300;
    notificationDefaults.delivery = { retry: { initialDelayMs: 30, maxDelayMs: 200 } };
    em = await startEmulator();
    adele = em.store.addUser({
      userPrincipalName: 'adele',
      displayName: 'Adele Vance',
      timeZone: 'Europe/London',
    });
    graph = graphClient(em, await em.graphToken({ user: adele }));
  });
  afterAll(() => em.stop());

  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
    await fetch(`${em.origin}/_admin/faults/notifications`, { method: 'DELETE' });
    em.env.settings.maxSubscriptionMinutes = 10_080;
  });
  afterEach(async () => {
    for (const s of (await graph.api('/subscriptions').get()).value as { id: string }[]) {
      await graph.api(`/subscriptions/${s.id}`).delete();
    }
    await receiver.stop();
  });

  const subscribe = (overrides: Record<string, unknown> = {}) =>
    graph.api('/subscriptions').post({
      changeType: 'created,updated,deleted',
      notificationUrl: receiver.url('/notifications?calendar=primary'),
      lifecycleNotificationUrl: receiver.url('/lifecycle'),
      resource: 'me/events',
      expirationDateTime: inMinutes(60),
      clientState: 'secret-state',
      ...overrides,
    }) as Promise<{ id: string; expirationDateTime: string; [key: string]: unknown }>;

  const idle = () => fetch(`${em.origin}/_admin/notifications/idle`, { method: 'POST' });

  describe('when the endpoints answer the validation handshake', () => {
    it('creates the subscription after validating both URLs with decoded tokens', async () => {
      const created = await subscribe();
      expect(validSubscription(created)).toBe(true);
      expect(created).toMatchObject({
        resource: 'me/events',
        changeType: 'created,updated,deleted',
        clientState: 'secret-state',
        notificationUrl: receiver.url('/notifications?calendar=primary'),
        lifecycleNotificationUrl: receiver.url('/lifecycle'),
      });
      expect(receiver.validations).toHaveLength(2);
      // The token reaches the endpoint decoded: Graph's carry spaces and colons.
      expect(receiver.validations[0]).toMatch(/^Validation: .+ /);
    });

    it.each([
      'users/adele@contoso.onmicrosoft.com/events',
      '/users/{id}/events',
      'users/{id}/calendars/{calendar}/events',
    ])('accepts the resource form %s', async (form) => {
      const calendar = em.store.defaultCalendar(adele.id);
      const resource = form
        .replace('adele@contoso.onmicrosoft.com', adele.userPrincipalName)
        .replace('{id}', adele.id)
        .replace('{calendar}', calendar.id);
      await expect(subscribe({ resource })).resolves.toMatchObject({ resource });
    });
  });

  describe('when validation fails', () => {
    it.each(['wrongBody', 'jsonContentType', 'status500'] as const)(
      'answers 400 and creates nothing when the endpoint answers %s',
      async (behaviour) => {
        receiver.validation = behaviour;
        const error = await graphFailure(subscribe());
        expect(error.statusCode).toBe(400);
        expect(error.code).toBe('ValidationError');
        expect((await graph.api('/subscriptions').get()).value).toEqual([]);
      },
    );

    it('answers 400 when the endpoint does not answer within the time limit', async () => {
      receiver.validation = 'hang';
      const error = await graphFailure(subscribe());
      expect(error.statusCode).toBe(400);
      expect(error.message).toMatch(/timed out/);
    });
  });

  describe('request validation', () => {
    it('refuses an expiration beyond the configured maximum', async () => {
      em.env.settings.maxSubscriptionMinutes = 4230;
      const error = await graphFailure(subscribe({ expirationDateTime: inMinutes(4300) }));
      expect(error.statusCode).toBe(400);
      expect(error.message).toContain('4230 minutes');
      await expect(subscribe({ expirationDateTime: inMinutes(4200) })).resolves.toHaveProperty('id');
    });

    it('refuses an expiration beyond 10,080 minutes by default', async () => {
      const error = await graphFailure(subscribe({ expirationDateTime: inMinutes(10_081) }));
      expect(error.statusCode).toBe(400);
    });

    it.each([
      ['clientState', 'x'.repeat(129)],
      ['changeType', 'created,moved'],
      ['resource', 'https://graph.microsoft.com/v1.0/me/events'],
      ['notificationUrl', 'not a url'],
    ])('answers 400 naming %s when it is invalid', async (field, value) => {
      const error = await graphFailure(subscribe({ [field]: value }));
      expect(error.statusCode).toBe(400);
      expect(error.message).toContain(field);
    });

    it('lets an app with Calendars.Read subscribe to any mailbox, and hides it from other apps', async () => {
      const appToken = await em.graphToken({
        clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
        roles: ['Calendars.Read'],
      });
      const app = graphClient(em, appToken);
      const created = await app.api('/subscriptions').post({
        changeType: 'created',
        notificationUrl: receiver.url(),
        resource: `users/${adele.id}/events`,
        expirationDateTime: inMinutes(30),
      });
      expect(validSubscription(created)).toBe(true);
      expect((await graphFailure(graph.api(`/subscriptions/${created.id}`).get())).statusCode).toBe(404);
      expect(
        ((await graph.api('/subscriptions').get()).value as { id: string }[]).map((s) => s.id),
      ).not.toContain(created.id);
      const meForApp = await graphFailure(
        app.api('/subscriptions').post({
          changeType: 'created',
          notificationUrl: receiver.url(),
          resource: 'me/events',
          expirationDateTime: inMinutes(30),
        }),
      );
      expect(meForApp.statusCode).toBe(400);
      await app.api(`/subscriptions/${created.id}`).delete();
    });

    it('validates a new notificationUrl given in a PATCH before switching to it', async () => {
      const created = await subscribe();
      const other = await WebhookReceiver.start();
      try {
        other.validation = 'wrongBody';
        const refused = await graphFailure(
          graph.api(`/subscriptions/${created.id}`).patch({ notificationUrl: other.url('/moved') }),
        );
        expect(refused.statusCode).toBe(400);
        other.validation = 'echo';
        const moved = await graph
          .api(`/subscriptions/${created.id}`)
          .patch({ notificationUrl: other.url('/moved') });
        expect(moved.notificationUrl).toBe(other.url('/moved'));
        const event = em.store.createEvent(adele.id, em.store.defaultCalendar(adele.id).id, {
          subject: 'Moved hook',
          start: { dateTime: '2026-04-21T09:00:00', timeZone: 'UTC' },
          end: { dateTime: '2026-04-21T09:30:00', timeZone: 'UTC' },
        });
        await other.waitForItems(1);
        expect((other.items[0] as ChangeNotification).resourceData.id).toBe(event.id);
      } finally {
        await other.stop();
      }
    });

    it("answers 403 for another user's mailbox with a delegated token", async () => {
      const megan = em.store.addUser({ userPrincipalName: 'megan', displayName: 'Megan Bowen' });
      const error = await graphFailure(subscribe({ resource: `users/${megan.id}/events` }));
      expect(error.statusCode).toBe(403);
    });
  });

  describe('lifetime', () => {
    it('renews with PATCH, reauthorizes, and deletes', async () => {
      const created = await subscribe();
      const later = inMinutes(120);
      const renewed = await graph.api(`/subscriptions/${created.id}`).patch({ expirationDateTime: later });
      expect(validSubscription(renewed)).toBe(true);
      expect(new Date(renewed.expirationDateTime).getTime()).toBe(new Date(later).getTime());
      expect((await graph.api(`/subscriptions/${created.id}`).get()).expirationDateTime).toBe(
        renewed.expirationDateTime,
      );
      const reauthorize = await fetch(`${em.graphBaseUrl}/subscriptions/${created.id}/reauthorize`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await em.graphToken({ user: adele })}` },
      });
      expect(reauthorize.status).toBe(204);
      await graph.api(`/subscriptions/${created.id}`).delete();
      expect((await graphFailure(graph.api(`/subscriptions/${created.id}`).get())).statusCode).toBe(404);
    });

    it('lets an unrenewed subscription expire and disappear', async () => {
      const created = await subscribe({ expirationDateTime: new Date(Date.now() + 1_000).toISOString() });
      await sleep(1_100);
      expect((await graphFailure(graph.api(`/subscriptions/${created.id}`).get())).statusCode).toBe(404);
    });

    it('keeps subscriptions, and keeps notifying, across a restart and a state-file round trip', async () => {
      const created = await subscribe();
      await em.restart();
      // The restart drops open connections; like any client, retry a request that lost its socket.
      const get = () => graph.api(`/subscriptions/${created.id}`).get() as Promise<{ id: string }>;
      const afterRestart = await get().catch((error: ClientGraphError) => {
        if (error.statusCode === -1) return get();
        throw error;
      });
      expect(afterRestart).toHaveProperty('id', created.id);
      const before = em.store.createEvent(
        adele.id,
        em.store.defaultCalendar(adele.id).id,
        event('Before save'),
      );
      await receiver.waitForItems(1);
      const stateFile = join(mkdtempSync(join(tmpdir(), 'emulator-state-')), 'state.json');
      em.save(stateFile);
      const reloaded = await startEmulator({ stateFile });
      try {
        const again = graphClient(reloaded, await reloaded.graphToken({ user: adele }));
        await expect(again.api(`/subscriptions/${created.id}`).get()).resolves.toMatchObject({
          id: created.id,
          clientState: 'secret-state',
        });
        const after = reloaded.store.createEvent(
          adele.id,
          reloaded.store.defaultCalendar(adele.id).id,
          event('After'),
        );
        // An event stored before this emulator started is still notified when it is deleted.
        reloaded.store.deleteEvent(adele.id, before.id);
        await receiver.waitForItems(3);
        expect(
          (receiver.items as ChangeNotification[]).map((n) => [n.changeType, n.resourceData.id]),
        ).toEqual([
          ['created', before.id],
          ['created', after.id],
          ['deleted', before.id],
        ]);
      } finally {
        await reloaded.stop();
      }
    });

    it('expires a subscription on demand through the admin endpoint', async () => {
      const created = await subscribe();
      expect(
        (await fetch(`${em.origin}/_admin/subscriptions/${created.id}/expire`, { method: 'POST' })).status,
      ).toBe(204);
      expect((await graphFailure(graph.api(`/subscriptions/${created.id}`).get())).statusCode).toBe(404);
    });
  });

  describe('change notifications', () => {
    it('posts one notification in Graph shape for every create, update and delete', async () => {
      const subscription = await subscribe();
      const calendar = em.store.defaultCalendar(adele.id);
      const created = em.store.createEvent(adele.id, calendar.id, event('Created'));
      const updated = em.store.updateEvent(adele.id, created.id, { subject: 'Updated' });
      em.store.deleteEvent(adele.id, created.id);
      await receiver.waitForItems(3);
      await idle();
      for (const post of receiver.posts) expect(validNotifications({ value: post.items })).toBe(true);
      const items = receiver.items as ChangeNotification[];
      expect(items.map((n) => n.changeType)).toEqual(['created', 'updated', 'deleted']);
      for (const item of items) {
        expect(item).toMatchObject({
          subscriptionId: subscription.id,
          clientState: 'secret-state',
          tenantId: adele.tenantId,
          resource: `Users/${adele.id}/Events/${created.id}`,
          resourceData: {
            '@odata.type': '#Microsoft.Graph.Event',
            '@odata.id': `Users/${adele.id}/Events/${created.id}`,
            id: created.id,
          },
        });
      }
      expect(items[0]!.resourceData['@odata.etag']).toBe(`W/"${created.changeKey}"`);
      expect(items[1]!.resourceData['@odata.etag']).toBe(`W/"${updated.changeKey}"`);
      // The notification URL's own query string is kept.
      expect(receiver.posts[0]!.query).toEqual({ calendar: 'primary' });
    });

    it('notifies only for the subscribed calendar and change types', async () => {
      const other = em.store.addCalendar(adele.id, { name: 'Side projects' });
      const primary = em.store.defaultCalendar(adele.id);
      await subscribe({
        resource: `users/${adele.id}/calendars/${primary.id}/events`,
        changeType: 'created',
      });
      const elsewhere = em.store.createEvent(adele.id, other.id, event('Elsewhere'));
      const here = em.store.createEvent(adele.id, primary.id, event('Here'));
      em.store.updateEvent(adele.id, here.id, { subject: 'Here, renamed' });
      em.store.updateEvent(adele.id, elsewhere.id, { subject: 'Elsewhere, renamed' });
      await receiver.waitForItems(1);
      await idle();
      expect((receiver.items as ChangeNotification[]).map((n) => [n.changeType, n.resourceData.id])).toEqual([
        ['created', here.id],
      ]);
    });

    it('reports a change to an exception of a recurring series on the series master', async () => {
      await subscribe();
      const calendar = em.store.defaultCalendar(adele.id);
      const master = em.store.createEvent(adele.id, calendar.id, {
        ...event('Weekly'),
        recurrence: {
          pattern: { type: 'weekly', interval: 1, daysOfWeek: ['wednesday'] },
          range: { type: 'numbered', startDate: '2026-04-15', numberOfOccurrences: 4 },
        },
      });
      em.store.insertEvent(adele.id, calendar.id, {
        ...master,
        id: `${master.id}-exception`,
        type: 'exception',
        seriesMasterId: master.id,
        recurrence: null,
        originalStart: '2026-04-22T09:00:00Z',
      });
      await receiver.waitForItems(2);
      await idle();
      expect((receiver.items as ChangeNotification[]).map((n) => [n.changeType, n.resourceData.id])).toEqual([
        ['created', master.id],
        ['updated', master.id],
      ]);
    });

    it('batches notifications that fall in one short window into fewer POSTs', async () => {
      await subscribe();
      const calendar = em.store.defaultCalendar(adele.id);
      for (let n = 0; n < 20; n += 1) em.store.createEvent(adele.id, calendar.id, event(`Batch ${n}`));
      await receiver.waitForItems(20);
      expect(receiver.posts.length).toBeLessThan(20);
      expect(receiver.items).toHaveLength(20);
    });

    it('retries with backoff after a 500 until the endpoint accepts', async () => {
      await subscribe();
      receiver.scriptedStatuses.push(500);
      const created = em.store.createEvent(adele.id, em.store.defaultCalendar(adele.id).id, event('Retried'));
      await receiver.waitForItems(1);
      await idle();
      expect(receiver.rejected.flatMap((p) => p.items)).toEqual(receiver.items);
      expect((receiver.items[0] as ChangeNotification).resourceData.id).toBe(created.id);
      const deliveries = (await (await fetch(`${em.origin}/_admin/notifications/deliveries`)).json()) as {
        attempts: { status: number; retryInMs: number | null; attempt: number }[];
      };
      const last = deliveries.attempts.slice(-2);
      expect(last.map((a) => [a.attempt, a.status])).toEqual([
        [1, 500],
        [2, 202],
      ]);
      expect(last[0]!.retryInMs).toBe(30);
    });

    it('drops the configured share of notifications', async () => {
      await subscribe();
      const faults = await fetch(`${em.origin}/_admin/faults/notifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ dropShare: 0.5 }),
      });
      expect(faults.status).toBe(200);
      const calendar = em.store.defaultCalendar(adele.id);
      for (let n = 0; n < 10; n += 1) em.store.createEvent(adele.id, calendar.id, event(`Maybe ${n}`));
      await sleep(0);
      await idle();
      expect(receiver.items).toHaveLength(5);
    });
  });

  describe('lifecycle notifications', () => {
    const trigger = (id: string, lifecycleEvent: string) =>
      fetch(`${em.origin}/_admin/subscriptions/${id}/lifecycle`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lifecycleEvent }),
      });

    it('pauses change notifications after reauthorizationRequired until the app reauthorizes', async () => {
      const subscription = await subscribe();
      expect((await trigger(subscription.id, 'reauthorizationRequired')).status).toBe(202);
      await receiver.waitForItems(1);
      const lifecycle = receiver.posts.find((p) => p.path === '/lifecycle')!
        .items[0] as LifecycleNotification;
      expect(validNotifications({ value: [lifecycle] })).toBe(true);
      expect(lifecycle).toMatchObject({
        subscriptionId: subscription.id,
        lifecycleEvent: 'reauthorizationRequired',
        clientState: 'secret-state',
        tenantId: adele.tenantId,
      });
      const calendar = em.store.defaultCalendar(adele.id);
      em.store.createEvent(adele.id, calendar.id, event('While paused'));
      await sleep(0);
      await idle();
      expect(receiver.posts.filter((p) => p.path === '/notifications')).toEqual([]);
      await graph.api(`/subscriptions/${subscription.id}/reauthorize`).post({});
      const after = em.store.createEvent(adele.id, calendar.id, event('After'));
      await receiver.waitForItems(2);
      expect((receiver.items[1] as ChangeNotification).resourceData.id).toBe(after.id);
    });

    it('removes the subscription on subscriptionRemoved and tells the lifecycle URL', async () => {
      const subscription = await subscribe();
      await trigger(subscription.id, 'subscriptionRemoved');
      await receiver.waitForItems(1);
      expect((receiver.items[0] as LifecycleNotification).lifecycleEvent).toBe('subscriptionRemoved');
      expect((await graphFailure(graph.api(`/subscriptions/${subscription.id}`).get())).statusCode).toBe(404);
    });

    it('sends missed and keeps the subscription', async () => {
      const subscription = await subscribe();
      await trigger(subscription.id, 'missed');
      await receiver.waitForItems(1);
      expect((receiver.items[0] as LifecycleNotification).lifecycleEvent).toBe('missed');
      await expect(graph.api(`/subscriptions/${subscription.id}`).get()).resolves.toHaveProperty(
        'id',
        subscription.id,
      );
    });

    it('follows dropped notifications with one missed lifecycle notification when asked to', async () => {
      const subscription = await subscribe();
      await fetch(`${em.origin}/_admin/faults/notifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ dropShare: 1, missedOnDrop: true }),
      });
      const calendar = em.store.defaultCalendar(adele.id);
      for (let n = 0; n < 3; n += 1) em.store.createEvent(adele.id, calendar.id, event(`Lost ${n}`));
      await receiver.waitForItems(1);
      await sleep(20);
      await idle();
      expect(receiver.posts.map((p) => p.path)).toEqual(['/lifecycle']);
      expect(receiver.items).toEqual([
        expect.objectContaining({ subscriptionId: subscription.id, lifecycleEvent: 'missed' }),
      ]);
    });

    it('answers 400 for an unknown lifecycle event', async () => {
      const subscription = await subscribe();
      expect((await trigger(subscription.id, 'exploded')).status).toBe(400);
    });
  });
});
