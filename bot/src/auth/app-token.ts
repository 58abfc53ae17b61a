// The bot's own token for the Tandem API: client credentials of the bot's app for the API's
// Application ID URI (the API grants the `Tandem.Bot` app role). MSAL caches it until it expires.
import { ConfidentialClientApplication } from '@azure/msal-node';
import type { BotSettings } from '../settings.js';

/** A bearer token for the API, or undefined when the bot runs without an app (local, unauthenticated). */
export type AppTokenSource = () => Promise<string | undefined>;

export function apiAppToken(settings: BotSettings): AppTokenSource {
  const { app } = settings;
  const appIdUri = settings.api.appIdUri;
  if (!app || !appIdUri) return async () => undefined;
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: app.id,
      clientSecret: app.secret,
      authority: `${settings.authAuthority}/${app.tenantId}`,
      knownAuthorities: [new URL(settings.authAuthority).host],
    },
  });
  const scope = `${appIdUri.replace(/\/+$/, '')}/.default`;
  return async () => {
    const result = await msal.acquireTokenByClientCredential({ scopes: [scope] });
    if (!result?.accessToken) throw new Error(`Entra gave the bot no token for ${scope}.`);
    return result.accessToken;
  };
}
