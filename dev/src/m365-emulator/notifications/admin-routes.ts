import type { EmulatorEnv } from '../env.js';
import { GraphError } from '../errors.js';
import type { HttpRoute } from '../server/http-types.js';
import { InvalidFaultsError, NO_FAULTS, updateFaults } from './faults.js';
import { toGraphSubscription } from './payloads.js';
import { notificationsFor } from './runtime.js';
import { LIFECYCLE_EVENTS, type LifecycleEvent } from './types.js';

function object(body: unknown): Record<string, unknown> {
  if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  throw new GraphError(400, 'ErrorInvalidRequest', 'Expected a JSON object body.');
}

/**
 * Test and demo controls for subscriptions and notification delivery, under /_admin: trigger
 * lifecycle notifications, expire or remove subscriptions, drop or delay notifications, and wait
 * until every queued notification has been delivered.
 */
export const notificationAdminRoutes: HttpRoute<EmulatorEnv>[] = [
  {
    method: 'GET',
    path: '/_admin/subscriptions',
    handler: (_req, env) => ({
      status: 200,
      body: { value: notificationsFor(env).service.all().map(toGraphSubscription) },
    }),
  },
  {
    method: 'POST',
    path: '/_admin/subscriptions/:id/lifecycle',
    handler: (req, env) => {
      const lifecycleEvent = object(req.body).lifecycleEvent;
      if (!LIFECYCLE_EVENTS.includes(lifecycleEvent as LifecycleEvent)) {
        throw new GraphError(
          400,
          'ErrorInvalidRequest',
          `Invalid value for 'lifecycleEvent': expected one of ${LIFECYCLE_EVENTS.join(', ')}.`,
        );
      }
      const subscription = notificationsFor(env).service.triggerLifecycle(
        req.params.id!,
        lifecycleEvent as LifecycleEvent,
      );
      return { status: 202, body: { subscriptionId: subscription.id, lifecycleEvent } };
    },
  },
  {
    method: 'POST',
    path: '/_admin/subscriptions/:id/expire',
    handler: (req, env) => {
      notificationsFor(env).service.expire(req.params.id!);
      return { status: 204 };
    },
  },
  {
    method: 'DELETE',
    path: '/_admin/subscriptions/:id',
    handler: (req, env) => {
      notificationsFor(env).service.triggerLifecycle(req.params.id!, 'subscriptionRemoved');
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    path: '/_admin/faults/notifications',
    handler: (_req, env) => ({ status: 200, body: notificationsFor(env).faults }),
  },
  {
    method: 'POST',
    path: '/_admin/faults/notifications',
    handler: (req, env) => {
      const runtime = notificationsFor(env);
      try {
        runtime.faults = updateFaults(runtime.faults, object(req.body));
      } catch (error) {
        if (error instanceof InvalidFaultsError) {
          throw new GraphError(
            400,
            'ErrorInvalidRequest',
            `Invalid value for '${error.field}': ${error.message}.`,
          );
        }
        throw error;
      }
      return { status: 200, body: runtime.faults };
    },
  },
  {
    method: 'DELETE',
    path: '/_admin/faults/notifications',
    handler: (_req, env) => {
      notificationsFor(env).faults = { ...NO_FAULTS };
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    path: '/_admin/notifications/deliveries',
    handler: (_req, env) => {
      const { delivery } = notificationsFor(env);
      return { status: 200, body: { stats: delivery.stats, attempts: delivery.attempts() } };
    },
  },
  {
    method: 'POST',
    path: '/_admin/notifications/idle',
    handler: async (_req, env) => {
      await notificationsFor(env).delivery.idle();
      return { status: 204 };
    },
  },
];
