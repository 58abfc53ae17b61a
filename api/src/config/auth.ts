import { ConfigError } from './storage.js';

export interface AuthConfig {
  /** Origin of the Entra ID authority: `https://login.microsoftonline.com`, or the emulator's. */
  authority: string;
  /** The API's application (client) id: the audience of its tokens. */
  clientId: string;
  /** Tenant ids whose users may call the API; `['*']` admits any tenant (multi-tenant SaaS). */
  allowedTenants: readonly string[];
  /** @default 'access_as_user' */
  requiredScope?: string;
  /** Tolerated clock difference for exp/nbf. @default 120 */
  clockSkewSeconds?: number;
  /** The Teams bot's app (client) id: the one application whose app tokens reach bot operations. */
  botAppId?: string;
}

/**
 * From app settings: `TANDEM_AUTH_AUTHORITY` (default Entra ID's public cloud), `TANDEM_API_CLIENT_ID`,
 * `TANDEM_ALLOWED_TENANTS` (comma-separated tenant ids, or `*`), `TANDEM_BOT_APP_ID` (the bot's app id;
 * without it no application token is accepted).
 */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const clientId = env.TANDEM_API_CLIENT_ID;
  if (!clientId)
    throw new ConfigError(
      'TANDEM_API_CLIENT_ID',
      "Set TANDEM_API_CLIENT_ID to the API app registration's client id.",
    );
  const tenants = (env.TANDEM_ALLOWED_TENANTS ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (tenants.length === 0) {
    throw new ConfigError(
      'TANDEM_ALLOWED_TENANTS',
      'Set TANDEM_ALLOWED_TENANTS to the tenant ids allowed to sign in (or * for any).',
    );
  }
  const authority = (env.TANDEM_AUTH_AUTHORITY || 'https://login.microsoftonline.com').replace(/\/+$/, '');
  const botAppId = env.TANDEM_BOT_APP_ID?.trim();
  return { authority, clientId, allowedTenants: tenants, ...(botAppId && { botAppId }) };
}
