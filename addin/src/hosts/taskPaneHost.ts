import type { HostContext } from './HostContext.js';
import { createOutlookHost, type OfficeSdk } from './outlook.js';
import { createWebHost, type WebSignIn } from './web.js';

/**
 * The host of the task pane page. office.js is loaded by the page itself (Office requires it from
 * Microsoft's CDN), and it defines `Office` in any browser that could fetch it, so `Office` being there
 * says nothing: only `Office.onReady()` reporting the Outlook host means the page runs inside Outlook.
 * Anywhere else (a plain browser, where office.js reports no host) the views run as a web page with
 * the dev sign-in.
 */
export async function createTaskPaneHost(
  office: OfficeSdk | undefined,
  signIn: WebSignIn,
  win: Window = window,
): Promise<HostContext> {
  if (office) {
    const { host } = await office.onReady();
    if (host === 'Outlook')
      return createOutlookHost(office, { clientId: signIn.clientId, scope: signIn.scope });
  }
  return createWebHost(signIn, win);
}
