import type { IPublicClientApplication } from '@azure/msal-browser';
import type { HostContext, ThemeName } from './HostContext.js';

/** The part of office.js this host uses; the real `Office` global satisfies it, and so does a test's fake. */
export interface OfficeSdk {
  onReady(): Promise<{ host: string | null }>;
  context: {
    displayLanguage?: string;
    requirements: { isSetSupported(name: string, version?: string): boolean };
    officeTheme?: { bodyBackgroundColor?: string };
    mailbox?: {
      item?: {
        body?: {
          setSelectedDataAsync(
            data: string,
            options: { coercionType: string },
            callback: (result: { status: string; error?: { message: string } }) => void,
          ): void;
        };
        itemType?: string;
      };
    };
  };
  CoercionType: { Html: string };
  AsyncResultStatus: { Succeeded: string; Failed: string };
  auth?: {
    getAccessToken(options?: { allowSignInPrompt?: boolean; allowConsentPrompt?: boolean }): Promise<string>;
  };
}

export interface OutlookSignIn {
  clientId: string;
  scope: string;
}

function themeOf(office: OfficeSdk): ThemeName {
  const bg = office.context.officeTheme?.bodyBackgroundColor;
  if (!bg) return 'default';
  const hex = bg.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  return (r + g + b) / 3 < 96 ? 'dark' : 'default';
}

/**
 * Outlook: nested app authentication through MSAL when the host supports NestedAppAuth 1.1, else
 * Office's own SSO; in compose, HTML goes in at the cursor.
 */
export async function createOutlookHost(office: OfficeSdk, signIn?: OutlookSignIn): Promise<HostContext> {
  await office.onReady();
  const body = office.context.mailbox?.item?.body;
  const naa = office.context.requirements.isSetSupported('NestedAppAuth', '1.1');
  let nested: Promise<IPublicClientApplication> | undefined;

  const viaNestedAuth = async (): Promise<string> => {
    nested ??= import('@azure/msal-browser').then(({ createNestablePublicClientApplication }) =>
      createNestablePublicClientApplication({
        auth: { clientId: signIn!.clientId, authority: 'https://login.microsoftonline.com/common' },
      }),
    );
    const app = await nested;
    const request = { scopes: [signIn!.scope] };
    try {
      return (await app.acquireTokenSilent(request)).accessToken;
    } catch {
      return (await app.acquireTokenPopup(request)).accessToken;
    }
  };

  return {
    kind: 'outlook',
    locale: office.context.displayLanguage || 'en',
    theme: themeOf(office),
    // Outlook reloads add-ins when its theme changes; there is no live event to follow.
    onThemeChange: () => () => undefined,
    async getApiToken() {
      if (naa && signIn?.clientId) return viaNestedAuth();
      if (!office.auth) throw new Error('This Outlook cannot sign in add-ins.');
      return office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true });
    },
    ...(body && {
      compose: {
        insertHtml: (html: string) =>
          new Promise<void>((resolve, reject) =>
            body.setSelectedDataAsync(html, { coercionType: office.CoercionType.Html }, (result) =>
              result.status === office.AsyncResultStatus.Succeeded
                ? resolve()
                : reject(new Error(result.error?.message ?? 'Outlook refused the insertion.')),
            ),
          ),
      },
    }),
  };
}
