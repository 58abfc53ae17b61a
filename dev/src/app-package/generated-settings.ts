import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Settings Teams Toolkit cannot create but every environment needs once: generated on the first
 * provision and kept in env/.env.<env> (or, for SECRET_*, env/.env.<env>.user) from then on. They must
 * never be regenerated: a new token-encryption key makes every stored refresh token unreadable, a
 * new signing key invalidates every manage link already e-mailed, a new suffix means new resources.
 */
export const GENERATED_SETTINGS = {
  /** Makes resource names unique: 6 lowercase letters/digits. */
  RESOURCE_SUFFIX: () => randomBytes(6).toString('hex').slice(0, 6),
  /** Id of the API's "Tandem.Bot" app role (the bot's client-credentials permission). */
  AAD_APP_BOT_ROLE_ID: () => randomUUID(),
  /** AES-256 key for refresh tokens at rest, base64. */
  SECRET_TOKEN_ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
  /** HMAC key for invitees' manage links, base64. */
  SECRET_MANAGE_LINK_SIGNING_KEY: () => randomBytes(32).toString('base64'),
} as const satisfies Record<string, () => string>;

export type GeneratedSetting = keyof typeof GENERATED_SETTINGS;

/**
 * The `::set-teamsfx-env NAME=value` lines (Teams Toolkit's script-output protocol) for every
 * generated setting that `env` does not have yet; settings already present are left untouched.
 */
export function missingSettingLines(env: NodeJS.ProcessEnv): string[] {
  return (Object.keys(GENERATED_SETTINGS) as GeneratedSetting[])
    .filter((name) => !env[name])
    .map((name) => `::set-teamsfx-env ${name}=${GENERATED_SETTINGS[name]()}`);
}
