import { DateTime } from 'luxon';
import { GraphError, invalidField } from '../errors.js';
import type {
  Attendee,
  DateTimeTimeZone,
  GraphEvent,
  ItemBody,
  Location,
  PatternedRecurrence,
  SingleValueExtendedProperty,
} from './graph-types.js';
import { newGuid } from './ids.js';
import { formatGraphDateTime, parseWallTime, requireIanaZone } from './time-zones.js';

/** The writable part of an event, as a client POSTs or PATCHes it (Graph's property names). */
export type EventInput = Record<string, unknown>;

const SHOW_AS = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'] as const;
const SENSITIVITY = ['normal', 'personal', 'private', 'confidential'] as const;
const IMPORTANCE = ['low', 'normal', 'high'] as const;
const PROVIDERS = ['unknown', 'teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer'] as const;
const ATTENDEE_TYPES = ['required', 'optional', 'resource'] as const;
export const PATTERN_TYPES = [
  'daily',
  'weekly',
  'absoluteMonthly',
  'relativeMonthly',
  'absoluteYearly',
  'relativeYearly',
] as const;
const RANGE_TYPES = ['endDate', 'noEnd', 'numbered'] as const;
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const WEEK_INDEX = ['first', 'second', 'third', 'fourth', 'last'] as const;
const EXTENDED_PROPERTY_ID = /^String \{[0-9a-fA-F-]{36}\} Name \S.*$/;
const NEVER = '0001-01-01T00:00:00Z';

/** Properties a client may write; any other key in a body is a 400 naming it (Graph rejects unknown ones). */
const WRITABLE = new Set([
  'subject',
  'body',
  'start',
  'end',
  'isAllDay',
  'showAs',
  'sensitivity',
  'importance',
  'location',
  'locations',
  'attendees',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'recurrence',
  'transactionId',
  'singleValueExtendedProperties',
  'categories',
  'reminderMinutesBeforeStart',
  'isReminderOn',
  'responseRequested',
  'allowNewTimeProposals',
  'hideAttendees',
  'isDraft',
]);
/** Read-only properties clients commonly echo back; Graph ignores them on write. */
const IGNORED = new Set([
  '@odata.type',
  '@odata.etag',
  '@odata.context',
  'id',
  'changeKey',
  'createdDateTime',
  'lastModifiedDateTime',
  'iCalUId',
  'webLink',
  'type',
  'seriesMasterId',
  'organizer',
  'isOrganizer',
  'responseStatus',
  'bodyPreview',
  'hasAttachments',
  'isCancelled',
  'onlineMeeting',
  'onlineMeetingUrl',
  'originalStartTimeZone',
  'originalEndTimeZone',
  'originalStart',
  'cancelledOccurrences',
]);

function oneOf<T extends string>(values: readonly T[], value: unknown, field: string): T {
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  throw new GraphError(
    400,
    'RequestBodyRead',
    `Cannot convert the literal '${String(value)}' to the expected type of '${field}' (one of ${values.join(', ')}).`,
  );
}

function text(value: unknown, field: string): string {
  if (typeof value === 'string') return value;
  throw invalidField(field, 'expected a string');
}

function bool(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  throw invalidField(field, 'expected true or false');
}

function int(value: unknown, field: string, min: number, max: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  throw invalidField(field, `expected an integer from ${min} to ${max}`);
}

function object(value: unknown, field: string): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw invalidField(field, 'expected an object');
}

function array(value: unknown, field: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw invalidField(field, 'expected an array');
}

function date(value: unknown, field: string): string {
  const s = text(value, field);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || !DateTime.fromISO(s).isValid)
    throw invalidField(field, 'expected a date yyyy-MM-dd');
  return s;
}

interface ParsedTime {
  zoneName: string;
  instant: DateTime;
}

function dateTimeTimeZone(value: unknown, field: string): ParsedTime {
  const o = object(value, field);
  const zoneName = text(o.timeZone ?? 'UTC', `${field}.timeZone`);
  const zone = requireIanaZone(zoneName, `${field}.timeZone`);
  const instant = parseWallTime(text(o.dateTime, `${field}.dateTime`), zone, `${field}.dateTime`);
  return { zoneName, instant };
}

