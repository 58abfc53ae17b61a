import type { GraphContext, GraphRoute } from '../graph/graph-route.js';
import { toGraphSubscription } from './payloads.js';
import { directoryFor, notificationsFor } from './runtime.js';
import type { SubscriptionCaller } from './subscription-service.js';

const asSubscriptionCaller = (ctx: GraphContext): SubscriptionCaller => ({
  userId: ctx.caller.userId ?? null,
  appId: ctx.caller.appId,
});

const entity = (ctx: GraphContext, subscription: Parameters<typeof toGraphSubscription>[0]) => ({
  '@odata.context': `${ctx.env.urls.graphBaseUrl}/$metadata#subscriptions/$entity`,
  ...toGraphSubscription(subscription),
});

/** Graph v1.0 `/subscriptions` for Outlook event resources. */
export const subscriptionRoutes: GraphRoute[] = [
  {
    method: 'POST',
    path: '/subscriptions',
    scope: 'tenant',
    handler: async (ctx) => {
      const { service } = notificationsFor(ctx.env);
      const subscription = await service.create(
        asSubscriptionCaller(ctx),
        directoryFor(ctx.env, ctx.caller),
        ctx.req.body,
      );
      return { status: 201, body: entity(ctx, subscription) };
    },
  },
  {
    method: 'GET',
    path: '/subscriptions',
    scope: 'tenant',
    handler: (ctx) => ({
      status: 200,
      body: {
        '@odata.context': `${ctx.env.urls.graphBaseUrl}/$metadata#subscriptions`,
        value: notificationsFor(ctx.env).service.list(asSubscriptionCaller(ctx)).map(toGraphSubscription),
      },
    }),
  },
  {
    method: 'GET',
    path: '/subscriptions/:id',
    scope: 'tenant',
    handler: (ctx) => ({
      status: 200,
      body: entity(ctx, notificationsFor(ctx.env).service.get(asSubscriptionCaller(ctx), ctx.params.id!)),
    }),
  },
  {
    method: 'PATCH',
    path: '/subscriptions/:id',
    scope: 'tenant',
    handler: async (ctx) => {
      const { service } = notificationsFor(ctx.env);
      const subscription = await service.update(asSubscriptionCaller(ctx), ctx.params.id!, ctx.req.body);
      return { status: 200, body: entity(ctx, subscription) };
    },
  },
  {
    method: 'DELETE',
    path: '/subscriptions/:id',
    scope: 'tenant',
    handler: (ctx) => {
      notificationsFor(ctx.env).service.delete(asSubscriptionCaller(ctx), ctx.params.id!);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/subscriptions/:id/reauthorize',
    scope: 'tenant',
    handler: (ctx) => {
      notificationsFor(ctx.env).service.reauthorize(asSubscriptionCaller(ctx), ctx.params.id!);
      return { status: 204 };
    },
  },
];
