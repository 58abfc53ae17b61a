import { CardFactory, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { startEmulator, type EmulatorHandle, type UserRecord } from '../index.js';
import { launchChromium } from '../views/test-browser.js';
import { startBot, type RunningBot } from './test-bot.js';

describe('the Teams chat page in a browser', () => {
  let em: EmulatorHandle;
  let adele: UserRecord;
  let running: RunningBot;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    em = await startEmulator();
    adele = em.store.addUser({ userPrincipalName: 'adele', displayName: 'Adele Vance' });
    // A bot without an app id: local development, no tokens in either direction.
    running = await startBot(new ConfigurationBotFrameworkAuthentication({}));
    const registered = await fetch(`${em.origin}/_admin/bot`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appId: '', name: 'Tandem', endpoint: running.endpoint }),
    });
    expect(registered.status).toBe(200);
    browser = await launchChromium();
    page = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
    await page.goto(`${em.origin}/teams/chat/${adele.userPrincipalName}`);
  });
  afterAll(async () => {
    await browser.close();
    await running.close();
    await em.stop();
  });

  const transcript = () => page.getByRole('log', { name: 'Messages' });

  it('has no accessibility violations', async () => {
    await page.getByRole('button', { name: 'Install the app' }).waitFor();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
  });

  it('installs the app and exchanges typed messages with the bot', async () => {
    await page.getByRole('button', { name: 'Install the app' }).click();
    await page.getByRole('status').filter({ hasText: 'installed' }).waitFor();
    expect(running.bot.received).toContainEqual({ type: 'conversationUpdate' });
    await page.getByRole('textbox', { name: 'Message' }).fill('hello bot');
    await page.getByRole('button', { name: 'Send' }).click();
    await transcript().getByText('You said: hello bot').waitFor();
    expect(running.bot.received).toContainEqual({ type: 'message', text: 'hello bot' });
  });

  it('shows a proactive card as text and sends its button to the bot as an invoke', async () => {
    await running.adapter.continueConversationAsync('', running.bot.reference!, async (context) => {
      await context.sendActivity(
        MessageFactory.attachment(
          CardFactory.adaptiveCard({
            type: 'AdaptiveCard',
            version: '1.5',
            body: [
              { type: 'TextBlock', text: 'Approve <img src=x onerror="window.hacked=1">?', weight: 'bolder' },
              { type: 'FactSet', facts: [{ title: 'When', value: 'Wed 15 April, 09:00' }] },
            ],
            actions: [
              { type: 'Action.Execute', title: 'Approve', verb: 'approve', data: { by: 'Adele' } },
              { type: 'Action.OpenUrl', title: 'Open booking', url: 'https://tandem.example/b/1' },
            ],
          }),
        ),
      );
    });
    await transcript().getByText('Approve <img src=x onerror="window.hacked=1">?').waitFor();
    expect(await transcript().locator('img').count()).toBe(0);
    await expect(page.getByRole('link', { name: 'Open booking' }).getAttribute('href')).resolves.toBe(
      'https://tandem.example/b/1',
    );
    await transcript().getByText('Wed 15 April, 09:00').waitFor();

    await page.getByRole('button', { name: 'Approve' }).click();
    await transcript().getByText('Approved by Adele').waitFor();
    expect(running.bot.received).toContainEqual(
      expect.objectContaining({ type: 'invoke', name: 'adaptiveCard/action' }),
    );
    expect(await page.evaluate('window.hacked')).toBeUndefined();
  });
});
