import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium (the CI installs it when missing; no downloaded browsers), headless with the
 * flags a container needs. The emulator's page tests and the end-to-end walks both launch it here.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  if (!executablePath)
    throw new Error('Chromium is not installed: apt-get install -y --no-install-recommends chromium');
  return chromium.launch({
    executablePath,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
