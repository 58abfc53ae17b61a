// Reads bot-outbox and shows each booking event to its host as a card. A message is deleted only after
// its card was sent; one that fails stays on the queue and comes back after the visibility timeout; one
// that failed `maxDequeues` times, or can never be shown (not a booking event), is moved to
// bot-outbox-poison with a log line saying why. Each event id is sent at most once.
import type { DequeuedMessageItem, QueueClient } from '@azure/storage-queue';
import { bookingEventMessageSchema, type BookingEventMessage } from '@tandem/api/contracts';
import {
  bookingEventView,
  bookingOutcomeView,
  type CardLinks,
  type Outcome,
} from '../cards/booking-views.js';
import { cardAttachment } from '../cards/render.js';
import type { ApprovalCards } from '../store/approval-cards.js';
import type { SentEvents } from '../store/sent-events.js';
import type { HostNotifier } from './host-notifier.js';
import { decodeQueueMessage } from './queue-messages.js';
import { errorText } from '../error-text.js';

export interface OutboxConsumerOptions {
  outbox: QueueClient;
  poison: QueueClient;
  sent: SentEvents;
  /** Where "needs approval" cards went, to replace them with the outcome once decided. */
  approvalCards?: ApprovalCards;
  notifier: Pick<HostNotifier, 'send' | 'update'>;
  links?: CardLinks;
  log?: (line: string) => void;
  /** How long a message being shown stays hidden from other readers (a lease longer than one send). */
  visibilityTimeoutSeconds?: number;
  /** When a failed message is offered again. @default 30 */
  retryDelaySeconds?: number;
  /** @default 5 (as the Functions runtime's queue trigger) */
  maxDequeues?: number;
  /** Pause between empty polls. @default 1000 */
  idlePollMs?: number;
}

export type MessageOutcome = 'sent' | 'duplicate' | 'inFlight' | 'retry' | 'setAside';

export class OutboxConsumer {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly log: (line: string) => void;

  constructor(private readonly options: OutboxConsumerOptions) {
    this.log = options.log ?? ((line) => console.log(line));
  }

  /** One batch: receives up to 16 messages and handles each. */
  async drainOnce(): Promise<MessageOutcome[]> {
    const received = await this.options.outbox.receiveMessages({
      numberOfMessages: 16,
      visibilityTimeout: this.options.visibilityTimeoutSeconds ?? 60,
    });
    return Promise.all(received.receivedMessageItems.map((m) => this.handle(m)));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        let handled = 0;
        try {
          handled = (await this.drainOnce()).length;
        } catch (error) {
          this.log(`bot-outbox: could not read the queue: ${errorText(error)}`);
        }
        if (handled === 0 && this.running) await this.pause(this.options.idlePollMs ?? 1_000);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async handle(item: DequeuedMessageItem): Promise<MessageOutcome> {
    let message: BookingEventMessage;
    try {
      const parsed = bookingEventMessageSchema.safeParse(decodeQueueMessage(item.messageText));
      if (!parsed.success) {
        const fields = parsed.error.issues.map((i) => i.path.join('.') || '(message)').join(', ');
        return await this.setAside(item, `it is not a booking event (wrong or missing: ${fields})`);
      }
      message = parsed.data;
    } catch {
      return this.setAside(item, 'it is not JSON (nor base64 of JSON)');
    }

    const claim = await this.options.sent.claim(message.eventId);
    if (claim === 'alreadySent') {
      await this.delete(item);
      return 'duplicate';
    }
    // Another copy is being sent right now: look again soon, when it has been sent (duplicate) or failed.
    if (claim === 'inFlight') {
      await this.retryLater(item);
      return 'inFlight';
    }

    try {
      const activity = {
        attachments: [cardAttachment('booking-event', bookingEventView(message, this.options.links))],
      };
      const activityId = await this.options.notifier.send(message.tenantId, message.hostId, activity);
      await this.options.sent.markSent(message.eventId, activityId);
      await this.followApprovalCard(message, activityId);
    } catch (error) {
      await this.options.sent.release(message.eventId);
      const reason = errorText(error);
      const max = this.options.maxDequeues ?? 5;
      if (item.dequeueCount >= max)
        return this.setAside(
          item,
          `sending to host ${message.hostId} failed ${item.dequeueCount} times; last: ${reason}`,
          message.eventId,
        );
      this.log(
        `bot-outbox: event ${message.eventId} for host ${message.hostId} not sent (try ${item.dequeueCount} of ${max}), will retry: ${reason}`,
      );
      await this.retryLater(item);
      return 'retry';
    }
    await this.delete(item);
    return 'sent';
  }

  /**
   * Remembers a "needs approval" card; replaces it with the outcome when the booking is decided, so
   * its buttons do not linger. Best effort: the event's own card is already sent either way.
   */
  private async followApprovalCard(
    message: BookingEventMessage,
    activityId: string | undefined,
  ): Promise<void> {
    const cards = this.options.approvalCards;
    if (!cards) return;
    const bookingId = message.booking.id;
    try {
      if (message.event === 'needsApproval') {
        if (activityId)
          await cards.remember(bookingId, { tenantId: message.tenantId, hostId: message.hostId, activityId });
        return;
      }
      const outcome: Outcome | undefined = (
        { approved: 'accepted', declined: 'declined', cancelled: 'cancelled' } as Partial<
          Record<string, Outcome>
        >
      )[message.event];
      if (!outcome) return;
      const card = await cards.find(bookingId);
      if (!card) return;
      const view = bookingOutcomeView(message.booking, {
        pageTitle: message.page.title,
        timeZone: message.hostTimeZone,
        outcome,
      });
      await this.options.notifier.update(card, { attachments: [cardAttachment('booking-event', view)] });
      await cards.forget(bookingId);
    } catch (error) {
      this.log(
        `bot-outbox: the approval card of booking ${bookingId} was not brought up to date: ${errorText(error)}`,
      );
    }
  }

  private async setAside(item: DequeuedMessageItem, why: string, eventId?: string): Promise<'setAside'> {
    await this.options.poison.createIfNotExists();
    await this.options.poison.sendMessage(item.messageText);
    await this.delete(item);
    this.log(
      `bot-outbox: set aside message ${item.messageId}${eventId ? ` (event ${eventId})` : ''} on bot-outbox-poison because ${why}.`,
    );
    return 'setAside';
  }

  private async retryLater(item: DequeuedMessageItem): Promise<void> {
    await this.options.outbox
      .updateMessage(item.messageId, item.popReceipt, undefined, this.options.retryDelaySeconds ?? 30)
      .catch(() => undefined); // the lease ran out: the message is visible again anyway
  }

  private async delete(item: DequeuedMessageItem): Promise<void> {
    try {
      await this.options.outbox.deleteMessage(item.messageId, item.popReceipt);
    } catch (error) {
      // The lease ran out and another read holds the message: that read finds the event already sent.
      this.log(
        `bot-outbox: message ${item.messageId} handled but not deleted (${errorText(error)}); it will be recognised as sent.`,
      );
    }
  }
}
