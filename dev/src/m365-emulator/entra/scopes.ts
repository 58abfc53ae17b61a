import { GRAPH_APP_ID } from './tokens.js';
import type { AppRegistration, AppRegistry } from './apps.js';
import { oauthError } from './oauth-error.js';

export const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);
const GRAPH_PREFIXES = ['https://graph.microsoft.com/', `${GRAPH_APP_ID}/`, 'https://graph.microsoft.com//'];

/** The resource a token request is for and the permissions it asks of it. */
export interface ScopeRequest {
  /** `aud` of the token: Graph's app id, or the client id of the API that exposes the scope. */
  audience: string;
  /** The API app when the resource is one registered here. */
  api?: AppRegistration;
  /** Permission names without resource prefix ("Calendars.ReadWrite", "access_as_user", ".default"). */
  permissions: string[];
  /** OIDC scopes asked for alongside (openid, profile, offline_access, email). */
  oidc: string[];
}

/**
 * Splits `scope` into OIDC scopes and permissions of exactly one resource, as Entra does
 * (AADSTS28000 when several resources are mixed). Bare names mean Microsoft Graph.
 */
export function parseScopes(raw: string | undefined, apps: AppRegistry): ScopeRequest {
  const all = (raw ?? '').split(/\s+/).filter(Boolean);
  const oidc = all.filter((s) => OIDC_SCOPES.has(s.toLowerCase())).map((s) => s.toLowerCase());
  const rest = all.filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  let audience: string | undefined;
  let api: AppRegistration | undefined;
  const permissions: string[] = [];
  for (const scope of rest) {
    let resource = GRAPH_APP_ID;
    let permission = scope;
    const graphPrefix = GRAPH_PREFIXES.find((p) => scope.toLowerCase().startsWith(p.toLowerCase()));
    if (graphPrefix) {
      permission = scope.slice(graphPrefix.length);
    } else if (scope.includes('/')) {
      const slash = scope.lastIndexOf('/');
      const found = apps.findByResource(scope.slice(0, slash));
      if (!found)
        throw oauthError(
          'invalid_resource',
          500011,
          `The resource principal named ${scope.slice(0, slash)} was not found in the tenant.`,
        );
      resource = found.clientId;
      permission = scope.slice(slash + 1);
      api = found;
    }
    if (audience !== undefined && audience !== resource) {
      throw oauthError(
        'invalid_request',
        28000,
        'Provided value for the input parameter scope is not valid because it contains more than one resource.',
      );
    }
    audience = resource;
    permissions.push(permission);
  }
  return { audience: audience ?? GRAPH_APP_ID, ...(api ? { api } : {}), permissions, oidc };
}

/**
 * The delegated permissions a user token gets: what was asked, each consented for the client
 * (`.default` = everything consented). Unconsented ones are AADSTS65001.
 */
export function grantDelegated(request: ScopeRequest, client: AppRegistration): string[] {
  if (request.api) {
    const asked = request.permissions.filter((p) => p !== '.default');
    for (const p of asked) {
      if (p !== 'access_as_user')
        throw oauthError(
          'invalid_scope',
          70011,
          `The provided value for the input parameter 'scope' is not valid. The scope ${p} does not exist on ${request.api.identifierUri}.`,
        );
    }
    return ['access_as_user'];
  }
  if (request.permissions.length === 0 || request.permissions.includes('.default')) {
    return client.delegatedPermissions.filter((p) => !OIDC_SCOPES.has(p.toLowerCase()));
  }
  const consented = new Set(client.delegatedPermissions.map((p) => p.toLowerCase()));
  for (const p of request.permissions) {
    if (!consented.has(p.toLowerCase())) {
      throw oauthError(
        'invalid_grant',
        65001,
        `The user or administrator has not consented to use the application with ID '${client.clientId}' named '${client.displayName}'. Send an interactive authorization request for this user and resource.`,
      );
    }
  }
  return request.permissions;
}
