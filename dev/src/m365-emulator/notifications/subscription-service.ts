import { randomUUID } from 'node:crypto';
import type { DeliveryQueue } from './delivery-queue.js';
import { GraphError, invalidUser } from '../errors.js';
import { validateNotificationEndpoint, type HandshakeResult } from './handshake.js';
import { changeNotificationFor, lifecycleNotificationFor } from './payloads.js';
import { parseEventResource } from './resource.js';
import { parseCreateSubscription, parseUpdateSubscription } from './subscription-body.js';
import type { ChangeType, LifecycleEvent, StoredSubscription } from './types.js';

/** Who calls the subscription endpoints, as the emulator's token check saw it. */
export interface SubscriptionCaller {
  /** The signed-in user for delegated tokens; `null` for app-only tokens. */
  userId: string | null;
  appId: string;
}

/** What the service needs to know about mailboxes; the emulator's store answers it. */
export interface MailboxDirectory {
  /** A user id or userPrincipalName → the user's id and tenant, or `null` when there is no such user. */
  resolveUser(ref: string): { id: string; tenantId: string } | null;
  hasCalendar(userId: string, calendarId: string): boolean;
  /** Throws Graph's 403 unless the caller may read that mailbox's calendars. */
  authorizeCalendarRead(userId: string): void;
}

/** One change of the event store, as the notifier needs it. */
export interface EventChange {
  changeType: ChangeType;
  tenantId: string;
  userId: string;
  calendarId: string;
  eventId: string;
  changeKey: string;
}

export interface SubscriptionServiceOptions {
  delivery: DeliveryQueue;
  /** Longest lifetime accepted for an event subscription, read on every request (default 10,080). */
  maxExpirationMinutes?: () => number;
  handshakeTimeoutMs?: number;
  now?: () => Date;
  /**
   * Where subscriptions live: a JSON bag read on every use, so the emulator's state file and
   * `restart()` carry them (default: this service's own object).
   */
  storage?: () => Record<string, StoredSubscription>;
}

/** Map-like access to the subscriptions bag. */
class SubscriptionTable {
  constructor(private readonly bag: Record<string, StoredSubscription>) {}

  get(id: string): StoredSubscription | undefined {
    return Object.hasOwn(this.bag, id) ? this.bag[id] : undefined;
  }

  set(id: string, subscription: StoredSubscription): void {
    this.bag[id] = subscription;
  }

  delete(id: string): boolean {
    return Object.hasOwn(this.bag, id) && Reflect.deleteProperty(this.bag, id);
  }

  values(): StoredSubscription[] {
    return Object.values(this.bag);
  }
}

const MAX_SUBSCRIPTIONS_PER_MAILBOX = 1_000;

/**
 * Graph's `/subscriptions` for Outlook events: creation behind the validation handshake, renewal,
 * reauthorization, deletion and expiry, and the fan-out of store changes to change notifications.
 */
export class SubscriptionService {
  private readonly storage: () => Record<string, StoredSubscription>;
  private readonly delivery: DeliveryQueue;
  private readonly handshakeTimeoutMs: number;
  private readonly now: () => Date;
  private readonly maxExpirationMinutes: () => number;

  constructor(options: SubscriptionServiceOptions) {
    this.delivery = options.delivery;
    this.maxExpirationMinutes = options.maxExpirationMinutes ?? (() => 10_080);
    this.handshakeTimeoutMs = options.handshakeTimeoutMs ?? 10_000;
    this.now = options.now ?? (() => new Date());
    const own: Record<string, StoredSubscription> = {};
    this.storage = options.storage ?? (() => own);
  }

  private get subscriptions(): SubscriptionTable {
    return new SubscriptionTable(this.storage());
  }

  async create(
    caller: SubscriptionCaller,
    directory: MailboxDirectory,
    rawBody: unknown,
  ): Promise<StoredSubscription> {
    const body = parseCreateSubscription(rawBody);
    const parsed = parseEventResource(body.resource);
    const { id: userId, tenantId } = this.resolveMailbox(caller, directory, parsed.userRef);
    if (parsed.calendarId !== null && !directory.hasCalendar(userId, parsed.calendarId)) {
      throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    }
    this.checkExpiration(body.expirationDateTime);
    this.sweep();
    const inMailbox = [...this.subscriptions.values()].filter((s) => s.target.userId === userId).length;
    if (inMailbox >= MAX_SUBSCRIPTIONS_PER_MAILBOX) {
      throw new GraphError(
        403,
        'ExtensionError',
        `The mailbox already has ${MAX_SUBSCRIPTIONS_PER_MAILBOX} subscriptions, the most Outlook allows.`,
      );
    }
    await this.handshake(body.notificationUrl);
    if (body.lifecycleNotificationUrl !== null) await this.handshake(body.lifecycleNotificationUrl);
    const subscription: StoredSubscription = {
      id: randomUUID(),
      resource: body.resource,
      changeTypes: body.changeTypes,
      notificationUrl: body.notificationUrl,
      lifecycleNotificationUrl: body.lifecycleNotificationUrl,
      clientState: body.clientState,
      expirationDateTime: body.expirationDateTime.toISOString(),
      applicationId: caller.appId,
      creatorId: caller.userId ?? caller.appId,
      latestSupportedTlsVersion: body.latestSupportedTlsVersion,
      target: { tenantId, userId, calendarId: parsed.calendarId },
      reauthorizationRequired: false,
    };
    this.subscriptions.set(subscription.id, subscription);
    return subscription;
  }

