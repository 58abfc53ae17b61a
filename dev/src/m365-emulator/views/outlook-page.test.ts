import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { startEmulator, type EmulatorHandle, type UserRecord } from '../index.js';
import type { ChangeNotification } from '../notifications/types.js';
import { WebhookReceiver } from '../notifications/webhook-receiver.js';
import { launchChromium } from './test-browser.js';

describe('the Outlook view in a browser', () => {
  let em: EmulatorHandle;
  let adele: UserRecord;
  let receiver: WebhookReceiver;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    em = await startEmulator();
    adele = em.store.addUser({
      userPrincipalName: 'adele',
      displayName: 'Adele Vance',
      timeZone: 'Europe/London',
    });
    receiver = await WebhookReceiver.start();
    const subscribed = await fetch(`${em.graphBaseUrl}/subscriptions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await em.graphToken({ user: adele })}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        changeType: 'created,updated,deleted',
        notificationUrl: receiver.url(),
        resource: 'me/events',
        expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    });
    expect(subscribed.status).toBe(201);
    browser = await launchChromium();
    page = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
  });
  afterAll(async () => {
    await browser.close();
    await receiver.stop();
    await em.stop();
  });

  const wednesday = () => page.getByRole('region', { name: 'Wednesday 15 April' });

  it('has no accessibility violations', async () => {
    await page.goto(`${em.origin}/outlook/${adele.id}?week=2026-04-15`);
    await page.getByRole('region', { name: 'Monday 13 April' }).waitFor();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
  });

  it('creates, resizes, relabels and deletes an event, and each change reaches the subscriber', async () => {
    await page.goto(`${em.origin}/outlook/${adele.id}?week=2026-04-15`);
    await page.getByRole('button', { name: 'New event' }).click();
    await page.getByLabel('Subject', { exact: true }).fill('Dentist <script>alert(1)</script>');
    await page.getByLabel('Start', { exact: true }).fill('2026-04-15T09:00');
    await page.getByLabel('End', { exact: true }).fill('2026-04-15T09:30');
    await page.getByLabel('Show as', { exact: true }).selectOption('tentative');
    await page.getByRole('button', { name: 'Save' }).click();
    const created = wednesday().getByRole('button', {
      name: /09:00–09:30 Dentist <script>alert\(1\)<\/script>, tentative/,
    });
    await created.waitFor();
    await receiver.waitForItems(1);

    await created.click();
    await page.getByLabel('End', { exact: true }).fill('2026-04-15T10:15');
    await page.getByLabel('Show as', { exact: true }).selectOption('oof');
    await page.getByRole('button', { name: 'Save' }).click();
    const resized = wednesday().getByRole('button', { name: /09:00–10:15 Dentist .*, oof/ });
    await resized.waitFor();
    await receiver.waitForItems(2);

    await resized.click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await wednesday()
      .getByRole('button', { name: /Dentist/ })
      .waitFor({ state: 'detached' });
    await receiver.waitForItems(3);

    const id = (receiver.items[0] as ChangeNotification).resourceData.id;
    expect((receiver.items as ChangeNotification[]).map((n) => [n.changeType, n.resourceData.id])).toEqual([
      ['created', id],
      ['updated', id],
      ['deleted', id],
    ]);
  });
});
