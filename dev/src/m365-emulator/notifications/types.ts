/** The change types Graph accepts for Outlook event subscriptions. */
export type ChangeType = 'created' | 'updated' | 'deleted';

export const CHANGE_TYPES: readonly ChangeType[] = ['created', 'updated', 'deleted'];

/** Lifecycle events Graph sends to `lifecycleNotificationUrl` for Outlook events. */
export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

export const LIFECYCLE_EVENTS: readonly LifecycleEvent[] = [
  'reauthorizationRequired',
  'subscriptionRemoved',
  'missed',
];

/** What a subscription watches: every event of a mailbox, or the events of one calendar. */
export interface SubscriptionTarget {
  tenantId: string;
  userId: string;
  /** `null` = every calendar of the mailbox (`me/events`, `users/{id}/events`). */
  calendarId: string | null;
}

/** A subscription as the emulator keeps it; `toGraphSubscription` turns it into Graph's resource. */
export interface StoredSubscription {
  id: string;
  resource: string;
  changeTypes: ChangeType[];
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  clientState: string | null;
  /** ISO 8601 UTC; kept as text so the subscription is saved with the emulator's state. */
  expirationDateTime: string;
  applicationId: string;
  creatorId: string;
  latestSupportedTlsVersion: string;
  target: SubscriptionTarget;
  /** Set by `reauthorizationRequired`; change notifications pause until reauthorize or renew. */
  reauthorizationRequired: boolean;
}

/** One entry of a change notification POST (`changeNotificationCollection.value[]`). */
export interface ChangeNotification {
  subscriptionId: string;
  subscriptionExpirationDateTime: string;
  clientState: string | null;
  changeType: ChangeType;
  resource: string;
  tenantId: string;
  resourceData: {
    '@odata.type': '#Microsoft.Graph.Event';
    '@odata.id': string;
    '@odata.etag': string;
    id: string;
  };
}

/** One entry of a lifecycle notification POST. */
export interface LifecycleNotification {
  subscriptionId: string;
  subscriptionExpirationDateTime: string;
  tenantId: string;
  clientState: string | null;
  lifecycleEvent: LifecycleEvent;
}

export type NotificationItem = ChangeNotification | LifecycleNotification;