function itemBody(value: unknown): ItemBody {
  const o = object(value, 'body');
  return {
    contentType:
      o.contentType === undefined
        ? 'text'
        : oneOf(['text', 'html'] as const, o.contentType, 'body.contentType'),
    content: o.content === undefined ? '' : text(o.content, 'body.content'),
  };
}

function location(value: unknown, field: string): Location {
  const o = object(value, field);
  const loc: Location = {
    displayName: o.displayName === undefined ? '' : text(o.displayName, `${field}.displayName`),
  };
  loc.locationType = o.locationType === undefined ? 'default' : text(o.locationType, `${field}.locationType`);
  loc.uniqueIdType = 'unknown';
  if (o.uniqueId !== undefined) loc.uniqueId = text(o.uniqueId, `${field}.uniqueId`);
  return loc;
}

function attendees(value: unknown): Attendee[] {
  return array(value, 'attendees').map((raw, i) => {
    const field = `attendees[${i}]`;
    const o = object(raw, field);
    const email = object(o.emailAddress, `${field}.emailAddress`);
    const address = text(email.address, `${field}.emailAddress.address`);
    if (!/^[^@\s]+@[^@\s]+$/.test(address))
      throw invalidField(`${field}.emailAddress.address`, 'expected an email address');
    return {
      type: o.type === undefined ? 'required' : oneOf(ATTENDEE_TYPES, o.type, `${field}.type`),
      status: { response: 'none', time: NEVER },
      emailAddress: {
        name: email.name === undefined ? address : text(email.name, `${field}.emailAddress.name`),
        address,
      },
    };
  });
}

function extendedProperties(value: unknown): SingleValueExtendedProperty[] {
  return array(value, 'singleValueExtendedProperties').map((raw, i) => {
    const field = `singleValueExtendedProperties[${i}]`;
    const o = object(raw, field);
    const id = text(o.id, `${field}.id`);
    if (!EXTENDED_PROPERTY_ID.test(id))
      throw invalidField(`${field}.id`, "expected 'String {GUID} Name PropertyName'");
    return { id, value: text(o.value, `${field}.value`) };
  });
}

function recurrence(value: unknown): PatternedRecurrence | null {
  if (value === null) return null;
  const o = object(value, 'recurrence');
  const p = object(o.pattern, 'recurrence.pattern');
  const r = object(o.range, 'recurrence.range');
  const type = oneOf(PATTERN_TYPES, p.type, 'recurrence.pattern.type');
  const pattern: PatternedRecurrence['pattern'] = {
    type,
    interval: p.interval === undefined ? 1 : int(p.interval, 'recurrence.pattern.interval', 1, 99),
    month: p.month === undefined || p.month === 0 ? 0 : int(p.month, 'recurrence.pattern.month', 1, 12),
    dayOfMonth:
      p.dayOfMonth === undefined || p.dayOfMonth === 0
        ? 0
        : int(p.dayOfMonth, 'recurrence.pattern.dayOfMonth', 1, 31),
    daysOfWeek:
      p.daysOfWeek === undefined
        ? []
        : array(p.daysOfWeek, 'recurrence.pattern.daysOfWeek').map((d, i) =>
            oneOf(DAYS, d, `recurrence.pattern.daysOfWeek[${i}]`),
          ),
    firstDayOfWeek:
      p.firstDayOfWeek === undefined
        ? 'sunday'
        : oneOf(DAYS, p.firstDayOfWeek, 'recurrence.pattern.firstDayOfWeek'),
    index: p.index === undefined ? 'first' : oneOf(WEEK_INDEX, p.index, 'recurrence.pattern.index'),
  };
  if ((type === 'weekly' || type.startsWith('relative')) && pattern.daysOfWeek!.length === 0) {
    throw invalidField('recurrence.pattern.daysOfWeek', `a ${type} pattern needs at least one day`);
  }
  if ((type === 'absoluteMonthly' || type === 'absoluteYearly') && !pattern.dayOfMonth) {
    throw invalidField('recurrence.pattern.dayOfMonth', `an ${type} pattern needs dayOfMonth`);
  }
  if (type.endsWith('Yearly') && !pattern.month)
    throw invalidField('recurrence.pattern.month', `a ${type} pattern needs month`);
  const rangeType = oneOf(RANGE_TYPES, r.type, 'recurrence.range.type');
  const range: PatternedRecurrence['range'] = {
    type: rangeType,
    startDate: date(r.startDate, 'recurrence.range.startDate'),
    endDate: rangeType === 'endDate' ? date(r.endDate, 'recurrence.range.endDate') : '0001-01-01',
    numberOfOccurrences:
      rangeType === 'numbered'
        ? int(r.numberOfOccurrences, 'recurrence.range.numberOfOccurrences', 1, 999)
        : 0,
    recurrenceTimeZone:
      r.recurrenceTimeZone === undefined || r.recurrenceTimeZone === null
        ? null
        : text(r.recurrenceTimeZone, 'recurrence.range.recurrenceTimeZone'),
  };
  if (range.recurrenceTimeZone)
    requireIanaZone(range.recurrenceTimeZone, 'recurrence.range.recurrenceTimeZone');
  if (rangeType === 'endDate' && range.endDate! < range.startDate)
    throw invalidField('recurrence.range.endDate', 'must not be before startDate');
  return { pattern, range };
}

