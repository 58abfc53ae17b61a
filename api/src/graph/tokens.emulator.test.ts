import { startAzurite, type RunningAzurite } from '@tandem/dev/azurite';
import { startEmulator, type EmulatorHandle } from '@tandem/dev/m365-emulator';
import { decodeJwt } from 'jose';
import { ConnectionRepository } from '../store/connections.js';
import { openTables } from '../store/tables.js';
import { createTokenSealer } from './token-sealer.js';
import { HostNotConnectedError, HostTokens } from './tokens.js';

describe('host Graph tokens through MSAL against the emulated Entra ID', () => {
  let emulator: EmulatorHandle;
  let azurite: RunningAzurite;
  beforeAll(async () => {
    [emulator, azurite] = await Promise.all([startEmulator(), startAzurite()]);
  });
  afterAll(async () => {
    await Promise.all([emulator.stop(), azurite.stop()]);
  });

  it('exchanges the SSO token on-behalf-of, stores the sealed cache, and refreshes with nobody signed in', async () => {
    const tables = openTables(azurite.connectionString);
    await tables.ensure();
    const connections = new ConnectionRepository(tables);
    const api = emulator.registerApp({ displayName: 'Tandem API', exposeApi: true });
    const user = emulator.store.addUser({ userPrincipalName: 'nestor', displayName: 'Nestor Wilke' });
    await connections.saveIdentity({
      hostId: user.id,
      tenantId: user.tenantId,
      upn: user.userPrincipalName,
      displayName: user.displayName,
    });
    const sso = (await (
      await fetch(`${emulator.origin}/_dev/sso-token?user=${user.id}&clientId=${api.clientId}`)
    ).json()) as { access_token: string };
    const config = {
      authority: emulator.authorityHost,
      clientId: api.clientId,
      clientSecret: api.clientSecret!,
    };
    const sealer = createTokenSealer('test key');
    const first = await new HostTokens(config, connections, sealer).connect(
      { hostId: user.id, tenantId: user.tenantId },
      sso.access_token,
    );
    expect(decodeJwt(first)).toMatchObject({ oid: user.id, aud: '00000003-0000-0000-c000-000000000000' });

    const stored = await connections.get(user.id);
    expect(Buffer.from(stored!.sealedRefreshToken!).toString('utf8')).not.toContain('RefreshToken');

    // A new process: nothing in memory, only the sealed cache in storage.
    const later = await new HostTokens(config, connections, sealer).forHost(user.id);
    expect(later).not.toBe(first);
    expect(decodeJwt(later)).toMatchObject({ oid: user.id });
    const me = await fetch(`${emulator.graphBaseUrl}/me`, { headers: { authorization: `Bearer ${later}` } });
    expect(((await me.json()) as { id: string }).id).toBe(user.id);

    await expect(
      new HostTokens(config, connections, createTokenSealer('other key')).forHost(user.id),
    ).rejects.toThrow();
    await expect(new HostTokens(config, connections, sealer).forHost('nobody')).rejects.toBeInstanceOf(
      HostNotConnectedError,
    );
  });
});
