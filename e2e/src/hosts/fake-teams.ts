// A stand-in for the Teams client around a tab: a page on the tab's own origin that frames tab.html
// and answers the postMessage protocol of @microsoft/teams-js (initialize, getContext,
// authentication.getAuthToken) the way Teams does, and can change the theme live.
// `window.setTeamsTheme('dark')` in this page sends Teams' themeChange event to the tab.

export interface FakeTeamsOptions {
  /** The tab's URL (same origin as this page, as teams-js requires of an unlisted host). */
  tabUrl: string;
  /** The SSO token getAuthToken answers (audience: the Tandem API). */
  ssoToken: string;
  /** @default 'default' */
  theme?: 'default' | 'dark' | 'contrast';
  userPrincipalName: string;
  tenantId: string;
}

/** The HTML of the Teams host page. */
export function fakeTeamsPage(options: FakeTeamsOptions): string {
  const settings = JSON.stringify({
    token: options.ssoToken,
    theme: options.theme ?? 'default',
    upn: options.userPrincipalName,
    tid: options.tenantId,
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Microsoft Teams (test host)</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style></head>
<body><iframe title="Tandem" src="${options.tabUrl.replace(/"/g, '&quot;')}"></iframe>
<script>
const settings = ${settings};
const frame = document.querySelector('iframe');
window.teamsCalls = [];
const runtime = { apiVersion: 4, hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false, supports: { app: {}, appEntity: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} }, teams: { fullTrust: {} } } };
function context() {
  return { locale: 'en-us', theme: settings.theme, frameContext: 'content', hostClientType: 'web',
    userPrincipalName: settings.upn, loginHint: settings.upn, tid: settings.tid, entityId: 'tandem', appSessionId: 'e2e' };
}
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || !event.data || typeof event.data.func !== 'string') return;
  const message = event.data;
  window.teamsCalls.push(message.func);
  const reply = (args) => frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, '*');
  switch (message.func) {
    case 'initialize': reply(['content', 'web', JSON.stringify(runtime), '2.0.0']); break;
    case 'getContext': reply([context()]); break;
    case 'authentication.getAuthToken': reply([true, settings.token]); break;
    default: break;
  }
});
window.setTeamsTheme = (theme) => {
  settings.theme = theme;
  frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, '*');
};
</script></body></html>`;
}
