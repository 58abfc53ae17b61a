import { QueueClient } from '@azure/storage-queue';

/** Every queue Tandem uses (names: lowercase, 3–63 characters). */
export const queueNames = {
  /** Webhook intake → delta sync worker. */
  graphNotifications: 'graph-notifications',
  /** Booking service → bot (cards to hosts and approvals). */
  botOutbox: 'bot-outbox',
  /** `POST /api/sync/selftest` → the worker that runs the steps (work after an answer may be stopped). */
  syncSelfTest: 'sync-selftest',
} as const;
export type QueueName = keyof typeof queueNames;

export interface Queues {
  client(name: QueueName): QueueClient;
  /** Sends a JSON message the way a Functions queue trigger reads it (base64 text). */
  send(name: QueueName, message: unknown, options?: { visibilityTimeoutSeconds?: number }): Promise<void>;
  ensure(): Promise<void>;
}

/** Base64 of the UTF-8 JSON: the Functions runtime's default queue message encoding. */
export function encodeQueueMessage(message: unknown): string {
  return Buffer.from(JSON.stringify(message), 'utf8').toString('base64');
}

/** The JSON inside a base64 queue message; plain JSON text is accepted too. */
export function decodeQueueMessage(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('"'))
    return JSON.parse(trimmed);
  const decoded = Buffer.from(trimmed, 'base64').toString('utf8');
  try {
    return JSON.parse(decoded);
  } catch {
    return decoded;
  }
}

export function openQueues(connectionString: string): Queues {
  const clients = new Map<QueueName, QueueClient>();
  const client = (name: QueueName) => {
    let found = clients.get(name);
    if (!found) {
      found = new QueueClient(connectionString, queueNames[name]);
      clients.set(name, found);
    }
    return found;
  };
  return {
    client,
    async send(name, message, options = {}) {
      await client(name).sendMessage(encodeQueueMessage(message), {
        ...(options.visibilityTimeoutSeconds !== undefined && {
          visibilityTimeout: options.visibilityTimeoutSeconds,
        }),
      });
    },
    async ensure() {
      await Promise.all(Object.keys(queueNames).map((name) => client(name as QueueName).createIfNotExists()));
    },
  };
}
