import type { TimerFunction } from './definition.js';
import { syncRuntime } from './sync-runtime.js';

/** Every 15 minutes: renew subscriptions expiring within a day, then a delta round of every calendar. */
export const renewSubscriptions: TimerFunction = {
  name: 'renewSubscriptions',
  trigger: { kind: 'timer', schedule: '0 */15 * * * *' },
  async handler(_timer, context, services) {
    const runtime = syncRuntime(services);
    if (!runtime.enabled) return;
    const renewal = await runtime.sync.renewExpiring();
    const reconcile = await runtime.sync.reconcileAll();
    if (renewal.renewed + renewal.failed + reconcile.failed > 0)
      context.log('Outlook sync upkeep', { renewal, reconcile });
  },
};
