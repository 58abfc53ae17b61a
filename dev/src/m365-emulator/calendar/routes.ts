import type { EmulatorEnv } from '../env.js';
import { GraphError } from '../errors.js';
import { readEventView, type EventView } from '../graph/event-view.js';
import { CALENDAR_READ, type GraphContext, type GraphRoute } from '../graph/graph-route.js';
import { paginate } from '../graph/odata/paging.js';
import { preferenceHeaders, readPreferences } from '../graph/odata/prefer.js';
import { odataContext } from '../graph/views.js';
import type { GraphEvent } from '../state/graph-types.js';
import type { EmulatorStore } from '../state/store.js';
import { CalendarInputError, type CalendarErrorCode } from './calendar-errors.js';
import { CalendarViewIndex, isoUtc, parseViewWindow } from './calendar-view.js';
import { CalendarDelta, removedEntry, type DeltaPage, type DeltaSource } from './delta.js';
import type { Instance } from './event-shape.js';
import {
  parseScheduleQuery,
  scheduleInformation,
  unknownSchedule,
  type ScheduleInformation,
} from './schedule.js';
import { formatWall, parseWall, requireZone, utcToWall } from './zone.js';

// ---- indexes and delta state, one per store / emulator ------------------------------------------

interface CachedIndex {
  version: number;
  events: Map<string, GraphEvent>;
  index: CalendarViewIndex<GraphEvent>;
}

const indexes = new WeakMap<EmulatorStore, Map<string, CachedIndex>>();

/**
 * The view index of one calendar. Reads with no write since the last build cost a lookup; after a
 * few writes only the changed events are fetched again (parsed spans and compiled series of the
 * others are reused), so a large mailbox is not copied whole after every change.
 */
export function calendarIndex(
  store: EmulatorStore,
  userId: string,
  calendarId: string,
): CalendarViewIndex<GraphEvent> {
  let perStore = indexes.get(store);
  if (!perStore) {
    perStore = new Map();
    indexes.set(store, perStore);
  }
  const key = `${userId}/${calendarId}`;
  const cached = perStore.get(key);
  const version = store.version;
  if (cached && cached.version <= version) {
    const changes = store.changesSince(cached.version, { userId, calendarId });
    if (changes.length === 0) return cached.index;
    if (changes.length <= Math.max(16, cached.events.size / 4)) {
      for (const { eventId } of changes) {
        const record = store.findEvent(userId, eventId);
        if (record && record.calendarId === calendarId) cached.events.set(eventId, record.event);
        else cached.events.delete(eventId);
      }
      cached.version = version;
      cached.index = new CalendarViewIndex(cached.events.values());
      return cached.index;
    }
  }
  const events = new Map(store.listEvents(userId, calendarId).map((r) => [r.event.id, r.event]));
  const index = new CalendarViewIndex(events.values());
  perStore.set(key, { version, events, index });
  return index;
}

const deltas = new WeakMap<EmulatorEnv, CalendarDelta<GraphEvent>>();

function deltaOf(env: EmulatorEnv): CalendarDelta<GraphEvent> {
  let delta = deltas.get(env);
  if (!delta) {
    delta = new CalendarDelta<GraphEvent>();
    deltas.set(env, delta);
  }
  return delta;
}

/** The "forget delta tokens" fault: every calendarView/delta token issued so far answers 410 syncStateNotFound. */
export function forgetDeltaTokens(env: EmulatorEnv): void {
  deltaOf(env).forgetAll();
}

// ---- errors ------------------------------------------------------------------------------------------

const GRAPH_ERRORS: Record<CalendarErrorCode, [number, string]> = {
  INVALID_TIME_ZONE: [400, 'TimeZoneNotSupportedException'],
  INVALID_DATE_TIME: [400, 'ErrorInvalidParameter'],
  INVALID_RECURRENCE: [400, 'ErrorInvalidRequest'],
  INVALID_WINDOW: [400, 'ErrorInvalidParameter'],
  INVALID_PAGE_SIZE: [400, 'ErrorInvalidParameter'],
  SYNC_STATE_NOT_FOUND: [410, 'syncStateNotFound'],
  TOO_MANY_SCHEDULES: [400, 'ErrorInvalidParameter'],
  TIME_INTERVAL_TOO_BIG: [400, 'ErrorTimeIntervalTooBig'],
  INVALID_TIME_INTERVAL: [400, 'ErrorInvalidTimeInterval'],
  INVALID_AVAILABILITY_INTERVAL: [400, 'ErrorInvalidMergedFreeBusyInterval'],
};