  /** The caller's own subscriptions (Graph lists only those the calling app created). */
  list(caller: SubscriptionCaller): StoredSubscription[] {
    this.sweep();
    return [...this.subscriptions.values()].filter((s) => this.owns(caller, s));
  }

  get(caller: SubscriptionCaller, id: string): StoredSubscription {
    this.sweep();
    const subscription = this.subscriptions.get(id);
    if (!subscription || !this.owns(caller, subscription)) throw notFound(id);
    return subscription;
  }

  /** PATCH: renews (and reauthorizes) a subscription, or points it at a new notificationUrl. */
  async update(caller: SubscriptionCaller, id: string, rawBody: unknown): Promise<StoredSubscription> {
    const subscription = this.get(caller, id);
    const update = parseUpdateSubscription(rawBody);
    if (update.expirationDateTime) this.checkExpiration(update.expirationDateTime);
    if (update.notificationUrl) await this.handshake(update.notificationUrl);
    if (update.expirationDateTime) subscription.expirationDateTime = update.expirationDateTime.toISOString();
    if (update.notificationUrl) subscription.notificationUrl = update.notificationUrl;
    subscription.reauthorizationRequired = false;
    return subscription;
  }

  /** POST /subscriptions/{id}/reauthorize: resumes a paused subscription without extending it. */
  reauthorize(caller: SubscriptionCaller, id: string): void {
    this.get(caller, id).reauthorizationRequired = false;
  }

  delete(caller: SubscriptionCaller, id: string): void {
    this.get(caller, id);
    this.subscriptions.delete(id);
  }

  /** Every live subscription, for the admin endpoints and the views. */
  all(): StoredSubscription[] {
    this.sweep();
    return [...this.subscriptions.values()];
  }

  /**
   * Turns one store change into change notifications for every matching live subscription.
   * Subscriptions waiting for reauthorization get nothing, as in Graph once delivery pauses.
   */
  notifyChange(change: EventChange): void {
    this.sweep();
    for (const subscription of this.subscriptions.values()) {
      if (subscription.reauthorizationRequired) continue;
      if (!subscription.changeTypes.includes(change.changeType)) continue;
      const target = subscription.target;
      if (target.userId !== change.userId) continue;
      if (target.calendarId !== null && target.calendarId !== change.calendarId) continue;
      this.delivery.enqueue(
        subscription.notificationUrl,
        changeNotificationFor(subscription, change.changeType, change, change.tenantId),
      );
    }
  }

  /**
   * Sends a lifecycle notification to the subscription's lifecycleNotificationUrl and applies its
   * meaning: `reauthorizationRequired` pauses change notifications, `subscriptionRemoved` removes
   * the subscription, `missed` changes nothing.
   */
  triggerLifecycle(id: string, lifecycleEvent: LifecycleEvent): StoredSubscription {
    this.sweep();
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw notFound(id);
    if (lifecycleEvent === 'reauthorizationRequired') subscription.reauthorizationRequired = true;
    if (lifecycleEvent === 'subscriptionRemoved') this.subscriptions.delete(id);
    if (subscription.lifecycleNotificationUrl !== null) {
      this.delivery.enqueue(
        subscription.lifecycleNotificationUrl,
        lifecycleNotificationFor(subscription, lifecycleEvent, subscription.target.tenantId),
      );
    }
    return subscription;
  }

  /** Fault: the subscription reaches its expiration now and disappears, as an unrenewed one does. */
  expire(id: string): void {
    if (!this.subscriptions.delete(id)) throw notFound(id);
  }

  /** Drops subscriptions whose expirationDateTime has passed. */
  sweep(): void {
    const now = this.now().getTime();
    const table = this.subscriptions;
    for (const subscription of table.values()) {
      if (Date.parse(subscription.expirationDateTime) <= now) table.delete(subscription.id);
    }
  }

  private resolveMailbox(
    caller: SubscriptionCaller,
    directory: MailboxDirectory,
    userRef: string,
  ): { id: string; tenantId: string } {
    const ref = userRef === 'me' ? caller.userId : userRef;
    if (userRef === 'me') {
      if (caller.userId === null) {
        throw new GraphError(
          400,
          'BadRequest',
          '/me request is only valid with delegated authentication flow.',
        );
      }
    }
    const user = ref === null ? null : directory.resolveUser(ref);
    if (user === null) {
      throw invalidUser(userRef);
    }
    directory.authorizeCalendarRead(user.id);
    return user;
  }

  private checkExpiration(expiration: Date): void {
    const now = this.now().getTime();
    if (expiration.getTime() <= now) {
      throw new GraphError(400, 'InvalidRequest', 'Subscription expiration must be in the future.');
    }
    const maxMinutes = this.maxExpirationMinutes();
    if (expiration.getTime() > now + maxMinutes * 60_000) {
      throw new GraphError(
        400,
        'ExtensionError',
        `Subscription expiration can only be ${maxMinutes} minutes in the future.`,
      );
    }
  }

  private async handshake(url: string): Promise<void> {
    const result: HandshakeResult = await validateNotificationEndpoint(url, {
      timeoutMs: this.handshakeTimeoutMs,
    });
    if (result.ok) return;
    if (result.failure === 'timeout') {
      throw new GraphError(400, 'InvalidRequest', `Subscription validation request timed out. (${url})`);
    }
    throw new GraphError(
      400,
      'ValidationError',
      `Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request. (${url}: ${result.detail})`,
    );
  }

  private owns(caller: SubscriptionCaller, subscription: StoredSubscription): boolean {
    return subscription.applicationId === caller.appId;
  }
}

function notFound(id: string): GraphError {
  return new GraphError(404, 'ResourceNotFound', `The object was not found: subscription '${id}'.`);
}
