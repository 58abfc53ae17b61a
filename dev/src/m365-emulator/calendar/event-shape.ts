// The Graph event fields the calendar modules read, typed locally (after graph-schema/event.schema.json)
// so these modules depend on nothing else in the emulator. The store's event type is assignable to it.

export interface DateTimeTimeZoneLike {
  dateTime: string;
  timeZone?: string | null;
}

export interface RecurrencePatternLike {
  type?: string | null;
  interval?: number | null;
  daysOfWeek?: readonly string[] | null;
  firstDayOfWeek?: string | null;
  index?: string | null;
  dayOfMonth?: number | null;
  month?: number | null;
}

export interface RecurrenceRangeLike {
  type?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  numberOfOccurrences?: number | null;
  recurrenceTimeZone?: string | null;
}

export interface EventLike {
  id: string;
  type?: string | null;
  start?: DateTimeTimeZoneLike | null;
  end?: DateTimeTimeZoneLike | null;
  isAllDay?: boolean | null;
  isCancelled?: boolean | null;
  showAs?: string | null;
  sensitivity?: string | null;
  subject?: string | null;
  location?: { displayName?: string | null } | null;
  changeKey?: string | null;
  /** The zone the client wrote start in; a series recurs in it when start itself is stored in UTC. */
  originalStartTimeZone?: string | null;
  recurrence?: { pattern?: RecurrencePatternLike | null; range?: RecurrenceRangeLike | null } | null;
  seriesMasterId?: string | null;
  /** Exceptions: the instant the occurrence was originally scheduled at (ISO 8601 with offset). */
  originalStart?: string | null;
  /** Series masters: `OID.{seriesMasterId}.{yyyy-MM-dd}` per cancelled occurrence. */
  cancelledOccurrences?: readonly string[] | null;
}

/** One instance of a calendar view: a single event, an occurrence or an exception, with its span. */
export interface Instance<E extends EventLike = EventLike> {
  id: string;
  type: 'singleInstance' | 'occurrence' | 'exception';
  startMs: number;
  endMs: number;
  /** The stored event this instance shows: the event itself, the series master, or the exception. */
  source: E;
  /** Occurrences and exceptions: the series master. */
  master?: E;
  /** Occurrences and exceptions: where the occurrence was originally scheduled. */
  originalStartMs?: number;
  /** Occurrences of an all-day series: their floating wall span (as-if-UTC ms), answered as such. */
  wallStartMs?: number;
  wallEndMs?: number;
}

/** An instance overlaps the half-open window; a zero-length event counts when it starts inside it. */
export function overlaps(startMs: number, endMs: number, windowStart: number, windowEnd: number): boolean {
  if (startMs >= windowEnd) return false;
  return endMs > windowStart || (endMs === startMs && startMs >= windowStart);
}
