import type { PublicClientApplication } from '@azure/msal-browser';
import type { HostContext, ThemeName } from './HostContext.js';

export interface WebSignIn {
  clientId: string;
  scope: string;
  /** Entra authority, e.g. the emulator's https://127.0.0.1:<port>/<tenant>. */
  authority: string;
}

const darkQuery = '(prefers-color-scheme: dark)';
const contrastQuery = '(forced-colors: active)';

function browserTheme(win: Window): ThemeName {
  if (typeof win.matchMedia !== 'function') return 'default';
  if (win.matchMedia(contrastQuery).matches) return 'contrast';
  return win.matchMedia(darkQuery).matches ? 'dark' : 'default';
}

/**
 * A plain browser: the theme follows the system, and host sign-in is a PKCE redirect through Entra
 * (or the emulator's Entra) with MSAL. MSAL is loaded only when a token is first needed.
 */
export function createWebHost(signIn: WebSignIn | undefined, win: Window = window): HostContext {
  let pca: Promise<PublicClientApplication> | undefined;
  const msal = () => {
    if (!signIn?.clientId) throw new Error('Sign-in is not configured (VITE_TANDEM_AAD_CLIENT_ID).');
    pca ??= import('@azure/msal-browser').then(async ({ PublicClientApplication }) => {
      const app = new PublicClientApplication({
        auth: {
          clientId: signIn.clientId,
          authority: signIn.authority,
          redirectUri: win.location.origin + win.location.pathname,
          // The emulator's Entra is not a known cloud instance.
          knownAuthorities: [new URL(signIn.authority).host],
        },
        cache: { cacheLocation: 'sessionStorage' },
      });
      await app.initialize();
      await app.handleRedirectPromise();
      return app;
    });
    return pca;
  };
  return {
    kind: 'web',
    locale: win.navigator.language || 'en',
    theme: browserTheme(win),
    onThemeChange(listener) {
      if (typeof win.matchMedia !== 'function') return () => undefined;
      const queries = [win.matchMedia(darkQuery), win.matchMedia(contrastQuery)];
      const onChange = () => listener(browserTheme(win));
      for (const q of queries) q.addEventListener('change', onChange);
      return () => queries.forEach((q) => q.removeEventListener('change', onChange));
    },
    async getApiToken() {
      const app = await msal();
      const scopes = [signIn!.scope];
      const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
      if (account) {
        const result = await app.acquireTokenSilent({ scopes, account });
        return result.accessToken;
      }
      // Leaves the page; the token is acquired silently when the redirect comes back.
      await app.acquireTokenRedirect({ scopes });
      return new Promise<string>(() => undefined);
    },
  };
}
