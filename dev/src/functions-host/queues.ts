import type { LogHandler } from '@azure/functions';
import { InvocationContext } from './azure-functions.js';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { QueueClient, type DequeuedMessageItem } from '@azure/storage-queue';
import { decodeQueueMessage, type QueueFunction, type Services } from '@tandem/api/functions';

export interface QueueListenerOptions {
  /** App settings: each trigger's `connection` names one (default `AzureWebJobsStorage`). */
  env: Record<string, string | undefined>;
  /** The runtime's host.json default. @default 5 */
  maxDequeueCount?: number;
  /** How long a message stays invisible while it is processed. @default 30 */
  visibilityTimeoutSeconds?: number;
  /** Back-off bounds when a queue is empty (the runtime backs off up to a minute; local runs stay snappy). */
  minPollMs?: number;
  maxPollMs?: number;
  /** @default 16 (the runtime's batchSize) */
  batchSize?: number;
  log: (functionName: string) => LogHandler;
}

export interface QueueListener {
  stop(): Promise<void>;
}

/**
 * Queue triggers the way the Functions runtime runs them: poll the queue, decode base64 JSON, call the
 * handler, delete the message on success; on failure make it visible again at once, and after the
 * fifth failed dequeue move it to `{queue}-poison` with its original text.
 */
export function startQueueListeners(
  definitions: readonly QueueFunction[],
  services: () => Promise<Services>,
  options: QueueListenerOptions,
): QueueListener {
  const maxDequeueCount = options.maxDequeueCount ?? 5;
  const minPoll = options.minPollMs ?? 50;
  const maxPoll = options.maxPollMs ?? 500;
  const controller = new AbortController();

  const loops = definitions.map(async (definition) => {
    const setting = definition.trigger.connection ?? 'AzureWebJobsStorage';
    const connectionString = options.env[setting];
    if (!connectionString)
      throw new Error(`Queue trigger ${definition.name}: app setting ${setting} is not set.`);
    const queue = new QueueClient(connectionString, definition.trigger.queueName);
    const poison = new QueueClient(connectionString, `${definition.trigger.queueName}-poison`);
    await queue.createIfNotExists();
    let idle = minPoll;

    const toPoison = async (message: DequeuedMessageItem) => {
      await poison.createIfNotExists();
      await poison.sendMessage(message.messageText);
      await queue.deleteMessage(message.messageId, message.popReceipt);
    };

    const process = async (message: DequeuedMessageItem) => {
      if (message.dequeueCount > maxDequeueCount) return toPoison(message);
      const context = new InvocationContext({
        invocationId: randomUUID(),
        functionName: definition.name,
        logHandler: options.log(definition.name),
        triggerMetadata: {
          id: message.messageId,
          dequeueCount: message.dequeueCount,
          insertionTime: message.insertedOn.toISOString(),
          expirationTime: message.expiresOn.toISOString(),
          nextVisibleTime: message.nextVisibleOn.toISOString(),
          popReceipt: message.popReceipt,
        },
      });
      try {
        await definition.handler(decodeQueueMessage(message.messageText), context, await services());
      } catch (error) {
        context.error(`Message ${message.messageId} failed (dequeue ${message.dequeueCount}):`, error);
        if (message.dequeueCount >= maxDequeueCount) return toPoison(message);
        await queue.updateMessage(message.messageId, message.popReceipt, undefined, 0);
        return;
      }
      await queue.deleteMessage(message.messageId, message.popReceipt);
    };

    while (!controller.signal.aborted) {
      try {
        const { receivedMessageItems } = await queue.receiveMessages({
          numberOfMessages: options.batchSize ?? 16,
          visibilityTimeout: options.visibilityTimeoutSeconds ?? 30,
          abortSignal: controller.signal,
        });
        await Promise.all(receivedMessageItems.map(process));
        idle = receivedMessageItems.length > 0 ? minPoll : Math.min(idle * 2, maxPoll);
        if (receivedMessageItems.length === 0) await sleep(idle, undefined, { signal: controller.signal });
      } catch (error) {
        if (controller.signal.aborted) break;
        console.error(`[${definition.name}] polling ${definition.trigger.queueName} failed:`, error);
        await sleep(maxPoll, undefined, { signal: controller.signal }).catch(() => undefined);
      }
    }
  });

  return {
    async stop() {
      controller.abort();
      await Promise.allSettled(loops);
    },
  };
}
