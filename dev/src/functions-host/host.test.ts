import { QueueClient } from '@azure/storage-queue';
import type { Timer } from '@azure/functions';
import { z } from 'zod';
import {
  createServices,
  encodeQueueMessage,
  functions as appFunctions,
  lazyServices,
  readBody,
  type FunctionDefinition,
  type HttpFunction,
  type QueueFunction,
  type TimerFunction,
} from '@tandem/api/functions';
import { azuriteConnectionString, startAzurite, type RunningAzurite } from '../azurite/index.js';
import { startFunctionsHost, type RunningFunctionsHost } from './index.js';

/** A promise with its resolver, to await what a trigger receives. */
function signal<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const received = signal<{ message: unknown; dequeueCount: unknown }>();
const ticked = signal<Timer>();
const poisoned: unknown[] = [];
const logged: { functionName: string; level: string; text: string }[] = [];

const testFunctions: FunctionDefinition[] = [
  ...appFunctions,
  {
    name: 'echo',
    trigger: { kind: 'http', methods: ['POST'], route: 'echo/{id:int}', authLevel: 'anonymous' },
    async handler(request) {
      const body = await readBody(
        request,
        z.strictObject({ name: z.string().min(1, { error: 'Name must not be empty.' }) }),
      );
      return { status: 200, jsonBody: { id: request.params.id, q: request.query.get('q'), name: body.name } };
    },
  } satisfies HttpFunction,
  {
    name: 'broken',
    trigger: { kind: 'http', methods: ['GET'], route: 'broken', authLevel: 'anonymous' },
    async handler() {
      throw new Error('connection string AccountKey=secret123 rejected');
    },
  } satisfies HttpFunction,
  {
    name: 'signedOut',
    trigger: { kind: 'http', methods: ['GET'], route: 'signed-out', authLevel: 'anonymous' },
    async handler() {
      throw Object.assign(new Error('The access token has expired.'), {
        code: 'UNAUTHENTICATED',
        challenge: 'Bearer error="invalid_token"',
      });
    },
  } satisfies HttpFunction,
  {
    name: 'intake',
    trigger: { kind: 'queue', queueName: 'host-test' },
    async handler(message, context) {
      received.resolve({ message, dequeueCount: context.triggerMetadata?.dequeueCount });
    },
  } satisfies QueueFunction,
  {
    name: 'alwaysFails',
    trigger: { kind: 'queue', queueName: 'host-test-fails' },
    async handler(message) {
      poisoned.push(message);
      throw new Error('cannot process');
    },
  } satisfies QueueFunction,
  {
    name: 'everySecond',
    trigger: { kind: 'timer', schedule: '* * * * * *' },
    async handler(timer) {
      ticked.resolve(timer);
    },
  } satisfies TimerFunction,
];

let storage: RunningAzurite;
let host: RunningFunctionsHost;
beforeAll(async () => {
  storage = await startAzurite();
  const env = { AzureWebJobsStorage: storage.connectionString };
  host = await startFunctionsHost({
    functions: testFunctions,
    services: lazyServices(() => createServices(env)),
    env,
    log:
      (functionName) =>
      (level, ...args) =>
        logged.push({ functionName, level, text: args.map(String).join(' ') }),
  });
});
afterAll(async () => {
  await host?.stop();
  await storage?.stop();
});

const get = (path: string, init?: RequestInit) => fetch(`${host.url}${path}`, init);