function stored(dt: DateTime): DateTimeTimeZone {
  return { dateTime: formatGraphDateTime(dt.toUTC()), timeZone: 'UTC' };
}

/** All-day events float: their dates are kept as midnight wall dates (see README, "Stored events"). */
function floatingDate(dt: DateTime): DateTimeTimeZone {
  return { dateTime: `${dt.toISODate()}T00:00:00.0000000`, timeZone: 'UTC' };
}

/**
 * Applies a create or PATCH body to an event, validating every field it touches.
 * `target` is a fresh default event on create and a copy of the stored one on PATCH.
 */
export function applyEventInput(
  target: GraphEvent,
  input: EventInput,
  mode: 'create' | 'update',
): GraphEvent {
  for (const key of Object.keys(input)) {
    if (!WRITABLE.has(key) && !IGNORED.has(key)) {
      throw new GraphError(
        400,
        'RequestBodyRead',
        `The property '${key}' does not exist on type 'microsoft.graph.event'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    }
  }
  const e = target;
  if (input.subject !== undefined) e.subject = input.subject === null ? '' : text(input.subject, 'subject');
  if (input.body !== undefined && input.body !== null) {
    e.body = itemBody(input.body);
    e.bodyPreview = e.body.content
      .replace(/<[^>]*>/g, '')
      .trim()
      .slice(0, 255);
  }
  if (input.showAs !== undefined) e.showAs = oneOf(SHOW_AS, input.showAs, 'showAs');
  if (input.sensitivity !== undefined) e.sensitivity = oneOf(SENSITIVITY, input.sensitivity, 'sensitivity');
  if (input.importance !== undefined) e.importance = oneOf(IMPORTANCE, input.importance, 'importance');
  if (input.categories !== undefined)
    e.categories = array(input.categories, 'categories').map((c, i) => text(c, `categories[${i}]`));
  if (input.reminderMinutesBeforeStart !== undefined)
    e.reminderMinutesBeforeStart = int(
      input.reminderMinutesBeforeStart,
      'reminderMinutesBeforeStart',
      0,
      525600,
    );
  for (const flag of [
    'isReminderOn',
    'responseRequested',
    'allowNewTimeProposals',
    'hideAttendees',
    'isDraft',
  ] as const) {
    if (input[flag] !== undefined) e[flag] = bool(input[flag], flag);
  }
  if (input.location !== undefined && input.location !== null)
    e.location = location(input.location, 'location');
  if (input.locations !== undefined) {
    e.locations = array(input.locations, 'locations').map((l, i) => location(l, `locations[${i}]`));
    if (input.location === undefined && e.locations[0]) e.location = { ...e.locations[0] };
  } else if (input.location !== undefined && input.location !== null && e.location.displayName) {
    e.locations = [{ ...e.location }];
  }
  if (input.attendees !== undefined) e.attendees = attendees(input.attendees);
  if (input.singleValueExtendedProperties !== undefined) {
    const incoming = extendedProperties(input.singleValueExtendedProperties);
    const byId = new Map(e.singleValueExtendedProperties.map((p) => [p.id.toLowerCase(), p]));
    for (const p of incoming) byId.set(p.id.toLowerCase(), p);
    e.singleValueExtendedProperties = [...byId.values()];
  }
  if (input.onlineMeetingProvider !== undefined)
    e.onlineMeetingProvider = oneOf(PROVIDERS, input.onlineMeetingProvider, 'onlineMeetingProvider');
  if (input.isOnlineMeeting !== undefined) {
    e.isOnlineMeeting = bool(input.isOnlineMeeting, 'isOnlineMeeting');
    if (e.isOnlineMeeting && e.onlineMeetingProvider === 'unknown')
      e.onlineMeetingProvider = 'teamsForBusiness';
  }
  if (input.transactionId !== undefined) {
    if (mode === 'update') throw invalidField('transactionId', 'can only be set when the event is created');
    e.transactionId = input.transactionId === null ? null : text(input.transactionId, 'transactionId');
  }
  if (input.recurrence !== undefined) e.recurrence = recurrence(input.recurrence);
  if (input.isAllDay !== undefined) e.isAllDay = bool(input.isAllDay, 'isAllDay');

  if (mode === 'create' && (input.start === undefined || input.end === undefined)) {
    throw invalidField(input.start === undefined ? 'start' : 'end', 'an event needs both start and end');
  }
  if (input.start !== undefined || input.end !== undefined || input.isAllDay !== undefined)
    applyTimes(e, input);
  applyOnlineMeeting(e);
  return e;
}

/** A Teams meeting gets its join link when it is switched on, and keeps it while it stays on. */
function applyOnlineMeeting(e: GraphEvent): void {
  if (!e.isOnlineMeeting) {
    e.onlineMeeting = null;
    return;
  }
  if (e.onlineMeeting) return;
  const thread = newGuid().replace(/-/g, '');
  const context = encodeURIComponent(JSON.stringify({ Tid: newGuid(), Oid: newGuid() }));
  e.onlineMeeting = {
    joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${thread}%40thread.v2/0?context=${context}`,
  };
}

function applyTimes(e: GraphEvent, input: EventInput): void {
  const current = (stored: DateTimeTimeZone, zoneName: string): ParsedTime => ({
    zoneName,
    instant: parseWallTime(stored.dateTime, 'UTC', 'stored'),
  });
  const start =
    input.start !== undefined
      ? dateTimeTimeZone(input.start, 'start')
      : current(e.start, e.originalStartTimeZone);
  const end =
    input.end !== undefined ? dateTimeTimeZone(input.end, 'end') : current(e.end, e.originalEndTimeZone);
  if (e.isAllDay) {
    // A client sending new all-day dates means wall dates in its zone; a stored floating date is already one.
    const startWall = input.start !== undefined ? start.instant : start.instant.setZone('UTC');
    const endWall = input.end !== undefined ? end.instant : end.instant.setZone('UTC');
    for (const [wall, field] of [
      [startWall, 'start'],
      [endWall, 'end'],
    ] as const) {
      if (wall.hour !== 0 || wall.minute !== 0 || wall.second !== 0 || wall.millisecond !== 0) {
        throw invalidField(`${field}.dateTime`, 'an all-day event must start and end at midnight');
      }
    }
    if (endWall.toISODate()! <= startWall.toISODate()!)
      throw invalidField('end', 'an all-day event lasts at least one whole day');
    e.start = floatingDate(startWall);
    e.end = floatingDate(endWall);
  } else {
    if (end.instant < start.instant)
      throw invalidField('end', 'the end of an event cannot be before its start');
    e.start = stored(start.instant);
    e.end = stored(end.instant);
  }
  e.originalStartTimeZone = start.zoneName;
  e.originalEndTimeZone = end.zoneName;
}
