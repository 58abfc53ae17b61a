import { GraphError } from '../../errors.js';
import { CALENDAR_READ, CALENDAR_WRITE, type GraphRoute } from '../graph-route.js';
import { paginate } from '../odata/paging.js';
import { applySelect, readSelect } from '../odata/select.js';
import { odataContext, renderCalendar } from '../views.js';

const CALENDAR_PROPERTIES = new Set([
  'id',
  'name',
  'color',
  'hexColor',
  'isDefaultCalendar',
  'changeKey',
  'canShare',
  'canViewPrivateItems',
  'canEdit',
  'isRemovable',
  'isTallyingResponses',
  'allowedOnlineMeetingProviders',
  'defaultOnlineMeetingProvider',
  'owner',
]);

export const calendarRoutes: GraphRoute[] = [
  {
    method: 'GET',
    path: '/calendars',
    scope: 'mailbox',
    permissions: CALENDAR_READ,
    handler: ({ req, env, mailbox }) => {
      const select = readSelect(req.query, CALENDAR_PROPERTIES, 'microsoft.graph.calendar');
      const page = paginate(req, env.urls.graphBaseUrl, env.store.listCalendars(mailbox!.id), {
        defaultSize: 10,
      });
      return {
        status: 200,
        body: {
          '@odata.context': odataContext(env.urls.graphBaseUrl, `users('${mailbox!.id}')/calendars`),
          value: page.items.map((c) => applySelect(renderCalendar(c, mailbox!), select)),
          ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
        },
      };
    },
  },
  {
    method: 'POST',
    path: '/calendars',
    scope: 'mailbox',
    permissions: CALENDAR_WRITE,
    handler: ({ req, env, mailbox }) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (typeof body.name !== 'string' || body.name.trim() === '')
        throw new GraphError(
          400,
          'ErrorInvalidRequest',
          "Invalid value for 'name': a calendar needs a name.",
        );
      if (
        env.store
          .listCalendars(mailbox!.id)
          .some((c) => c.name.toLowerCase() === String(body.name).toLowerCase())
      ) {
        throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
      }
      const calendar = env.store.addCalendar(mailbox!.id, {
        name: body.name,
        ...(typeof body.color === 'string' ? { color: body.color } : {}),
      });
      return {
        status: 201,
        body: {
          '@odata.context': odataContext(env.urls.graphBaseUrl, `users('${mailbox!.id}')/calendars/$entity`),
          ...renderCalendar(calendar, mailbox!),
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/calendars/:calendarId',
    scope: 'mailbox',
    permissions: CALENDAR_READ,
    handler: ({ req, env, mailbox, params }) => {
      const select = readSelect(req.query, CALENDAR_PROPERTIES, 'microsoft.graph.calendar');
      const calendar = env.store.getCalendar(mailbox!.id, params.calendarId!);
      return {
        status: 200,
        body: {
          '@odata.context': odataContext(env.urls.graphBaseUrl, `users('${mailbox!.id}')/calendars/$entity`),
          ...applySelect(renderCalendar(calendar, mailbox!), select),
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/calendar',
    scope: 'mailbox',
    permissions: CALENDAR_READ,
    handler: ({ req, env, mailbox }) => {
      const select = readSelect(req.query, CALENDAR_PROPERTIES, 'microsoft.graph.calendar');
      const calendar = env.store.defaultCalendar(mailbox!.id);
      return {
        status: 200,
        body: {
          '@odata.context': odataContext(env.urls.graphBaseUrl, `users('${mailbox!.id}')/calendar/$entity`),
          ...applySelect(renderCalendar(calendar, mailbox!), select),
        },
      };
    },
  },
];
