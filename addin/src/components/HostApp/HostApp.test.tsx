import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HostContext } from '../../hosts/HostContext.js';
import { createOutlookHost, type OfficeSdk } from '../../hosts/outlook.js';
import { createTeamsHost } from '../../hosts/teams.js';
import { createWebHost } from '../../hosts/web.js';
import { samplePublicPage, startContractServer, type ContractServer } from '../../testing/api-server.js';
import { savedPage } from '../../testing/pages.js';
import { renderHostApp } from '../../testing/render.js';

const page = savedPage({ title: 'Intro <call> & more', slug: 'intro' });

/** An Outlook compose window as office.js presents it: what the add-in inserts lands in `inserted`. */
function fakeOffice() {
  const inserted: { html: string; coercionType: string }[] = [];
  const office: OfficeSdk = {
    onReady: () => Promise.resolve({ host: 'Outlook' }),
    context: {
      displayLanguage: 'en-GB',
      requirements: { isSetSupported: () => false },
      mailbox: {
        item: {
          itemType: 'message',
          body: {
            setSelectedDataAsync(data, options, callback) {
              inserted.push({ html: data, coercionType: options.coercionType });
              callback({ status: 'succeeded' });
            },
          },
        },
      },
    },
    CoercionType: { Html: 'html' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    auth: { getAccessToken: () => Promise.resolve('office-sso-token') },
  };
  return { office, inserted };
}

// Views load lazily: the first render of one also compiles its module in the test runner.
const lazyView = { timeout: 10_000 };

let server: ContractServer;
beforeEach(async () => {
  server = await startContractServer({
    publicPage: samplePublicPage({ id: 'p1' }),
    pages: [page],
    free: ['2026-11-25T09:00:00.000Z', '2026-11-25T09:30:00.000Z', '2026-11-25T10:00:00.000Z'],
  });
});
afterEach(() => server.close());

function renderHost(host: HostContext) {
  return renderHostApp(host, server.baseUrl);
}

describe('inserting into an Outlook message', () => {
  it('writes the booking link at the cursor as HTML, the title escaped', async () => {
    const { office, inserted } = fakeOffice();
    renderHost(await createOutlookHost(office));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Insert booking link' }, lazyView));
    expect(await screen.findByText('Inserted at the cursor.')).toBeTruthy();
    expect(inserted).toEqual([
      {
        html: '<a href="https://tandem.test/index.html?page=p1">Book a time with me: Intro &lt;call&gt; &amp; more</a>',
        coercionType: 'html',
      },
    ]);
    // The page list came through the host's SSO token.
    expect(server.requests.find((r) => r.path === '/api/pages')?.headers.authorization).toBe(
      'Bearer office-sso-token',
    );
  });

  it('writes the next N free times, each a one-click booking link', async () => {
    const { office, inserted } = fakeOffice();
    renderHost(await createOutlookHost(office));
    const user = userEvent.setup();
    const count = await screen.findByRole('spinbutton', { name: 'Number of times' }, lazyView);
    await user.clear(count);
    await user.type(count, '2');
    await user.tab();
    await user.click(screen.getByRole('button', { name: 'Insert available times' }));
    await screen.findByText('Inserted at the cursor.');
    const links = [...inserted[0]!.html.matchAll(/<li><a href="([^"]+)">/g)].map((m) => m[1]);
    expect(links).toEqual([
      'https://tandem.test/index.html?page=p1&amp;start=2026-11-25T09%3A00%3A00.000Z',
      'https://tandem.test/index.html?page=p1&amp;start=2026-11-25T09%3A30%3A00.000Z',
    ]);
  });

  it('explains in a plain browser that inserting needs Outlook', async () => {
    renderHost({ ...createWebHost(undefined), getApiToken: () => Promise.resolve('dev-token') });
    expect(
      await screen.findByText(
        'Inserting into a message works in Outlook while you write an email.',
        {},
        lazyView,
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Insert booking link' }).hasAttribute('disabled')).toBe(true);
  });
});

describe('following the Teams theme', () => {
  it('switches default → dark → high contrast live', async () => {
    let themeHandler: (theme: string) => void = () => undefined;
    const host = await createTeamsHost({
      app: {
        initialize: () => Promise.resolve(),
        getContext: () => Promise.resolve({ app: { locale: 'en-GB', theme: 'default' } }),
        registerOnThemeChangeHandler: (handler) => {
          themeHandler = handler;
        },
      },
      authentication: { getAuthToken: () => Promise.resolve('teams-sso-token') },
    });
    renderHost(host);
    await screen.findByRole('link', { name: /^Public link/ });
    // Fluent writes each theme as CSS variables through the CSSOM.
    const background = () =>
      [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).join('\n');
    const provider = () => document.querySelector('[data-theme]')!;
    expect(provider().getAttribute('data-theme')).toBe('default');
    expect(background()).toContain(`--colorNeutralBackground1: ${teamsLightTheme.colorNeutralBackground1}`);

    act(() => themeHandler('dark'));
    expect(provider().getAttribute('data-theme')).toBe('dark');
    expect(background()).toContain(`--colorNeutralBackground1: ${teamsDarkTheme.colorNeutralBackground1}`);

    act(() => themeHandler('contrast'));
    expect(provider().getAttribute('data-theme')).toBe('contrast');
    expect(background()).toContain(
      `--colorNeutralBackground1: ${teamsHighContrastTheme.colorNeutralBackground1}`,
    );
    expect(server.requests.find((r) => r.path === '/api/pages')?.headers.authorization).toBe(
      'Bearer teams-sso-token',
    );
    expect(within(screen.getByRole('tablist')).getAllByRole('tab')).toHaveLength(3);
  });
});

describe('the booking pages list', () => {
  const webHost = () => ({ ...createWebHost(undefined), getApiToken: () => Promise.resolve('dev-token') });

  it('creates a page in the editor and lists it', async () => {
    const user = userEvent.setup();
    renderHost(webHost());
    await user.click(await screen.findByRole('button', { name: 'New booking page' }));
    // Keyboard and screen-reader users start at the editor's heading, just above the title.
    const heading = await screen.findByRole('heading', { name: 'New booking page' }, lazyView);
    await waitFor(() => expect(document.activeElement).toBe(heading));
    await user.click(screen.getByLabelText(/^Title/));
    await user.keyboard('Office hours');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    await user.click(screen.getByRole('button', { name: 'Close editor' }));
    const list = screen.getByRole('list', { name: 'Booking pages' });
    expect(within(list).getByText('Office hours')).toBeTruthy();
    expect(server.requests.find((r) => r.method === 'POST' && r.path === '/api/pages')?.body).toMatchObject({
      title: 'Office hours',
      slug: 'office-hours',
    });
  });

  it('opens a page in the editor with its saved rules', async () => {
    const user = userEvent.setup();
    renderHost(webHost());
    await user.click(await screen.findByRole('button', { name: 'Edit Intro <call> & more' }));
    expect(((await screen.findByLabelText(/^Title/, {}, lazyView)) as HTMLInputElement).value).toBe(
      'Intro <call> & more',
    );
    expect((screen.getByLabelText(/^Link name/) as HTMLInputElement).value).toBe('intro');
  });

  it('copies the public link', async () => {
    const user = userEvent.setup();
    renderHost(webHost());
    await user.click(await screen.findByRole('button', { name: 'Copy link to Intro <call> & more' }));
    expect(await screen.findByText('The link to “Intro <call> & more” is copied.')).toBeTruthy();
    expect(await navigator.clipboard.readText()).toBe('https://tandem.test/index.html?page=p1');
  });

  it('deletes a page after a confirmation, with its etag', async () => {
    const user = userEvent.setup();
    renderHost(webHost());
    await user.click(await screen.findByRole('button', { name: 'Delete Intro <call> & more' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete Intro <call> & more' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete page' }));
    expect(await screen.findByText('“Intro <call> & more” was deleted.')).toBeTruthy();
    expect(screen.getByText('No booking pages yet. Create one to share a link.')).toBeTruthy();
    const sent = server.requests.find((r) => r.method === 'DELETE');
    expect(sent).toMatchObject({
      path: '/api/pages/p1',
      headers: expect.objectContaining({ 'if-match': '"1"' }),
    });
  });
});
