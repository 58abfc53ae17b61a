// Screenshots of the README, taken from a running `npm start` in headless Chromium:
//   node --conditions=tandem-source --import tsx dev/src/stack/screenshots.ts <booking page URL>
// writes docs/images/booking-page.png and docs/images/task-pane.png (the task pane signed in as Adele).
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { stackPorts } from './layout.js';

const root = resolve(import.meta.dirname, '../../..');
const bookingPageUrl = process.argv[2];
if (!bookingPageUrl) {
  console.error('Give the public booking page URL npm start printed, e.g. http://127.0.0.1:5173/?page=pg_…');
  process.exit(2);
}
const only = process.argv[3]; // "booking" or "taskpane" to take one of them

const browser = await chromium.launch({
  executablePath: process.env.TANDEM_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1100, height: 760 },
    locale: 'en-US',
    timezoneId: 'Europe/London',
  });
  const page = await context.newPage();
  if (only !== 'taskpane') await bookingPage(page);
  if (only !== 'booking') await taskPane(page);
} finally {
  await browser.close();
}

/** The public page with the first day that has times chosen, so the slots show. */
async function bookingPage(page: Page): Promise<void> {
  await page.goto(bookingPageUrl!);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  const day = page.locator('button[data-date]:not([aria-disabled="true"])').first();
  if (await day.count()) await day.click();
  await page.waitForTimeout(800);
  await save(page, 'booking-page.png');
}

/** The task pane, narrow as in Outlook, after the emulator's dev sign-in as Adele. */
async function taskPane(page: Page): Promise<void> {
  await page.setViewportSize({ width: 420, height: 860 });
  await page.goto(`http://127.0.0.1:${stackPorts.web}/taskpane.html`);
  const adele = page.getByRole('button', { name: /Adele Vance/ });
  const signIn = page.getByRole('button', { name: /sign in|connect/i });
  await Promise.race([adele.waitFor(), signIn.first().waitFor(), page.waitForTimeout(8_000)]);
  if (await signIn.count()) await signIn.first().click();
  if (await adele.count().catch(() => 0)) await adele.click();
  else
    await adele
      .waitFor({ timeout: 10_000 })
      .then(() => adele.click())
      .catch(() => undefined);
  await page.waitForURL(/taskpane\.html/, { timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_500);
  await save(page, 'task-pane.png');
}

async function save(page: Page, name: string): Promise<void> {
  const path = resolve(root, 'docs/images', name);
  await page.screenshot({ path, fullPage: false });
  console.log(`${path} (${Math.round(statSync(path).size / 1024)} KB)`);
}
