// The Teams bot as a process: settings from the environment, restify on TANDEM_BOT_PORT, and the
// bot-outbox consumer. Stops cleanly on SIGINT/SIGTERM.
import { createBotRuntime } from './runtime.js';
import { startBotServer } from './server.js';
import { BotSettingsError, readBotSettings } from './settings.js';

let settings;
try {
  settings = readBotSettings();
} catch (error) {
  if (!(error instanceof BotSettingsError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const runtime = createBotRuntime(settings);
await runtime.ensureStorage();
const server = await startBotServer({
  adapter: runtime.adapter,
  bot: runtime.bot,
  port: settings.port,
  host: process.env.WEBSITE_SITE_NAME ? '0.0.0.0' : '127.0.0.1',
});
runtime.outbox.start();
console.log(
  `Tandem bot at ${server.url}/api/messages (${settings.app ? `app ${settings.app.id}` : 'no app: unauthenticated, local emulator only'})`,
);

const stop = () => void Promise.all([runtime.outbox.stop(), server.close()]).then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
