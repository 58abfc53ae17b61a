// Worker of `npm run bench -- web` (run trusting the emulator's dev CA): the whole stack with a
// production build of the front end, and headless Chromium on loopback opening the demo booking
// page ten times in fresh profiles, each timed from navigation until the first slot is visible.
// Prints { booking_slots_visible_ms } (the median) as its last line.
import { launchChromium, visitor } from '@tandem/e2e/browser';
import { startStack } from '@tandem/e2e/stack';

const RUNS = 10;

const stack = await startStack();
const browser = await launchChromium();
const samples: number[] = [];
try {
  const url = stack.demoPages.personal.url;
  // One visit first, as someone has always opened the page before: the API's first request and
  // Chromium's first profile are not what an invitee waits for.
  for (let run = 0; run <= RUNS; run++) {
    const context = await visitor(browser);
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page
      .getByRole('list', { name: /^Available times on / })
      .getByRole('button')
      .first()
      .waitFor();
    const elapsed = performance.now() - started;
    if (run > 0) samples.push(elapsed);
    await context.close();
  }
} finally {
  await browser.close();
  await stack.stop();
}
samples.sort((a, b) => a - b);
const median = (samples[RUNS / 2 - 1]! + samples[RUNS / 2]!) / 2;
console.error(`booking page, first slot visible (ms): ${samples.map((s) => Math.round(s)).join(', ')}`);
console.log(JSON.stringify({ booking_slots_visible_ms: Math.round(median) }));
process.exit(0);
