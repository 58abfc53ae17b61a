import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EmulatorEnv } from '../env.js';
import type { UserRecord } from '../state/records.js';
import type { AppRegistration } from './apps.js';
import { oauthError } from './oauth-error.js';
import { grantConsent, requireConsent, requireValidGrant } from './revocation.js';
import { grantDelegated, parseScopes } from './scopes.js';
import { GRAPH_APP_ID } from './tokens.js';

/** An authorization code waiting to be redeemed (single use, 10 minutes). */
export interface PendingCode {
  clientId: string;
  redirectUri: string;
  userId: string;
  scope: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  nonce?: string;
  expiresAt: number;
}

interface RefreshGrant {
  clientId: string;
  userId: string;
  expiresAt: number;
  /** When it was issued (ms); grants stored before this was kept count as issued at 0. */
  issuedAt?: number;
}

const CODE_LIFETIME_MS = 10 * 60_000;
const REFRESH_LIFETIME_MS = 90 * 86_400_000;

// Codes live ten minutes and are single use: memory is enough, a restart simply voids them.
const pendingCodes = new WeakMap<EmulatorEnv, Map<string, PendingCode>>();

function codes(env: EmulatorEnv): Map<string, PendingCode> {
  let map = pendingCodes.get(env);
  if (!map) pendingCodes.set(env, (map = new Map()));
  return map;
}

function refreshGrants(env: EmulatorEnv): Record<string, RefreshGrant> {
  return env.store.extension<Record<string, RefreshGrant>>('entra-refresh-tokens', () => ({}));
}

/** Every refresh token of the user expires now (AADSTS700082 afterwards); answers how many there were. */
export function expireRefreshTokens(env: EmulatorEnv, userId: string): number {
  let count = 0;
  for (const grant of Object.values(refreshGrants(env))) {
    if (grant.userId !== userId) continue;
    grant.expiresAt = 0;
    count++;
  }
  return count;
}

export function issueCode(env: EmulatorEnv, pending: Omit<PendingCode, 'expiresAt'>): string {
  const code = `1.${randomBytes(48).toString('base64url')}`;
  codes(env).set(code, { ...pending, expiresAt: Date.now() + CODE_LIFETIME_MS });
  return code;
}

type Form = Record<string, string | undefined>;

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Client authentication: a confidential client must present its secret (body or HTTP Basic). */
export function authenticateClient(
  env: EmulatorEnv,
  form: Form,
  authorization: string | undefined,
): AppRegistration {
  let clientId = form.client_id;
  let secret = form.client_secret;
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (basic) {
    const [id, pass] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    clientId = decodeURIComponent(id ?? '');
    secret = decodeURIComponent(pass ?? '');
  }
  if (!clientId)
    throw oauthError(
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'client_id'.",
    );
  const app = env.apps.find(clientId);
  if (!app)
    throw oauthError(
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${env.store.defaultTenant().displayName}'.`,
    );
  if (app.clientSecret !== undefined) {
    if (!secret)
      throw oauthError(
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
        401,
      );
    if (!same(secret, app.clientSecret))
      throw oauthError(
        'invalid_client',
        7000215,
        'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
        401,
      );
  }
  return app;
}

function clientInfo(user: UserRecord): string {
  return Buffer.from(JSON.stringify({ uid: user.id, utid: user.tenantId })).toString('base64url');
}

/** The token response for a user: access token for the one resource asked, plus id and refresh tokens. */
async function userTokens(
  env: EmulatorEnv,
  client: AppRegistration,
  user: UserRecord,
  scope: string | undefined,
  nonce?: string,
) {
  const request = parseScopes(scope, env.apps);
  const granted = grantDelegated(request, client);
  const { token, expiresIn } = await env.tokens.accessToken({
    tenantId: user.tenantId,
    audience: request.audience,
    clientId: client.clientId,
    user,
    scopes: granted,
  });
  const prefix = request.api ? `${request.api.identifierUri}/` : '';
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: [...granted.map((p) => `${prefix}${p}`), ...request.oidc].join(' '),
    expires_in: expiresIn,
    ext_expires_in: expiresIn,
    access_token: token,
    client_info: clientInfo(user),
  };
  if (request.oidc.includes('offline_access')) {
    const refresh = `1.${randomBytes(48).toString('base64url')}`;
    refreshGrants(env)[refresh] = {
      clientId: client.clientId,
      userId: user.id,
      expiresAt: Date.now() + REFRESH_LIFETIME_MS,
      issuedAt: Date.now(),
    };
    body.refresh_token = refresh;
  }
  if (request.oidc.includes('openid')) {
    body.id_token = await env.tokens.idToken({
      tenantId: user.tenantId,
      clientId: client.clientId,
      user,
      ...(nonce ? { nonce } : {}),
    });
  }
  return body;
}

function requireParam(form: Form, name: string): string {
  const v = form[name];
  if (!v)
    throw oauthError(
      'invalid_request',
      900144,
      `The request body must contain the following parameter: '${name}'.`,
    );
  return v;
}

