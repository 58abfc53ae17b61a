import { config } from '../../config.js';
import type { HostContext } from '../../hosts/HostContext.js';
import { createOutlookHost, type OfficeSdk } from '../../hosts/outlook.js';
import { createWebHost } from '../../hosts/web.js';
import { mountHostApp } from '../hostRoot.js';

// Outlook loads office.js before this module; in a plain browser there is no `Office` and the views
// run with dev sign-in, the compose actions explaining that they need Outlook.
const office = (window as { Office?: OfficeSdk }).Office;
const host: Promise<HostContext> = office
  ? createOutlookHost(office, { clientId: config.aadClientId, scope: config.apiScope })
  : Promise.resolve(
      createWebHost({ clientId: config.aadClientId, scope: config.apiScope, authority: config.authority }),
    );
void host.then((h) => mountHostApp(h, { showCompose: true }));
