// The sync benchmark's measuring process (started by sync.bench.ts with the emulator's CA trusted):
// Outlook changes in the emulator until the public slots endpoint shows them, through real
// subscriptions, webhooks, the queue worker and delta. Prints one JSON line with the figures.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startApiStack } from '@tandem/api/testing/api-stack';
import { provideSyncSettings, syncRuntime } from '@tandem/api/functions';
import { percentile, round } from './timing.js';

const HOUR = 3_600_000;
const CHANGES = 200;

const stack = await startApiStack();
try {
  provideSyncSettings(stack.services, { apiBaseUrl: stack.url });
  const host = await stack.connectHost({ upn: 'bench', name: 'Bench Host' });
  const page = await stack.createPage(host.token, { slug: 'sync-bench' });
  const firstHour = Math.floor(Date.now() / HOUR) + 24;
  const at = (i: number) => new Date((firstHour + i) * HOUR).toISOString();
  const offered = async (start: string) => {
    const end = new Date(Date.parse(start) + HOUR).toISOString();
    const res = await stack.call(
      'GET',
      `public/pages/${page.id}/slots?start=${start}&end=${end}&duration=30&timeZone=UTC`,
    );
    if (res.status !== 200) throw new Error(`slots answered ${res.status}: ${res.text}`);
    return (res.body.slots as { start: string }[]).some((s) => Date.parse(s.start) === Date.parse(start));
  };
  for (let i = 0; i < 20; i++) await offered(at(CHANGES + 10 + i)); // warm

  // Outlook → slots: an event in a free hour, until the slots endpoint stops offering that hour.
  const graphBefore = stack.graphCalls();
  const latencies: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const start = at(i);
    if (!(await offered(start))) throw new Error(`${start} was not free before the change.`);
    const started = performance.now();
    stack.emulator.store.addEvent(host.user.id, {
      subject: `Change ${i}`,
      start: { dateTime: start.slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: at(i + 1).slice(0, 19), timeZone: 'UTC' },
    });
    while (await offered(start)) {
      if (performance.now() - started > 10_000) throw new Error(`Change ${i} never reached the slots.`);
      await sleep(2);
    }
    latencies.push(performance.now() - started);
  }
  const graphCalls = stack.graphCalls() - graphBefore;

  // Baseline for Outlook → slots: one small Graph GET (the host's own user) through the emulator's
  // HTTPS endpoint with a real token — the least any change costs to learn of.
  const graphToken = await stack.emulator.graphToken({ user: host.user });
  const graphGet = async () => {
    const res = await fetch(`${stack.emulator.graphBaseUrl}/users/${host.user.id}`, {
      headers: { authorization: `Bearer ${graphToken}` },
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`The emulator answered ${res.status} to GET /users.`);
  };
  for (let i = 0; i < 20; i++) await graphGet();
  const graphRoundTrips: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await graphGet();
    graphRoundTrips.push(performance.now() - started);
  }

  // Webhook answer time: genuine single notifications, one at a time.
  const runtime = syncRuntime(stack.services);
  const state = await runtime.store.calendar(host.user.id, 'default');
  const subscription = await runtime.store.subscription(state!.subscriptionId!);
  const notification = {
    subscriptionId: subscription!.subscriptionId,
    clientState: subscription!.clientState,
    changeType: 'updated',
    resource: `Users/${host.user.id}/Events/bench`,
  };
  const post = async (count: number) => {
    const res = await fetch(`${stack.url}/api/webhooks/graph`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value: Array.from({ length: count }, () => notification) }),
    });
    await res.arrayBuffer();
    if (res.status !== 202) throw new Error(`The webhook answered ${res.status}.`);
  };
  // Baseline for the webhook, interleaved with it: the same POST body to a local HTTP server that
  // reads it and answers 202, with the same client.
  const bare = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(202).end());
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
  const barePost = async () => {
    const res = await fetch(bareUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value: [notification] }),
    });
    await res.arrayBuffer();
  };
  for (let i = 0; i < 20; i++) {
    await post(1);
    await barePost();
  }
  const webhook: number[] = [];
  const barePosts: number[] = [];
  for (let i = 0; i < 300; i++) {
    let started = performance.now();
    await post(1);
    webhook.push(performance.now() - started);
    started = performance.now();
    await barePost();
    barePosts.push(performance.now() - started);
  }
  bare.closeAllConnections();
  bare.close();

  // Intake: batches of 10 (Graph batches what arrives together), 4 in flight, for 3 s.
  let accepted = 0;
  const until = performance.now() + 3_000;
  const intakeStarted = performance.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (performance.now() < until) {
        await post(10);
        accepted += 10;
      }
    }),
  );
  const perSecond = accepted / ((performance.now() - intakeStarted) / 1000);

  console.log(
    JSON.stringify({
      outlook_to_slots_p50_ms: round(percentile(latencies, 50)),
      outlook_to_slots_p99_ms: round(percentile(latencies, 99)),
      webhook_p99_ms: round(percentile(webhook, 99)),
      notifications_per_s: round(perSecond),
      graph_calls_per_change: round(graphCalls / CHANGES),
      graph_get_p50_ms: round(percentile(graphRoundTrips, 50)),
      outlook_to_slots_vs_graph_get: round(percentile(latencies, 50) / percentile(graphRoundTrips, 50), 1),
      bare_post_p99_ms: round(percentile(barePosts, 99)),
      webhook_p99_vs_bare_post: round(percentile(webhook, 99) / percentile(barePosts, 99), 2),
    }),
  );
} finally {
  await stack.stop();
}