/** Runs a handler, turning the calendar modules' input errors into Graph's error answers. */
function graphErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof CalendarInputError)) throw error;
    const [status, code] = GRAPH_ERRORS[error.code];
    const message =
      error.code === 'INVALID_DATE_TIME'
        ? `Invalid value for '${error.field}': ${error.message}`
        : error.message;
    throw new GraphError(status, code, message);
  }
}

/** A query option by name, case-insensitively, as Graph reads them ("startdatetime" works). */
function queryValue(query: URLSearchParams, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of query) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

function calendarOf(ctx: GraphContext): string {
  const { store } = ctx.env;
  const userId = ctx.mailbox!.id;
  return ctx.params.calendarId
    ? store.getCalendar(userId, ctx.params.calendarId).id
    : store.defaultCalendar(userId).id;
}

/** Stored fields an instance never answers directly (navigation or series-master-only properties). */
const NOT_ANSWERED = new Set([
  'singleValueExtendedProperties',
  'cancelledOccurrences',
  'originalStart',
  'exceptionOccurrences',
]);

// Stored events of a cached index are rendered on every read; their answered keys are listed once.
const answered = new WeakMap<object, string[]>();

function answeredKeys(stored: Record<string, unknown>): string[] {
  let keys = answered.get(stored);
  if (!keys) {
    keys = Object.keys(stored).filter((key) => !NOT_ANSWERED.has(key));
    answered.set(stored, keys);
  }
  return keys;
}

/**
 * An instance as Graph answers it — the same shape as the events routes' renderEvent (etag, times in
 * the preferred zone, $select, $expand) — built in one pass from the stored event, with times
 * written from the instance's instants through the tabulated zone offsets: a 60-day view of a busy
 * mailbox answers thousands of events, so each stored event is copied once and its fields shared.
 */
function render(instance: Instance<GraphEvent>, view: EventView): Record<string, unknown> {
  const stored = instance.source as unknown as Record<string, unknown>;
  const event = instance.source;
  const { select } = view;
  const { timeZone, ianaZone } = view.prefs;
  const wanted = (key: string) => select === null || select.includes(key);
  const out: Record<string, unknown> = { '@odata.etag': `W/"${event.changeKey}"` };
  if (select) {
    for (const key of select) if (!NOT_ANSWERED.has(key) && key in stored) out[key] = stored[key];
  } else {
    for (const key of answeredKeys(stored)) out[key] = stored[key];
  }
  out.id = instance.id;
  const at = (ms: number) => ({ dateTime: formatWall(utcToWall(ianaZone, ms)), timeZone });
  // All-day events float: their midnights are answered as such in any zone.
  if (wanted('start')) {
    out.start =
      instance.wallStartMs !== undefined || event.isAllDay
        ? { dateTime: formatWall(instance.wallStartMs ?? parseWall(event.start.dateTime, 'start')), timeZone }
        : at(instance.startMs);
  }
  if (wanted('end')) {
    out.end =
      instance.wallEndMs !== undefined || event.isAllDay
        ? { dateTime: formatWall(instance.wallEndMs ?? parseWall(event.end.dateTime, 'end')), timeZone }
        : at(instance.endMs);
  }
  if (instance.type === 'occurrence') {
    if (wanted('type')) out.type = 'occurrence';
    if (wanted('seriesMasterId')) out.seriesMasterId = event.id;
    if (wanted('recurrence')) out.recurrence = null;
  }
  if (instance.originalStartMs !== undefined && wanted('originalStart')) {
    out.originalStart =
      instance.type === 'exception' && event.originalStart
        ? event.originalStart
        : isoUtc(instance.originalStartMs);
  }
  const filter = view.expandExtended;
  if (filter) {
    const props = event.singleValueExtendedProperties.filter(
      (p) => filter === 'all' || filter(p as unknown as Record<string, unknown>),
    );
    // Graph leaves the navigation property out when nothing matched the expand filter.
    if (props.length > 0) out.singleValueExtendedProperties = props;
  }
  return out;
}

