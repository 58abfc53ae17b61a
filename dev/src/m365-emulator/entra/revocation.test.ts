import { startEmulator, type EmulatorHandle } from '../index.js';

// The token endpoint's answers after a user's access is withdrawn, as Entra sends them (raw HTTP,
// so the body itself is checked: error, AADSTS code in error_codes, suberror).
let em: EmulatorHandle;
beforeAll(async () => {
  em = await startEmulator();
});
afterAll(() => em.stop());

async function setup() {
  const api = em.registerApp({ displayName: 'Tandem API', exposeApi: true });
  const user = em.store.addUser({
    userPrincipalName: `u${Math.random().toString(36).slice(2, 8)}`,
    displayName: 'Megan Bowen',
  });
  const sso = (await (
    await fetch(`${em.origin}/_dev/sso-token?user=${user.id}&clientId=${api.clientId}`)
  ).json()) as { access_token: string };
  const token = (form: Record<string, string>) =>
    fetch(`${em.authorityHost}/${em.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: api.clientId, client_secret: api.clientSecret!, ...form }),
    });
  const onBehalfOf = () =>
    token({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      assertion: sso.access_token,
      scope: 'https://graph.microsoft.com/Calendars.ReadWrite offline_access',
    });
  const first = (await (await onBehalfOf()).json()) as { refresh_token: string };
  const refresh = () =>
    token({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
      scope: 'https://graph.microsoft.com/Calendars.ReadWrite offline_access',
    });
  const admin = (method: string, path: string) =>
    fetch(`${em.origin}/_admin/users/${user.id}/${path}`, { method });
  return { api, refresh, onBehalfOf, admin };
}

type OAuthError = { error: string; error_codes: number[]; error_description: string; suberror?: string };

describe('withdrawn access at the token endpoint', () => {
  it('consent withdrawn: refresh and on-behalf-of answer invalid_grant AADSTS65001 consent_required until given again', async () => {
    const { api, refresh, onBehalfOf, admin } = await setup();
    expect((await refresh()).status).toBe(200);
    expect((await admin('DELETE', `consents/${api.clientId}`)).status).toBe(204);
    for (const answer of [await refresh(), await onBehalfOf()]) {
      expect(answer.status).toBe(400);
      const body = (await answer.json()) as OAuthError;
      expect(body).toMatchObject({
        error: 'invalid_grant',
        error_codes: [65001],
        suberror: 'consent_required',
      });
      expect(body.error_description).toMatch(/^AADSTS65001: The user or administrator has not consented/);
    }
    expect((await admin('PUT', `consents/${api.clientId}`)).status).toBe(204);
    expect((await refresh()).status).toBe(200);
  });

  it('sessions revoked: refresh tokens issued before answer AADSTS50173; a new sign-in works', async () => {
    const { refresh, onBehalfOf, admin } = await setup();
    expect((await admin('POST', 'revokeSignInSessions')).status).toBe(200);
    const answer = await refresh();
    expect(answer.status).toBe(400);
    const body = (await answer.json()) as OAuthError;
    expect(body).toMatchObject({ error: 'invalid_grant', error_codes: [50173] });
    expect(body.error_description).toMatch(
      /^AADSTS50173: The provided grant has expired due to it being revoked/,
    );
    expect(body.suberror).toBeUndefined();
    expect((await onBehalfOf()).status).toBe(200);
  });

  it('refresh tokens expired: AADSTS700082', async () => {
    const { refresh, admin } = await setup();
    expect(
      ((await (await admin('POST', 'refresh-tokens/expire')).json()) as { expired: number }).expired,
    ).toBe(1);
    const body = (await (await refresh()).json()) as OAuthError;
    expect(body).toMatchObject({ error: 'invalid_grant', error_codes: [700082] });
  });
});
