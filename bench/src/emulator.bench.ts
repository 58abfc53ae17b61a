import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Agent, request } from 'node:https';
import { ensureCertificates } from '@tandem/dev/m365-emulator';
import { jsonTransportServer } from './json-transport-server.js';
import { performance } from 'node:perf_hooks';
import { startEmulator, type EmulatorHandle, type UserRecord } from '@tandem/dev/m365-emulator';
import type { BenchResult, BenchRow } from './bench-result.js';
import { notify1000 } from './emulator-notify.js';
import { median, percentile, round } from './timing.js';

// The Microsoft 365 emulator's speed, one function per figure; run() combines them.

interface Figure {
  rows: BenchRow[];
  json: BenchResult['json'];
}

/** A small seeded generator, so every run measures the same mailbox. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAY = 86_400_000;
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const wall = (ms: number): string => new Date(ms).toISOString().slice(0, 19);
const date = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * A busy mailbox: 10,000 stored events over three years in London time — 9,700 single meetings in
 * working hours (some all-day, some private or tentative) and 300 series (weekly stand-ups and 1:1s,
 * daily numbered runs, monthly reviews; some ended, some open), so a 60-day view holds a realistic
 * mix of single events and expanded occurrences.
 */
function seedMailbox(em: EmulatorHandle, user: UserRecord, from: number): void {
  const random = seeded(20_260_301);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const zone = 'GMT Standard Time';
  for (let i = 0; i < 9_700; i++) {
    const day = from + Math.floor(random() * 3 * 365) * DAY;
    if (random() < 0.03) {
      em.store.addEvent(user.id, {
        subject: `Day out ${i}`,
        isAllDay: true,
        showAs: pick(['free', 'oof'] as const),
        start: { dateTime: wall(day), timeZone: zone },
        end: { dateTime: wall(day + DAY), timeZone: zone },
      });
      continue;
    }
    const start = day + (8 * 60 + Math.floor(random() * 36) * 15) * 60_000;
    em.store.addEvent(user.id, {
      subject: `Meeting ${i}`,
      showAs: pick(['busy', 'busy', 'busy', 'tentative', 'free'] as const),
      sensitivity: random() < 0.1 ? 'private' : 'normal',
      start: { dateTime: wall(start), timeZone: zone },
      end: { dateTime: wall(start + pick([15, 30, 30, 60, 90]) * 60_000), timeZone: zone },
    });
  }
  for (let i = 0; i < 300; i++) {
    const first = from + Math.floor(random() * 2.5 * 365) * DAY;
    const start = first + (9 * 60 + Math.floor(random() * 28) * 15) * 60_000;
    const kind = random();
    const pattern =
      kind < 0.7
        ? {
            type: 'weekly',
            interval: pick([1, 1, 2]),
            daysOfWeek: [pick(DAYS.slice(1, 6))],
            firstDayOfWeek: 'sunday',
          }
        : kind < 0.85
          ? { type: 'daily', interval: 1 }
          : {
              type: 'relativeMonthly',
              interval: 1,
              daysOfWeek: [pick(DAYS.slice(1, 6))],
              index: pick(['first', 'last']),
            };
    const range =
      pattern.type === 'daily'
        ? { type: 'numbered', startDate: date(first), numberOfOccurrences: 5 + Math.floor(random() * 20) }
        : random() < 0.5
          ? {
              type: 'endDate',
              startDate: date(first),
              endDate: date(first + (60 + Math.floor(random() * 300)) * DAY),
            }
          : { type: 'noEnd', startDate: date(first) };
    em.store.addEvent(user.id, {
      subject: `Series ${i}`,
      start: { dateTime: wall(start), timeZone: zone },
      end: { dateTime: wall(start + pick([15, 30, 60]) * 60_000), timeZone: zone },
      recurrence: { pattern, range },
    });
  }
}

function getJson(
  agent: Agent,
  url: string,
  headers: Record<string, string>,
): Promise<{ value: unknown[]; '@odata.nextLink'?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200)
          reject(new Error(`GET ${url} → ${res.statusCode}: ${text.slice(0, 300)}`));
        else resolve(JSON.parse(text) as { value: unknown[]; '@odata.nextLink'?: string });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * calendarview_60d_10k_ms: GET /users/{id}/calendarView over 60 days of that mailbox through the
 * emulator's HTTPS endpoint with a real token, reading every page ($top=1000) as a sync client does.
 */
