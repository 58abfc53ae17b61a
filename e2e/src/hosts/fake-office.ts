// A stand-in for office.js in Outlook's compose window: the `Office` global with exactly what the task
// pane uses (addin/src/hosts/outlook.ts), served in place of Microsoft's CDN script. What the add-in
// inserts into the message body is kept in `window.__composeBody` for the test to read.

export interface FakeOfficeOptions {
  /** The SSO token `Office.auth.getAccessToken()` answers (audience: the Tandem API). */
  ssoToken: string;
  /** Outlook's theme background; a dark colour makes the add-in dark. @default '#ffffff' */
  bodyBackgroundColor?: string;
}

/** The JavaScript of the fake office.js. */
export function fakeOfficeScript(options: FakeOfficeOptions): string {
  const settings = JSON.stringify({
    token: options.ssoToken,
    background: options.bodyBackgroundColor ?? '#ffffff',
  });
  return `(() => {
  const settings = ${settings};
  window.__composeBody = [];
  window.Office = {
    onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
    CoercionType: { Html: 'html', Text: 'text' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      displayLanguage: 'en-US',
      officeTheme: { bodyBackgroundColor: settings.background },
      requirements: { isSetSupported: () => false },
      mailbox: {
        item: {
          itemType: 'message',
          body: {
            setSelectedDataAsync(data, options, callback) {
              window.__composeBody.push({ data, coercionType: options.coercionType });
              setTimeout(() => callback({ status: 'succeeded' }), 0);
            },
          },
        },
      },
    },
    auth: { getAccessToken: () => Promise.resolve(settings.token) },
  };
})();`;
}
