import type { EmulatorEnv } from '../env.js';
import { GraphError } from '../errors.js';
import type { EmulatorRequest, EmulatorResponse, HttpRoute } from '../server/http-types.js';
import type { TenantRecord } from '../state/records.js';
import {
  authorizationCodeGrant,
  clientCredentialsGrant,
  issueCode,
  JWT_BEARER,
  onBehalfOfGrant,
  refreshTokenGrant,
} from './grants.js';
import { oauthError, oauthErrorResponse } from './oauth-error.js';
import { errorPage, signInPage } from './sign-in-page.js';

/** Microsoft's Teams desktop/web client id: what `azp` says in a Teams SSO token. */
export const TEAMS_CLIENT_ID = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';

/** `/{tenant}` may be the tenant id, its domain, or common / organizations. */
function resolveTenant(env: EmulatorEnv, segment: string): TenantRecord | 'multi' {
  if (/^(common|organizations)$/i.test(segment)) return 'multi';
  const found = env.store
    .listTenants()
    .find((t) => t.id === segment.toLowerCase() || t.domain.toLowerCase() === segment.toLowerCase());
  if (!found)
    throw oauthError(
      'invalid_tenant',
      90002,
      `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    );
  return found;
}

function openIdConfiguration(env: EmulatorEnv, segment: string): Record<string, unknown> {
  const tenant = resolveTenant(env, segment);
  const host = env.urls.authorityHost;
  const tid = tenant === 'multi' ? '{tenantid}' : tenant.id;
  const base = `${host}/${tenant === 'multi' ? segment : tenant.id}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${host}/${tid}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'cloud_instance_name',
      'cloud_instance_host_name',
      'cloud_graph_host_name',
      'msgraph_host',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email',
    ],
    tenant_region_scope: 'EU',
    cloud_instance_name: new URL(host).host,
    cloud_graph_host_name: new URL(host).host,
    msgraph_host: new URL(env.urls.graphBaseUrl).host,
    rbac_url: host,
  };
}

function html(status: number, body: string): EmulatorResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}

function authorize(req: EmulatorRequest, env: EmulatorEnv): EmulatorResponse {
  const q = req.query;
  const tenant = resolveTenant(env, req.params.tenant!);
  const clientId = q.get('client_id') ?? '';
  const app = env.apps.find(clientId);
  if (!app)
    return html(
      400,
      errorPage(`AADSTS700016: Application with identifier '${clientId}' was not found in the directory.`),
    );
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!app.redirectUris.includes(redirectUri)) {
    return html(
      400,
      errorPage(
        `AADSTS50011: The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`,
      ),
    );
  }
  const state = q.get('state');
  const mode = q.get('response_mode') ?? 'query';
  const reply = (params: Record<string, string>) =>
    redirectWith(redirectUri, mode, state ? { ...params, state } : params);
  if (q.get('response_type') !== 'code') {
    return reply({
      error: 'unsupported_response_type',
      error_description: 'AADSTS700054: response_type must be code.',
    });
  }
  const users = env.store.listUsers(tenant === 'multi' ? undefined : tenant.id);
  const hint = q.get('login_hint')?.toLowerCase();
  let chosen = q.get('emulator_user');
  if (!chosen && q.get('prompt') === 'none') {
    // Silent sign-in (MSAL's ssoSilent): only a hinted user can be signed in without the page.
    chosen =
      users.find(
        (u) =>
          hint !== undefined && (u.userPrincipalName.toLowerCase() === hint || u.mail.toLowerCase() === hint),
      )?.id ?? null;
    if (!chosen)
      return reply({
        error: 'login_required',
        error_description: 'AADSTS50058: A silent sign-in request was sent but no user is signed in.',
      });
  }
  if (!chosen) {
    return html(200, signInPage({ appName: app.displayName, users, params: q, action: req.path }));
  }
  const user = users.find((u) => u.id === chosen);
  if (!user)
    return html(400, errorPage(`AADSTS50034: The user account ${chosen} does not exist in the directory.`));
  const challenge = q.get('code_challenge');
  const code = issueCode(env, {
    clientId,
    redirectUri,
    userId: user.id,
    scope: q.get('scope') ?? 'openid profile',
    ...(challenge
      ? { codeChallenge: challenge, codeChallengeMethod: q.get('code_challenge_method') ?? 'plain' }
      : {}),
    ...(q.get('nonce') ? { nonce: q.get('nonce')! } : {}),
  });
  return reply({
    code,
    client_info: Buffer.from(JSON.stringify({ uid: user.id, utid: user.tenantId })).toString('base64url'),
    session_state: user.id,
  });
}

