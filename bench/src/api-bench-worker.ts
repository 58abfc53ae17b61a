// The API benchmark's measuring process (started by api.bench.ts with the emulator's CA trusted):
// the whole API over HTTP through the local functions host, Azurite and the Microsoft 365 emulator.
// Prints one JSON line with the figures.
import { performance } from 'node:perf_hooks';
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
  const graphBefore = stack.graphCalls();
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const started = performance.now();
    await view();
    times.push(performance.now() - started);
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

  console.log(
    JSON.stringify({
      slots_p50_ms: round(percentile(times, 50)),
      slots_p99_ms: round(percentile(times, 99)),
      slots_rps: round(rps),
      bookings_per_s: round(bookingsPerSecond),
      bookings_made: booked,
      graph_calls_per_1000_views: round((graphCalls * 1000) / measuredViews),
    }),
  );
} finally {
  await stack.stop();
}
