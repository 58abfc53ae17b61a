import { config } from '../../config.js';
import type { HostContext } from '../../hosts/HostContext.js';
import { createWebHost } from '../../hosts/web.js';
import { mountHostApp } from '../hostRoot.js';

// Teams shows the tab in an iframe; a top-level window is a plain browser (teams-js is not loaded there).
const inFrame = window.parent !== window;
const webHost = () =>
  createWebHost({ clientId: config.aadClientId, scope: config.apiScope, authority: config.authority });
const host: Promise<HostContext> = inFrame
  ? import('../../hosts/teams.js').then(async ({ createTeamsHost }) => {
      const { app, authentication } = await import('@microsoft/teams-js');
      try {
        return await createTeamsHost({ app, authentication });
      } catch {
        return webHost();
      }
    })
  : Promise.resolve(webHost());
void host.then((h) => mountHostApp(h, { showCompose: false }));
