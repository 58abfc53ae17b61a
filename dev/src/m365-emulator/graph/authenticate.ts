import type { EmulatorEnv } from '../env.js';
import { GraphError } from '../errors.js';
import { GRAPH_AUDIENCES } from '../entra/tokens.js';
import type { UserRecord } from '../state/records.js';
import type { Caller, RoutePermissions } from './graph-route.js';

/** The caller of a Graph request, from its `Authorization: Bearer` header; 401 otherwise. */
export async function authenticate(env: EmulatorEnv, authorization: string | undefined): Promise<Caller> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  const claims = await env.tokens.verify(match[1]!, GRAPH_AUDIENCES);
  const delegated = typeof claims.scp === 'string';
  return {
    kind: delegated ? 'delegated' : 'application',
    tenantId: claims.tid,
    appId: claims.azp,
    ...(delegated && claims.oid ? { userId: claims.oid } : {}),
    scopes: delegated ? claims.scp!.split(' ').filter(Boolean) : [],
    roles: Array.isArray(claims.roles) ? claims.roles : [],
  };
}

const ACCESS_DENIED = 'Access is denied. Check credentials and try again.';

/**
 * Graph's rule for a mailbox: a delegated caller reaches only its own mailbox (no shared calendars
 * here), an app needs one of the route's application permissions, and both stay in their tenant.
 */
export function authorizeMailbox(
  caller: Caller,
  mailbox: UserRecord,
  permissions: RoutePermissions | undefined,
): void {
  if (mailbox.tenantId !== caller.tenantId) throw new GraphError(403, 'ErrorAccessDenied', ACCESS_DENIED);
  if (caller.kind === 'delegated' && caller.userId !== mailbox.id)
    throw new GraphError(403, 'ErrorAccessDenied', ACCESS_DENIED);
  authorizePermissions(caller, permissions);
}

export function authorizePermissions(caller: Caller, permissions: RoutePermissions | undefined): void {
  if (!permissions) return;
  const held = caller.kind === 'delegated' ? caller.scopes : caller.roles;
  const needed = caller.kind === 'delegated' ? permissions.delegated : permissions.application;
  if (!needed.some((p) => held.some((h) => h.toLowerCase() === p.toLowerCase()))) {
    throw new GraphError(403, 'ErrorAccessDenied', `${ACCESS_DENIED} (needs one of: ${needed.join(', ')})`);
  }
}
