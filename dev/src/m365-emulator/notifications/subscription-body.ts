import { GraphError } from '../errors.js';
import { invalidField } from './field-error.js';
import { CHANGE_TYPES, type ChangeType } from './types.js';

export interface CreateSubscriptionBody {
  changeTypes: ChangeType[];
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  resource: string;
  expirationDateTime: Date;
  clientState: string | null;
  latestSupportedTlsVersion: string;
}

export interface UpdateSubscriptionBody {
  expirationDateTime?: Date;
  notificationUrl?: string;
}

const TLS_VERSIONS = ['v1_0', 'v1_1', 'v1_2', 'v1_3'];
const CLIENT_STATE_MAX = 128;

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new GraphError(400, 'BadRequest', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidField(field, `${field} is a required property for subscription creation.`);
  }
  return value;
}

function notificationEndpoint(value: unknown, field: string): string {
  if (typeof value !== 'string') throw invalidField(field, `${field} must be a string.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidField(field, `${field} must be an absolute URL.`);
  }
  // Graph insists on HTTPS; the emulator also takes http:// so local services need no certificate.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidField(field, `${field} must be an https URL.`);
  }
  return value;
}

function instant(value: unknown, field: string): Date {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    throw invalidField(field, `${field} must be an ISO 8601 date and time.`);
  }
  const parsed = new Date(/[zZ]|[+-]\d{2}:\d{2}$/.test(value) ? value : `${value}Z`);
  if (Number.isNaN(parsed.getTime())) throw invalidField(field, `${field} is not a valid date and time.`);
  return parsed;
}

function changeTypes(value: unknown): ChangeType[] {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidField('changeType', 'changeType is a required property for subscription creation.');
  }
  const parts = value.split(',').map((part) => part.trim());
  const seen = new Set<ChangeType>();
  for (const part of parts) {
    const known = CHANGE_TYPES.find((type) => type === part);
    if (!known) {
      throw invalidField(
        'changeType',
        `changeType '${part}' is not supported; use created, updated and/or deleted.`,
      );
    }
    if (seen.has(known)) throw invalidField('changeType', `changeType lists '${part}' twice.`);
    seen.add(known);
  }
  return [...seen];
}

/** Reads the body of `POST /subscriptions`; every rejection names the field at fault. */
export function parseCreateSubscription(raw: unknown): CreateSubscriptionBody {
  const body = asObject(raw);
  const resource = requiredString(body, 'resource');
  const notificationUrl = notificationEndpoint(requiredString(body, 'notificationUrl'), 'notificationUrl');
  const lifecycleNotificationUrl =
    body.lifecycleNotificationUrl === undefined || body.lifecycleNotificationUrl === null
      ? null
      : notificationEndpoint(body.lifecycleNotificationUrl, 'lifecycleNotificationUrl');
  if (body.expirationDateTime === undefined || body.expirationDateTime === null) {
    throw invalidField(
      'expirationDateTime',
      'expirationDateTime is a required property for subscription creation.',
    );
  }
  const expirationDateTime = instant(body.expirationDateTime, 'expirationDateTime');
  let clientState: string | null = null;
  if (body.clientState !== undefined && body.clientState !== null) {
    if (typeof body.clientState !== 'string')
      throw invalidField('clientState', 'clientState must be a string.');
    if (body.clientState.length > CLIENT_STATE_MAX) {
      throw invalidField(
        'clientState',
        `clientState must not be longer than ${CLIENT_STATE_MAX} characters.`,
      );
    }
    clientState = body.clientState;
  }
  let latestSupportedTlsVersion = 'v1_2';
  if (body.latestSupportedTlsVersion !== undefined && body.latestSupportedTlsVersion !== null) {
    if (
      typeof body.latestSupportedTlsVersion !== 'string' ||
      !TLS_VERSIONS.includes(body.latestSupportedTlsVersion)
    ) {
      throw invalidField(
        'latestSupportedTlsVersion',
        `latestSupportedTlsVersion must be one of ${TLS_VERSIONS.join(', ')}.`,
      );
    }
    latestSupportedTlsVersion = body.latestSupportedTlsVersion;
  }
  if (body.includeResourceData === true) {
    throw invalidField(
      'includeResourceData',
      'Notifications with resource data are not supported for this resource.',
    );
  }
  return {
    changeTypes: changeTypes(body.changeType),
    notificationUrl,
    lifecycleNotificationUrl,
    resource,
    expirationDateTime,
    clientState,
    latestSupportedTlsVersion,
  };
}

/** Reads the body of `PATCH /subscriptions/{id}`: a renewal, optionally a new notificationUrl. */
export function parseUpdateSubscription(raw: unknown): UpdateSubscriptionBody {
  const body = asObject(raw);
  if (body.lifecycleNotificationUrl !== undefined) {
    throw invalidField(
      'lifecycleNotificationUrl',
      'lifecycleNotificationUrl can only be set when the subscription is created.',
    );
  }
  for (const field of ['resource', 'changeType', 'clientState']) {
    if (body[field] !== undefined)
      throw invalidField(field, `${field} cannot be changed on an existing subscription.`);
  }
  const update: UpdateSubscriptionBody = {};
  if (body.expirationDateTime !== undefined)
    update.expirationDateTime = instant(body.expirationDateTime, 'expirationDateTime');
  if (body.notificationUrl !== undefined)
    update.notificationUrl = notificationEndpoint(body.notificationUrl, 'notificationUrl');
  if (update.expirationDateTime === undefined && update.notificationUrl === undefined) {
    throw invalidField('expirationDateTime', 'expirationDateTime is required to renew a subscription.');
  }
  return update;
}
