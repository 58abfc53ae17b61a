import { BotSettingsError, readBotSettings } from './settings.js';

const local = {
  TANDEM_API_BASE_URL: 'http://127.0.0.1:7071/',
  TANDEM_AZURITE_TABLE_PORT: '10002',
  TANDEM_AZURITE_QUEUE_PORT: '10001',
};

describe('the bot settings', () => {
  it('run locally without an app: no Bot Framework authentication, Azurite from its ports', () => {
    const settings = readBotSettings(local);
    expect(settings.app).toBeUndefined();
    expect(settings.port).toBe(3978);
    expect(settings.api.baseUrl).toBe('http://127.0.0.1:7071');
    expect(settings.storageConnectionString).toContain(
      'TableEndpoint=http://127.0.0.1:10002/devstoreaccount1',
    );
  });

  it('take the storage connection string the Functions runtime uses when it is set', () => {
    const settings = readBotSettings({ ...local, AzureWebJobsStorage: 'UseDevelopmentStorage=true' });
    expect(settings.storageConnectionString).toBe('UseDevelopmentStorage=true');
  });

  it('with an app id, need its secret, tenant and the API scope, and say so in one sentence each', () => {
    expect(() => readBotSettings({ ...local, TANDEM_BOT_APP_ID: 'c0ffee00' })).toThrow(
      new BotSettingsError(
        "The bot cannot start: TANDEM_BOT_APP_SECRET is not set, but TANDEM_BOT_APP_ID is: the bot's app needs it to sign in. TANDEM_BOT_TENANT_ID is not set, but TANDEM_BOT_APP_ID is: the bot's app needs it to sign in. TANDEM_API_APP_ID_URI is not set, but TANDEM_BOT_APP_ID is: the bot's app needs it to sign in.",
      ),
    );
  });

  it('name a missing API address and missing storage', () => {
    expect(() => readBotSettings({})).toThrow(/TANDEM_API_BASE_URL is not set.*Storage is not configured/);
  });

  it('refuse a port that is not a number', () => {
    expect(() => readBotSettings({ ...local, TANDEM_BOT_PORT: 'eighty' })).toThrow(
      'TANDEM_BOT_PORT must be a port number.',
    );
  });

  it('with an app, carry its identity and the Entra and channel addresses', () => {
    const settings = readBotSettings({
      ...local,
      TANDEM_BOT_APP_ID: 'app',
      TANDEM_BOT_APP_SECRET: 'secret',
      TANDEM_BOT_TENANT_ID: 'tenant',
      TANDEM_API_APP_ID_URI: 'api://tandem',
      TANDEM_AUTH_AUTHORITY: 'https://localhost:4443/',
      TANDEM_BOT_CHANNEL_OPENID_URL: 'https://localhost:4443/botframework/v1/.well-known/openidconfiguration',
    });
    expect(settings.app).toEqual({ id: 'app', secret: 'secret', tenantId: 'tenant' });
    expect(settings.authAuthority).toBe('https://localhost:4443');
    expect(settings.api.appIdUri).toBe('api://tandem');
  });
});
