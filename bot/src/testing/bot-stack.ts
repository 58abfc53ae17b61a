// The bot for integration tests: its real runtime and restify server on a free port, Azurite in-process,
// and the Microsoft 365 emulator as the Teams channel (Bot Connector, chat pages, Entra). Nothing is
// mocked; tests act as Teams users do (install, type, press buttons) and read the emulated chat.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startAzurite, type RunningAzurite } from '@tandem/dev/azurite';
import { startEmulator, type EmulatorHandle, type UserRecord } from '@tandem/dev/m365-emulator';
import { createBotRuntime, type BotRuntime } from '../runtime.js';
import { readBotSettings } from '../settings.js';

// The bot's HTTP server runs as its own process (`bot/src/main.ts`, as deployed): restify patches
// Node's http.IncomingMessage when loaded, which would break the Azurite running inside the test
// process. The test process keeps a runtime of its own on the same storage and channel, without the
// server, to read the bot's tables and to drive the bot-outbox consumer step by step.

/** One entry of the emulated chat transcript (GET /teams/chat/{user}/state). */
export interface ChatEntry {
  direction: 'toBot' | 'fromBot';
  notice: string | null;
  updatedAt: string | null;
  activity: {
    id: string;
    type: string;
    text?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
  };
}

export interface BotStack {
  emulator: EmulatorHandle;
  azurite: RunningAzurite;
  /** The bot's runtime in the test process (same settings and storage; no HTTP server). */
  runtime: BotRuntime;
  /** The bot process's address, e.g. http://127.0.0.1:PORT. */
  url: string;
  /** The bot's app id; empty when it runs without one. */
  appId: string;
  /** Log lines of the in-process runtime and of the bot process. */
  logs: string[];
  chat(user: UserRecord): Promise<ChatEntry[]>;
  install(user: UserRecord): Promise<Response>;
  say(user: UserRecord, text: string): Promise<Response>;
  press(
    user: UserRecord,
    activityId: string,
    action: { verb: string; data?: Record<string, unknown> },
  ): Promise<Response>;
  /** Waits until `probe` returns something (polling the real services), or fails naming `what`. */
  eventually<T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T>;
  stop(): Promise<void>;
}

export interface BotStackOptions {
  /** Start the bot process (default); without it only the in-process runtime runs (no HTTP server). */
  serve?: boolean;
  /** Run with a Bot Framework app registered in the emulator (both directions authenticated). */
  withApp?: boolean;
  /** An emulator (and Azurite) already running, e.g. the API test stack's. */
  emulator?: EmulatorHandle;
  azurite?: RunningAzurite;
  /** The API the bot calls; an address nobody answers when the test does not need it. */
  apiBaseUrl?: string;
  apiAppIdUri?: string;
  /** The bot's app, when the caller registered it (e.g. with the API's bot role). */
  app?: { clientId: string; clientSecret: string };
  outbox?: { visibilityTimeoutSeconds?: number; retryDelaySeconds?: number; maxDequeues?: number };
}

export async function startBotStack(options: BotStackOptions = {}): Promise<BotStack> {
  const emulator = options.emulator ?? (await startEmulator());
  const azurite = options.azurite ?? (await startAzurite());
  const app =
    options.app ??
    (options.withApp
      ? (() => {
          const registered = emulator.registerApp({
            displayName: 'Tandem bot',
            clientSecret: 'bot-test-secret',
          });
          return { clientId: registered.clientId, clientSecret: 'bot-test-secret' };
        })()
      : undefined);
  const port = await freePort();
  const env: Record<string, string> = {
    TANDEM_BOT_PORT: String(port),
    TANDEM_API_BASE_URL: options.apiBaseUrl ?? 'http://127.0.0.1:9',
    AzureWebJobsStorage: azurite.connectionString,
    TANDEM_AUTH_AUTHORITY: emulator.authorityHost,
    TANDEM_BOT_CHANNEL_OPENID_URL: `${emulator.origin}/botframework/v1/.well-known/openidconfiguration`,
    TANDEM_BOT_SERVICE_URL: `${emulator.origin}/`,
    ...(app && {
      TANDEM_BOT_APP_ID: app.clientId,
      TANDEM_BOT_APP_SECRET: app.clientSecret,
      TANDEM_BOT_TENANT_ID: emulator.tenantId,
      TANDEM_API_APP_ID_URI: options.apiAppIdUri ?? 'api://not-used-by-this-test',
    }),
  };
  const logs: string[] = [];
  const runtime = createBotRuntime(readBotSettings(env), {
    log: (line) => logs.push(line),
    // A failed message comes back at once, so retries take no waiting.
    outbox: { visibilityTimeoutSeconds: 30, retryDelaySeconds: 0, ...options.outbox },
  });
  await runtime.ensureStorage();
  const serve = options.serve ?? true;
  const child = serve ? await startBotProcess(env, port, logs) : undefined;
  // Without the bot process the channel still knows the bot (it opens chats for it), at an address nobody answers.
  const url = `http://127.0.0.1:${serve ? port : 9}`;
  const appId = app?.clientId ?? '';

  const post = (path: string, body: unknown, method = 'POST') =>
    fetch(`${emulator.origin}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const registered = await post(
    '/_admin/bot',
    { endpoint: `${url}/api/messages`, appId, name: 'Tandem' },
    'PUT',
  );
  if (registered.status !== 200) throw new Error(`registering the bot answered ${registered.status}`);

  const chatPath = (user: UserRecord) => `/teams/chat/${encodeURIComponent(user.id)}`;
  return {
    emulator,
    azurite,
    runtime,
    url,
    appId,
    logs,
    async chat(user) {
      const response = await fetch(`${emulator.origin}${chatPath(user)}/state`);
      return ((await response.json()) as { entries: ChatEntry[] }).entries;
    },
    install: (user) => post(`${chatPath(user)}/install`, {}),
    say: (user, text) => post(`${chatPath(user)}/messages`, { text }),
    press: (user, activityId, action) =>
      post(`${chatPath(user)}/actions`, { activityId, action: { type: 'Action.Execute', ...action } }),
    async eventually(what, probe) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const found = await probe();
        if (found !== undefined && found !== false) return found;
        if (Date.now() > deadline) throw new Error(`Still waiting for ${what}.`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      await runtime.outbox.stop();
      if (child) await stopProcess(child);
      if (!options.emulator) await emulator.stop();
      if (!options.azurite) await azurite.stop();
    },
  };
}

const mainEntry = fileURLToPath(new URL('../main.ts', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `bot/src/main.ts` with `env` and waits until it answers its health check. */
async function startBotProcess(
  env: Record<string, string>,
  port: number,
  logs: string[],
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--conditions=tandem-source', '--import', 'tsx', mainEntry], {
    env: { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) => logs.push(...chunk.toString('utf8').trimEnd().split('\n')));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`The bot process exited (${child.exitCode}): ${logs.join('\n')}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return child;
    if (Date.now() > deadline) throw new Error(`The bot process did not answer: ${logs.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The text of every TextBlock and fact of a card, for assertions that read like the card does. */
export function cardText(entry: ChatEntry | undefined): string {
  const content = entry?.activity.attachments?.[0]?.content;
  return content ? JSON.stringify(content) : (entry?.activity.text ?? '');
}
