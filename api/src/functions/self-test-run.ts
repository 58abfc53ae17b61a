import { operations } from '../contracts/operations.js';
import { selfTestRunParamsSchema } from '../contracts/sync.js';
import type { HttpFunction } from './definition.js';
import { triggerOf } from './operation-trigger.js';
import { syncRuntime } from './sync-runtime.js';

/** `GET /api/sync/selftest/{runId}`: one of the signed-in host's self-test runs, each step as it stands. */
export const selfTestRun: HttpFunction = {
  name: 'selfTestRun',
  trigger: triggerOf(operations.selfTestRun),
  async handler(request, _context, services) {
    const principal = await services.auth.authenticate(request);
    const { runId } = selfTestRunParamsSchema.parse(request.params);
    const run = await syncRuntime(services).selfTest.get(principal.userId, runId);
    return { status: 200, headers: { 'cache-control': 'no-store' }, jsonBody: run };
  },
};
