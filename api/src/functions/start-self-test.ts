import { operations } from '../contracts/operations.js';
import type { SelfTestMessage } from '../sync/self-test.js';
import type { HttpFunction } from './definition.js';
import { triggerOf } from './operation-trigger.js';
import { syncRuntime } from './sync-runtime.js';

/**
 * `POST /api/sync/selftest`: stores a run and queues its steps on `sync-selftest` (work after the
 * answer may be stopped by the platform), answering 202 with the run to poll. A run still going is
 * answered as it is.
 */
export const startSelfTest: HttpFunction = {
  name: 'startSelfTest',
  trigger: triggerOf(operations.startSelfTest),
  async handler(request, _context, services) {
    const principal = await services.auth.authenticate(request);
    const { run, started } = await syncRuntime(services).selfTest.start(principal.userId);
    if (started) {
      const message: SelfTestMessage = { kind: 'selfTest', hostId: principal.userId, runId: run.runId };
      await services.queues.send('syncSelfTest', message);
    }
    return {
      status: 202,
      headers: { 'cache-control': 'no-store', location: `/api/sync/selftest/${run.runId}` },
      jsonBody: run,
    };
  },
};
