// Everything the bot runs, built from its settings: the CloudAdapter, the Teams bot, its stores, the
// API client and the bot-outbox consumer. `main.ts` serves it; tests build it the same way.
import { CloudAdapter } from 'botbuilder';
import { apiAppToken } from './auth/app-token.js';
import { botFrameworkAuthentication } from './auth/bot-framework-auth.js';
import { tandemApi, type TandemApi } from './api/tandem-api.js';
import { HostNotifier } from './outbox/host-notifier.js';
import { OutboxConsumer, type OutboxConsumerOptions } from './outbox/outbox-consumer.js';
import { outboxQueues } from './outbox/queue-messages.js';
import type { BotSettings } from './settings.js';
import { ConversationStore } from './store/conversations.js';
import { ApprovalCards } from './store/approval-cards.js';
import { SentEvents } from './store/sent-events.js';
import { openBotTables, type BotTables } from './store/tables.js';
import { TandemBot } from './teams/tandem-bot.js';
import { errorText } from './error-text.js';

export interface BotRuntime {
  settings: BotSettings;
  adapter: CloudAdapter;
  bot: TandemBot;
  api: TandemApi;
  tables: BotTables;
  conversations: ConversationStore;
  notifier: HostNotifier;
  outbox: OutboxConsumer;
  /** Creates the tables and queues the bot uses when they do not exist. */
  ensureStorage(): Promise<void>;
}

export function createBotRuntime(
  settings: BotSettings,
  options: {
    log?: (line: string) => void;
    outbox?: Pick<
      OutboxConsumerOptions,
      'visibilityTimeoutSeconds' | 'retryDelaySeconds' | 'maxDequeues' | 'idlePollMs'
    >;
  } = {},
): BotRuntime {
  const log = options.log ?? ((line: string) => console.log(line));
  const adapter = new CloudAdapter(botFrameworkAuthentication(settings));
  adapter.onTurnError = async (context, error) => {
    log(`turn error (${context.activity.type}): ${errorText(error)}`);
    await context
      .sendActivity('Something went wrong on my side; please try again in a moment.')
      .catch(() => undefined);
  };
  const api = tandemApi({ baseUrl: settings.api.baseUrl, appToken: apiAppToken(settings) });
  const tables = openBotTables(settings.storageConnectionString);
  const conversations = new ConversationStore(tables);
  const links = settings.publicBaseUrl ? { publicBaseUrl: settings.publicBaseUrl } : {};
  const bot = new TandemBot({ api, conversations, log, ...links });
  const notifier = new HostNotifier({
    adapter,
    conversations,
    appId: settings.app?.id ?? '',
    serviceUrl: settings.serviceUrl,
  });
  const queues = outboxQueues(settings.storageConnectionString);
  const outbox = new OutboxConsumer({
    ...queues,
    sent: new SentEvents(tables),
    approvalCards: new ApprovalCards(tables),
    notifier,
    links,
    log,
    ...options.outbox,
  });
  return {
    settings,
    adapter,
    bot,
    api,
    tables,
    conversations,
    notifier,
    outbox,
    async ensureStorage() {
      await tables.ensure();
      await Promise.all([queues.outbox.createIfNotExists(), queues.poison.createIfNotExists()]);
    },
  };
}