export async function calendarView60d10k(): Promise<Figure> {
  const em = await startEmulator();
  try {
    const user = em.store.addUser({
      userPrincipalName: 'bench',
      displayName: 'Bench Mailbox',
      timeZone: 'Europe/London',
    });
    const from = Date.UTC(2025, 0, 1);
    const seedStarted = performance.now();
    seedMailbox(em, user, from);
    const seedMs = performance.now() - seedStarted;
    const token = await em.graphToken({ user });
    const agent = new Agent({ keepAlive: true, ca: readFileSync(em.caCertPath) });
    const headers = { authorization: `Bearer ${token}`, prefer: 'outlook.timezone="UTC"' };
    const windowStart = from + 500 * DAY;
    const url =
      `${em.graphBaseUrl}/users/${user.id}/calendarView?startDateTime=${wall(windowStart)}Z` +
      `&endDateTime=${wall(windowStart + 60 * DAY)}Z&$top=1000`;

    const readView = async (first = url): Promise<number> => {
      let count = 0;
      let next: string | undefined = first;
      while (next) {
        const page = await getJson(agent, next, headers);
        count += page.value.length;
        next = page['@odata.nextLink'];
      }
      return count;
    };
    const firstStarted = performance.now();
    const instances = await readView();
    const firstMs = performance.now() - firstStarted;
    for (let i = 0; i < 5; i++) await readView();
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 31; i++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      await readView();
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpuStarted);
      cpu.push((used.user + used.system) / 1000);
    }
    // The fields a free/busy reader needs: the view engine's cost without most of the payload.
    const selected = `${url}&$select=subject,start,end,showAs,isAllDay,sensitivity,isCancelled,type,seriesMasterId`;
    const selectTimes: number[] = [];
    for (let i = 0; i < 21; i++) {
      const started = performance.now();
      await readView(selected);
      selectTimes.push(performance.now() - started);
    }
    // A sync client reads right after Outlook changes one event: the index refreshes that event only.
    const someEvent = em.store.listEvents(user.id)[0]!.event.id;
    const afterWrite: number[] = [];
    for (let i = 0; i < 11; i++) {
      em.store.updateEvent(user.id, someEvent, { subject: `Renamed ${i}` });
      const started = performance.now();
      await readView();
      afterWrite.push(performance.now() - started);
    }
    // Baseline, same run and machine: a trivial HTTPS server that only serializes the very pages the
    // emulator sent (same objects, same sizes, same $top paging) for the same client. What is left
    // of calendarView above it is the emulator's own work.
    const pages: unknown[] = [];
    for (let next: string | undefined = url; next;) {
      const page = await getJson(agent, next, headers);
      pages.push(page);
      next = page['@odata.nextLink'];
    }
    const transport = await jsonTransportServer(await ensureCertificates(dirname(em.caCertPath)), pages);
    const transportTimes: number[] = [];
    try {
      for (let i = 0; i < 5; i++) await readView(transport.firstUrl);
      for (let i = 0; i < 31; i++) {
        const started = performance.now();
        await readView(transport.firstUrl);
        transportTimes.push(performance.now() - started);
      }
    } finally {
      await transport.close();
    }
    agent.destroy();
    const p50 = median(times);
    const transportP50 = median(transportTimes);
    const vsTransport = p50 / transportP50;
    return {
      rows: [
        {
          figure: 'calendarview_60d_10k_ms',
          value: round(p50),
          goal: 50,
          description: `calendarView over 60 days of a 10,000-event mailbox incl. 300 series, ${instances} instances, HTTPS, all pages (p50 ms)`,
        },
        {
          figure: 'calendarview_vs_json_transport',
          value: round(vsTransport, 2),
          description: `calendarView p50 / p50 of a trivial HTTPS server serializing and sending the same pages (${round(transportP50, 1)} ms), same client, same run`,
        },
        {
          figure: 'calendarview_60d_10k_p90_ms',
          value: round(percentile(times, 90)),
          description: 'same, p90 ms',
        },
        {
          figure: 'calendarview_60d_10k_min_ms',
          value: round(Math.min(...times)),
          description: 'same, fastest run (closest to an idle machine)',
        },
        {
          figure: 'calendarview_60d_10k_cpu_ms',
          value: round(median(cpu)),
          description:
            'same, CPU time of client and emulator together (p50 ms; wall time above includes waiting for a busy machine)',
        },
        {
          figure: 'calendarview_60d_10k_select_ms',
          value: round(median(selectTimes)),
          description: 'same view with $select of the nine free/busy fields (p50 ms)',
        },
        {
          figure: 'calendarview_after_write_ms',
          value: round(median(afterWrite)),
          description: 'same view read right after one event changed (p50 ms)',
        },
        {
          figure: 'calendarview_60d_10k_first_ms',
          value: round(firstMs),
          description: 'first read, index built (ms)',
        },
        {
          figure: 'calendarview_seed_10k_ms',
          value: round(seedMs),
          description: 'seeding 10,000 events into the store (ms)',
        },
      ],
      json: {
        calendarview_60d_10k_ms: round(p50),
        calendarview_60d_10k_p90_ms: round(percentile(times, 90)),
        calendarview_60d_10k_min_ms: round(Math.min(...times)),
        calendarview_60d_10k_cpu_ms: round(median(cpu)),
        calendarview_60d_10k_select_ms: round(median(selectTimes)),
        calendarview_after_write_ms: round(median(afterWrite)),
        calendarview_60d_10k_instances: instances,
        json_transport_60d_p50_ms: round(transportP50),
        calendarview_vs_json_transport: round(vsTransport, 2),
      },
    };
  } finally {
    await em.stop();
  }
}

/** Every emulator figure; each is measured by its own function above. */
export async function run(): Promise<BenchResult> {
  const figures = [await calendarView60d10k(), await notify1000()];
  return {
    title: 'Microsoft 365 emulator',
    rows: figures.flatMap((f) => f.rows),
    json: Object.assign({}, ...figures.map((f) => f.json)) as BenchResult['json'],
  };
}
