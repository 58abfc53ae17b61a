import { CalendarInputError } from './calendar-errors.js';
import type { EventLike, Instance } from './event-shape.js';
import { MS_PER_DAY, MS_PER_MINUTE, formatWall, instantOf, utcToWall } from './zone.js';

export const MAX_SCHEDULES = 20;
export const MAX_WINDOW_DAYS = 62;
export const DEFAULT_INTERVAL_MINUTES = 30;

/**
 * availabilityView digits. Working elsewhere is 0, not 4: Graph documents (scheduleInformation,
 * "Get free/busy schedule") that it reports working elsewhere as free for backward compatibility,
 * and the service does so. `unknown` counts as busy, as Tandem and Outlook treat it as blocking.
 */
const DIGIT: Record<string, number> = {
  free: 0,
  workingElsewhere: 0,
  tentative: 1,
  busy: 2,
  unknown: 2,
  oof: 3,
};

/** Which status wins a slot several items touch: the strongest. */
const STRENGTH: Record<string, number> = {
  free: 0,
  workingElsewhere: 1,
  tentative: 2,
  unknown: 3,
  busy: 4,
  oof: 5,
};

export interface ScheduleQuery {
  schedules: string[];
  startMs: number;
  endMs: number;
  intervalMinutes: number;
}

function field(body: Record<string, unknown>, name: string): unknown {
  // Graph binds action parameters case-insensitively ("Schedules", "StartTime" work too).
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : body[key];
}

function dateTimeTimeZone(value: unknown, name: string): number {
  if (!value || typeof value !== 'object' || typeof (value as { dateTime?: unknown }).dateTime !== 'string') {
    throw new CalendarInputError('INVALID_TIME_INTERVAL', name, `'${name}' must be a dateTimeTimeZone.`);
  }
  const { dateTime, timeZone } = value as { dateTime: string; timeZone?: unknown };
  return instantOf({ dateTime, timeZone: typeof timeZone === 'string' ? timeZone : 'UTC' }, name);
}

/**
 * Reads a getSchedule body and enforces Graph's limits: at most 20 schedules, a window shorter
 * than 62 days, an interval of 5 to 1440 minutes that fits in the window.
 * @example parseScheduleQuery({ schedules: ['adele@contoso.com'], startTime: {...}, endTime: {...} }) // interval 30
 */
export function parseScheduleQuery(body: unknown): ScheduleQuery {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new CalendarInputError('INVALID_TIME_INTERVAL', 'body', 'The request body must be a JSON object.');
  }
  const input = body as Record<string, unknown>;
  const schedules = field(input, 'schedules');
  if (
    !Array.isArray(schedules) ||
    schedules.length === 0 ||
    !schedules.every((s) => typeof s === 'string' && s)
  ) {
    throw new CalendarInputError(
      'TOO_MANY_SCHEDULES',
      'schedules',
      "'schedules' must list at least one SMTP address.",
    );
  }
  if (schedules.length > MAX_SCHEDULES) {
    throw new CalendarInputError(
      'TOO_MANY_SCHEDULES',
      'schedules',
      `At most ${MAX_SCHEDULES} schedules can be requested at once; ${schedules.length} were.`,
    );
  }
  const startMs = dateTimeTimeZone(field(input, 'startTime'), 'startTime');
  const endMs = dateTimeTimeZone(field(input, 'endTime'), 'endTime');
  if (endMs <= startMs) {
    throw new CalendarInputError(
      'INVALID_TIME_INTERVAL',
      'endTime',
      'The time duration specified for FreeBusyViewOptions.TimeWindow is invalid.',
    );
  }
  const days = Math.ceil((endMs - startMs) / MS_PER_DAY);
  if (endMs - startMs >= MAX_WINDOW_DAYS * MS_PER_DAY) {
    throw new CalendarInputError(
      'TIME_INTERVAL_TOO_BIG',
      'endTime',
      `The requested time duration specified for FreeBusyViewOptions.TimeWindow is too long. The allowed limit = ${MAX_WINDOW_DAYS} days; the actual limit = ${days} days.`,
    );
  }
  const rawInterval = field(input, 'availabilityViewInterval');
  const interval =
    rawInterval === undefined || rawInterval === null ? DEFAULT_INTERVAL_MINUTES : Number(rawInterval);
  if (
    !Number.isInteger(interval) ||
    interval < 5 ||
    interval > 1440 ||
    interval * MS_PER_MINUTE > endMs - startMs
  ) {
    throw new CalendarInputError(
      'INVALID_AVAILABILITY_INTERVAL',
      'availabilityViewInterval',
      'The specified merged free/busy interval is not valid. Specify an interval that is less than the free/busy time window and  between 5 and 1440 minutes.',
    );
  }
  return { schedules: schedules as string[], startMs, endMs, intervalMinutes: interval };
}

