export { AuthError, AuthUnavailableError, ForbiddenError, type AuthFailure } from './errors.js';
export type { AppPrincipal, Principal } from './principal.js';
export { createTokenValidator, bearerToken, BOT_ROLE, type TokenValidator } from './token-validator.js';
