import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { schemaErrors } from '../graph-schema/index.js';
import { GRAPH_APP_ID } from '../index.js';
import { graphFailure, startConformance, TANDEM_SCOPES, type Conformance } from './harness.js';

let c: Conformance;
beforeAll(async () => {
  c = await startConformance();
});
afterAll(() => c.stop());

describe('discovery', () => {
  it('publishes OpenID metadata whose JWKS verifies the tokens it issues', async () => {
    const authority = `${c.em.authorityHost}/${c.em.tenantId}`;
    const config = (await (
      await fetch(`${authority}/v2.0/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(config.issuer).toBe(`${authority}/v2.0`);
    expect(config.token_endpoint).toBe(`${authority}/oauth2/v2.0/token`);
    const result = await c.signIn(c.adele);
    const { payload, protectedHeader } = await jwtVerify(
      result.accessToken,
      createRemoteJWKSet(new URL(config.jwks_uri!)),
      { issuer: config.issuer, audience: GRAPH_APP_ID },
    );
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      tid: c.em.tenantId,
      oid: c.adele.id,
      preferred_username: c.adele.userPrincipalName,
      name: 'Adele Vance',
      ver: '2.0',
      azp: c.api.clientId,
    });
    expect(String(payload.scp).split(' ')).toEqual(expect.arrayContaining(TANDEM_SCOPES));
    expect(typeof payload.nbf).toBe('number');
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it('lists the tenant users on the sign-in page', async () => {
    const page = await fetch(
      `${c.em.authorityHost}/${c.em.tenantId}/oauth2/v2.0/authorize?client_id=${c.api.clientId}&response_type=code&redirect_uri=${encodeURIComponent(c.redirectUri)}&scope=openid`,
    );
    const html = await page.text();
    expect(html).toContain('Adele Vance');
    expect(html).toContain(c.megan.userPrincipalName);
    const wrongRedirect = await fetch(
      `${c.em.authorityHost}/${c.em.tenantId}/oauth2/v2.0/authorize?client_id=${c.api.clientId}&response_type=code&redirect_uri=https%3A%2F%2Fevil.example%2F&scope=openid`,
    );
    expect(wrongRedirect.status).toBe(400);
    expect(await wrongRedirect.text()).toContain('AADSTS50011');
  });
});

describe('authorization code with PKCE through MSAL', () => {
  it('signs a user in and the token reads their own calendar', async () => {
    const result = await c.signIn(c.megan);
    expect(result.account?.username).toBe(c.megan.userPrincipalName);
    expect(result.idTokenClaims).toMatchObject({ oid: c.megan.id, tid: c.em.tenantId });
    const me = await c.graph(result.accessToken).api('/me').get();
    expect(me.id).toBe(c.megan.id);
  });

  it('refuses a code redeemed with the wrong PKCE verifier', async () => {
    const url = new URL(`${c.em.authorityHost}/${c.em.tenantId}/oauth2/v2.0/authorize`);
    for (const [k, v] of Object.entries({
      client_id: c.api.clientId,
      response_type: 'code',
      redirect_uri: c.redirectUri,
      scope: 'openid User.Read',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      emulator_user: c.adele.id,
    }))
      url.searchParams.set(k, v);
    const code = new URL(
      (await fetch(url, { redirect: 'manual' })).headers.get('location')!,
    ).searchParams.get('code')!;
    const answer = await fetch(`${c.em.authorityHost}/${c.em.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: c.api.clientId,
        client_secret: c.api.clientSecret!,
        code,
        redirect_uri: c.redirectUri,
        code_verifier: 'not-the-verifier-that-made-the-challenge-at-all-xx',
      }),
    });
    const body = (await answer.json()) as { error: string; error_codes: number[] };
    expect(answer.status).toBe(400);
    expect(body.error).toBe('invalid_grant');
    expect(body.error_codes).toEqual([501481]);
  });
});

