// Debian's Chromium driven by playwright-core (launched as the emulator's page tests launch it),
// plus what every walk needs: a visitor's context in a theme and time zone, screenshots kept as
// artifacts, and an axe check.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Where screenshots of every surface are written (git-ignored). */
export const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));

export { launchChromium } from '@tandem/dev/test-browser';

/** @default 'light' */
export type Look = 'light' | 'dark' | 'contrast';

export interface VisitorOptions {
  /** IANA zone of the visitor's computer. @default 'America/Los_Angeles' */
  timezoneId?: string;
  look?: Look;
}

/**
 * A fresh browser profile: en-US, a laptop-sized window, the system theme of `look` (the booking
 * page and the plain-browser host views follow it), the emulator's dev certificate accepted.
 * office.js is never fetched from Microsoft's CDN: outside Outlook it is simply absent.
 */
export async function visitor(browser: Browser, options: VisitorOptions = {}): Promise<BrowserContext> {
  const look = options.look ?? 'light';
  const context = await browser.newContext({
    locale: 'en-US',
    timezoneId: options.timezoneId ?? 'America/Los_Angeles',
    viewport: { width: 1200, height: 900 },
    ignoreHTTPSErrors: true,
    colorScheme: look === 'dark' ? 'dark' : 'light',
    forcedColors: look === 'contrast' ? 'active' : 'none',
  });
  await context.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }),
  );
  return context;
}

/** Saves a full-page screenshot as e2e/artifacts/{name}.png and answers the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = `${artifactsDir}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * The serious and critical axe-core violations on the page (frames included), each as
 * "rule (impact): target, target". Two known false findings are left out:
 * - Fluent UI's focus sentinels (`<i data-tabster-dummy aria-hidden tabindex=0>`, which Tabster
 *   places around arrow-key groups such as a TabList and which hand focus on at once) are not
 *   "focusable content hidden from assistive technology";
 * - under forced colors the browser paints text in the user's system colours, but axe reads the
 *   unforced text fill colour against the forced background (dequelabs/axe-core#3978), so colour
 *   contrast is left to the system palette there.
 */
export async function seriousViolations(
  page: Page,
  options: { forcedColors?: boolean } = {},
): Promise<string[]> {
  const axe = new AxeBuilder({ page });
  if (options.forcedColors) axe.disableRules(['color-contrast']);
  const { violations } = await axe.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      ...v,
      nodes: v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy'))),
    }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
