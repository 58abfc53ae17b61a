// Queue message text as the API writes it: base64 of the UTF-8 JSON (the Functions runtime's default),
// plain JSON accepted too.
import { QueueClient } from '@azure/storage-queue';

export const outboxQueueNames = {
  outbox: 'bot-outbox',
  /** Messages that kept failing or can never be shown, kept for a person to look at. */
  poison: 'bot-outbox-poison',
} as const;

export function decodeQueueMessage(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return JSON.parse(trimmed);
  return JSON.parse(Buffer.from(trimmed, 'base64').toString('utf8'));
}

export function encodeQueueMessage(message: unknown): string {
  return Buffer.from(JSON.stringify(message), 'utf8').toString('base64');
}

export function outboxQueues(connectionString: string): { outbox: QueueClient; poison: QueueClient } {
  return {
    outbox: new QueueClient(connectionString, outboxQueueNames.outbox),
    poison: new QueueClient(connectionString, outboxQueueNames.poison),
  };
}
