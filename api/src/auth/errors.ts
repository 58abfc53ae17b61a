/** Why a bearer token was refused (for logs and tests; the client sees one sentence). */
export type AuthFailure =
  | 'missing'
  | 'malformed'
  | 'expired'
  | 'notYetValid'
  | 'audience'
  | 'issuer'
  | 'tenant'
  | 'scope'
  | 'signature'
  | 'unknownKey';

/** The request carries no valid token for this API → 401 with a WWW-Authenticate challenge. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly code = 'UNAUTHENTICATED';
  /** RFC 6750 challenge for the WWW-Authenticate header. */
  readonly challenge: string;

  constructor(
    readonly reason: AuthFailure,
    message: string,
  ) {
    super(message);
    const quoted = message.replaceAll('"', "'");
    this.challenge =
      reason === 'missing'
        ? 'Bearer realm="tandem"'
        : `Bearer realm="tandem", error="${reason === 'scope' ? 'insufficient_scope' : 'invalid_token'}", error_description="${quoted}"`;
  }
}

/** The identity provider's metadata or keys could not be fetched: our problem, not the caller's (503). */
export class AuthUnavailableError extends Error {
  override readonly name = 'AuthUnavailableError';
  readonly code = 'AUTH_UNAVAILABLE';
  constructor(cause: unknown) {
    super('Sign-in cannot be checked right now. Please try again in a minute.', { cause });
  }
}

/**
 * A valid token of the wrong kind for the operation (an app token on a host route, a person's
 * token on a bot route) or without the app role it needs → 403.
 */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
  readonly code = 'FORBIDDEN';
}
