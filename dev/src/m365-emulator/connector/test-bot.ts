import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ActivityHandler,
  CloudAdapter,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationReference,
} from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';

/** A real botbuilder bot: CloudAdapter behind a plain Node HTTP server. */
export class TestBot extends ActivityHandler {
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

export interface RunningBot {
  bot: TestBot;
  adapter: CloudAdapter;
  endpoint: string;
  close(): Promise<void>;
}

export async function startBot(auth: BotFrameworkAuthentication): Promise<RunningBot> {
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
