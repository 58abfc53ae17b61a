// The Graph v1.0 resource shapes the emulator stores and answers, trimmed to what Tandem and the
// conformance tests use. Field names and value spellings are Graph's own (see graph-schema/).

export interface DateTimeTimeZone {
  /** Wall time without offset, Graph style: "2026-04-15T12:00:00.0000000". */
  dateTime: string;
  /** Windows or IANA zone name; stored events always hold "UTC". */
  timeZone: string;
}

export interface EmailAddress {
  name?: string;
  address?: string;
}

export interface Recipient {
  emailAddress: EmailAddress;
}

export type AttendeeType = 'required' | 'optional' | 'resource';
export type ResponseType =
  'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

export interface Attendee extends Recipient {
  type: AttendeeType;
  status: { response: ResponseType; time: string };
}

export type ShowAs = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
export type Sensitivity = 'normal' | 'personal' | 'private' | 'confidential';
export type EventType = 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
export type DayOfWeek = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

export interface RecurrencePattern {
  type: 'daily' | 'weekly' | 'absoluteMonthly' | 'relativeMonthly' | 'absoluteYearly' | 'relativeYearly';
  interval: number;
  month?: number;
  dayOfMonth?: number;
  daysOfWeek?: DayOfWeek[];
  firstDayOfWeek?: DayOfWeek;
  index?: 'first' | 'second' | 'third' | 'fourth' | 'last';
}

export interface RecurrenceRange {
  type: 'endDate' | 'noEnd' | 'numbered';
  startDate: string;
  endDate?: string | null;
  numberOfOccurrences?: number;
  recurrenceTimeZone?: string | null;
}

export interface PatternedRecurrence {
  pattern: RecurrencePattern;
  range: RecurrenceRange;
}

export interface SingleValueExtendedProperty {
  id: string;
  value: string;
}

export interface ItemBody {
  contentType: 'text' | 'html';
  content: string;
}

export interface Location {
  displayName?: string;
  locationType?: string;
  uniqueId?: string;
  uniqueIdType?: string;
}

/**
 * An event as stored. `start`/`end` are kept in UTC; `originalStartTimeZone`/`originalEndTimeZone`
 * keep the zone the client wrote them in (a recurring series expands in that zone).
 */
export interface GraphEvent {
  id: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
  categories: string[];
  transactionId: string | null;
  originalStartTimeZone: string;
  originalEndTimeZone: string;
  iCalUId: string;
  reminderMinutesBeforeStart: number;
  isReminderOn: boolean;
  hasAttachments: boolean;
  subject: string;
  bodyPreview: string;
  importance: 'low' | 'normal' | 'high';
  sensitivity: Sensitivity;
  isAllDay: boolean;
  isCancelled: boolean;
  isOrganizer: boolean;
  responseRequested: boolean;
  seriesMasterId: string | null;
  showAs: ShowAs;
  type: EventType;
  webLink: string;
  onlineMeetingUrl: string | null;
  isOnlineMeeting: boolean;
  onlineMeetingProvider: 'unknown' | 'teamsForBusiness' | 'skypeForBusiness' | 'skypeForConsumer';
  allowNewTimeProposals: boolean;
  isDraft: boolean;
  hideAttendees: boolean;
  responseStatus: { response: ResponseType; time: string };
  body: ItemBody;
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  /** Exceptions and occurrences only: the occurrence's original start instant (UTC, with Z). */
  originalStart?: string;
  location: Location;
  locations: Location[];
  recurrence: PatternedRecurrence | null;
  attendees: Attendee[];
  organizer: Recipient;
  onlineMeeting: { joinUrl: string } | null;
  /** Series masters only: `OID.{seriesMasterId}.{yyyy-MM-dd}` of each cancelled occurrence (Graph's format). */
  cancelledOccurrences?: string[];
  /** Navigation property; returned only through `$expand`. */
  singleValueExtendedProperties: SingleValueExtendedProperty[];
}

export interface WorkingHours {
  daysOfWeek: DayOfWeek[];
  /** "08:00:00.0000000" */
  startTime: string;
  endTime: string;
  timeZone: { name: string };
}

export interface MailboxSettings {
  /** A Windows zone name, as real Outlook mailboxes usually report ("Pacific Standard Time"). */
  timeZone: string;
  workingHours: WorkingHours;
  dateFormat: string;
  timeFormat: string;
}
