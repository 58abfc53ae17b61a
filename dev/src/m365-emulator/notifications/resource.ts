import { invalidField } from './field-error.js';

/** A subscription resource as written, before the user reference is resolved. */
export interface ParsedResource {
  /** `me`, a user id, or a userPrincipalName. */
  userRef: string;
  calendarId: string | null;
}

const FORMS: readonly RegExp[] = [
  /^(me)\/events$/i,
  /^users\/([^/]+)\/events$/i,
  /^(me)\/calendars\/([^/]+)\/events$/i,
  /^users\/([^/]+)\/calendars\/([^/]+)\/events$/i,
];

/**
 * Parses the event resources Graph documents for subscriptions: `me/events`, `users/{id}/events`,
 * `users/{id}/calendars/{id}/events` (a leading `/` allowed, no base URL, no query).
 * @example parseEventResource('/users/adele@contoso.com/calendars/AAMk=/events')
 * // { userRef: 'adele@contoso.com', calendarId: 'AAMk=' }
 */
export function parseEventResource(resource: string): ParsedResource {
  if (/^https?:\/\//i.test(resource)) {
    throw invalidField(
      'resource',
      'resource must be a path relative to the Graph version root, such as me/events',
    );
  }
  if (resource.includes('?')) {
    throw invalidField(
      'resource',
      'resource with query options is not supported for event subscriptions here',
    );
  }
  const path = resource.replace(/^\//, '');
  for (const form of FORMS) {
    const match = form.exec(path);
    if (!match) continue;
    const userRef = decodeURIComponent(match[1]!);
    const calendarId = match[2] === undefined ? null : decodeURIComponent(match[2]);
    return { userRef: userRef.toLowerCase() === 'me' ? 'me' : userRef, calendarId };
  }
  throw invalidField(
    'resource',
    `resource '${resource}' is not supported; use me/events, users/{id}/events or users/{id}/calendars/{id}/events`,
  );
}
