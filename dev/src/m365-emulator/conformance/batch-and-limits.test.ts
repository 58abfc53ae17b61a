import { BatchRequestContent, BatchResponseContent, type Client } from '@microsoft/microsoft-graph-client';
import { schemaErrors } from '../graph-schema/index.js';
import { graphFailure, startConformance, type Conformance } from './harness.js';

let c: Conformance;
let graph: Client;
let token: string;

const admin = (path: string, method: string, body?: unknown) =>
  fetch(`${c.em.origin}/_admin${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const createBody = (subject: string) => ({
  subject,
  start: { dateTime: '2026-09-01T10:00:00', timeZone: 'UTC' },
  end: { dateTime: '2026-09-01T11:00:00', timeZone: 'UTC' },
});

beforeAll(async () => {
  c = await startConformance();
  token = await c.em.graphToken({ user: c.adele });
  graph = c.graph(token);
});
afterEach(async () => {
  await admin('/faults', 'DELETE');
  await admin(`/mailboxes/${c.adele.id}/budget`, 'DELETE');
});
afterAll(() => c.stop());

describe('$batch', () => {
  it('runs requests through the same pipeline and honours dependsOn', async () => {
    const content = new BatchRequestContent([
      {
        id: '1',
        request: new Request(`${c.em.graphBaseUrl}/me/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(createBody('Batched')),
        }),
      },
      {
        id: '2',
        request: new Request(`${c.em.graphBaseUrl}/me/events?$filter=subject eq 'Batched'`, {
          method: 'GET',
        }),
        dependsOn: ['1'],
      },
      {
        id: '3',
        request: new Request(`${c.em.graphBaseUrl}/users/${c.megan.id}/events`, { method: 'GET' }),
        dependsOn: ['1'],
      },
    ]);
    const answer = new BatchResponseContent(await graph.api('/$batch').post(await content.getContent()));
    const created = answer.getResponseById('1');
    expect(created.status).toBe(201);
    const event = (await created.json()) as Record<string, unknown>;
    expect(schemaErrors('event', event)).toEqual([]);
    const listed = (await answer.getResponseById('2').json()) as { value: Array<{ id: string }> };
    expect(listed.value.map((e) => e.id)).toEqual([event.id]);
    expect(answer.getResponseById('3').status).toBe(403);
  });

  it('answers 424 for a request whose dependency failed, and 400 for more than 20 requests', async () => {
    const raw = await fetch(`${c.em.graphBaseUrl}/$batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        requests: [
          { id: 'a', method: 'GET', url: '/me/events/does-not-exist' },
          { id: 'b', method: 'GET', url: '/me', dependsOn: ['a'] },
        ],
      }),
    });
    const body = (await raw.json()) as { responses: Array<{ id: string; status: number }> };
    expect(Object.fromEntries(body.responses.map((r) => [r.id, r.status]))).toEqual({ a: 404, b: 424 });
    const tooMany = {
      requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })),
    };
    expect((await graphFailure(graph.api('/$batch').post(tooMany))).statusCode).toBe(400);
  });
});

describe('throttling', () => {
  it('answers 429 with Retry-After once a mailbox budget is spent', async () => {
    await admin(`/mailboxes/${c.adele.id}/budget`, 'PUT', { requests: 2, windowSeconds: 60 });
    const call = () =>
      fetch(`${c.em.graphBaseUrl}/me/calendar`, { headers: { authorization: `Bearer ${token}` } });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    const third = await call();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe('ApplicationThrottled');
  });

  it('allows at most four requests in flight per mailbox', async () => {
    await admin('/hold', 'POST');
    const call = () =>
      fetch(`${c.em.graphBaseUrl}/me/calendar`, { headers: { authorization: `Bearer ${token}` } });
    const calls = Array.from({ length: 5 }, call);
    // The four admitted requests wait at the hold; the fifth is refused at once.
    const first = await Promise.race(calls);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    await admin('/hold', 'DELETE');
    const statuses = (await Promise.all(calls)).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });

  it("lets the Graph client's RetryHandler wait out an injected 429 and succeed", async () => {
    await admin('/faults', 'POST', { throttleShare: 0.5, retryAfterSeconds: 1 });
    const first = await graph.api('/me/calendar').get();
    const second = await graph.api('/me/calendar').get();
    expect(second.id).toBe(first.id);
    const faults = (await (await admin('/faults', 'GET')).json()) as { injected: { throttled: number } };
    expect(faults.injected.throttled).toBe(1);
  });

  it('answers an injected share of requests with 503', async () => {
    await admin('/faults', 'POST', { unavailableShare: 1 });
    const raw = await fetch(`${c.em.graphBaseUrl}/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(raw.status).toBe(503);
    expect(((await raw.json()) as { error: { code: string } }).error.code).toBe('ServiceUnavailable');
  });
});

describe('restart', () => {
  /** A restart drops open connections, as a real outage does: clients reconnect until it answers. */
  async function untilUp(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        if ((await admin('/faults', 'GET')).ok) return;
      } catch (error) {
        if (attempt > 100) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('keeps events and issued tokens across a restart on the same port', async () => {
    const event = await graph.api('/me/events').post(createBody('Survives restart'));
    const versionBefore = c.em.store.version;
    const answer = await admin('/restart', 'POST', {});
    expect(answer.status).toBe(202);
    await c.em.restart();
    await untilUp();
    const again = await graph.api(`/me/events/${event.id}`).get();
    expect(again.subject).toBe('Survives restart');
    expect(c.em.store.version).toBe(versionBefore);
  });
});
