import { createLocalJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import { GraphError } from '../errors.js';
import type { UserRecord } from '../state/records.js';
import type { SigningKey } from './signing-keys.js';

/** Microsoft Graph's resource ids: tokens for Graph carry one of these as `aud`. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const GRAPH_AUDIENCES = [GRAPH_APP_ID, 'https://graph.microsoft.com'];

/** The claims of an Entra v2 access token, as Tandem reads them. */
export interface AccessTokenClaims extends JWTPayload {
  iss: string;
  aud: string;
  tid: string;
  ver: '2.0';
  azp: string;
  oid?: string;
  sub: string;
  preferred_username?: string;
  name?: string;
  scp?: string;
  roles?: string[];
}

export interface AccessTokenRequest {
  tenantId: string;
  audience: string;
  /** The client the token was issued to (`azp`). */
  clientId: string;
  user?: UserRecord;
  scopes?: string[];
  roles?: string[];
  lifetimeSeconds?: number;
}

/** Issues and checks the emulated Entra ID's RS256 tokens. */
export class TokenService {
  private readonly jwks;

  constructor(
    private readonly key: SigningKey,
    /** "https://localhost:1234" — tokens say `iss` = `{authorityHost}/{tid}/v2.0`. */
    readonly authorityHost: string,
    readonly accessTokenLifetimeSeconds = 3600,
  ) {
    this.jwks = createLocalJWKSet({ keys: [key.publicJwk] });
  }

  issuer(tenantId: string): string {
    return `${this.authorityHost}/${tenantId}/v2.0`;
  }

  get publicJwk() {
    return this.key.publicJwk;
  }

  async accessToken(request: AccessTokenRequest): Promise<{ token: string; expiresIn: number }> {
    const expiresIn = request.lifetimeSeconds ?? this.accessTokenLifetimeSeconds;
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      tid: request.tenantId,
      ver: '2.0',
      azp: request.clientId,
      azpacr: '1',
      uti: randomUUID().replace(/-/g, ''),
    };
    if (request.user) {
      claims.oid = request.user.id;
      claims.preferred_username = request.user.userPrincipalName;
      claims.name = request.user.displayName;
      claims.scp = (request.scopes ?? []).join(' ');
    } else {
      claims.oid = request.clientId;
      // Entra omits `roles` from an app token when the client holds no role on the resource.
      if (request.roles?.length) claims.roles = request.roles;
      claims.idtyp = 'app';
    }
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.key.kid })
      .setIssuer(this.issuer(request.tenantId))
      .setAudience(request.audience)
      .setSubject(request.user ? `${request.user.id}:${request.clientId}` : request.clientId)
      .setIssuedAt(now)
      .setNotBefore(now - 5)
      .setExpirationTime(now + expiresIn)
      .sign(this.key.privateKey);
    return { token, expiresIn };
  }

  async idToken(options: {
    tenantId: string;
    clientId: string;
    user: UserRecord;
    nonce?: string;
  }): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      tid: options.tenantId,
      ver: '2.0',
      oid: options.user.id,
      preferred_username: options.user.userPrincipalName,
      name: options.user.displayName,
      email: options.user.mail,
    };
    if (options.nonce) claims.nonce = options.nonce;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.key.kid })
      .setIssuer(this.issuer(options.tenantId))
      .setAudience(options.clientId)
      .setSubject(options.user.id)
      .setIssuedAt(now)
      .setNotBefore(now - 5)
      .setExpirationTime(now + this.accessTokenLifetimeSeconds)
      .sign(this.key.privateKey);
  }

  /**
   * Verifies signature, lifetime, issuer shape and audience; throws 401 InvalidAuthenticationToken
   * with the reason (Graph's wording where it has one).
   */
  async verify(token: string, audiences: readonly string[]): Promise<AccessTokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.jwks, {
        algorithms: ['RS256'],
        audience: [...audiences],
      });
      const tid = typeof payload.tid === 'string' ? payload.tid : '';
      if (payload.iss !== this.issuer(tid)) throw new Error('issuer');
      return payload as AccessTokenClaims;
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw new GraphError(
        401,
        'InvalidAuthenticationToken',
        expired
          ? 'Lifetime validation failed, the token is expired.'
          : 'Access token validation failure. Invalid audience.',
      );
    }
  }
}