/** The authorization response in the asked `response_mode`: query (default), fragment or form_post. */
function redirectWith(redirectUri: string, mode: string, params: Record<string, string>): EmulatorResponse {
  if (mode === 'form_post') {
    const fields = Object.entries(params)
      .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
      .join('');
    return html(
      200,
      `<!doctype html><html><body onload="document.forms[0].submit()"><form method="post" action="${escapeHtml(redirectUri)}">${fields}<noscript><button>Continue</button></noscript></form></body></html>`,
    );
  }
  const url = new URL(redirectUri);
  if (mode === 'fragment') url.hash = new URLSearchParams(params).toString();
  else for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return { status: 302, headers: { location: url.toString() } };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function token(req: EmulatorRequest, env: EmulatorEnv): Promise<EmulatorResponse> {
  try {
    resolveTenant(env, req.params.tenant!);
    if (!req.body || typeof req.body !== 'object')
      throw oauthError(
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'grant_type'.",
      );
    const form = req.body as Record<string, string | undefined>;
    const auth = req.headers.authorization;
    let body: Record<string, unknown>;
    switch (form.grant_type) {
      case 'authorization_code':
        body = await authorizationCodeGrant(env, form, auth);
        break;
      case 'refresh_token':
        body = await refreshTokenGrant(env, form, auth);
        break;
      case 'client_credentials':
        body = await clientCredentialsGrant(env, form, auth);
        break;
      case JWT_BEARER:
        body = await onBehalfOfGrant(env, form, auth);
        break;
      default:
        throw oauthError(
          'unsupported_grant_type',
          70003,
          `The app requested an unsupported grant type '${form.grant_type ?? ''}'.`,
        );
    }
    return {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store, no-cache' },
      body,
    };
  } catch (error) {
    return oauthErrorResponse(error);
  }
}

/**
 * Dev-only: the SSO token Teams (`getAuthToken`) or Outlook (nested app auth) would hand the front
 * end for `user`: audience = the API app, `scp` access_as_user, `azp` the Teams client.
 */
async function ssoToken(req: EmulatorRequest, env: EmulatorEnv): Promise<EmulatorResponse> {
  const input = {
    ...Object.fromEntries(req.query),
    ...((req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, string>),
  };
  if (!input.user) throw new GraphError(400, 'invalid_request', "Missing 'user' (id or userPrincipalName).");
  if (!input.clientId)
    throw new GraphError(
      400,
      'invalid_request',
      "Missing 'clientId' (the API app whose access_as_user scope the token is for).",
    );
  const user = env.store.getUser(input.user);
  const api = env.apps.find(input.clientId);
  if (!api?.identifierUri)
    throw new GraphError(400, 'invalid_request', `No registered app '${input.clientId}' exposes an API.`);
  const { token: accessToken, expiresIn } = await env.tokens.accessToken({
    tenantId: user.tenantId,
    audience: api.clientId,
    clientId: input.azp ?? TEAMS_CLIENT_ID,
    user,
    scopes: ['access_as_user'],
  });
  return { status: 200, body: { token_type: 'Bearer', access_token: accessToken, expires_in: expiresIn } };
}

export const entraRoutes: HttpRoute<EmulatorEnv>[] = [
  {
    method: 'GET',
    path: '/:tenant/v2.0/.well-known/openid-configuration',
    handler: (req, env) => ({ status: 200, body: openIdConfiguration(env, req.params.tenant!) }),
  },
  {
    method: 'GET',
    path: '/:tenant/discovery/v2.0/keys',
    handler: (req, env) => {
      resolveTenant(env, req.params.tenant!);
      return { status: 200, body: { keys: [env.tokens.publicJwk] } };
    },
  },
  { method: 'GET', path: '/:tenant/oauth2/v2.0/authorize', handler: authorize },
  {
    method: 'GET',
    path: '/:tenant/oauth2/v2.0/logout',
    handler: (req) => {
      // Sessions are not kept here: signing out is only the redirect back to the app.
      const back = req.query.get('post_logout_redirect_uri');
      return back
        ? { status: 302, headers: { location: back } }
        : html(200, '<!doctype html><title>Signed out</title><p>You signed out of your account.</p>');
    },
  },
  { method: 'POST', path: '/:tenant/oauth2/v2.0/token', handler: token },
  { method: 'GET', path: '/_dev/sso-token', handler: ssoToken },
  { method: 'POST', path: '/_dev/sso-token', handler: ssoToken },
];
