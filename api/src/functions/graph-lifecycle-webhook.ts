import { operations } from '../contracts/operations.js';
import type { HttpFunction } from './definition.js';
import { intake } from './graph-webhook.js';
import { triggerOf } from './operation-trigger.js';

/** `POST /api/webhooks/graph-lifecycle`: reauthorizationRequired, subscriptionRemoved, missed. */
export const graphLifecycleWebhook: HttpFunction = {
  name: 'graphLifecycleWebhook',
  trigger: triggerOf(operations.graphLifecycleWebhook),
  handler: (request, _context, services) => intake(request, services, 'lifecycle'),
};
