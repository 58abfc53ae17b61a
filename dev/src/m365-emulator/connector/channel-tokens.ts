import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, type JWK, type CryptoKey } from 'jose';

/** The issuer the real Bot Connector writes into tokens it sends to bots. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/** Where the emulator publishes its OpenID metadata for channel → bot tokens. */
export const CHANNEL_OPENID_PATH = '/botframework/v1/.well-known/openidconfiguration';
export const CHANNEL_JWKS_PATH = '/botframework/v1/.well-known/keys';

/**
 * Signs the tokens the emulated Teams channel sends to bots, shaped like the Bot Connector's:
 * RS256, `iss` https://api.botframework.com, `aud` the bot's app id, `serviceurl` the channel's
 * service URL; the signing key is published with the `msteams` endorsement botbuilder checks.
 */
export class ChannelTokenIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicJwk: JWK,
    private readonly keyId: string,
  ) {}

  static async create(): Promise<ChannelTokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const keyId = randomUUID();
    return new ChannelTokenIssuer(privateKey, await exportJWK(publicKey), keyId);
  }

  /** The OpenID configuration document, with `jwks_uri` under `baseUrl`. */
  openIdConfiguration(baseUrl: string): Record<string, unknown> {
    return {
      issuer: BOT_FRAMEWORK_ISSUER,
      authorization_endpoint: 'https://invalid.botframework.com',
      jwks_uri: `${baseUrl}${CHANNEL_JWKS_PATH}`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    };
  }

  jwks(): { keys: Record<string, unknown>[] } {
    return {
      keys: [{ ...this.publicJwk, kid: this.keyId, use: 'sig', alg: 'RS256', endorsements: ['msteams'] }],
    };
  }

  /** A token for one request to the bot `appId`, valid for an hour. */
  async tokenFor(appId: string, serviceUrl: string): Promise<string> {
    return new SignJWT({ serviceurl: serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: this.keyId, typ: 'JWT' })
      .setIssuer(BOT_FRAMEWORK_ISSUER)
      .setAudience(appId)
      .setNotBefore('-5m')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(this.privateKey);
  }
}
