// The bot's Azure Tables (Azurite locally): conversation references and the booking events already sent.
import { TableClient, TableServiceClient } from '@azure/data-tables';

export const botTableNames = {
  conversations: 'botconversations',
  sentEvents: 'botsentevents',
  approvalCards: 'botapprovalcards',
} as const;
export type BotTableName = keyof typeof botTableNames;

export interface BotTables {
  table(name: BotTableName): TableClient;
  ensure(): Promise<void>;
}

export function openBotTables(connectionString: string): BotTables {
  // Azurite speaks plain HTTP; the SDK refuses that unless told.
  const options = {
    allowInsecureConnection: /DefaultEndpointsProtocol=http;|=http:\/\//i.test(connectionString),
  };
  const clients = new Map<BotTableName, TableClient>();
  return {
    table(name) {
      let client = clients.get(name);
      if (!client) {
        client = TableClient.fromConnectionString(connectionString, botTableNames[name], options);
        clients.set(name, client);
      }
      return client;
    },
    async ensure() {
      const service = TableServiceClient.fromConnectionString(connectionString, options);
      await Promise.all(Object.values(botTableNames).map((name) => service.createTable(name)));
    },
  };
}

/** Row and partition keys may not hold / \ # ? or control characters: base64url holds none. */
export const safeKey = (value: string) => Buffer.from(value, 'utf8').toString('base64url');

export const isStatus = (error: unknown, status: number) =>
  typeof error === 'object' && error !== null && (error as { statusCode?: unknown }).statusCode === status;
