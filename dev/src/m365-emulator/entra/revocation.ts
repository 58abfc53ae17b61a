import type { EmulatorEnv } from '../env.js';
import { GraphError } from '../errors.js';
import type { HttpRoute } from '../server/http-types.js';
import type { UserRecord } from '../state/records.js';
import type { AppRegistration } from './apps.js';
import { oauthError } from './oauth-error.js';

// What a person or an administrator can do to an app's access in Entra ID, and the token endpoint's
// answers afterwards (as Entra sends them):
// - consent withdrawn (the oauth2PermissionGrant deleted) → refresh and on-behalf-of answer
//   `invalid_grant` AADSTS65001 with `suberror: consent_required` until the user consents again;
// - sign-in sessions revoked (`revokeSignInSessions`, a password reset) → refresh tokens issued before
//   answer `invalid_grant` AADSTS50173;
// - refresh tokens unused for too long → `invalid_grant` AADSTS700082.

interface RevocationState {
  /** `{userId}|{clientId}` of consents withdrawn. */
  withdrawn: string[];
  /** Per user: refresh tokens issued before this instant (ms) are no longer valid. */
  validFrom: Record<string, number>;
}

function state(env: EmulatorEnv): RevocationState {
  return env.store.extension<RevocationState>('entra-revocations', () => ({ withdrawn: [], validFrom: {} }));
}

const consentKey = (userId: string, clientId: string) => `${userId}|${clientId}`;

/** AADSTS65001 when the user's consent to the client was withdrawn. */
export function requireConsent(env: EmulatorEnv, user: UserRecord, client: AppRegistration): void {
  if (state(env).withdrawn.includes(consentKey(user.id, client.clientId)))
    throw oauthError(
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${client.clientId}' named '${client.displayName}'. Send an interactive authorization request for this user and resource.`,
      400,
      'consent_required',
    );
}

/** The user consented (again) on an interactive sign-in. */
export function grantConsent(env: EmulatorEnv, userId: string, clientId: string): void {
  const current = state(env);
  current.withdrawn = current.withdrawn.filter((key) => key !== consentKey(userId, clientId));
}

/** AADSTS50173 when the user's sessions were revoked after the refresh token was issued. */
export function requireValidGrant(env: EmulatorEnv, userId: string, issuedAt: number): void {
  const validFrom = state(env).validFrom[userId];
  if (validFrom !== undefined && issuedAt < validFrom)
    throw oauthError(
      'invalid_grant',
      50173,
      `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${new Date(issuedAt).toISOString()}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${new Date(validFrom).toISOString()}'.`,
    );
}

/**
 * Test and demo controls under /_admin for a user's access: withdraw or give consent to an app,
 * revoke sign-in sessions, and let refresh tokens expire.
 */
export function revocationAdminRoutes(
  expireRefreshTokens: (env: EmulatorEnv, userId: string) => number,
): HttpRoute<EmulatorEnv>[] {
  const app = (env: EmulatorEnv, clientId: string) => {
    const found = env.apps.find(clientId);
    if (!found)
      throw new GraphError(404, 'Request_ResourceNotFound', `No application with id '${clientId}'.`);
    return found;
  };
  return [
    {
      // As deleting the user's oauth2PermissionGrant for the app (the user removed it in My Apps).
      method: 'DELETE',
      path: '/_admin/users/:user/consents/:clientId',
      handler: (req, env) => {
        const user = env.store.getUser(req.params.user!);
        const key = consentKey(user.id, app(env, req.params.clientId!).clientId);
        const current = state(env);
        if (!current.withdrawn.includes(key)) current.withdrawn.push(key);
        return { status: 204 };
      },
    },
    {
      // The user accepted the consent prompt again.
      method: 'PUT',
      path: '/_admin/users/:user/consents/:clientId',
      handler: (req, env) => {
        const user = env.store.getUser(req.params.user!);
        grantConsent(env, user.id, app(env, req.params.clientId!).clientId);
        return { status: 204 };
      },
    },
    {
      // As Graph's `POST /users/{id}/revokeSignInSessions`: every refresh token issued until now dies.
      method: 'POST',
      path: '/_admin/users/:user/revokeSignInSessions',
      handler: (req, env) => {
        const user = env.store.getUser(req.params.user!);
        state(env).validFrom[user.id] = Date.now() + 1;
        return { status: 200, body: { value: true } };
      },
    },
    {
      method: 'POST',
      path: '/_admin/users/:user/refresh-tokens/expire',
      handler: (req, env) => {
        const user = env.store.getUser(req.params.user!);
        return { status: 200, body: { expired: expireRefreshTokens(env, user.id) } };
      },
    },
  ];
}
