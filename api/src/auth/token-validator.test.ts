import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpRequest } from '@azure/functions';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { createTokenValidator, type TokenValidator } from './token-validator.js';

const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const otherTenant = '11111111-2222-3333-4444-555555555555';
const clientId = '8c1f4a52-4c5e-4b8e-9d4e-0f3b2a1c9d77';

let server: Server;
let authority: string;
let signingKey: CryptoKey;
let strangerKey: CryptoKey;
let validator: TokenValidator;
let metadataRequests = 0;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  signingKey = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', use: 'sig', alg: 'RS256' };
  // A real HTTP identity provider on 127.0.0.1: OIDC metadata and JWKS per tenant, as Entra serves them.
  server = createServer((req, res) => {
    const metadata = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(req.url ?? '');
    const keys = /^\/([^/]+)\/discovery\/v2\.0\/keys$/.exec(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    if (metadata) {
      metadataRequests++;
      res.end(
        JSON.stringify({
          issuer: `${authority}/${metadata[1]}/v2.0`,
          jwks_uri: `${authority}/${metadata[1]}/discovery/v2.0/keys`,
        }),
      );
    } else if (keys) {
      res.end(JSON.stringify({ keys: [publicJwk] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  validator = createTokenValidator({ authority, clientId, allowedTenants: [tenant] });
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

interface TokenOptions {
  claims?: JWTPayload;
  key?: CryptoKey;
  kid?: string;
  expiresIn?: string | number;
  notBefore?: string | number;
}
async function token(options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({
    tid: tenant,
    oid: 'a0b1c2d3-0000-4000-8000-000000000001',
    preferred_username: 'ada@contoso.com',
    name: 'Ada Lovelace',
    scp: 'access_as_user',
    ...options.claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'key-1', typ: 'JWT' })
    .setIssuer(`${authority}/${tenant}/v2.0`)
    .setAudience(clientId)
    .setIssuedAt(now - 60)
    .setNotBefore(options.notBefore ?? now - 60)
    .setExpirationTime(options.expiresIn ?? now + 3600);
  if (options.claims?.iss) jwt.setIssuer(options.claims.iss);
  if (options.claims?.aud) jwt.setAudience(options.claims.aud);
  return jwt.sign(options.key ?? signingKey);
}

describe('a valid access token', () => {
  it('yields the principal: tenant, object id, upn and name', async () => {
    await expect(validator.validate(await token())).resolves.toEqual({
      tenantId: tenant,
      userId: 'a0b1c2d3-0000-4000-8000-000000000001',
      upn: 'ada@contoso.com',
      name: 'Ada Lovelace',
      scopes: ['access_as_user'],
    });
  });

  test.each([`api://${clientId}`, `api://tandem.example.com/${clientId}`])(
    'is accepted with audience %s',
    async (aud) => {
      await expect(validator.validate(await token({ claims: { aud } }))).resolves.toMatchObject({
        tenantId: tenant,
      });
    },
  );

  it('is accepted a little after expiry, within the clock skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect(validator.validate(await token({ expiresIn: now - 30 }))).resolves.toBeDefined();
  });

  it('reads the request Authorization header', async () => {
    const request = new HttpRequest({
      method: 'GET',
      url: 'http://localhost/api/me',
      headers: { authorization: `Bearer ${await token()}` },
    });
    await expect(validator.authenticate(request)).resolves.toMatchObject({ upn: 'ada@contoso.com' });
  });

  it('fetches the tenant metadata once, not per request', async () => {
    const before = metadataRequests;
    await Promise.all([1, 2, 3].map(async () => validator.validate(await token())));
    expect(metadataRequests - before).toBe(0);
  });
});

describe('a refused token', () => {
  const now = () => Math.floor(Date.now() / 1000);
  test.each<[string, () => Promise<string>, string]>([
    ['expired', () => token({ expiresIn: now() - 600 }), 'expired'],
    ['not valid yet', () => token({ notBefore: now() + 600 }), 'notYetValid'],
    [
      'for another audience',
      () => token({ claims: { aud: '00000003-0000-0000-c000-000000000000' } }),
      'audience',
    ],
    [
      'for an api:// URI of another app',
      () => token({ claims: { aud: 'api://tandem.example.com/other-app' } }),
      'audience',
    ],
    [
      'from another issuer',
      () => token({ claims: { iss: `https://login.example.net/${tenant}/v2.0` } }),
      'issuer',
    ],
    ['from a tenant not allowed', () => token({ claims: { tid: otherTenant } }), 'tenant'],
    ['without the access_as_user scope', () => token({ claims: { scp: 'User.Read' } }), 'scope'],
    ['signed by a stranger under our key id', () => token({ key: strangerKey }), 'signature'],
    ['signed with an unknown key id', () => token({ key: strangerKey, kid: 'key-9' }), 'unknownKey'],
    [
      'with a tampered payload',
      async () => {
        const [header, payload, signature] = (await token()).split('.');
        const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as JWTPayload;
        const forged = Buffer.from(JSON.stringify({ ...claims, oid: 'someone-else' })).toString('base64url');
        return `${header}.${forged}.${signature}`;
      },
      'signature',
    ],
    ['that is not a JWT', async () => 'not.a.jwt', 'malformed'],
  ])('is refused when %s', async (_name, make, reason) => {
    await expect(validator.validate(await make())).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason });
  });

  test.each([
    ['no Authorization header', undefined, 'missing'],
    ['a Basic header', 'Basic YWRhOnNlY3JldA==', 'malformed'],
  ])('is refused with %s', async (_name, authorization, reason) => {
    const request = new HttpRequest({
      method: 'GET',
      url: 'http://localhost/api/me',
      headers: authorization ? { authorization } : {},
    });
    await expect(validator.authenticate(request)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason });
  });

  it('carries an RFC 6750 challenge for the WWW-Authenticate header', async () => {
    const error = await validator.validate(await token({ expiresIn: now() - 600 })).catch((e: unknown) => e);
    expect(error).toMatchObject({
      challenge: expect.stringMatching(/^Bearer realm="tandem", error="invalid_token", error_description="/),
    });
    const scope = await validator
      .validate(await token({ claims: { scp: 'User.Read' } }))
      .catch((e: unknown) => e);
    expect(scope).toMatchObject({ challenge: expect.stringContaining('error="insufficient_scope"') });
  });

  it("is not judged when the provider is unreachable: that is AUTH_UNAVAILABLE, not the caller's fault", async () => {
    const offline = createTokenValidator({
      authority: 'http://127.0.0.1:9',
      clientId,
      allowedTenants: [tenant],
    });
    const signed = await new SignJWT({ tid: tenant, oid: 'x', scp: 'access_as_user' })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setIssuer(`http://127.0.0.1:9/${tenant}/v2.0`)
      .setAudience(clientId)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(signingKey);
    const error = await offline.validate(signed).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTH_UNAVAILABLE' });
  });
});

describe('an application token of the bot', () => {
  const botAppId = 'b0b0b0b0-0000-4000-8000-0000000000b0';
  let bots: TokenValidator;
  beforeAll(() => {
    bots = createTokenValidator({ authority, clientId, allowedTenants: [tenant], botAppId });
  });
  // What Entra issues for client credentials: no scp, no user, the caller's id in azp, granted roles.
  const appToken = (claims: JWTPayload = {}) =>
    token({
      claims: {
        scp: undefined,
        preferred_username: undefined,
        name: undefined,
        oid: 'f00df00d-0000-4000-8000-000000000001',
        azp: botAppId,
        idtyp: 'app',
        roles: ['Tandem.Bot'],
        ...claims,
      },
    });

  it('is accepted with the Tandem.Bot role from the configured bot app, naming tenant and app', async () => {
    await expect(bots.validateBot(await appToken())).resolves.toEqual({
      tenantId: tenant,
      appId: botAppId,
      roles: ['Tandem.Bot'],
    });
  });

  it('is accepted in the v1 shape too (appid instead of azp, no idtyp)', async () => {
    await expect(
      bots.validateBot(await appToken({ azp: undefined, idtyp: undefined, appid: botAppId })),
    ).resolves.toMatchObject({ appId: botAppId });
  });

  test.each<[string, JWTPayload, RegExp]>([
    ['it lacks the Tandem.Bot role', { roles: ['Something.Else'] }, /lacks the Tandem\.Bot app role/],
    ['it has no roles claim at all', { roles: undefined }, /lacks the Tandem\.Bot app role/],
    [
      'another app holds it',
      { azp: 'a1a1a1a1-0000-4000-8000-0000000000a1' },
      /Only the Tandem bot may call this operation/,
    ],
    [
      'a person signed it in (delegated)',
      { scp: 'access_as_user', idtyp: undefined },
      /for the Tandem bot only/,
    ],
  ])('is refused (403) when %s', async (_name, claims, sentence) => {
    await expect(bots.validateBot(await appToken(claims))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(sentence),
    });
  });

  it('never reaches host operations', async () => {
    await expect(bots.validate(await appToken())).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('needs a signed-in person'),
    });
  });

  it('is refused when the installation names no bot app', async () => {
    await expect(validator.validateBot(await appToken())).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('TANDEM_BOT_APP_ID'),
    });
  });

  it('still passes every check a host token passes (tenant allow-list, audience)', async () => {
    await expect(bots.validateBot(await appToken({ tid: otherTenant }))).rejects.toMatchObject({
      reason: 'tenant',
    });
    await expect(
      bots.validateBot(await appToken({ aud: '00000003-0000-0000-c000-000000000000' })),
    ).rejects.toMatchObject({ reason: 'audience' });
  });
});
