import { syncRuntime } from '../sync-runtime.js';
import { hoursFromNow, type ApiStack } from './api-stack.js';
import { eventually, plus, useSyncStack, wall, type SyncStack } from './sync-fixture.js';

const sync = useSyncStack({ upn: 'diego', name: 'Diego Siciliani', slug: 'connection' });
const { offered, admin } = sync;
let stack: ApiStack;
let host: SyncStack['host'];
let pageId: string;
let other: { user: { id: string }; token: string; pageId: string };
/** Isaiah's round-robin page with Diego as the other member. */
let teamPageId: string;
beforeAll(async () => {
  ({ stack, host, pageId } = sync.started());
  const connected = await stack.connectHost({ upn: 'isaiah', name: 'Isaiah Langer' });
  other = { ...connected, pageId: (await stack.createPage(connected.token, { slug: 'other' })).id };
  teamPageId = (
    await stack.createPage(connected.token, {
      slug: 'team',
      team: { kind: 'roundRobin', members: [{ userId: host.user.id }] },
    })
  ).id;
});

const book = (page: string, start: string) =>
  stack.call('POST', `public/pages/${page}/bookings`, {
    headers: { 'idempotency-key': crypto.randomUUID() },
    body: { name: 'Alex Wilber', email: 'alex@example.com', durationMinutes: 30, start, timeZone: 'UTC' },
  });
const slotsOf = (page: string, start: string) =>
  stack.call(
    'GET',
    `public/pages/${page}/slots?start=${start}&end=${plus(start, 3)}&duration=30&timeZone=UTC`,
  );
const health = async () => (await stack.call('GET', 'sync/health', { token: host.token })).body;
const subscriptionId = async () =>
  (await syncRuntime(stack.services).store.calendar(host.user.id, 'default'))?.subscriptionId;
/** As an hour later: the access token in memory has expired, the next Graph call needs the refresh token. */
const tokenExpires = () => stack.runtime.tokens.forget(host.user.id);

describe('when the host withdraws consent', () => {
  it('marks the connection broken, offers no times, refuses bookings with a sentence, and leaves other hosts alone', async () => {
    const before = await subscriptionId();
    expect((await admin('DELETE', `users/${host.user.id}/consents/${stack.api.clientId}`)).status).toBe(204);
    tokenExpires();
    // An Outlook change arrives: its delta round meets the refused sign-in.
    const meanwhile = hoursFromNow(30);
    stack.emulator.store.addEvent(host.user.id, {
      subject: 'Added while disconnected',
      start: wall(meanwhile),
      end: wall(plus(meanwhile, 1)),
    });
    await eventually(
      'the connection is marked broken',
      async () => (await health()).connection.state === 'broken',
    );

    const report = await health();
    expect(report.connection.reason).toContain('AADSTS65001');
    expect(report.connection.reason).toContain('permission');
    expect(report.connection.action).toMatch(/^Open Tandem once/);
    expect(Date.parse(report.connection.since)).not.toBeNaN();
    expect(report.calendars[0].permission.ok).toBe(false);

    const at = hoursFromNow(40);
    await eventually('no times are offered', async () => (await slotsOf(pageId, at)).body.slots.length === 0);
    const slots = await slotsOf(pageId, at);
    expect(slots.status).toBe(200);
    expect(slots.body.paused).toEqual({
      reason: 'hostDisconnected',
      detail: expect.stringMatching(/not connected/),
    });

    const refused = await book(pageId, at);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body.code).toBe('HOST_DISCONNECTED');
    expect(refused.body.detail).toMatch(/paused until they reconnect/);
    expect(await stack.runtime.deps.bookings.list(host.user.id, { from: at, to: plus(at, 1) })).toHaveLength(
      0,
    );

    // Another host of the same app is untouched, and the timers keep going.
    expect((await slotsOf(other.pageId, at)).body.slots.length).toBeGreaterThan(0);
    expect((await book(other.pageId, at)).status).toBe(201);
    // A round-robin page gives every booking to the member still connected.
    for (const hours of [60, 61, 62]) {
      const res = await book(teamPageId, hoursFromNow(hours));
      expect(res.status).toBe(201);
      expect(await stack.runtime.deps.bookings.get(other.user.id, res.body.booking.id)).toBeDefined();
    }
    const reconcile = await syncRuntime(stack.services).sync.reconcileAll();
    expect(reconcile.failed).toBe(0);
    expect(reconcile.calendars).toBeGreaterThanOrEqual(1);
    expect(await syncRuntime(stack.services).sync.renewExpiring()).toEqual({ renewed: 0, failed: 0 });

    // The self-test says what is wrong at its first step.
    const started = await stack.call('POST', 'sync/selftest', { token: host.token });
    expect(started.status).toBe(202);
    let run = started.body;
    await eventually('the self-test finishes', async () => {
      run = (await stack.call('GET', `sync/selftest/${started.body.runId}`, { token: host.token })).body;
      return run.status !== 'running';
    });
    expect(run.status).toBe('failed');
    expect(run.steps[0].detail).toBe(
      `Tandem is not connected to your calendar: ${report.connection.reason} Open Tandem once to reconnect.`,
    );

    // Opening Tandem while consent is still withdrawn says so and keeps it broken.
    const me = await stack.call('GET', 'me', { token: host.token });
    expect(me.status).toBe(200);
    expect(me.body.connection.state).toBe('consentRequired');
    expect((await health()).connection.state).toBe('broken');

    // The host accepts the permissions again and opens Tandem: repaired, resubscribed, caught up.
    expect((await admin('PUT', `users/${host.user.id}/consents/${stack.api.clientId}`)).status).toBe(204);
    const repaired = await stack.call('GET', 'me', { token: host.token });
    expect(repaired.body.connection.state).toBe('connected');
    expect((await health()).connection).toEqual({ state: 'connected' });
    const after = await subscriptionId();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    const live = (await (await admin('GET', 'subscriptions')).json()) as { value: { id: string }[] };
    expect(live.value.map((s) => s.id)).toContain(after);
    expect(live.value.map((s) => s.id)).not.toContain(before);
    expect(await offered(meanwhile)).toBe(false);
    expect(await offered(at)).toBe(true);
    expect((await book(pageId, at)).status).toBe(201);
  });
});