// ---- calendarView -----------------------------------------------------------------------------------

function calendarView(ctx: GraphContext) {
  return graphErrors(() => {
    const { req, env } = ctx;
    const window = parseViewWindow(
      queryValue(req.query, 'startDateTime'),
      queryValue(req.query, 'endDateTime'),
    );
    const prefs = readPreferences(req);
    const view = readEventView(req.query, prefs);
    const index = calendarIndex(env.store, ctx.mailbox!.id, calendarOf(ctx));
    const instances = index.view(window.startMs, window.endMs, { floatingZone: prefs.ianaZone });
    const page = paginate(req, env.urls.graphBaseUrl, instances, {
      defaultSize: env.settings.defaultPageSize,
      ...(prefs.maxPageSize ? { maxPageSize: prefs.maxPageSize } : {}),
    });
    return {
      status: 200,
      headers: preferenceHeaders(prefs),
      body: {
        '@odata.context': odataContext(env.urls.graphBaseUrl, `users('${ctx.mailbox!.id}')/calendarView`),
        value: page.items.map((instance) => render(instance, view)),
        ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      },
    };
  });
}

function instances(ctx: GraphContext) {
  return graphErrors(() => {
    const { req, env } = ctx;
    const record = env.store.getEvent(ctx.mailbox!.id, ctx.params.eventId!);
    if (ctx.params.calendarId && record.calendarId !== calendarOf(ctx)) {
      throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    }
    const window = parseViewWindow(
      queryValue(req.query, 'startDateTime'),
      queryValue(req.query, 'endDateTime'),
    );
    const prefs = readPreferences(req);
    const view = readEventView(req.query, prefs);
    const found = calendarIndex(env.store, ctx.mailbox!.id, record.calendarId).instancesOf(
      record.event.id,
      window.startMs,
      window.endMs,
      { floatingZone: prefs.ianaZone },
    );
    // A single event has no instances of its own: Graph answers an empty collection.
    const page = paginate(req, env.urls.graphBaseUrl, found ?? [], {
      defaultSize: env.settings.defaultPageSize,
      ...(prefs.maxPageSize ? { maxPageSize: prefs.maxPageSize } : {}),
    });
    return {
      status: 200,
      headers: preferenceHeaders(prefs),
      body: {
        '@odata.context': odataContext(
          env.urls.graphBaseUrl,
          `users('${ctx.mailbox!.id}')/events('${record.event.id}')/instances`,
        ),
        value: page.items.map((instance) => render(instance, view)),
        ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      },
    };
  });
}

// ---- calendarView/delta -------------------------------------------------------------------------------

const UNSUPPORTED_IN_DELTA = ['$select', '$filter', '$orderby', '$expand', '$search'];

