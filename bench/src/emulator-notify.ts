import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startEmulator, type EmulatorHandle } from '@tandem/dev/m365-emulator';
import type { BenchResult, BenchRow } from './bench-result.js';
import { median, round } from './timing.js';

// notify_1000_ms: how long the emulator takes from a burst of event changes to the last change
// notification arriving at a subscriber's webhook.

interface Receiver {
  url: string;
  received: () => number;
  reset: () => void;
  waitFor: (count: number) => Promise<void>;
  posts: () => number;
  close: () => Promise<void>;
}

/** A local webhook: answers the validation handshake, counts notifications, answers 202. */
async function startReceiver(): Promise<Receiver> {
  let received = 0;
  let posts = 0;
  let waiting: { count: number; resolve: () => void } | null = null;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('validationToken');
      if (token !== null) {
        res.writeHead(200, { 'content-type': 'text/plain' }).end(token);
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { value: unknown[] };
      received += body.value.length;
      posts += 1;
      res.writeHead(202).end();
      if (waiting && received >= waiting.count) {
        waiting.resolve();
        waiting = null;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/notifications`,
    received: () => received,
    posts: () => posts,
    reset: () => {
      received = 0;
      posts = 0;
    },
    waitFor: (count) =>
      received >= count ? Promise.resolve() : new Promise((resolve) => (waiting = { count, resolve })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** POST /v1.0/subscriptions over HTTPS, trusting the emulator's CA explicitly (the bench runs without NODE_EXTRA_CA_CERTS). */
function subscribe(em: EmulatorHandle, token: string, notificationUrl: string): Promise<void> {
  const body = JSON.stringify({
    changeType: 'created,updated,deleted',
    notificationUrl,
    resource: 'me/events',
    expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(),
    clientState: 'bench',
  });
  return new Promise((resolve, reject) => {
    const req = request(
      `${em.graphBaseUrl}/subscriptions`,
      {
        method: 'POST',
        ca: readFileSync(em.caCertPath),
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          if (res.statusCode === 201) resolve();
          else
            reject(
              new Error(`POST /subscriptions → ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8')}`),
            );
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * notify_1000_ms: 1,000 event changes in one mailbox (500 creates, 300 updates, 200 deletes, as
 * fast as the store takes them) until the subscriber's webhook has received every one of the
 * 1,000 change notifications. Median of 5 runs after one warm-up.
 */
export async function notify1000(): Promise<{ rows: BenchRow[]; json: BenchResult['json'] }> {
  const em = await startEmulator();
  const receiver = await startReceiver();
  try {
    const user = em.store.addUser({ userPrincipalName: 'notify', displayName: 'Notify Bench' });
    const calendarId = em.store.defaultCalendar(user.id).id;
    await subscribe(em, await em.graphToken({ user }), receiver.url);
    const burst = async (): Promise<{ ms: number; posts: number }> => {
      receiver.reset();
      const started = performance.now();
      const ids: string[] = [];
      for (let i = 0; i < 500; i++) {
        const start = Date.UTC(2026, 3, 1 + (i % 28), 8 + (i % 9));
        ids.push(
          em.store.createEvent(user.id, calendarId, {
            subject: `Change ${i}`,
            start: { dateTime: new Date(start).toISOString().slice(0, 19), timeZone: 'UTC' },
            end: { dateTime: new Date(start + 1_800_000).toISOString().slice(0, 19), timeZone: 'UTC' },
          }).id,
        );
      }
      for (let i = 0; i < 300; i++) em.store.updateEvent(user.id, ids[i]!, { subject: `Changed ${i}` });
      for (let i = 300; i < 500; i++) em.store.deleteEvent(user.id, ids[i]!);
      await receiver.waitFor(1_000);
      return { ms: performance.now() - started, posts: receiver.posts() };
    };
    await burst();
    const runs: { ms: number; posts: number }[] = [];
    for (let i = 0; i < 5; i++) runs.push(await burst());
    const ms = median(runs.map((r) => r.ms));
    const posts = median(runs.map((r) => r.posts));
    return {
      rows: [
        {
          figure: 'notify_1000_ms',
          value: round(ms),
          goal: 2_000,
          description:
            '1,000 event changes until every change notification reached a local webhook (median of 5, ms)',
        },
        {
          figure: 'notify_1000_posts',
          value: posts,
          description: 'webhook POSTs those 1,000 notifications took (batched)',
        },
      ],
      json: { notify_1000_ms: round(ms), notify_1000_posts: posts },
    };
  } finally {
    await receiver.close();
    await em.stop();
  }
}
