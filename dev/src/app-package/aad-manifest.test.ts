import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './testing/repo.js';

interface AadManifest {
  accessTokenAcceptedVersion: number;
  signInAudience: string;
  identifierUris: string[];
  requiredResourceAccess: Array<{
    resourceAppId: string;
    resourceAccess: Array<{ id: string; type: string }>;
  }>;
  oauth2Permissions: Array<{ id: string; value: string; type: string; isEnabled: boolean }>;
  appRoles: Array<{ id: string; value: string; allowedMemberTypes: string[] }>;
  preAuthorizedApplications: Array<{ appId: string; permissionIds: string[] }>;
  replyUrlsWithType: Array<{ url: string; type: string }>;
}

const aad = JSON.parse(readFileSync(join(repoRoot, 'infra', 'aad.manifest.json'), 'utf8')) as AadManifest;
const appManifest = JSON.parse(readFileSync(join(repoRoot, 'appPackage', 'manifest.json'), 'utf8')) as {
  webApplicationInfo: { id: string; resource: string };
};

describe("infra/aad.manifest.json (the API's Entra app)", () => {
  it('exposes exactly the Application ID URI the Teams manifest uses for SSO', () => {
    expect(aad.identifierUris).toEqual([appManifest.webApplicationInfo.resource]);
    expect(appManifest.webApplicationInfo.id).toBe('${{AAD_APP_CLIENT_ID}}');
    expect(aad.accessTokenAcceptedVersion).toBe(2);
  });

  it('asks Graph for the four delegated permissions and nothing else', () => {
    expect(aad.requiredResourceAccess).toEqual([
      {
        resourceAppId: 'Microsoft Graph',
        resourceAccess: ['User.Read', 'Calendars.ReadWrite', 'MailboxSettings.Read', 'offline_access'].map(
          (id) => ({
            id,
            type: 'Scope',
          }),
        ),
      },
    ]);
  });

  it('defines access_as_user and pre-authorizes every Teams, Microsoft 365 and Outlook client for it', () => {
    const [scope] = aad.oauth2Permissions;
    expect(scope).toMatchObject({ value: 'access_as_user', type: 'User', isEnabled: true });
    const clients = {
      'Teams desktop and mobile': '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      'Teams web': '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
      'Microsoft 365 web': '4765445b-32c6-49b0-83e6-1d93765276ca',
      'Microsoft 365 desktop': '0ec893e0-5785-4de6-99da-4ed124e5296c',
      'Microsoft 365 mobile and Outlook desktop': 'd3590ed6-52b3-4102-aeff-aad2292ab01c',
      'Outlook web': 'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
      'Outlook mobile': '27922004-5251-4030-b22d-91ecd9a37ea4',
    };
    expect(aad.preAuthorizedApplications.map((p) => p.appId).sort()).toEqual(Object.values(clients).sort());
    for (const client of aad.preAuthorizedApplications) expect(client.permissionIds).toEqual([scope!.id]);
  });

  it("lets Outlook's nested app authentication and the pages redirect back (SPA)", () => {
    expect(aad.replyUrlsWithType).toContainEqual({ url: 'brk-multihub://${{TAB_DOMAIN}}', type: 'Spa' });
    for (const reply of aad.replyUrlsWithType) expect(reply.type).toBe('Spa');
  });

  it('offers the bot an application role, not a delegated scope', () => {
    expect(aad.appRoles).toEqual([
      expect.objectContaining({
        value: 'Tandem.Bot',
        allowedMemberTypes: ['Application'],
        id: '${{AAD_APP_BOT_ROLE_ID}}',
      }),
    ]);
  });

  it('is single-tenant, like the bot registration', () => {
    expect(aad.signInAudience).toBe('AzureADMyOrg');
  });
});
