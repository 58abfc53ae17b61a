import { operations } from '../contracts/operations.js';
import type { HttpFunction } from './definition.js';

/** `GET /api/health`: whether storage answers (for load balancers and `npm start`). */
export const health: HttpFunction = {
  name: 'health',
  trigger: {
    kind: 'http',
    methods: [operations.health.method],
    route: operations.health.route,
    authLevel: 'anonymous',
  },
  async handler(_request, context, services) {
    let storage: { ok: boolean; detail?: string } = { ok: true };
    try {
      await services.tables.ping();
    } catch (error) {
      context.warn('Health check: storage did not answer.', error);
      storage = { ok: false, detail: 'Storage did not answer.' };
    }
    return {
      status: storage.ok ? 200 : 503,
      headers: { 'cache-control': 'no-store' },
      jsonBody: { status: storage.ok ? 'ok' : 'degraded', checks: { storage } },
    };
  },
};
