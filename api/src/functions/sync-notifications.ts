import { queueNames } from '../store/queues.js';
import { syncMessageSchema } from '../sync/notification-intake.js';
import type { QueueFunction } from './definition.js';
import { syncRuntime } from './sync-runtime.js';

/** `graph-notifications` → a delta round of the calendar (or the lifecycle event's recovery). */
export const syncNotifications: QueueFunction = {
  name: 'syncNotifications',
  trigger: { kind: 'queue', queueName: queueNames.graphNotifications },
  async handler(message, context, services) {
    const parsed = syncMessageSchema.safeParse(message);
    if (!parsed.success) {
      // Retrying cannot make it readable: logged and dropped rather than poisoned five times.
      context.warn('Dropped an unreadable sync message.', parsed.error.issues);
      return;
    }
    await syncRuntime(services).sync.handle(parsed.data);
  },
};
