// How the bot proves itself to the channel and checks the channel's tokens. With an app, every inbound
// activity must carry a Bot Framework token signed by the channel (TANDEM_BOT_CHANNEL_OPENID_URL) and
// the bot signs in to Entra (TANDEM_AUTH_AUTHORITY) for its outbound calls; without one, nothing is
// authenticated, which only the local emulator accepts.
import { ConfidentialClientApplication } from '@azure/msal-node';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { MsalServiceClientCredentialsFactory, type BotFrameworkAuthentication } from 'botframework-connector';
import type { BotSettings } from '../settings.js';

/** The Bot Framework resource every channel token is issued by and every bot token is for. */
export const botFrameworkResource = 'https://api.botframework.com';

export function botFrameworkAuthentication(settings: BotSettings): BotFrameworkAuthentication {
  if (!settings.app) return new ConfigurationBotFrameworkAuthentication({});
  const { id, secret, tenantId } = settings.app;
  const authority = `${settings.authAuthority}/${tenantId}`;
  const msal = new ConfidentialClientApplication({
    // knownAuthorities spares MSAL the cloud instance discovery a private authority cannot answer.
    auth: {
      clientId: id,
      clientSecret: secret,
      authority,
      knownAuthorities: [new URL(settings.authAuthority).host],
    },
  });
  return new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: id,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: tenantId,
      ToChannelFromBotLoginUrl: authority,
      ToChannelFromBotOAuthScope: botFrameworkResource,
      ToBotFromChannelTokenIssuer: botFrameworkResource,
      ToBotFromChannelOpenIdMetadataUrl: settings.channelOpenIdUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: settings.channelOpenIdUrl,
      ValidateAuthority: false,
    },
    // botframework-connector pins its own msal-node; the client application API it calls is the same.
    new MsalServiceClientCredentialsFactory(
      id,
      msal as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1],
    ),
  );
}