describe('the local functions host over HTTP', () => {
  it('serves GET /api/health with storage reachable', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', checks: { storage: { ok: true } } });
  });

  it('serves GET /api/openapi.json, the generated OpenAPI 3.1 document', async () => {
    const res = await get('/api/openapi.json');
    expect(res.headers.get('content-type')).toBe('application/json');
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/public/pages/{pageId}/bookings');
  });

  it('passes route parameters, query and body to the handler', async () => {
    const res = await get('/api/echo/42?q=x', { method: 'POST', body: JSON.stringify({ name: 'Ada' }) });
    expect(await res.json()).toEqual({ id: '42', q: 'x', name: 'Ada' });
  });

  it('turns a thrown ZodError into a 400 problem naming the field', async () => {
    const res = await get('/api/echo/1', { method: 'POST', body: JSON.stringify({ name: '' }) });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as {
      status: number;
      instance: string;
      errors: { field: string; message: string }[];
    };
    expect(problem).toMatchObject({ status: 400, instance: '/api/echo/1' });
    expect(problem.errors).toEqual([{ field: 'name', message: 'Name must not be empty.' }]);
  });

  it('answers a body that is not JSON with a 400 problem', async () => {
    const res = await get('/api/echo/1', { method: 'POST', body: '{"name":' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'INVALID_JSON' });
  });

  it('turns an unknown error into a 500 problem that leaks nothing', async () => {
    const res = await get('/api/broken');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret123');
    expect(text).not.toContain('AccountKey');
    const problem = JSON.parse(text) as { status: number; detail: string };
    expect(problem.status).toBe(500);
    // The answer carries a reference; the log under that reference carries the real error.
    const reference = /reference ([0-9a-f-]{36})/.exec(problem.detail)![1]!;
    const entry = logged.find((l) => l.functionName === 'broken' && l.text.includes(reference));
    expect(entry).toMatchObject({ level: 'error' });
    expect(entry!.text).toContain('secret123');
  });

  it('answers UNAUTHENTICATED with 401 and a WWW-Authenticate challenge', async () => {
    const res = await get('/api/signed-out');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  it('answers an unknown route with 404 and a wrong method with 405', async () => {
    expect((await get('/api/nothing-here')).status).toBe(404);
    const wrong = await get('/api/health', { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  it('answers a CORS preflight for the web front end', async () => {
    const res = await get('/api/echo/1', { method: 'OPTIONS', headers: { origin: 'http://localhost:5173' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
  });
});

describe('queue triggers', () => {
  it('receive a base64 JSON message put on the Azurite queue', async () => {
    const queue = new QueueClient(storage.connectionString, 'host-test');
    await queue.createIfNotExists();
    await queue.sendMessage(encodeQueueMessage({ subscriptionId: 's1', changeType: 'updated' }));
    expect(await received.promise).toEqual({
      message: { subscriptionId: 's1', changeType: 'updated' },
      dequeueCount: 1,
    });
  });

  it('move a message that failed five times to the poison queue with its original text', async () => {
    const queue = new QueueClient(storage.connectionString, 'host-test-fails');
    const poison = new QueueClient(storage.connectionString, 'host-test-fails-poison');
    await queue.createIfNotExists();
    const text = encodeQueueMessage({ n: 1 });
    await queue.sendMessage(text);
    await poison.createIfNotExists();
    let found: string | undefined;
    while (!found) {
      const { receivedMessageItems } = await poison.receiveMessages();
      found = receivedMessageItems[0]?.messageText;
      if (!found) await new Promise((r) => setTimeout(r, 100));
    }
    expect(found).toBe(text);
    expect(poisoned).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }, { n: 1 }, { n: 1 }]);
  });
});

describe('timer triggers', () => {
  it('fire on their NCRONTAB schedule with the schedule status', async () => {
    const timer = await ticked.promise;
    expect(Date.parse(timer.scheduleStatus.next)).toBeGreaterThan(Date.parse(timer.scheduleStatus.last));
    expect(timer.schedule.adjustForDST).toBe(false);
  });
});

describe('when storage is down', () => {
  it('health answers 503 degraded while the OpenAPI document is still served', async () => {
    const gone = await startAzurite();
    const env = { AzureWebJobsStorage: gone.connectionString };
    await gone.stop();
    const degraded = await startFunctionsHost({
      functions: appFunctions,
      services: lazyServices(() => createServices(env)),
      env,
      log: () => () => undefined,
    });
    try {
      const health = await fetch(`${degraded.url}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({
        status: 'degraded',
        checks: { storage: { ok: false, detail: 'Storage did not answer.' } },
      });
      expect((await fetch(`${degraded.url}/api/openapi.json`)).status).toBe(200);
    } finally {
      await degraded.stop();
    }
  });

  it('builds the connection string of an Azurite started elsewhere from its ports', () => {
    expect(azuriteConnectionString({ tablePort: 10002, queuePort: 10001 })).toContain(
      'TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;',
    );
  });
});
