// The validator against the M365 emulator's Entra ID over HTTPS: real OIDC metadata, real JWKS, and
// the SSO token Teams or Outlook would hand the front end.
import { startEmulator, type EmulatorHandle } from '@tandem/dev/m365-emulator';
import { createTokenValidator } from './token-validator.js';

let em: EmulatorHandle;
let apiClientId: string;
let user: { id: string; userPrincipalName: string };

beforeAll(async () => {
  em = await startEmulator();
  user = em.store.addUser({
    userPrincipalName: 'adele',
    displayName: 'Adele Vance',
    timeZone: 'Pacific Standard Time',
  });
  apiClientId = em.registerApp({ displayName: 'Tandem API', exposeApi: true }).clientId;
});
afterAll(() => em?.stop());

async function ssoToken(clientId: string): Promise<string> {
  const res = await fetch(
    `${em.authorityHost}/_dev/sso-token?user=${encodeURIComponent(user.id)}&clientId=${clientId}`,
  );
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('tokens from the emulated Entra ID', () => {
  it('validate into the signed-in user', async () => {
    const validator = createTokenValidator({
      authority: em.authorityHost,
      clientId: apiClientId,
      allowedTenants: [em.tenantId],
    });
    await expect(validator.validate(await ssoToken(apiClientId))).resolves.toMatchObject({
      tenantId: em.tenantId,
      userId: user.id,
      upn: user.userPrincipalName,
      name: 'Adele Vance',
    });
  });

  it('are refused by an API with another client id', async () => {
    const other = em.registerApp({ displayName: 'Another API', exposeApi: true }).clientId;
    const validator = createTokenValidator({
      authority: em.authorityHost,
      clientId: apiClientId,
      allowedTenants: [em.tenantId],
    });
    await expect(validator.validate(await ssoToken(other))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'audience',
    });
  });

  it('are refused when the tenant is not allowed', async () => {
    const validator = createTokenValidator({
      authority: em.authorityHost,
      clientId: apiClientId,
      allowedTenants: ['00000000-0000-4000-8000-000000000000'],
    });
    await expect(validator.validate(await ssoToken(apiClientId))).rejects.toMatchObject({ reason: 'tenant' });
  });
});