describe('browser sign-in (MSAL in a single-page app)', () => {
  const authorizeUrl = (extra: Record<string, string>) => {
    const url = new URL(`${c.em.authorityHost}/${c.em.tenantId}/oauth2/v2.0/authorize`);
    const params = {
      client_id: c.api.clientId,
      response_type: 'code',
      redirect_uri: c.redirectUri,
      scope: 'openid User.Read',
      state: 's1',
      ...extra,
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url;
  };

  it('signs the hinted user in silently with prompt=none, answering in the fragment', async () => {
    const answer = await fetch(
      authorizeUrl({ prompt: 'none', login_hint: c.megan.userPrincipalName, response_mode: 'fragment' }),
      { redirect: 'manual' },
    );
    const location = new URL(answer.headers.get('location')!);
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(location.search).toBe('');
    expect(fragment.get('code')).toBeTruthy();
    expect(fragment.get('state')).toBe('s1');
    expect(JSON.parse(Buffer.from(fragment.get('client_info')!, 'base64url').toString())).toEqual({
      uid: c.megan.id,
      utid: c.em.tenantId,
    });
  });

  it('answers login_required to a silent request without a known user', async () => {
    const answer = await fetch(authorizeUrl({ prompt: 'none' }), { redirect: 'manual' });
    const location = new URL(answer.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('login_required');
    expect(location.searchParams.get('state')).toBe('s1');
  });

  it('answers CORS preflights and names the calling origin, as Entra and Graph do for SPAs', async () => {
    const origin = 'https://localhost:5173';
    const preflight = await fetch(`${c.em.authorityHost}/${c.em.tenantId}/oauth2/v2.0/token`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const keys = await fetch(`${c.em.authorityHost}/${c.em.tenantId}/discovery/v2.0/keys`, {
      headers: { origin },
    });
    expect(keys.headers.get('access-control-allow-origin')).toBe(origin);
  });
});

describe('refresh token', () => {
  it('gets a new Graph token for the same user from the refresh token alone, and refuses a forged one', async () => {
    const client = await c.msal(c.api);
    const first = await c.signIn(c.adele, TANDEM_SCOPES, client);
    const cache = JSON.parse(client.getTokenCache().serialize()) as {
      RefreshToken: Record<string, { secret: string }>;
    };
    const refreshToken = Object.values(cache.RefreshToken)[0]!.secret;
    const refreshed = await (
      await c.msal(c.api)
    ).acquireTokenByRefreshToken({ refreshToken, scopes: ['Calendars.ReadWrite'] });
    expect(refreshed!.accessToken).not.toBe(first.accessToken);
    expect(decodeJwt(refreshed!.accessToken)).toMatchObject({
      oid: c.adele.id,
      aud: GRAPH_APP_ID,
      scp: 'Calendars.ReadWrite',
    });
    const events = await c.graph(refreshed!.accessToken).api('/me/events').get();
    expect(Array.isArray(events.value)).toBe(true);
    const forged = await fetch(`${c.em.authorityHost}/${c.em.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: c.api.clientId,
        client_secret: c.api.clientSecret!,
        scope: 'Calendars.ReadWrite',
        refresh_token: 'forged',
      }),
    });
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { error: string }).error).toBe('invalid_grant');
  });
});

describe('client credentials', () => {
  it('issues an app-only token with the granted roles, which reaches any mailbox of the tenant', async () => {
    const result = await (
      await c.msal(c.daemon)
    ).acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    const claims = decodeJwt(result!.accessToken);
    expect(claims).toMatchObject({
      aud: GRAPH_APP_ID,
      tid: c.em.tenantId,
      roles: ['Calendars.ReadWrite', 'MailboxSettings.Read'],
      azp: c.daemon.clientId,
    });
    expect(claims.scp).toBeUndefined();
    const graph = c.graph(result!.accessToken);
    const cal = await graph.api(`/users/${c.megan.userPrincipalName}/calendar`).get();
    expect(schemaErrors('calendar', cal)).toEqual([]);
    expect((await graphFailure(graph.api('/me/events').get())).statusCode).toBe(400);
  });

  it('refuses a wrong client secret with invalid_client', async () => {
    const wrong = await fetch(`${c.em.authorityHost}/${c.em.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: c.daemon.clientId,
        client_secret: 'nope',
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_client');
  });
});

describe('on-behalf-of', () => {
  it('trades the SSO token Teams hands the front end for a Graph token of the same user', async () => {
    const sso = (await (
      await fetch(
        `${c.em.origin}/_dev/sso-token?user=${c.megan.userPrincipalName}&clientId=${c.api.clientId}`,
      )
    ).json()) as { access_token: string };
    expect(decodeJwt(sso.access_token)).toMatchObject({
      aud: c.api.clientId,
      scp: 'access_as_user',
      oid: c.megan.id,
    });
    const obo = await (
      await c.msal(c.api)
    ).acquireTokenOnBehalfOf({
      oboAssertion: sso.access_token,
      scopes: ['https://graph.microsoft.com/Calendars.ReadWrite', 'https://graph.microsoft.com/User.Read'],
    });
    expect(decodeJwt(obo!.accessToken)).toMatchObject({
      aud: GRAPH_APP_ID,
      oid: c.megan.id,
      azp: c.api.clientId,
    });
    const me = await c.graph(obo!.accessToken).api('/me').get();
    expect(me.userPrincipalName).toBe(c.megan.userPrincipalName);
  });

  it('refuses an assertion that was issued for another audience', async () => {
    const graphToken = await c.em.graphToken({ user: c.megan });
    await expect(
      (await c.msal(c.api)).acquireTokenOnBehalfOf({
        oboAssertion: graphToken,
        scopes: ['https://graph.microsoft.com/User.Read'],
      }),
    ).rejects.toMatchObject({ errorCode: 'invalid_grant' });
  });
});

describe('Graph access control', () => {
  it('answers 401 InvalidAuthenticationToken without a token, with a forged one, and with a token for another audience', async () => {
    const none = await fetch(`${c.em.graphBaseUrl}/me/events`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe(
      'InvalidAuthenticationToken',
    );
    const sso = (await (
      await fetch(`${c.em.origin}/_dev/sso-token?user=${c.adele.id}&clientId=${c.api.clientId}`)
    ).json()) as { access_token: string };
    expect((await graphFailure(c.graph(sso.access_token).api('/me').get())).statusCode).toBe(401);
    const [h, p] = (await c.em.graphToken({ user: c.adele })).split('.');
    expect((await graphFailure(c.graph(`${h}.${p}.c2lnbmF0dXJl`).api('/me').get())).statusCode).toBe(401);
  });

  it("answers 403 when a delegated user opens someone else's mailbox, and when an app lacks the role", async () => {
    const adele = c.graph(await c.em.graphToken({ user: c.adele }));
    const other = await graphFailure(adele.api(`/users/${c.megan.id}/events`).get());
    expect(other).toMatchObject({ statusCode: 403, code: 'ErrorAccessDenied' });
    const noRole = c.graph(await c.em.graphToken({ roles: ['User.Read.All'] }));
    expect((await graphFailure(noRole.api(`/users/${c.megan.id}/calendar/events`).get())).statusCode).toBe(
      403,
    );
    const withRole = c.graph(await c.em.graphToken({ roles: ['Calendars.Read'] }));
    expect((await withRole.api(`/users/${c.megan.id}/calendar/events`).get()).value).toEqual([]);
    expect(
      (
        await graphFailure(
          withRole.api(`/users/${c.megan.id}/events`).post({
            subject: 'x',
            start: { dateTime: '2026-01-01T00:00:00', timeZone: 'UTC' },
            end: { dateTime: '2026-01-01T01:00:00', timeZone: 'UTC' },
          }),
        )
      ).statusCode,
    ).toBe(403);
  });

  it('answers 404 ErrorInvalidUser for a mailbox that does not exist', async () => {
    const app = c.graph(await c.em.graphToken({}));
    expect(await graphFailure(app.api('/users/nobody@contoso.onmicrosoft.com/events').get())).toMatchObject({
      statusCode: 404,
      code: 'ErrorInvalidUser',
    });
  });
});
