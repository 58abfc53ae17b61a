export { AuthError, AuthUnavailableError, type AuthFailure } from './errors.js';
export type { Principal } from './principal.js';
export { createTokenValidator, bearerToken, type TokenValidator } from './token-validator.js';
