import { setTimeout as sleep } from 'node:timers/promises';
import type { EmulatorEnv } from '../env.js';
import { GraphError, invalidUser } from '../errors.js';
import { errorResponse } from '../server/error-body.js';
import type { EmulatorRequest, EmulatorResponse } from '../server/http-types.js';
import { Router } from '../server/router.js';
import type { UserRecord } from '../state/records.js';
import { authenticate, authorizeMailbox, authorizePermissions } from './authenticate.js';
import { runBatch } from './batch.js';
import type { GraphRoute } from './graph-route.js';
import { graphRouteTables } from './routes/index.js';

interface MountedRoute {
  method: string;
  path: string;
  route: GraphRoute;
  /** The path parameter naming the mailbox, for mailbox-scoped routes ("me" when mounted at /me). */
  mailboxParam: 'me' | 'user' | null;
}

function mount(tables: ReadonlyArray<readonly GraphRoute[]>): Router<MountedRoute> {
  const router = new Router<MountedRoute>();
  for (const table of tables) {
    for (const route of table) {
      if (route.scope === 'mailbox') {
        router.add({ method: route.method, path: `/me${route.path}`, route, mailboxParam: 'me' });
        router.add({ method: route.method, path: `/users/:user${route.path}`, route, mailboxParam: 'user' });
      } else {
        router.add({ method: route.method, path: route.path, route, mailboxParam: null });
      }
    }
  }
  return router;
}

/**
 * Serves one Graph request whose path is relative to /v1.0 ("/me/events"). The same pipeline
 * serves top-level requests and each request inside `$batch`: faults → 401 → route → mailbox
 * → 403 → throttle → handler, every failure as a Graph error body.
 */
export class GraphDispatcher {
  private readonly router: Router<MountedRoute>;

  constructor(
    private readonly env: EmulatorEnv,
    tables: ReadonlyArray<readonly GraphRoute[]> = graphRouteTables,
  ) {
    this.router = mount(tables);
  }

  async dispatch(req: EmulatorRequest, relativePath: string): Promise<EmulatorResponse> {
    try {
      return await this.serve(req, relativePath);
    } catch (error) {
      return errorResponse(error, req.requestId);
    }
  }

  private async serve(req: EmulatorRequest, relativePath: string): Promise<EmulatorResponse> {
    this.env.faults.check();
    const caller = await authenticate(this.env, req.headers.authorization);
    if (req.method === 'POST' && /^\/\$batch\/?$/i.test(relativePath)) {
      return runBatch(req, (sub, path) => this.dispatch(sub, path));
    }
    const match = this.router.match(req.method, relativePath);
    if (!match.found) {
      if (match.methodMismatch)
        throw new GraphError(
          405,
          'Request_BadRequest',
          `The '${req.method}' method is not supported for this resource.`,
        );
      throw new GraphError(
        400,
        'BadRequest',
        `Resource not found for the segment '${relativePath.split('/').filter(Boolean).pop() ?? ''}'.`,
      );
    }
    const { route, mailboxParam } = match.found.route;
    const params = match.found.params;
    let mailbox: UserRecord | undefined;
    if (mailboxParam) {
      mailbox = this.resolveMailbox(mailboxParam === 'me' ? null : params.user!, caller.userId);
      authorizeMailbox(caller, mailbox, route.permissions);
    } else {
      authorizePermissions(caller, route.permissions);
      mailbox = caller.userId ? this.env.store.findUser(caller.userId) : undefined;
    }
    const release =
      mailboxParam && mailbox ? this.env.throttle.acquire(caller.appId, mailbox.id) : () => undefined;
    try {
      const delay = this.env.faults.current.delayMs;
      if (delay > 0) await sleep(delay);
      await this.env.faults.gate();
      return await route.handler({ req: { ...req, params }, env: this.env, caller, mailbox, params });
    } finally {
      release();
    }
  }

  private resolveMailbox(user: string | null, callerUserId: string | undefined): UserRecord {
    if (user === null) {
      // /me needs a signed-in user; an app-only token has none.
      if (!callerUserId)
        throw new GraphError(
          400,
          'BadRequest',
          '/me request is only valid with delegated authentication flow.',
        );
      return this.env.store.getUser(callerUserId);
    }
    const found = this.env.store.findUser(user);
    if (!found) throw invalidUser(user);
    return found;
  }
}
