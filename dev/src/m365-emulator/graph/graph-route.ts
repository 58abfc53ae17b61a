import type { EmulatorEnv } from '../env.js';
import type { UserRecord } from '../state/records.js';
import type { EmulatorRequest, EmulatorResponse } from '../server/http-types.js';

/** Who is calling Graph, from a verified access token. */
export interface Caller {
  kind: 'delegated' | 'application';
  tenantId: string;
  /** The client application (`azp`). */
  appId: string;
  /** Delegated tokens only: the signed-in user. */
  userId?: string;
  /** Delegated permissions (`scp`). */
  scopes: string[];
  /** Application permissions (`roles`). */
  roles: string[];
}

export interface GraphContext {
  req: EmulatorRequest;
  env: EmulatorEnv;
  caller: Caller;
  /**
   * Mailbox routes: the user addressed by /me or /users/{id | upn}, already checked against the
   * caller's permissions. Tenant routes: the signed-in user for delegated calls, else undefined.
   */
  mailbox: UserRecord | undefined;
  /** Path parameters of the route (percent-decoded). */
  params: Record<string, string>;
}

export type GraphHandler = (ctx: GraphContext) => EmulatorResponse | Promise<EmulatorResponse>;

/** Either of these permission lists suffices; a missing list means "any valid token". */
export interface RoutePermissions {
  delegated: string[];
  application: string[];
}

export interface GraphRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /**
   * scope 'mailbox': path below the mailbox ("/calendarView", "/events/:eventId"), served at both
   * /v1.0/me{path} and /v1.0/users/:user{path}, with 403 for someone else's mailbox and the
   * per-mailbox throttle applied. scope 'tenant': path below /v1.0 ("/subscriptions/:id").
   */
  path: string;
  scope: 'mailbox' | 'tenant';
  permissions?: RoutePermissions;
  handler: GraphHandler;
}

export const CALENDAR_READ: RoutePermissions = {
  delegated: ['Calendars.Read', 'Calendars.ReadWrite', 'Calendars.ReadBasic'],
  application: ['Calendars.Read', 'Calendars.ReadWrite', 'Calendars.ReadBasic.All'],
};
export const CALENDAR_WRITE: RoutePermissions = {
  delegated: ['Calendars.ReadWrite'],
  application: ['Calendars.ReadWrite'],
};
export const MAILBOX_SETTINGS_READ: RoutePermissions = {
  delegated: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
  application: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
};
export const USER_READ: RoutePermissions = {
  delegated: ['User.Read', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite'],
  application: ['User.Read.All', 'User.ReadBasic.All', 'User.ReadWrite.All'],
};
