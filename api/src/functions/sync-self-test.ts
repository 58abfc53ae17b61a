import { queueNames } from '../store/queues.js';
import { selfTestMessageSchema } from '../sync/self-test.js';
import type { QueueFunction } from './definition.js';
import { syncRuntime } from './sync-runtime.js';

/** `sync-selftest` → the self-test's five steps, each saved as it runs, then its clean-up. */
export const syncSelfTest: QueueFunction = {
  name: 'syncSelfTest',
  trigger: { kind: 'queue', queueName: queueNames.syncSelfTest },
  async handler(message, context, services) {
    const parsed = selfTestMessageSchema.safeParse(message);
    if (!parsed.success) {
      context.warn('Dropped an unreadable self-test message.', parsed.error.issues);
      return;
    }
    await syncRuntime(services).selfTest.run(parsed.data.hostId, parsed.data.runId);
  },
};
