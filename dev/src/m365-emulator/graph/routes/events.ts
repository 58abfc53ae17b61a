import { GraphError, itemNotFound, staleChangeKey } from '../../errors.js';
import type { GraphEvent } from '../../state/graph-types.js';
import type { EventRecord } from '../../state/records.js';
import { readEventView, renderEvent } from '../event-view.js';
import { cancelInstance, findOccurrence, updateOccurrence, type Occurrence } from '../occurrences.js';
import { CALENDAR_READ, CALENDAR_WRITE, type GraphContext, type GraphRoute } from '../graph-route.js';
import { compileFilter } from '../odata/filter.js';
import { paginate } from '../odata/paging.js';
import { preferenceHeaders, readPreferences } from '../odata/prefer.js';
import { odataContext } from '../views.js';

/** Which calendar a route addresses: the default one, any of the mailbox (by event id), or a named one. */
type CalendarScope = 'default' | 'named';

function calendarIdFor(ctx: GraphContext, scope: CalendarScope): string {
  const { store } = ctx.env;
  return scope === 'named'
    ? store.getCalendar(ctx.mailbox!.id, ctx.params.calendarId!).id
    : store.defaultCalendar(ctx.mailbox!.id).id;
}

/** The addressed item: a stored event (single, master, exception) or an unchanged occurrence. */
type Target =
  { record: EventRecord; occurrence?: undefined } | { record?: undefined; occurrence: Occurrence };

/** The addressed event; under /calendars/{id} it must live in that calendar. */
function targetFor(ctx: GraphContext, scope: CalendarScope | 'any'): Target {
  const { store } = ctx.env;
  const record = store.findEvent(ctx.mailbox!.id, ctx.params.eventId!);
  const target: Target | null = record ? { record } : occurrenceTarget(ctx);
  if (!target) throw itemNotFound();
  const calendarId = target.record?.calendarId ?? target.occurrence!.master.calendarId;
  if (scope !== 'any' && calendarId !== calendarIdFor(ctx, scope)) throw itemNotFound();
  return target;
}

function occurrenceTarget(ctx: GraphContext): Target | null {
  const occurrence = findOccurrence(ctx.env.store, ctx.mailbox!.id, ctx.params.eventId!);
  return occurrence ? { occurrence } : null;
}

/** Removes what a target names: a whole event, or one instance of a series. */
function removeTarget(ctx: GraphContext, target: Target, cancelled: boolean): void {
  const { store } = ctx.env;
  const userId = ctx.mailbox!.id;
  if (target.occurrence) {
    cancelInstance(store, userId, {
      masterId: target.occurrence.master.event.id,
      originalStartMs: target.occurrence.originalStartMs,
    });
  } else if (
    target.record.event.type === 'exception' &&
    target.record.event.seriesMasterId &&
    target.record.event.originalStart
  ) {
    cancelInstance(store, userId, {
      masterId: target.record.event.seriesMasterId,
      originalStartMs: Date.parse(target.record.event.originalStart),
      exceptionId: target.record.event.id,
    });
  } else {
    store.deleteEvent(userId, target.record.event.id, { cancelled });
  }
}

function entityContext(ctx: GraphContext): string {
  return odataContext(ctx.env.urls.graphBaseUrl, `users('${ctx.mailbox!.id}')/events/$entity`);
}

function one(ctx: GraphContext, event: GraphEvent, status: number) {
  const prefs = readPreferences(ctx.req);
  const view = readEventView(ctx.req.query, prefs);
  return {
    status,
    headers: preferenceHeaders(prefs),
    body: { '@odata.context': entityContext(ctx), ...renderEvent(event, view) },
  };
}

