import { clone } from './clone.js';
import type { GraphEvent } from './graph-types.js';
import { newChangeKey, newItemId } from './ids.js';
import type { CalendarRecord, EventRecord, UserRecord } from './records.js';

/** What meeting propagation needs of the store (kept narrow so the store can call it). */
export interface MeetingStore {
  listUsers(tenantId?: string): UserRecord[];
  defaultCalendar(userId: string): CalendarRecord;
  listEvents(userId: string, calendarId?: string): EventRecord[];
  insertEvent(userId: string, calendarId: string, event: GraphEvent): GraphEvent;
  mutateEvent(
    userId: string,
    eventId: string,
    mutate: (event: GraphEvent) => GraphEvent | undefined,
  ): GraphEvent;
}

/** The organizer's properties an attendee's copy of a meeting mirrors. */
const MIRRORED = [
  'subject',
  'body',
  'bodyPreview',
  'start',
  'end',
  'originalStartTimeZone',
  'originalEndTimeZone',
  'isAllDay',
  'recurrence',
  'type',
  'location',
  'locations',
  'attendees',
  'organizer',
  'onlineMeeting',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'onlineMeetingUrl',
  'sensitivity',
  'importance',
  'iCalUId',
  'cancelledOccurrences',
  'hideAttendees',
  'allowNewTimeProposals',
] as const;

function attendeeUsers(store: MeetingStore, organizer: UserRecord, event: GraphEvent | null): UserRecord[] {
  if (!event) return [];
  const wanted = new Set(event.attendees.map((a) => a.emailAddress.address?.toLowerCase()).filter(Boolean));
  return store
    .listUsers(organizer.tenantId)
    .filter(
      (u) =>
        u.id !== organizer.id &&
        (wanted.has(u.mail.toLowerCase()) || wanted.has(u.userPrincipalName.toLowerCase())),
    );
}

function copyOf(store: MeetingStore, attendee: UserRecord, iCalUId: string): EventRecord | undefined {
  return store.listEvents(attendee.id).find((r) => r.event.iCalUId === iCalUId && !r.event.isOrganizer);
}

function mirror(target: GraphEvent, source: GraphEvent): void {
  const t = target as unknown as Record<string, unknown>;
  const s = source as unknown as Record<string, unknown>;
  for (const key of MIRRORED) t[key] = clone(s[key]);
}

function cancel(copy: GraphEvent): void {
  copy.isCancelled = true;
  copy.showAs = 'free';
  if (!copy.subject.startsWith('Canceled: ')) copy.subject = `Canceled: ${copy.subject}`;
}

/**
 * Exchange delivers a meeting to the attendees who are mailboxes of the same tenant: each gets a
 * copy in their default calendar (tentative until they answer, without the organizer's extended
 * properties). Later changes update the copies; removing an attendee, or deleting or cancelling
 * the meeting, leaves their copy cancelled (and free), as a cancellation notice does.
 * `before` is the organizer's event before this write (null on create), `after` after it (null on delete).
 */
export function propagateMeeting(
  store: MeetingStore,
  organizer: UserRecord,
  before: GraphEvent | null,
  after: GraphEvent | null,
): void {
  const event = after ?? before;
  if (!event || !event.isOrganizer || event.type === 'exception' || event.type === 'occurrence') return;
  const current = new Map(attendeeUsers(store, organizer, after).map((u) => [u.id, u]));
  const previous = attendeeUsers(store, organizer, before);
  if (current.size === 0 && previous.length === 0) return;
  for (const attendee of current.values()) {
    const existing = copyOf(store, attendee, event.iCalUId);
    if (existing) {
      store.mutateEvent(attendee.id, existing.event.id, (copy) => {
        mirror(copy, after!);
        copy.isCancelled = after!.isCancelled;
        return copy;
      });
      continue;
    }
    const copy: GraphEvent = {
      ...clone(after!),
      id: newItemId(),
      changeKey: newChangeKey(),
      isOrganizer: false,
      transactionId: null,
      showAs: 'tentative',
      responseRequested: true,
      responseStatus: { response: 'notResponded', time: '0001-01-01T00:00:00Z' },
      singleValueExtendedProperties: [],
    };
    copy.webLink = `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(copy.id)}&exvsurl=1&path=/calendar/item`;
    store.insertEvent(attendee.id, store.defaultCalendar(attendee.id).id, copy);
  }
  for (const attendee of previous) {
    if (current.has(attendee.id)) continue;
    const existing = copyOf(store, attendee, event.iCalUId);
    if (existing && !existing.event.isCancelled) {
      store.mutateEvent(attendee.id, existing.event.id, (copy) => {
        cancel(copy);
        return copy;
      });
    }
  }
}
