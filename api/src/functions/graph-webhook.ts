import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { operations } from '../contracts/operations.js';
import { notificationBatchSchema } from '../sync/notification-intake.js';
import type { HttpFunction } from './definition.js';
import { readBody } from './http.js';
import { triggerOf } from './operation-trigger.js';
import type { Services } from './services.js';
import { syncRuntime } from './sync-runtime.js';

/** Graph's subscription handshake: the decoded token back, as text, within 10 s. */
export function validationAnswer(request: HttpRequest): HttpResponseInit | undefined {
  const token = request.query.get('validationToken');
  if (token === null) return undefined;
  return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: token };
}

export async function intake(
  request: HttpRequest,
  services: Services,
  kind: 'changes' | 'lifecycle',
): Promise<HttpResponseInit> {
  const handshake = validationAnswer(request);
  if (handshake) return handshake;
  const batch = await readBody(request, notificationBatchSchema);
  await syncRuntime(services).intake.accept(batch, kind);
  // Forged notifications get the same answer: a sender learns nothing about which ids exist.
  return { status: 202 };
}

/** `POST /api/webhooks/graph`: change notifications of host calendars, queued for the sync worker. */
export const graphWebhook: HttpFunction = {
  name: 'graphWebhook',
  trigger: triggerOf(operations.graphWebhook),
  handler: (request, _context, services) => intake(request, services, 'changes'),
};
