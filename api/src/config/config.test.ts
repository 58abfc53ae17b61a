import { authConfigFromEnv } from './auth.js';
import { storageConnectionString } from './storage.js';

describe('configuration from app settings', () => {
  it('reads the storage connection string from AzureWebJobsStorage', () => {
    expect(storageConnectionString({ AzureWebJobsStorage: 'UseDevelopmentStorage=true' })).toBe(
      'UseDevelopmentStorage=true',
    );
  });

  it('names the missing storage setting', () => {
    expect(() => storageConnectionString({})).toThrow(
      expect.objectContaining({ setting: 'AzureWebJobsStorage' }),
    );
  });

  it('reads auth settings, defaulting to the public Entra ID authority', () => {
    expect(authConfigFromEnv({ TANDEM_API_CLIENT_ID: 'c', TANDEM_ALLOWED_TENANTS: 't1, t2' })).toEqual({
      authority: 'https://login.microsoftonline.com',
      clientId: 'c',
      allowedTenants: ['t1', 't2'],
    });
  });

  it('reads the bot app id from TANDEM_BOT_APP_ID', () => {
    expect(
      authConfigFromEnv({ TANDEM_API_CLIENT_ID: 'c', TANDEM_ALLOWED_TENANTS: 't', TANDEM_BOT_APP_ID: 'b' }),
    ).toMatchObject({ botAppId: 'b' });
  });

  test.each([
    [{ TANDEM_ALLOWED_TENANTS: 't' }, 'TANDEM_API_CLIENT_ID'],
    [{ TANDEM_API_CLIENT_ID: 'c' }, 'TANDEM_ALLOWED_TENANTS'],
  ])('names the missing auth setting (%j)', (env, setting) => {
    expect(() => authConfigFromEnv(env)).toThrow(expect.objectContaining({ setting }));
  });
});