/** `If-Match: W/"changeKey"` → the change key; `*` or no header → no check. */
function ifMatch(ctx: GraphContext): string | undefined {
  const raw = ctx.req.headers['if-match']?.trim();
  if (!raw || raw === '*') return undefined;
  return raw.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

function orderBy(raw: string | null): ((a: GraphEvent, b: GraphEvent) => number) | null {
  if (!raw) return null;
  const m = /^\s*([\w/]+)(?:\s+(asc|desc))?\s*$/i.exec(raw);
  if (!m) throw new GraphError(400, 'BadRequest', `Invalid $orderby expression '${raw}'.`);
  const path = m[1]!.split('/');
  const sign = m[2]?.toLowerCase() === 'desc' ? -1 : 1;
  const value = (e: GraphEvent): string => {
    let v: unknown = e;
    for (const seg of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined;
    return v === undefined || v === null ? '' : String(v);
  };
  return (a, b) => sign * value(a).localeCompare(value(b));
}

function list(ctx: GraphContext, scope: CalendarScope) {
  const prefs = readPreferences(ctx.req);
  const view = readEventView(ctx.req.query, prefs);
  const filter = compileFilter(ctx.req.query.get('$filter'));
  const sort = orderBy(ctx.req.query.get('$orderby'));
  // Event lists hold single instances and series masters; exceptions are reached through the series.
  let events = ctx.env.store
    .listEvents(ctx.mailbox!.id, calendarIdFor(ctx, scope))
    .map((r) => r.event)
    .filter((e) => e.type !== 'exception' && e.type !== 'occurrence');
  if (filter) events = events.filter((e) => filter(e as unknown as Record<string, unknown>));
  if (sort) events.sort(sort);
  const page = paginate(ctx.req, ctx.env.urls.graphBaseUrl, events, {
    defaultSize: ctx.env.settings.defaultPageSize,
    ...(prefs.maxPageSize ? { maxPageSize: prefs.maxPageSize } : {}),
  });
  return {
    status: 200,
    headers: preferenceHeaders(prefs),
    body: {
      '@odata.context': odataContext(ctx.env.urls.graphBaseUrl, `users('${ctx.mailbox!.id}')/events`),
      value: page.items.map((e) => renderEvent(e, view)),
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
    },
  };
}

function bodyObject(ctx: GraphContext): Record<string, unknown> {
  const body = ctx.req.body;
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new GraphError(400, 'BadRequest', 'Empty Payload. JSON content expected.');
  return body as Record<string, unknown>;
}

function routesUnder(prefix: string, scope: CalendarScope, itemScope: CalendarScope | 'any'): GraphRoute[] {
  return [
    {
      method: 'GET',
      path: `${prefix}/events`,
      scope: 'mailbox',
      permissions: CALENDAR_READ,
      handler: (ctx) => list(ctx, scope),
    },
    {
      method: 'POST',
      path: `${prefix}/events`,
      scope: 'mailbox',
      permissions: CALENDAR_WRITE,
      handler: (ctx) =>
        one(ctx, ctx.env.store.createEvent(ctx.mailbox!.id, calendarIdFor(ctx, scope), bodyObject(ctx)), 201),
    },
    {
      method: 'GET',
      path: `${prefix}/events/:eventId`,
      scope: 'mailbox',
      permissions: CALENDAR_READ,
      handler: (ctx) => {
        const target = targetFor(ctx, itemScope);
        return one(ctx, target.record?.event ?? target.occurrence!.event, 200);
      },
    },
    {
      method: 'PATCH',
      path: `${prefix}/events/:eventId`,
      scope: 'mailbox',
      permissions: CALENDAR_WRITE,
      handler: (ctx) => {
        const target = targetFor(ctx, itemScope);
        const changeKey = ifMatch(ctx);
        const options = changeKey === undefined ? {} : { ifMatchChangeKey: changeKey };
        let updated: GraphEvent;
        if (target.occurrence) {
          if (changeKey !== undefined && changeKey !== target.occurrence.event.changeKey)
            throw staleChangeKey();
          updated = updateOccurrence(ctx.env.store, ctx.mailbox!.id, target.occurrence, bodyObject(ctx));
        } else {
          updated = ctx.env.store.updateEvent(
            ctx.mailbox!.id,
            target.record.event.id,
            bodyObject(ctx),
            options,
          );
        }
        return one(ctx, updated, 200);
      },
    },
    {
      method: 'DELETE',
      path: `${prefix}/events/:eventId`,
      scope: 'mailbox',
      permissions: CALENDAR_WRITE,
      handler: (ctx) => {
        removeTarget(ctx, targetFor(ctx, itemScope), false);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      path: `${prefix}/events/:eventId/cancel`,
      scope: 'mailbox',
      permissions: CALENDAR_WRITE,
      handler: (ctx) => {
        const target = targetFor(ctx, itemScope);
        const body = ctx.req.body === undefined ? {} : bodyObject(ctx);
        if (body.comment !== undefined && typeof body.comment !== 'string') {
          throw new GraphError(400, 'ErrorInvalidRequest', "Invalid value for 'comment': expected a string.");
        }
        if (!(target.record?.event ?? target.occurrence!.event).isOrganizer) {
          throw new GraphError(
            400,
            'ErrorInvalidRequest',
            "Your request can't be completed. You need to be an organizer to cancel a meeting.",
          );
        }
        // Graph moves a cancelled meeting to Deleted Items: it leaves the calendar, as a deletion does.
        removeTarget(ctx, target, true);
        return { status: 202 };
      },
    },
  ];
}

export const eventRoutes: GraphRoute[] = [
  ...routesUnder('', 'default', 'any'),
  ...routesUnder('/calendar', 'default', 'default'),
  ...routesUnder('/calendars/:calendarId', 'named', 'named'),
];
