// The API benchmark's measuring process (started by api.bench.ts with the emulator's CA trusted):
// the whole API over HTTP through the local functions host, Azurite and the Microsoft 365 emulator.
// Prints one JSON line with the figures.
import { performance } from 'node:perf_hooks';
import { TableClient, type TransactionAction } from '@azure/data-tables';
import { startApiStack } from '@tandem/api/testing/api-stack';
import { percentile, round } from './timing.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const stack = await startApiStack();
try {
  const host = await stack.connectHost({ upn: 'bench', name: 'Bench Host', timeZone: 'Europe/London' });
  // A realistic month: three or four meetings on each working day.
  const today = Math.floor(Date.now() / DAY) * DAY;
  for (let d = 0; d < 35; d++) {
    for (let m = 0; m < 4; m++) {
      const start = today + d * DAY + (9 + m * 2) * HOUR + (d % 3) * 15 * 60_000;
      stack.emulator.store.addEvent(host.user.id, {
        subject: `Meeting ${d}.${m}`,
        start: { dateTime: new Date(start).toISOString().slice(0, 19), timeZone: 'UTC' },
        end: { dateTime: new Date(start + 45 * 60_000).toISOString().slice(0, 19), timeZone: 'UTC' },
        showAs: m === 3 ? 'tentative' : 'busy',
      });
    }
  }
  const page = await stack.createPage(host.token, {
    slug: 'bench',
    workingHours: {
      timeZone: 'Europe/London',
      weekly: [1, 2, 3, 4, 5].map((day) => ({ day, from: '08:00', to: '18:00' })),
      overrides: [],
    },
  });
  const from = new Date(today + DAY).toISOString();
  const to = new Date(today + 31 * DAY).toISOString();
  const slotsPath = `public/pages/${page.id}/slots?start=${from}&end=${to}&duration=30&timeZone=America/New_York`;
  const view = async () => {
    const res = await stack.call('GET', slotsPath);
    if (res.status !== 200) throw new Error(`slots answered ${res.status}: ${res.text}`);
    return res.body.slots.length as number;
  };

  for (let i = 0; i < 30; i++) await view(); // warm: cache filled, JIT compiled
  // Baseline, interleaved so both see the same machine load: the functions host's health route
  // through the same host and client (one storage ping, no scheduling, no Graph).
  const health = async () => {
    const res = await stack.call('GET', 'health');
    if (res.status !== 200) throw new Error(`health answered ${res.status}: ${res.text}`);
  };
  for (let i = 0; i < 30; i++) await health();
  const graphBefore = stack.graphCalls();
  const times: number[] = [];
  const healthTimes: number[] = [];
  for (let i = 0; i < 300; i++) {
    let started = performance.now();
    await view();
    times.push(performance.now() - started);
    started = performance.now();
    await health();
    healthTimes.push(performance.now() - started);
  }

  let views = 0;
  const until = performance.now() + 3_000;
  const client = async () => {
    while (performance.now() < until) {
      await view();
      views++;
    }
  };
  const rpsStarted = performance.now();
  await Promise.all([client(), client()]);
  const rps = views / ((performance.now() - rpsStarted) / 1000);
  const graphCalls = stack.graphCalls() - graphBefore;
  const measuredViews = times.length + views;

  // Bookings of distinct free slots, 10 in flight at a time.
  const free = (await stack.call('GET', slotsPath)).body.slots as { start: string }[];
  const wanted = free.slice(0, 150).map((s) => s.start);
  let next = 0;
  let booked = 0;
  const booker = async () => {
    while (next < wanted.length) {
      const start = wanted[next++]!;
      const res = await stack.call('POST', `public/pages/${page.id}/bookings`, {
        headers: { 'idempotency-key': crypto.randomUUID() },
        body: { name: 'Bench', email: 'bench@example.com', durationMinutes: 30, start, timeZone: 'UTC' },
      });
      if (res.status === 201) booked++;
    }
  };
  const bookStarted = performance.now();
  await Promise.all(Array.from({ length: 10 }, booker));
  const bookingsPerSecond = booked / ((performance.now() - bookStarted) / 1000);

  // Baseline right after, same Azurite and concurrency: raw entity-group transactions of one
  // booking's rows (the booking, one lock row per 5-minute bucket of 30 minutes, the idempotency
  // row) into one partition, with nothing else a booking does (validation, Graph, outbox).
  const table = TableClient.fromConnectionString(stack.azurite.connectionString, 'benchbaseline', {
    allowInsecureConnection: true,
  });
  await table.createTable();
  const ROWS_PER_BOOKING = 1 + 30 / 5 + 1;
  const padding = 'x'.repeat(400); // about a booking row's size
  const transaction = async (n: number) => {
    const actions: TransactionAction[] = Array.from({ length: ROWS_PER_BOOKING }, (_, row) => [
      'create',
      { partitionKey: 'bench-host', rowKey: `${n}|${row}`, data: row === 0 ? padding : n },
    ]);
    await table.submitTransaction(actions);
  };
  for (let i = 0; i < 10; i++) await transaction(-1 - i);
  let nextTx = 0;
  const txStarted = performance.now();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (nextTx < wanted.length) await transaction(nextTx++);
    }),
  );
  const txPerSecond = nextTx / ((performance.now() - txStarted) / 1000);
  const slotsP50 = percentile(times, 50);
  const healthP50 = percentile(healthTimes, 50);

  console.log(
    JSON.stringify({
      slots_p50_ms: round(slotsP50),
      slots_p99_ms: round(percentile(times, 99)),
      slots_rps: round(rps),
      bookings_per_s: round(bookingsPerSecond),
      bookings_made: booked,
      graph_calls_per_1000_views: round((graphCalls * 1000) / measuredViews),
      http_baseline_p50_ms: round(healthP50),
      slots_p50_vs_http_baseline: round(slotsP50 / healthP50, 2),
      azurite_tx_per_s: round(txPerSecond),
      azurite_tx_rows: ROWS_PER_BOOKING,
      bookings_vs_azurite_tx: round(bookingsPerSecond / txPerSecond, 3),
    }),
  );
} finally {
  await stack.stop();
}