function deltaView(ctx: GraphContext) {
  return graphErrors(() => {
    const { req, env } = ctx;
    const userId = ctx.mailbox!.id;
    const calendarId = calendarOf(ctx);
    const prefs = readPreferences(req);
    const delta = deltaOf(env);
    const scope = `${userId}/${calendarId}`;
    const source = (): DeltaSource<GraphEvent> => ({
      version: env.store.version,
      index: calendarIndex(env.store, userId, calendarId),
      floatingZone: prefs.ianaZone,
      changedSince: (version) =>
        env.store.changesSince(version, { userId, calendarId }).map((c) => c.eventId),
    });
    const skipToken = queryValue(req.query, '$skiptoken');
    const deltaToken = queryValue(req.query, '$deltatoken');
    let page: DeltaPage<GraphEvent>;
    if (skipToken !== undefined) page = delta.skip(scope, skipToken, prefs.maxPageSize);
    else if (deltaToken !== undefined) page = delta.resume(scope, deltaToken, source(), prefs.maxPageSize);
    else {
      for (const option of UNSUPPORTED_IN_DELTA) {
        if (queryValue(req.query, option) !== undefined) {
          throw new GraphError(
            400,
            'ErrorInvalidUrlQuery',
            `The query option '${option}' is not supported with change tracking over calendarView.`,
          );
        }
      }
      const window = parseViewWindow(
        queryValue(req.query, 'startDateTime'),
        queryValue(req.query, 'endDateTime'),
      );
      page = delta.start(scope, window, source(), prefs.maxPageSize);
    }
    // Links repeat the path the client used (/me or /users/{id}); the token carries everything else.
    const base = `${env.urls.graphBaseUrl}${req.path.replace(/^\/v1\.0/i, '')}`;
    const view: EventView = { prefs, select: null, expandExtended: null };
    const value = page.items.map((item) =>
      item.kind === 'removed'
        ? removedEntry(item.id)
        : { '@odata.type': '#microsoft.graph.event', ...render(item.instance, view) },
    );
    return {
      status: 200,
      headers: preferenceHeaders(prefs),
      body: {
        '@odata.context': odataContext(env.urls.graphBaseUrl, 'Collection(event)'),
        ...(page.skipToken ? { '@odata.nextLink': `${base}?$skiptoken=${page.skipToken}` } : {}),
        ...(page.deltaToken ? { '@odata.deltaLink': `${base}?$deltatoken=${page.deltaToken}` } : {}),
        value,
      },
    };
  });
}

// ---- getSchedule -----------------------------------------------------------------------------------

function getSchedule(ctx: GraphContext) {
  return graphErrors(() => {
    const { req, env, caller } = ctx;
    const query = parseScheduleQuery(req.body);
    const prefs = readPreferences(req);
    const output = { zone: prefs.ianaZone, name: prefs.timeZone };
    const users = env.store.listUsers();
    const value: ScheduleInformation[] = query.schedules.map((address) => {
      const lower = address.toLowerCase();
      const owner =
        env.store.findUser(address) ??
        users.find((u) => u.mail.toLowerCase() === lower && u.tenantId === caller.tenantId);
      if (!owner || owner.tenantId !== caller.tenantId) return unknownSchedule(address);
      // All-day events float; free/busy places them in the owner's own zone, as Exchange does.
      const ownerZone = requireZone(owner.mailboxSettings.timeZone, 'mailboxSettings.timeZone');
      const index = calendarIndex(env.store, owner.id, env.store.defaultCalendar(owner.id).id);
      return scheduleInformation(
        {
          scheduleId: address,
          instances: index.view(query.startMs, query.endMs, { floatingZone: ownerZone }),
          workingHours: owner.mailboxSettings.workingHours,
          // The owner sees their own details; an app granted Calendars.Read reads whole events anyway.
          showDetails: caller.kind === 'application' || caller.userId === owner.id,
        },
        query,
        output,
      );
    });
    return {
      status: 200,
      headers: preferenceHeaders(prefs),
      body: {
        '@odata.context': odataContext(
          env.urls.graphBaseUrl,
          'Collection(microsoft.graph.scheduleInformation)',
        ),
        value,
      },
    };
  });
}

// ---- the table --------------------------------------------------------------------------------------------

const read = (path: string, handler: GraphRoute['handler']): GraphRoute => ({
  method: 'GET',
  path,
  scope: 'mailbox',
  permissions: CALENDAR_READ,
  handler,
});

/** calendarView (+ delta), series instances and getSchedule, under /me and /users/{id | upn}. */
export const calendarViewRoutes: GraphRoute[] = [
  read('/calendarView/delta', deltaView),
  read('/calendar/calendarView/delta', deltaView),
  read('/calendars/:calendarId/calendarView/delta', deltaView),
  read('/calendarView', calendarView),
  read('/calendar/calendarView', calendarView),
  read('/calendars/:calendarId/calendarView', calendarView),
  read('/events/:eventId/instances', instances),
  read('/calendar/events/:eventId/instances', instances),
  read('/calendars/:calendarId/events/:eventId/instances', instances),
  {
    method: 'POST',
    path: '/calendar/getSchedule',
    scope: 'mailbox',
    permissions: CALENDAR_READ,
    handler: getSchedule,
  },
];
