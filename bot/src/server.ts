// The bot's HTTP face: POST /api/messages (activities from the channel, authenticated by CloudAdapter)
// and GET /health.
import restify from 'restify';
import type { ActivityHandlerBase, CloudAdapter } from 'botbuilder';

export interface BotServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startBotServer(options: {
  adapter: CloudAdapter;
  bot: ActivityHandlerBase;
  port: number;
  host?: string;
}): Promise<BotServer> {
  const server = restify.createServer({ name: 'tandem-bot' });
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await options.adapter.process(req, res, (context) => options.bot.run(context));
  });
  server.get('/health', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
