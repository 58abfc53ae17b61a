import { GraphError } from '../../errors.js';
import type { UserRecord } from '../../state/records.js';
import type { GraphContext, GraphRoute } from '../graph-route.js';
import { USER_READ } from '../graph-route.js';
import { paginate } from '../odata/paging.js';
import { applySelect, readSelect } from '../odata/select.js';
import { odataContext, renderUser } from '../views.js';

const USER_PROPERTIES = new Set([
  'id',
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
]);
const READ_OTHERS = ['user.readbasic.all', 'user.read.all', 'user.readwrite.all', 'directory.read.all'];

function one(ctx: GraphContext, user: UserRecord) {
  const select = readSelect(ctx.req.query, USER_PROPERTIES, 'microsoft.graph.user');
  return {
    status: 200,
    body: {
      '@odata.context': odataContext(
        ctx.env.urls.graphBaseUrl,
        select ? `users(${select.join(',')})/$entity` : 'users/$entity',
      ),
      ...applySelect(renderUser(user), select),
    },
  };
}

/** A delegated caller reads its own profile with User.Read; anyone else's needs User.ReadBasic.All or more. */
function mayReadOthers(ctx: GraphContext): boolean {
  const held = (ctx.caller.kind === 'delegated' ? ctx.caller.scopes : ctx.caller.roles).map((p) =>
    p.toLowerCase(),
  );
  return held.some((p) => READ_OTHERS.includes(p));
}

export const userRoutes: GraphRoute[] = [
  {
    method: 'GET',
    path: '/me',
    scope: 'tenant',
    permissions: USER_READ,
    handler: (ctx) => {
      if (!ctx.mailbox)
        throw new GraphError(
          400,
          'BadRequest',
          '/me request is only valid with delegated authentication flow.',
        );
      return one(ctx, ctx.mailbox);
    },
  },
  {
    method: 'GET',
    path: '/users/:user',
    scope: 'tenant',
    permissions: USER_READ,
    handler: (ctx) => {
      const user = ctx.env.store.findUser(ctx.params.user!);
      if (!user || user.tenantId !== ctx.caller.tenantId)
        throw new GraphError(
          404,
          'Request_ResourceNotFound',
          `Resource '${ctx.params.user}' does not exist or one of its queried reference-property objects are not present.`,
        );
      if (user.id !== ctx.caller.userId && !mayReadOthers(ctx))
        throw new GraphError(
          403,
          'Authorization_RequestDenied',
          'Insufficient privileges to complete the operation.',
        );
      return one(ctx, user);
    },
  },
  {
    method: 'GET',
    path: '/users',
    scope: 'tenant',
    permissions: USER_READ,
    handler: (ctx) => {
      if (!mayReadOthers(ctx))
        throw new GraphError(
          403,
          'Authorization_RequestDenied',
          'Insufficient privileges to complete the operation.',
        );
      const select = readSelect(ctx.req.query, USER_PROPERTIES, 'microsoft.graph.user');
      const users = ctx.env.store.listUsers(ctx.caller.tenantId);
      const page = paginate(ctx.req, ctx.env.urls.graphBaseUrl, users, { defaultSize: 100 });
      return {
        status: 200,
        body: {
          '@odata.context': odataContext(ctx.env.urls.graphBaseUrl, 'users'),
          value: page.items.map((u) => applySelect(renderUser(u), select)),
          ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
        },
      };
    },
  },
];
