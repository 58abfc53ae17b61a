import type { GraphEvent, MailboxSettings } from './graph-types.js';

export interface TenantRecord {
  id: string;
  displayName: string;
  /** The verified domain user principal names end with ("contoso.onmicrosoft.com"). */
  domain: string;
}

export interface UserRecord {
  id: string;
  tenantId: string;
  userPrincipalName: string;
  displayName: string;
  mail: string;
  givenName: string | null;
  surname: string | null;
  jobTitle: string | null;
  mailboxSettings: MailboxSettings;
}

export interface CalendarRecord {
  id: string;
  userId: string;
  name: string;
  color: string;
  hexColor: string;
  isDefaultCalendar: boolean;
  changeKey: string;
}

export interface EventRecord {
  userId: string;
  calendarId: string;
  event: GraphEvent;
}

export type ChangeType = 'created' | 'updated' | 'deleted';

/** One entry of the change feed: every write of an event appends exactly one. */
export interface ChangeRecord {
  /** Global, strictly increasing across the whole emulator. */
  version: number;
  tenantId: string;
  userId: string;
  calendarId: string;
  eventId: string;
  changeType: ChangeType;
  /** ISO instant of the write. */
  at: string;
}

/** What is left of a deleted event: enough for delta `@removed` entries and notifications. */
export interface Tombstone {
  version: number;
  userId: string;
  calendarId: string;
  eventId: string;
  deletedAt: string;
  /** The event as it was just before deletion. */
  event: GraphEvent;
}

export type ChangeListener = (change: ChangeRecord) => void;
