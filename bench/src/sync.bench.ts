import type { BenchResult } from './bench-result.js';
import { runDevCaWorker } from './dev-ca-worker.js';

// Outlook → slots through real subscriptions, webhooks, the queue worker and delta. The measuring
// runs in a child process: Node reads NODE_EXTRA_CA_CERTS only at start, and the Graph client and
// MSAL must trust the emulator's dev CA.

interface Figures {
  outlook_to_slots_p50_ms: number;
  outlook_to_slots_p99_ms: number;
  webhook_p99_ms: number;
  notifications_per_s: number;
  graph_calls_per_change: number;
  graph_get_p50_ms: number;
  outlook_to_slots_vs_graph_get: number;
  bare_post_p99_ms: number;
  webhook_p99_vs_bare_post: number;
}

const measure = () => runDevCaWorker<Figures>('sync-bench-worker.ts', 'sync');

export async function run(): Promise<BenchResult> {
  const f = await measure();
  return {
    title: 'Outlook sync (subscriptions, webhooks, queue worker, delta; emulator + Azurite)',
    rows: [
      {
        figure: 'outlook_to_slots_p50_ms',
        value: f.outlook_to_slots_p50_ms,
        goal: 300,
        description: 'event created in Outlook until the slots endpoint stops offering it, 200 changes (p50)',
      },
      {
        figure: 'outlook_to_slots_p99_ms',
        value: f.outlook_to_slots_p99_ms,
        goal: 1000,
        description: 'the same (p99)',
      },
      {
        figure: 'outlook_to_slots_vs_graph_get',
        value: f.outlook_to_slots_vs_graph_get,
        description: `Outlook → slots p50 / p50 of one small Graph GET (a user) through the emulator, same run (${f.graph_get_p50_ms} ms)`,
      },
      {
        figure: 'webhook_p99_ms',
        value: f.webhook_p99_ms,
        goal: 50,
        description: 'webhook answer to a genuine notification, one at a time (p99)',
      },
      {
        figure: 'webhook_p99_vs_bare_post',
        value: f.webhook_p99_vs_bare_post,
        description: `webhook p99 / p99 of the same POST to a bare local HTTP server answering 202, interleaved (${f.bare_post_p99_ms} ms)`,
      },
      {
        figure: 'notifications_per_s',
        value: f.notifications_per_s,
        goal: 500,
        direction: 'atLeast',
        description: 'notifications taken in per second (POSTs of 10, 4 in flight)',
      },
      {
        figure: 'graph_calls_per_change',
        value: f.graph_calls_per_change,
        goal: 2,
        description: 'Graph requests per Outlook change (delta rounds, booking checks)',
      },
    ],
    json: { ...f },
  };
}
