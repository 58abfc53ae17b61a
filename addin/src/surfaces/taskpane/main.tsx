import { config } from '../../config.js';
import type { OfficeSdk } from '../../hosts/outlook.js';
import { createTaskPaneHost } from '../../hosts/taskPaneHost.js';
import { mountHostApp } from '../hostRoot.js';

// The page loads office.js before this module; it runs as the Outlook host only when office.js says
// it is inside Outlook. Elsewhere the views run with dev sign-in, the compose actions explaining that
// they need Outlook.
const office = (window as { Office?: OfficeSdk }).Office;
void createTaskPaneHost(office, {
  clientId: config.aadClientId,
  scope: config.apiScope,
  authority: config.authority,
}).then((host) => mountHostApp(host, { showCompose: true }));
