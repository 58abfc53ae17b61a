import type { HttpRequest } from '@azure/functions';
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { AuthConfig } from '../config/auth.js';
import { AuthError, AuthUnavailableError, ForbiddenError } from './errors.js';
import type { AppPrincipal, Principal } from './principal.js';

/** The app role of the API that the bot's application token must carry. */
export const BOT_ROLE = 'Tandem.Bot';

export interface TokenValidator {
  /** The host behind a valid delegated access token. @throws AuthError, ForbiddenError, AuthUnavailableError */
  validate(token: string): Promise<Principal>;
  /** The host of the request's `Authorization: Bearer …` header. */
  authenticate(request: HttpRequest): Promise<Principal>;
  /**
   * The bot behind a valid application token (client credentials, no `scp`, role `Tandem.Bot`,
   * issued to the configured bot app). @throws AuthError, ForbiddenError, AuthUnavailableError
   */
  validateBot(token: string): Promise<AppPrincipal>;
  /** The bot of the request's `Authorization: Bearer …` header. */
  authenticateBot(request: HttpRequest): Promise<AppPrincipal>;
}

interface Metadata {
  issuer: string;
  jwks: ReturnType<typeof createRemoteJWKSet>;
  fetchedAt: number;
}

const metadataMaxAgeMs = 24 * 60 * 60 * 1000;
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `Bearer <token>` → the token. */
export function bearerToken(header: string | null | undefined): string {
  const match = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)\s*$/i.exec(header ?? '');
  if (!header) throw new AuthError('missing', 'Sign in first: this request needs an access token.');
  if (!match)
    throw new AuthError(
      'malformed',
      'The Authorization header must be "Bearer" followed by an access token.',
    );
  return match[1]!;
}

/**
 * Validates Entra ID v2 access tokens for the API:
 * the token's tenant must be allowed (checked before any network call, so unknown tenants cost
 * nothing), its issuer must be `{authority}/{tid}/v2.0` as that tenant's OIDC metadata says, its
 * signature must verify with a key from the metadata's `jwks_uri`, exp/nbf must hold within the clock
 * skew, its audience must be the API (client id or an `api://…/{clientId}` URI). A host token must
 * then be delegated with the required scope in `scp`; a bot token must be an application token
 * (no `scp`) of the configured bot app holding the `Tandem.Bot` role. Each kind is refused (403)
 * where the other is expected.
 * @example
 * const auth = createTokenValidator({ authority: 'https://login.microsoftonline.com', clientId, allowedTenants: [tid] });
 * const host = await auth.authenticate(request); // { tenantId, userId, upn, name }
 */
