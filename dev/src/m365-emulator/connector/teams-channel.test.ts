import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfidentialClientApplication } from '@azure/msal-node';
import {
  ActivityHandler,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationReference,
  TurnContext,
} from 'botbuilder';
import { MsalServiceClientCredentialsFactory } from 'botframework-connector';
import { startEmulator, type EmulatorHandle, type UserRecord } from '../index.js';
import { CHANNEL_OPENID_PATH } from './channel-tokens.js';
import type { ChatEntry } from './conversation-store.js';

/** A real botbuilder bot: CloudAdapter behind a plain Node HTTP server. */
class TestBot extends ActivityHandler {
  readonly received: { type: string; name?: string; text?: string; value?: unknown }[] = [];
  reference: Partial<ConversationReference> | null = null;

  constructor() {
    super();
    this.onMessage(async (context, next) => {
      this.received.push({ type: 'message', text: context.activity.text });
      await context.sendActivity(`You said: ${context.activity.text}`);
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      this.received.push({ type: 'conversationUpdate' });
      this.reference = TurnContext.getConversationReference(context.activity);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    this.received.push({ type: 'invoke', name: context.activity.name, value: invokeValue });
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: `Approved by ${String(invokeValue.action.data.by)}` }],
      },
    };
  }
}

interface RunningBot {
  bot: TestBot;
  adapter: CloudAdapter;
  endpoint: string;
  close(): Promise<void>;
}

async function startBot(auth: ConfigurationBotFrameworkAuthentication): Promise<RunningBot> {
  const bot = new TestBot();
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (_context, error) => {
    console.error('bot turn error', error);
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      let status = 200;
      const response = {
        socket: res.socket,
        status: (code: number) => {
          status = code;
        },
        header: (name: string, value: unknown) => res.setHeader(name, String(value)),
        send: (payload: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
        },
        end: () => {
          if (!res.writableEnded) res.writeHead(status).end();
        },
      };
      void adapter.process({ body, headers: req.headers, method: req.method }, response, (context) =>
        bot.run(context),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    bot,
    adapter,
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

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