export interface ScheduleOwner<E extends EventLike> {
  /** The address as the caller wrote it; Graph echoes it. */
  scheduleId: string;
  /** The owner's calendar instances overlapping the query window. */
  instances: readonly Instance<E>[];
  /** From the owner's mailboxSettings. */
  workingHours?: unknown;
  /**
   * Whether the caller may see subjects and locations (the owner's own calendar, or one shared with
   * the caller); private and confidential items never show them.
   */
  showDetails: boolean;
}

export interface OutputZone {
  /** IANA zone times are written in. */
  zone: string;
  /** The name the caller asked for (Prefer: outlook.timezone), echoed in every timeZone. */
  name: string;
}

export interface ScheduleItem {
  isPrivate?: boolean;
  status: string;
  subject?: string;
  location?: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
}

export interface ScheduleInformation {
  scheduleId: string;
  availabilityView: string;
  scheduleItems: ScheduleItem[];
  workingHours?: unknown;
  error?: { message: string; responseCode: string };
}

/**
 * One schedule of a getSchedule answer: the items overlapping the window (cancelled events left
 * out), and the availability view, one digit per interval, the strongest status in it winning.
 * @example scheduleInformation(owner, { …, intervalMinutes: 60 }, { zone: 'America/Los_Angeles', name: 'Pacific Standard Time' })
 */
export function scheduleInformation<E extends EventLike>(
  owner: ScheduleOwner<E>,
  query: ScheduleQuery,
  output: OutputZone,
): ScheduleInformation {
  const interval = query.intervalMinutes * MS_PER_MINUTE;
  const slots = Math.ceil((query.endMs - query.startMs) / interval);
  const strongest = new Array<string>(slots).fill('free');
  const items: ScheduleItem[] = [];
  const at = (ms: number) => ({ dateTime: formatWall(utcToWall(output.zone, ms)), timeZone: output.name });
  for (const instance of owner.instances) {
    const event = instance.source;
    if (event.isCancelled === true) continue;
    const status = event.showAs && event.showAs in STRENGTH ? event.showAs : 'busy';
    const item: ScheduleItem = { status, start: at(instance.startMs), end: at(instance.endMs) };
    const isPrivate = event.sensitivity === 'private' || event.sensitivity === 'confidential';
    if (owner.showDetails && !isPrivate) {
      items.push({
        isPrivate: false,
        status,
        subject: event.subject ?? '',
        location: event.location?.displayName ?? '',
        start: item.start,
        end: item.end,
      });
    } else {
      items.push(item);
    }
    const first = Math.max(0, Math.floor((instance.startMs - query.startMs) / interval));
    const last = Math.min(slots - 1, Math.ceil((instance.endMs - query.startMs) / interval) - 1);
    for (let slot = first; slot <= last; slot++) {
      if (STRENGTH[status]! > STRENGTH[strongest[slot]!]!) strongest[slot] = status;
    }
  }
  const information: ScheduleInformation = {
    scheduleId: owner.scheduleId,
    availabilityView: strongest.map((status) => DIGIT[status]).join(''),
    scheduleItems: items,
  };
  if (owner.workingHours !== undefined) information.workingHours = owner.workingHours;
  return information;
}

/** The entry Graph answers for an address it cannot resolve: no view, an error naming why. */
export function unknownSchedule(scheduleId: string): ScheduleInformation {
  return {
    scheduleId,
    availabilityView: '',
    scheduleItems: [],
    error: { message: `The requested user '${scheduleId}' is invalid.`, responseCode: 'ErrorInvalidUser' },
  };
}
