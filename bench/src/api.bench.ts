import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCertificates } from '@tandem/dev/m365-emulator';
import type { BenchResult } from './bench-result.js';

// The API over HTTP (functions host + Azurite + Microsoft 365 emulator). The measuring runs in a
// child process: Node reads NODE_EXTRA_CA_CERTS only at start, and the Graph client and MSAL must
// trust the emulator's dev CA.

interface Figures {
  slots_p50_ms: number;
  slots_p99_ms: number;
  slots_rps: number;
  bookings_per_s: number;
  bookings_made: number;
  graph_calls_per_1000_views: number;
}

async function measure(): Promise<Figures> {
  const tls = await ensureCertificates();
  const worker = join(dirname(fileURLToPath(import.meta.url)), 'api-bench-worker.ts');
  const child = spawn(process.execPath, ['--conditions=tandem-source', '--import', 'tsx', worker], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.caCertPath },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const last = out.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !last.startsWith('{')) throw new Error(`The API benchmark worker failed (exit ${code}).`);
  return JSON.parse(last) as Figures;
}

export async function run(): Promise<BenchResult> {
  const f = await measure();
  return {
    title: 'API over HTTP (functions host, Azurite, M365 emulator)',
    rows: [
      {
        figure: 'slots_p50_ms',
        value: f.slots_p50_ms,
        goal: 20,
        description: 'slots of a 30-day range, warm (p50)',
      },
      {
        figure: 'slots_p99_ms',
        value: f.slots_p99_ms,
        goal: 60,
        description: 'slots of a 30-day range, warm (p99)',
      },
      {
        figure: 'slots_rps',
        value: f.slots_rps,
        description: 'slots requests per second, 2 concurrent clients',
      },
      {
        figure: 'bookings_per_s',
        value: f.bookings_per_s,
        goal: 50,
        direction: 'atLeast',
        description: `bookings of distinct slots per second, 10 in flight (${f.bookings_made} made)`,
      },
      {
        figure: 'graph_calls_per_1000_views',
        value: f.graph_calls_per_1000_views,
        goal: 0,
        description: 'Graph requests per 1000 warm page views, no calendar change',
      },
    ],
    json: { ...f },
  };
}
