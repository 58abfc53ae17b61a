// The Teams bot as a process: settings from the environment, restify on TANDEM_BOT_PORT, and the
// bot-outbox consumer. Anything that stops it from starting is said in one sentence; it stops cleanly
// on SIGINT/SIGTERM.
import { createBotRuntime } from './runtime.js';
import { startBotServer } from './server.js';
import { BotSettingsError, readBotSettings, type BotSettings } from './settings.js';
import { errorText } from './error-text.js';

function fail(sentence: string): never {
  console.error(sentence);
  process.exit(1);
}

let settings: BotSettings;
try {
  settings = readBotSettings();
} catch (error) {
  if (!(error instanceof BotSettingsError)) throw error;
  fail(error.message);
}

const runtime = createBotRuntime(settings);
await runtime
  .ensureStorage()
  .catch((error: unknown) =>
    fail(
      `The bot cannot reach its storage (${errorText(error)}): check AzureWebJobsStorage or the Azurite ports.`,
    ),
  );
const server = await startBotServer({
  adapter: runtime.adapter,
  bot: runtime.bot,
  port: settings.port,
  // App Service forwards requests to the container's interface; locally only this machine may call.
  host: process.env.WEBSITE_SITE_NAME ? '0.0.0.0' : '127.0.0.1',
}).catch((error: unknown) => fail(`The bot cannot listen on port ${settings.port} (${errorText(error)}).`));
runtime.outbox.start();
console.log(
  `Tandem bot at ${server.url}/api/messages (${settings.app ? `app ${settings.app.id}` : 'no app: unauthenticated, local emulator only'})`,
);

const stop = () => void Promise.all([runtime.outbox.stop(), server.close()]).then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
