import { forgetDeltaTokens } from '../calendar/routes.js';
import type { EmulatorEnv } from '../env.js';
import { GraphError } from '../errors.js';
import type { GraphFaults } from '../faults.js';
import type { HttpRoute } from '../server/http-types.js';

function object(body: unknown): Record<string, unknown> {
  if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  throw new GraphError(400, 'ErrorInvalidRequest', 'Expected a JSON object body.');
}

/**
 * Test and demo controls under /_admin (no token: the emulator only listens on loopback).
 * Faults, per-mailbox budgets, forgotten delta tokens, restart, and a state snapshot.
 */
export const adminRoutes: HttpRoute<EmulatorEnv>[] = [
  {
    method: 'GET',
    path: '/_admin/faults',
    handler: (_req, env) => ({ status: 200, body: { ...env.faults.current, injected: env.faults.injected } }),
  },
  {
    method: 'POST',
    path: '/_admin/hold',
    handler: (_req, env) => {
      env.faults.hold();
      return { status: 204 };
    },
  },
  {
    method: 'DELETE',
    path: '/_admin/hold',
    handler: (_req, env) => {
      env.faults.release();
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/_admin/faults',
    handler: (req, env) => ({ status: 200, body: env.faults.set(object(req.body) as Partial<GraphFaults>) }),
  },
  {
    method: 'DELETE',
    path: '/_admin/faults',
    handler: (_req, env) => {
      env.faults.reset();
      return { status: 204 };
    },
  },
  {
    method: 'PUT',
    path: '/_admin/mailboxes/:user/budget',
    handler: (req, env) => {
      const user = env.store.getUser(req.params.user!);
      const body = object(req.body);
      const requests = body.requests;
      const windowSeconds = body.windowSeconds ?? 600;
      if (typeof requests !== 'number' || !Number.isInteger(requests) || requests < 0)
        throw new GraphError(
          400,
          'ErrorInvalidRequest',
          "Invalid value for 'requests': expected an integer ≥ 0.",
        );
      if (typeof windowSeconds !== 'number' || windowSeconds <= 0)
        throw new GraphError(
          400,
          'ErrorInvalidRequest',
          "Invalid value for 'windowSeconds': expected a number > 0.",
        );
      env.throttle.setBudget(user.id, { requests, windowSeconds });
      return { status: 200, body: { userId: user.id, requests, windowSeconds } };
    },
  },
  {
    method: 'DELETE',
    path: '/_admin/mailboxes/:user/budget',
    handler: (req, env) => {
      env.throttle.setBudget(env.store.getUser(req.params.user!).id, null);
      return { status: 204 };
    },
  },
  {
    // Every delta token Graph handed out becomes unknown (410 syncStateNotFound), as after Exchange
    // drops sync state: clients must start a full resync.
    method: 'POST',
    path: '/_admin/delta/forget',
    handler: (_req, env) => {
      forgetDeltaTokens(env);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/_admin/restart',
    handler: (req, env) => {
      const body = req.body === undefined ? {} : object(req.body);
      const downtimeMs = typeof body.downtimeMs === 'number' ? body.downtimeMs : 0;
      // Answer first, on a connection the client will not reuse; the restart begins once it is sent.
      return {
        status: 202,
        headers: { connection: 'close' },
        body: { restarting: true, downtimeMs },
        afterSend: () => void env.lifecycle.restart({ downtimeMs }),
      };
    },
  },
  {
    method: 'GET',
    path: '/_admin/state',
    handler: (_req, env) => ({ status: 200, body: env.store.toJSON() }),
  },
];