export function createTokenValidator(config: AuthConfig): TokenValidator {
  const authority = config.authority.replace(/\/+$/, '');
  const requiredScope = config.requiredScope ?? 'access_as_user';
  const skew = config.clockSkewSeconds ?? 120;
  const anyTenant = config.allowedTenants.includes('*');
  const allowed = new Set(config.allowedTenants.map((t) => t.toLowerCase()));
  const metadata = new Map<string, Promise<Metadata>>();

  const audienceOk = (aud: JWTPayload['aud']) => {
    const list = Array.isArray(aud) ? aud : aud === undefined ? [] : [aud];
    return list.some(
      (a) =>
        a === config.clientId ||
        a === `api://${config.clientId}` ||
        (a.startsWith('api://') && a.endsWith(`/${config.clientId}`)),
    );
  };

  async function fetchMetadata(tenantId: string): Promise<Metadata> {
    const url = `${authority}/${tenantId}/v2.0/.well-known/openid-configuration`;
    let body: { issuer?: unknown; jwks_uri?: unknown };
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      body = (await res.json()) as typeof body;
    } catch (error) {
      throw new AuthUnavailableError(error);
    }
    if (typeof body.issuer !== 'string' || typeof body.jwks_uri !== 'string') {
      throw new AuthUnavailableError(new Error(`${url} has no issuer or jwks_uri`));
    }
    return { issuer: body.issuer, jwks: createRemoteJWKSet(new URL(body.jwks_uri)), fetchedAt: Date.now() };
  }

  async function metadataFor(tenantId: string): Promise<Metadata> {
    const cached = metadata.get(tenantId);
    if (cached) {
      const found = await cached.catch(() => undefined);
      if (found && Date.now() - found.fetchedAt < metadataMaxAgeMs) return found;
    }
    const fresh = fetchMetadata(tenantId);
    metadata.set(tenantId, fresh);
    fresh.catch(() => metadata.delete(tenantId));
    return fresh;
  }

  /** Tenant, issuer, signature, lifetime and audience: what every token for the API must pass. */
  async function verify(token: string): Promise<{ tenantId: string; payload: JWTPayload }> {
    let claims: JWTPayload;
    try {
      claims = decodeJwt(token);
    } catch {
      throw new AuthError('malformed', 'The access token is not a JWT.');
    }
    const tenantId = typeof claims.tid === 'string' ? claims.tid : '';
    if (!guid.test(tenantId)) throw new AuthError('tenant', 'The access token names no tenant.');
    if (!anyTenant && !allowed.has(tenantId.toLowerCase())) {
      throw new AuthError('tenant', 'Your organization is not allowed to use this Tandem installation.');
    }
    const expectedIssuer = `${authority}/${tenantId}/v2.0`;
    if (claims.iss !== expectedIssuer)
      throw new AuthError('issuer', "The access token was not issued by your organization's Entra ID.");
    const { issuer, jwks } = await metadataFor(tenantId);
    if (issuer !== expectedIssuer) {
      throw new AuthUnavailableError(new Error(`metadata issuer ${issuer} is not ${expectedIssuer}`));
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: expectedIssuer,
        clockTolerance: skew,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
      }));
    } catch (error) {
      throw translate(error);
    }
    if (!audienceOk(payload.aud))
      throw new AuthError('audience', 'The access token is meant for another application.');
    return { tenantId, payload };
  }

  async function validate(token: string): Promise<Principal> {
    const { tenantId, payload } = await verify(token);
    if (isAppToken(payload))
      throw new ForbiddenError(
        'This operation needs a signed-in person; an application token (such as the Tandem bot’s) cannot call it.',
      );
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : [];
    if (!scopes.includes(requiredScope)) {
      throw new AuthError('scope', `The access token lacks the ${requiredScope} permission.`);
    }
    return {
      tenantId,
      userId: text(payload.oid),
      upn: text(payload.preferred_username) || text(payload.upn),
      name: text(payload.name),
      scopes,
    };
  }

  async function validateBot(token: string): Promise<AppPrincipal> {
    const { tenantId, payload } = await verify(token);
    if (!isAppToken(payload))
      throw new ForbiddenError(
        'This operation is for the Tandem bot only; a signed-in person’s token cannot call it.',
      );
    const appId = text(payload.azp) || text(payload.appid);
    if (!config.botAppId)
      throw new ForbiddenError(
        'This Tandem installation accepts no bot: TANDEM_BOT_APP_ID names no bot app.',
      );
    if (appId.toLowerCase() !== config.botAppId.toLowerCase())
      throw new ForbiddenError(
        'Only the Tandem bot may call this operation; this token belongs to another application.',
      );
    const roles = Array.isArray(payload.roles)
      ? payload.roles.filter((r): r is string => typeof r === 'string')
      : [];
    if (!roles.includes(BOT_ROLE))
      throw new ForbiddenError(
        `The bot’s token lacks the ${BOT_ROLE} app role: grant it to the bot on the Tandem API (admin consent).`,
      );
    return { tenantId, appId, roles };
  }

  const header = (request: HttpRequest) => bearerToken(request.headers.get('authorization'));
  return {
    validate,
    authenticate: async (request) => validate(header(request)),
    validateBot,
    authenticateBot: async (request) => validateBot(header(request)),
  };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * An application (client credentials) token: no delegated `scp`. Entra marks them `idtyp: app` when
 * asked; without that claim the missing `scp` is what tells.
 */
function isAppToken(payload: JWTPayload): boolean {
  return payload.idtyp === 'app' || typeof payload.scp !== 'string';
}

function translate(error: unknown): Error {
  if (error instanceof errors.JWTExpired)
    return new AuthError('expired', 'The access token has expired. Sign in again.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return new AuthError('notYetValid', 'The access token is not valid yet.');
    if (error.claim === 'iss')
      return new AuthError('issuer', "The access token was not issued by your organization's Entra ID.");
    return new AuthError('malformed', `The access token's ${error.claim} claim is not valid.`);
  }
  if (error instanceof errors.JWKSNoMatchingKey)
    return new AuthError('unknownKey', 'The access token was signed with an unknown key.');
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new AuthError('signature', "The access token's signature is not valid.");
  if (
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid
  ) {
    return new AuthError('malformed', 'The access token is not valid.');
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid)
    return new AuthUnavailableError(error);
  if (error instanceof AuthError || error instanceof AuthUnavailableError) return error;
  return new AuthUnavailableError(error);
}