describe('when the refresh token dies', () => {
  it.each([
    ['sessions revoked', 'revokeSignInSessions', 'AADSTS50173', 50],
    ['unused too long', 'refresh-tokens/expire', 'AADSTS700082', 52],
  ])(
    '%s: a booking attempt answers 503, holds nothing, and the next sign-in repairs it',
    async (_, action, code, hours) => {
      const at = hoursFromNow(hours);
      expect(await offered(at)).toBe(true);
      expect((await admin('POST', `users/${host.user.id}/${action}`)).status).toBe(200);
      tokenExpires();

      const refused = await book(pageId, at);
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('HOST_DISCONNECTED');
      const held = await stack.runtime.deps.bookings.list(host.user.id, { from: at, to: plus(at, 1) });
      expect(held.every((b) => b.status === 'cancelled')).toBe(true);
      expect((await health()).connection.reason).toContain(code);

      // A fresh SSO token: on-behalf-of gives a new refresh token.
      const me = await stack.call('GET', 'me', {
        token: await stack.ssoToken(stack.emulator.store.getUser(host.user.id)),
      });
      expect(me.body.connection.state).toBe('connected');
      expect((await health()).connection.state).toBe('connected');
      expect(await offered(at)).toBe(true);
      expect((await book(pageId, at)).status).toBe(201);
    },
  );
});

describe('a page whose host never connected a calendar', () => {
  it('answers 422 with a sentence, not a server error', async () => {
    const user = stack.emulator.store.addUser({ userPrincipalName: 'lynne', displayName: 'Lynne Robbins' });
    const res = await stack.call('POST', 'pages', {
      token: await stack.ssoToken(user),
      body: { title: 'Intro', slug: 'intro', durations: [30], location: { kind: 'teams' } },
    });
    expect(res.status).toBe(201);
    const slots = await slotsOf(res.body.id, hoursFromNow(30));
    expect(slots.status).toBe(422);
    expect(slots.body.detail).toBe(
      'This calendar is not connected to Tandem right now, so no times can be offered or booked.',
    );
  });
});
