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
    // Adele's own zone, so the task pane shows her day as she sees it in Outlook.
    timezoneId: 'America/Los_Angeles',
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

/**
 * The task pane, narrow as in Outlook, after the emulator's dev sign-in as Adele: her first page open
 * in the editor, its preview of today's times, and why 9:30 (her standup) is not offered.
 */
async function taskPane(page: Page): Promise<void> {
  await page.setViewportSize({ width: 420, height: 1240 });
  await page.goto(`http://127.0.0.1:${stackPorts.web}/taskpane.html`);
  await page.getByRole('button', { name: /Adele Vance/ }).click();
  await page.waitForURL(/taskpane\.html/, { timeout: 15_000 });
  await page.getByRole('button', { name: /^Edit/ }).first().click();
  const preview = page.getByRole('region', { name: /Preview/ });
  await preview
    .getByRole('status')
    .filter({ hasText: /offered/ })
    .waitFor();
  await preview.getByRole('button', { name: /^9:30 AM/ }).click();
  await preview.getByText(/^Why /).waitFor();
  await preview
    .getByRole('heading')
    .first()
    .evaluate((heading) => heading.scrollIntoView());
  await page.waitForTimeout(500);
  await save(page, 'task-pane.png');
}

async function save(page: Page, name: string): Promise<void> {
  const path = resolve(root, 'docs/images', name);
  await page.screenshot({ path, fullPage: false });
  console.log(`${path} (${Math.round(statSync(path).size / 1024)} KB)`);
}