export async function authorizationCodeGrant(
  env: EmulatorEnv,
  form: Form,
  authorization: string | undefined,
) {
  const client = authenticateClient(env, form, authorization);
  const code = requireParam(form, 'code');
  const pending = codes(env).get(code);
  codes(env).delete(code);
  if (!pending || pending.expiresAt < Date.now())
    throw oauthError(
      'invalid_grant',
      70008,
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    );
  if (pending.clientId !== client.clientId)
    throw oauthError(
      'invalid_grant',
      70000,
      'The provided authorization code was issued to a different client.',
    );
  if (form.redirect_uri !== pending.redirectUri)
    throw oauthError(
      'invalid_grant',
      50148,
      'The redirect_uri does not match the one used in the authorization request.',
    );
  if (pending.codeChallenge) {
    const verifier = form.code_verifier;
    if (!verifier)
      throw oauthError(
        'invalid_grant',
        50148,
        'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.',
      );
    const computed =
      pending.codeChallengeMethod === 'plain'
        ? verifier
        : createHash('sha256').update(verifier).digest('base64url');
    if (computed !== pending.codeChallenge)
      throw oauthError(
        'invalid_grant',
        501481,
        'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
      );
  }
  const user = env.store.getUser(pending.userId);
  // An interactive sign-in shows the consent prompt: accepting it gives consent again.
  grantConsent(env, user.id, client.clientId);
  return userTokens(env, client, user, form.scope ?? pending.scope, pending.nonce);
}

export async function refreshTokenGrant(env: EmulatorEnv, form: Form, authorization: string | undefined) {
  const client = authenticateClient(env, form, authorization);
  const refresh = requireParam(form, 'refresh_token');
  const grant = refreshGrants(env)[refresh];
  if (!grant || grant.expiresAt < Date.now())
    throw oauthError('invalid_grant', 700082, 'The refresh token has expired due to inactivity.');
  if (grant.clientId !== client.clientId)
    throw oauthError('invalid_grant', 70000, 'The refresh token was issued to a different client.');
  const user = env.store.findUser(grant.userId);
  if (!user) throw oauthError('invalid_grant', 50034, 'The user account does not exist in the directory.');
  requireValidGrant(env, user.id, grant.issuedAt ?? 0);
  requireConsent(env, user, client);
  const scope = form.scope?.split(/\s+/).includes('offline_access')
    ? form.scope
    : `${form.scope ?? ''} offline_access`;
  return userTokens(env, client, user, scope);
}

export async function clientCredentialsGrant(
  env: EmulatorEnv,
  form: Form,
  authorization: string | undefined,
) {
  const client = authenticateClient(env, form, authorization);
  if (client.clientSecret === undefined)
    throw oauthError(
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      401,
    );
  const request = parseScopes(requireParam(form, 'scope'), env.apps);
  if (request.permissions.length !== 1 || request.permissions[0] !== '.default') {
    throw oauthError(
      'invalid_scope',
      1002012,
      `The provided value for scope ${form.scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  // Graph's roles are the admin-consented application permissions; another API's are the app roles
  // it defines that were granted to this client. Entra leaves `roles` out when none are granted.
  const defined = new Set(request.api?.appRoles ?? []);
  const roles =
    request.audience === GRAPH_APP_ID
      ? client.applicationPermissions
      : (client.grantedAppRoles?.[request.audience] ?? []).filter((r) => defined.has(r));
  const tenantId = env.store.defaultTenant().id;
  const { token, expiresIn } = await env.tokens.accessToken({
    tenantId,
    audience: request.audience,
    clientId: client.clientId,
    roles,
  });
  return { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token };
}

/**
 * On-behalf-of: a middle-tier API trades the user token it received (audience = itself, with
 * `scp`) for a token to another resource for the same user.
 */
export async function onBehalfOfGrant(env: EmulatorEnv, form: Form, authorization: string | undefined) {
  const client = authenticateClient(env, form, authorization);
  if (form.requested_token_use !== 'on_behalf_of')
    throw oauthError(
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'requested_token_use' (on_behalf_of).",
    );
  const assertion = requireParam(form, 'assertion');
  const audiences = [client.clientId, ...(client.identifierUri ? [client.identifierUri] : [])];
  let claims;
  try {
    claims = await env.tokens.verify(assertion, audiences);
  } catch {
    throw oauthError(
      'invalid_grant',
      50013,
      'Assertion failed signature validation, is expired, or its audience is not this application.',
    );
  }
  if (typeof claims.scp !== 'string' || !claims.oid)
    throw oauthError(
      'invalid_grant',
      50013,
      'Assertion is not a delegated user token; on-behalf-of needs one.',
    );
  const user = env.store.findUser(claims.oid);
  if (!user) throw oauthError('invalid_grant', 50034, 'The user account does not exist in the directory.');
  requireConsent(env, user, client);
  return userTokens(env, client, user, form.scope);
}

export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
