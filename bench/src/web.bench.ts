import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BenchResult } from './bench-result.js';
import { runDevCaWorker } from './dev-ca-worker.js';

// Bundle size of the front end from a fresh production build: the initial JS of a page is its entry
// script plus every chunk the built HTML preloads (static imports); lazy chunks are not counted.
// Then the time an invitee waits for the booking page's first time in headless Chromium on
// loopback, against a production build served with the whole stack (web-slots-worker.ts).

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'addin', 'dist');

function initialJsGzipKb(html: string): number {
  const text = readFileSync(join(dist, html), 'utf8');
  const files = new Set<string>();
  for (const m of text.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)) files.add(m[1]!);
  for (const m of text.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) files.add(m[1]!);
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(join(dist, file.replace(/^\.\//, '')))).length;
  return Math.round((bytes / 1024) * 10) / 10;
}

export async function run(): Promise<BenchResult> {
  const build = spawnSync('npm', ['run', 'build', '-w', 'addin'], { cwd: root, stdio: 'pipe' });
  if (build.status !== 0) throw new Error(`addin build failed:\n${build.stderr.toString()}`);
  const booking = initialJsGzipKb('index.html');
  const taskpane = initialJsGzipKb('taskpane.html');
  const { booking_slots_visible_ms: slotsVisible, static_shell_visible_ms: shellVisible } =
    await runDevCaWorker<{
      booking_slots_visible_ms: number;
      static_shell_visible_ms: number;
    }>('web-slots-worker.ts', 'booking page in Chromium');
  const vsShell = Math.round((slotsVisible / shellVisible) * 100) / 100;
  return {
    title: 'Web front end: bundle and first slot',
    rows: [
      {
        figure: 'booking_js_gzip_kb',
        value: booking,
        description: 'initial JS of the public booking page (gzip)',
        goal: 150,
      },
      {
        figure: 'taskpane_js_gzip_kb',
        value: taskpane,
        description: 'initial JS of the Outlook task pane (gzip)',
        goal: 300,
      },
      {
        figure: 'booking_slots_visible_ms',
        value: slotsVisible,
        description:
          'booking page: navigation until the first slot is visible (Chromium, loopback, median of 10)',
        goal: 1500,
      },
      {
        figure: 'slots_visible_vs_static_shell',
        value: vsShell,
        description: `first slot visible / the same build's HTML shell as a static page (no JS, no API) painted, same Chromium, interleaved (median ${shellVisible} ms)`,
      },
    ],
    json: {
      booking_js_gzip_kb: booking,
      taskpane_js_gzip_kb: taskpane,
      booking_slots_visible_ms: slotsVisible,
      static_shell_visible_ms: shellVisible,
      slots_visible_vs_static_shell: vsShell,
    },
  };
}
