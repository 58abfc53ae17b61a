import { randomBytes } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import { DEFAULT_CALENDAR } from '../graph/calendar-reads.js';

/** Outlook resources allow at most 10,080 minutes (7 days); a little less leaves room for clock skew. */
export const subscriptionLifetimeMinutes = 10_000;

/** The Graph resource of a calendar's events (the primary calendar by the user's events). */
export function eventsResource(userId: string, calendarId: string): string {
  return calendarId === DEFAULT_CALENDAR
    ? `users/${userId}/events`
    : `users/${userId}/calendars/${calendarId}/events`;
}

/** A fresh secret Graph echoes in every notification of the subscription. */
export function newClientState(): string {
  return randomBytes(32).toString('base64url');
}

export interface CreatedSubscription {
  id: string;
  expirationDateTime: string;
}

export function expiryFrom(now: Date): string {
  return new Date(now.getTime() + subscriptionLifetimeMinutes * 60_000).toISOString();
}

export async function createSubscription(
  graph: Client,
  input: {
    resource: string;
    notificationUrl: string;
    lifecycleNotificationUrl: string;
    clientState: string;
    expirationDateTime: string;
  },
): Promise<CreatedSubscription> {
  return (await graph
    .api('/subscriptions')
    .post({ changeType: 'created,updated,deleted', ...input })) as CreatedSubscription;
}

export async function renewSubscription(
  graph: Client,
  id: string,
  expirationDateTime: string,
): Promise<CreatedSubscription> {
  return (await graph
    .api(`/subscriptions/${encodeURIComponent(id)}`)
    .patch({ expirationDateTime })) as CreatedSubscription;
}

export async function reauthorizeSubscription(graph: Client, id: string): Promise<void> {
  await graph.api(`/subscriptions/${encodeURIComponent(id)}/reauthorize`).post({});
}

export async function deleteSubscription(graph: Client, id: string): Promise<void> {
  try {
    await graph.api(`/subscriptions/${encodeURIComponent(id)}`).delete();
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

export function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: number })?.statusCode === 404;
}
