import { operations } from '../contracts/operations.js';
import { bookingRuntime, signedInHost } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { triggerOf } from './operation-trigger.js';
import { syncAfterConnect } from './sync-runtime.js';

/** `GET /api/me`: profile, connection (renewed on-behalf-of), calendars, mailbox settings. */
export const me: HttpFunction = {
  name: 'me',
  trigger: triggerOf(operations.me),
  async handler(request, _context, services) {
    const { principal, token } = await signedInHost(request, services);
    const answer = await bookingRuntime(services).hosts.me(principal, token);
    if (answer.connection.state === 'connected') await syncAfterConnect(services, principal.userId);
    return { status: 200, jsonBody: answer };
  },
};
