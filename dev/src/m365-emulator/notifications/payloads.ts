import type {
  ChangeNotification,
  ChangeType,
  LifecycleEvent,
  LifecycleNotification,
  StoredSubscription,
} from './types.js';

/**
 * Graph writes instants with seven fractional digits and a `Z`.
 * @example graphInstant(new Date('2026-04-15T12:00:00Z')) // '2026-04-15T12:00:00.0000000Z'
 */
export function graphInstant(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/** The subscription resource as `POST/GET/PATCH /subscriptions` answer it (Graph v1.0 shape). */
export function toGraphSubscription(subscription: StoredSubscription): Record<string, unknown> {
  return {
    id: subscription.id,
    resource: subscription.resource,
    applicationId: subscription.applicationId,
    changeType: subscription.changeTypes.join(','),
    clientState: subscription.clientState,
    notificationUrl: subscription.notificationUrl,
    notificationQueryOptions: null,
    lifecycleNotificationUrl: subscription.lifecycleNotificationUrl,
    expirationDateTime: graphInstant(new Date(subscription.expirationDateTime)),
    creatorId: subscription.creatorId,
    includeResourceData: null,
    latestSupportedTlsVersion: subscription.latestSupportedTlsVersion,
    encryptionCertificate: null,
    encryptionCertificateId: null,
    notificationUrlAppId: null,
  };
}

export interface ChangedEvent {
  userId: string;
  eventId: string;
  changeKey: string;
}

/**
 * One change notification without resource data, as Graph sends it for Outlook events: the
 * resource path names the user and the event (`Users/{userId}/Events/{eventId}`).
 */
export function changeNotificationFor(
  subscription: StoredSubscription,
  changeType: ChangeType,
  changed: ChangedEvent,
  tenantId: string,
): ChangeNotification {
  const resource = `Users/${changed.userId}/Events/${changed.eventId}`;
  return {
    subscriptionId: subscription.id,
    subscriptionExpirationDateTime: graphInstant(new Date(subscription.expirationDateTime)),
    clientState: subscription.clientState,
    changeType,
    resource,
    tenantId,
    resourceData: {
      '@odata.type': '#Microsoft.Graph.Event',
      '@odata.id': resource,
      '@odata.etag': `W/"${changed.changeKey}"`,
      id: changed.eventId,
    },
  };
}

/** A lifecycle notification: no resource, only the subscription's state change. */
export function lifecycleNotificationFor(
  subscription: StoredSubscription,
  lifecycleEvent: LifecycleEvent,
  tenantId: string,
): LifecycleNotification {
  return {
    subscriptionId: subscription.id,
    subscriptionExpirationDateTime: graphInstant(new Date(subscription.expirationDateTime)),
    tenantId,
    clientState: subscription.clientState,
    lifecycleEvent,
  };
}
