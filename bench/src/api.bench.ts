import type { BenchResult } from './bench-result.js';
import { runDevCaWorker } from './dev-ca-worker.js';

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
  http_baseline_p50_ms: number;
  slots_p50_vs_http_baseline: number;
  azurite_tx_per_s: number;
  azurite_tx_rows: number;
  bookings_vs_azurite_tx: number;
}

const measure = () => runDevCaWorker<Figures>('api-bench-worker.ts', 'API');

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
        figure: 'slots_p50_vs_http_baseline',
        value: f.slots_p50_vs_http_baseline,
        description: `slots p50 / p50 of GET /api/health (one storage ping) through the same host and client, interleaved (${f.http_baseline_p50_ms} ms)`,
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
        figure: 'bookings_vs_azurite_tx',
        value: f.bookings_vs_azurite_tx,
        description: `bookings/s / raw Azurite entity-group transactions/s of one booking's ${f.azurite_tx_rows} rows, 10 in flight, same Azurite (${f.azurite_tx_per_s}/s)`,
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
