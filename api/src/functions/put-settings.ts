import { settingsSchema } from '../contracts/me.js';
import { operations } from '../contracts/operations.js';
import { bookingRuntime } from './booking-runtime.js';
import type { HttpFunction } from './definition.js';
import { readBody } from './http.js';
import { triggerOf } from './operation-trigger.js';
import { syncAfterConnect } from './sync-runtime.js';

/** `PUT /api/me/settings`: availability calendars, destination calendar, default rules. */
export const putSettings: HttpFunction = {
  name: 'putSettings',
  trigger: triggerOf(operations.putSettings),
  async handler(request, _context, services) {
    const principal = await services.auth.authenticate(request);
    const body = await readBody(request, settingsSchema);
    const saved = await bookingRuntime(services).hosts.saveSettings(principal, body);
    await syncAfterConnect(services, principal.userId);
    return { status: 200, jsonBody: saved };
  },
};
