// Worker of `npm run bench -- web` (run trusting the emulator's dev CA): the whole stack with a
// production build of the front end, and headless Chromium on loopback opening the demo booking
// page ten times in fresh profiles, each timed from navigation until the first slot is visible.
// Interleaved with those visits, the baseline: the same build's HTML shell served as a static page
// (its scripts removed, so no JS and no API), timed from navigation until its text is painted.
// Prints { booking_slots_visible_ms, static_shell_visible_ms } (medians) as its last line.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, visitor } from '@tandem/e2e/browser';
import { startStack } from '@tandem/e2e/stack';

const RUNS = 10;

/** Milliseconds from navigation until `visible` resolves, in a fresh visitor profile. */
async function visit(browser: Browser, url: string, visible: (page: Page) => Promise<void>): Promise<number> {
  const context = await visitor(browser);
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await visible(page);
  const elapsed = performance.now() - started;
  await context.close();
  return elapsed;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[RUNS / 2 - 1]! + sorted[RUNS / 2]!) / 2;
};

const stack = await startStack();
const browser = await launchChromium();
const samples: number[] = [];
const shellSamples: number[] = [];
// The built index.html as the stack serves it, without its scripts and with a line of text in the
// root, so what is timed is navigation, HTML and paint in the same Chromium.
const shell = (await (await fetch(`${stack.web}/`)).text())
  .replace(/<script[^>]*><\/script>/g, '')
  .replace(/<link[^>]+rel="modulepreload"[^>]*>/g, '')
  .replace('<div id="root"></div>', '<div id="root"><p id="shell">Book a time</p></div>');
const shellServer = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).end(shell);
});
await new Promise<void>((resolve) => shellServer.listen(0, '127.0.0.1', resolve));
const shellUrl = `http://127.0.0.1:${(shellServer.address() as AddressInfo).port}/`;
try {
  const url = stack.demoPages.personal.url;
  // One visit first, as someone has always opened the page before: the API's first request and
  // Chromium's first profile are not what an invitee waits for.
  for (let run = 0; run <= RUNS; run++) {
    const shellElapsed = await visit(browser, shellUrl, (page) => page.locator('#shell').waitFor());
    const elapsed = await visit(browser, url, (page) =>
      page
        .getByRole('list', { name: /^Available times on / })
        .getByRole('button')
        .first()
        .waitFor(),
    );
    if (run > 0) {
      samples.push(elapsed);
      shellSamples.push(shellElapsed);
    }
  }
} finally {
  shellServer.closeAllConnections();
  shellServer.close();
  await browser.close();
  await stack.stop();
}
console.error(`booking page, first slot visible (ms): ${samples.map((s) => Math.round(s)).join(', ')}`);
console.error(`static HTML shell visible (ms): ${shellSamples.map((s) => Math.round(s)).join(', ')}`);
console.log(
  JSON.stringify({
    booking_slots_visible_ms: Math.round(median(samples)),
    static_shell_visible_ms: Math.round(median(shellSamples) * 10) / 10,
  }),
);
process.exit(0);
