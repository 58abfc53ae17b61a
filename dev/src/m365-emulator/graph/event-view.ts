import { DateTime } from 'luxon';
import { GraphError } from '../errors.js';
import type { DateTimeTimeZone, GraphEvent } from '../state/graph-types.js';
import { formatGraphDateTime } from '../state/time-zones.js';
import { compileFilter, type FilterPredicate } from './odata/filter.js';
import type { Preferences } from './odata/prefer.js';
import { applySelect, readSelect } from './odata/select.js';

/** The structural properties of microsoft.graph.event that `$select` may name. */
export const EVENT_PROPERTIES: ReadonlySet<string> = new Set([
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'categories',
  'transactionId',
  'originalStartTimeZone',
  'originalEndTimeZone',
  'iCalUId',
  'uid',
  'reminderMinutesBeforeStart',
  'isReminderOn',
  'hasAttachments',
  'subject',
  'bodyPreview',
  'importance',
  'sensitivity',
  'isAllDay',
  'isCancelled',
  'isOrganizer',
  'responseRequested',
  'seriesMasterId',
  'showAs',
  'type',
  'webLink',
  'onlineMeetingUrl',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'allowNewTimeProposals',
  'isDraft',
  'hideAttendees',
  'responseStatus',
  'body',
  'start',
  'end',
  'originalStart',
  'location',
  'locations',
  'recurrence',
  'attendees',
  'organizer',
  'onlineMeeting',
  'cancelledOccurrences',
  'singleValueExtendedProperties',
]);

export interface EventView {
  prefs: Preferences;
  select: string[] | null;
  /** Null: `singleValueExtendedProperties` not expanded; else the filter over the properties (or all). */
  expandExtended: FilterPredicate | 'all' | null;
}

/** Reads `$select` and `$expand` of an event request. */
export function readEventView(query: URLSearchParams, prefs: Preferences): EventView {
  return {
    prefs,
    select: readSelect(query, EVENT_PROPERTIES, 'microsoft.graph.event'),
    expandExtended: readExpand(query.get('$expand')),
  };
}

function readExpand(raw: string | null): FilterPredicate | 'all' | null {
  if (raw === null || raw.trim() === '') return null;
  const m = /^\s*singleValueExtendedProperties\s*(?:\(\s*\$filter\s*=\s*(.+)\)\s*)?$/i.exec(raw);
  if (!m)
    throw new GraphError(
      400,
      'BadRequest',
      `Parsing OData Select and Expand failed: could not find a navigation property named '${raw.split('(')[0]!.trim()}' that can be expanded on 'microsoft.graph.event'.`,
    );
  return m[1] ? (compileFilter(m[1]) ?? 'all') : 'all';
}

/** A stored UTC (or floating all-day) time in the reader's zone, labelled with the name they asked for. */
export function viewTime(
  stored: DateTimeTimeZone,
  isAllDay: boolean,
  prefs: Pick<Preferences, 'timeZone' | 'ianaZone'>,
): DateTimeTimeZone {
  if (isAllDay) return { dateTime: stored.dateTime, timeZone: prefs.timeZone };
  const instant = DateTime.fromISO(stored.dateTime.slice(0, 23), { zone: 'UTC' });
  return { dateTime: formatGraphDateTime(instant.setZone(prefs.ianaZone)), timeZone: prefs.timeZone };
}

/** The JSON Graph answers for a stored event: etag, times in the preferred zone, $select and $expand applied. */
export function renderEvent(event: GraphEvent, view: EventView): Record<string, unknown> {
  const { singleValueExtendedProperties, cancelledOccurrences, originalStart, ...rest } = event;
  const out: Record<string, unknown> = {
    '@odata.etag': `W/"${event.changeKey}"`,
    ...rest,
    start: viewTime(event.start, event.isAllDay, view.prefs),
    end: viewTime(event.end, event.isAllDay, view.prefs),
  };
  if (originalStart !== undefined) out.originalStart = originalStart;
  if (event.type === 'seriesMaster') out.cancelledOccurrences = cancelledOccurrences ?? [];
  const selected = applySelect(out, view.select);
  if (view.expandExtended) {
    const filter = view.expandExtended;
    const props = singleValueExtendedProperties.filter(
      (p) => filter === 'all' || filter(p as unknown as Record<string, unknown>),
    );
    // Graph leaves the navigation property out when nothing matched the expand filter.
    if (props.length > 0) selected.singleValueExtendedProperties = props;
  }
  return selected;
}
