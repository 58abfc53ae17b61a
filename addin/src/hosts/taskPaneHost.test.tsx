import { screen } from '@testing-library/react';
import { samplePublicPage, startContractServer, type ContractServer } from '../testing/api-server.js';
import { renderHostApp } from '../testing/render.js';
import type { HostContext } from './HostContext.js';
import type { OfficeSdk } from './outlook.js';
import { createTaskPaneHost } from './taskPaneHost.js';

const signIn = { clientId: 'client-1', scope: 'api://tandem/access', authority: 'https://login.test/t1' };

/** office.js as it behaves once loaded: `onReady` names the Office application, null outside Office. */
function loadedOfficeJs(host: string | null) {
  const ssoRequests: string[] = [];
  const office: OfficeSdk = {
    onReady: () => Promise.resolve({ host }),
    context: {
      requirements: { isSetSupported: () => false },
      ...(host === 'Outlook' && {
        displayLanguage: 'en-GB',
        mailbox: { item: { itemType: 'message', body: { setSelectedDataAsync: () => undefined } } },
      }),
    },
    CoercionType: { Html: 'html' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    auth: {
      getAccessToken: () => {
        ssoRequests.push('sso');
        return Promise.reject(new Error('Office SSO is not available outside Office.'));
      },
    },
  };
  return { office, ssoRequests };
}

let server: ContractServer;
beforeEach(async () => {
  server = await startContractServer({ publicPage: samplePublicPage({ id: 'p1' }), pages: [] });
});
afterEach(() => server.close());

function renderTaskPane(host: HostContext) {
  // Dev sign-in is a redirect through Entra; here its token is given, the host is the one detected.
  return renderHostApp({ ...host, getApiToken: () => Promise.resolve('dev-token') }, server.baseUrl);
}

describe('choosing the task pane host', () => {
  it('runs as a web page with dev sign-in when office.js is loaded in a plain browser', async () => {
    const { office, ssoRequests } = loadedOfficeJs(null);
    const host = await createTaskPaneHost(office, signIn);
    expect(host.kind).toBe('web');
    expect(host.compose).toBeUndefined();
    renderTaskPane(host);
    expect(
      await screen.findByText(
        'Inserting into a message works in Outlook while you write an email.',
        {},
        {
          timeout: 10_000,
        },
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Insert booking link' }).hasAttribute('disabled')).toBe(true);
    expect(ssoRequests).toEqual([]);
  });

  it('runs as a web page inside another Office application', async () => {
    const host = await createTaskPaneHost(loadedOfficeJs('Word').office, signIn);
    expect(host.kind).toBe('web');
  });

  it('runs as a web page when office.js could not be loaded at all', async () => {
    const host = await createTaskPaneHost(undefined, signIn);
    expect(host.kind).toBe('web');
  });

  it('runs as Outlook, with Office sign-in and compose, when office.js reports Outlook', async () => {
    const { office, ssoRequests } = loadedOfficeJs('Outlook');
    const host = await createTaskPaneHost(office, signIn);
    expect(host.kind).toBe('outlook');
    expect(host.locale).toBe('en-GB');
    expect(host.compose).toBeDefined();
    await expect(host.getApiToken()).rejects.toThrow('Office SSO is not available outside Office.');
    expect(ssoRequests).toEqual(['sso']);
  });
});
