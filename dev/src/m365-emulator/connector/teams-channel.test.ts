import { ConfidentialClientApplication } from '@azure/msal-node';
import { CardFactory, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import { MsalServiceClientCredentialsFactory } from 'botframework-connector';
import { startEmulator, type EmulatorHandle, type UserRecord } from '../index.js';
import { CHANNEL_OPENID_PATH } from './channel-tokens.js';
import type { ChatEntry } from './conversation-store.js';
import { startBot, type RunningBot } from './test-bot.js';

describe('the emulated Teams channel', () => {
  let em: EmulatorHandle;
  let adele: UserRecord;
  let running: RunningBot;
  let appId: string;

  const admin = (path: string, method: string, body?: unknown) =>
    fetch(`${em.origin}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const chatState = async () =>
    (await (await fetch(`${em.origin}/teams/chat/${adele.id}/state`)).json()) as { entries: ChatEntry[] };

  beforeAll(async () => {
    em = await startEmulator();
    adele = em.store.addUser({ userPrincipalName: 'adele', displayName: 'Adele Vance' });
    const app = em.registerApp({ displayName: 'Tandem bot', clientSecret: 'bot-secret' });
    appId = app.clientId;
    const authority = `${em.authorityHost}/${em.tenantId}`;
    // How a bot points its authentication at the emulator: the channel's OpenID metadata for
    // inbound tokens, the emulator's Entra as login authority for its own app token.
    const msal = new ConfidentialClientApplication({
      auth: {
        clientId: appId,
        clientSecret: 'bot-secret',
        authority,
        knownAuthorities: [new URL(em.origin).host],
      },
    });
    const auth = new ConfigurationBotFrameworkAuthentication(
      {
        MicrosoftAppId: appId,
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: em.tenantId,
        ToChannelFromBotLoginUrl: authority,
        ToChannelFromBotOAuthScope: 'https://api.botframework.com',
        ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
        ToBotFromChannelOpenIdMetadataUrl: `${em.origin}${CHANNEL_OPENID_PATH}`,
        ToBotFromEmulatorOpenIdMetadataUrl: `${em.origin}${CHANNEL_OPENID_PATH}`,
        OAuthUrl: em.origin,
        ValidateAuthority: false,
      },
      // botframework-connector pins its own msal-node; the client application API it calls is the same.
      new MsalServiceClientCredentialsFactory(
        appId,
        msal as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1],
      ),
    );
    running = await startBot(auth);
    const registered = await admin('/_admin/bot', 'PUT', {
      appId,
      name: 'Tandem',
      endpoint: running.endpoint,
    });
    expect(registered.status).toBe(200);
  });
  afterAll(async () => {
    await running.close();
    await em.stop();
  });

  it('sends the install as a conversationUpdate the bot accepts with the channel token', async () => {
    const install = await admin(`/teams/chat/${adele.id}/install`, 'POST', {});
    expect(install.status).toBe(200);
    expect(running.bot.received).toContainEqual({ type: 'conversationUpdate' });
    expect(running.bot.reference?.serviceUrl).toBe(`${em.origin}/`);
  });

  it('delivers a typed message to the bot and shows its reply in the chat', async () => {
    const sent = await admin(`/teams/chat/${adele.id}/messages`, 'POST', { text: 'hello bot' });
    expect(sent.status).toBe(201);
    expect(running.bot.received).toContainEqual({ type: 'message', text: 'hello bot' });
    const texts = (await chatState()).entries.map((e) => [e.direction, e.activity.text]);
    expect(texts).toEqual(
      expect.arrayContaining([
        ['toBot', 'hello bot'],
        ['fromBot', 'You said: hello bot'],
      ]),
    );
  });

  it('lands a proactive message from CloudAdapter on the chat page', async () => {
    await running.adapter.createConversationAsync(
      appId,
      'msteams',
      `${em.origin}/`,
      'https://api.botframework.com',
      {
        isGroup: false,
        bot: { id: `28:${appId}`, name: 'Tandem' },
        members: [{ id: `29:${adele.id}`, name: '' }],
        tenantId: em.tenantId,
        channelData: { tenant: { id: em.tenantId } },
      },
      async (context) => {
        await context.sendActivity('Your booking is confirmed.');
      },
    );
    const entries = (await chatState()).entries;
    expect(entries.at(-1)).toMatchObject({
      direction: 'fromBot',
      activity: { text: 'Your booking is confirmed.' },
    });
    const page = await fetch(`${em.origin}/teams/chat/${adele.id}`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Adele Vance');
  });

  it('sends a card button press to the bot as an adaptiveCard/action invoke and replaces the card', async () => {
    if (!running.bot.reference) throw new Error('the install test runs first');
    let cardActivityId = '';
    await running.adapter.continueConversationAsync(appId, running.bot.reference, async (context) => {
      const card = CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: 'Approve the booking?' }],
        actions: [{ type: 'Action.Execute', title: 'Approve', verb: 'approve', data: { bookingId: 'b1' } }],
      });
      cardActivityId = (await context.sendActivity(MessageFactory.attachment(card)))!.id;
    });
    const press = await admin(`/teams/chat/${adele.id}/actions`, 'POST', {
      activityId: cardActivityId,
      action: { type: 'Action.Execute', verb: 'approve', data: { bookingId: 'b1', by: 'Adele' } },
    });
    expect(press.status).toBe(200);
    const invoke = running.bot.received.find((r) => r.type === 'invoke');
    expect(invoke).toMatchObject({
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'approve', data: { bookingId: 'b1', by: 'Adele' } } },
    });
    const entry = (await chatState()).entries.find((e) => e.activity.id === cardActivityId)!;
    expect(entry.activity.attachments?.[0]?.content).toMatchObject({
      body: [{ type: 'TextBlock', text: 'Approved by Adele' }],
    });
  });

  it('lets the bot reply to, update and delete its own messages', async () => {
    if (!running.bot.reference) throw new Error('the install test runs first');
    let replyId = '';
    let updatedId = '';
    await running.adapter.continueConversationAsync(appId, running.bot.reference, async (context) => {
      const first = (await context.sendActivity('Draft'))!.id;
      replyId = (await context.sendActivity(MessageFactory.text('A reply')))!.id;
      const update = MessageFactory.text('Final');
      update.id = first;
      updatedId = (await context.updateActivity(update))!.id;
      await context.deleteActivity(replyId);
    });
    const entries = (await chatState()).entries;
    expect(entries.find((e) => e.activity.id === updatedId)).toMatchObject({
      activity: { text: 'Final' },
      updatedAt: expect.any(String),
    });
    expect(entries.find((e) => e.activity.id === replyId)).toBeUndefined();
    expect(entries.map((e) => e.activity.text)).not.toContain('Draft');
  });

  it('refuses Connector API calls without the bot token', async () => {
    const conversationId = (await chatState()).entries[0]!.activity.conversation!.id;
    const response = await fetch(
      `${em.origin}/v3/conversations/${encodeURIComponent(conversationId)}/activities`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'spoofed' }),
      },
    );
    expect(response.status).toBe(401);
  });

  it('lists the members of the conversation as Teams accounts', async () => {
    if (!running.bot.reference) throw new Error('the install test runs first');
    let members: { id: string; aadObjectId?: string; name: string }[] = [];
    await running.adapter.continueConversationAsync(appId, running.bot.reference, async (context) => {
      const connector = context.turnState.get(running.adapter.ConnectorClientKey);
      members = await connector.conversations.getConversationMembers(context.activity.conversation.id);
    });
    expect(members).toEqual([
      expect.objectContaining({ id: `29:${adele.id}`, aadObjectId: adele.id, name: 'Adele Vance' }),
    ]);
  });
});
