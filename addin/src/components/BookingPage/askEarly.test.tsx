import { webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import { createApiClient } from '../../api/client.js';
import { ApiContext } from '../../api/context.js';
import { samplePublicPage, startContractServer, type ContractServer } from '../../testing/api-server.js';
import { renderWithApi } from '../../testing/render.js';
import { AppShell } from '../AppShell/AppShell.js';
import { firstSlotsQuery } from '../SlotPicker/firstSlotsQuery.js';
import { BookingPage } from './BookingPage.js';
import { askEarly } from './askEarly.js';

const now = new Date('2026-11-24T08:00:00Z');
const free = ['2026-11-25T09:00:00.000Z', '2026-11-25T09:30:00.000Z'];
const themes = { default: webLightTheme, dark: webLightTheme, contrast: webLightTheme };
let server: ContractServer;
afterEach(() => server.close());

const page = (
  <BookingPage
    pageId="page-1"
    locale="en-GB"
    initialZone="Europe/London"
    now={now}
    manageUrl={(token) => token}
  />
);
const requestsTo = (suffix: string) => server.requests.filter((r) => r.path.endsWith(suffix));
const listedTimes = async () =>
  within(await screen.findByRole('list', { name: /Available times on/ }))
    .getAllByRole('button')
    .map((b) => b.textContent);

describe('asking for the booking page before it renders', () => {
  beforeEach(async () => {
    server = await startContractServer({ publicPage: samplePublicPage(), free: [...free] });
  });

  it('sends the page and slots requests at once and the page uses their answers', async () => {
    const client = createApiClient({ baseUrl: server.baseUrl });
    const api = askEarly(client, 'page-1', firstSlotsQuery(now, 'Europe/London'));
    // Both are on their way before anything renders.
    await waitFor(() => expect(server.requests.length).toBe(2));
    render(
      <ApiContext.Provider value={api}>
        <AppShell themes={themes} theme="default" locale="en-GB">
          {page}
        </AppShell>
      </ApiContext.Provider>,
    );
    expect(await listedTimes()).toEqual(['9:00', '9:30']);
    expect(requestsTo('/page-1')).toHaveLength(1);
    expect(requestsTo('/slots')).toHaveLength(1);
    // A later read of the same month asks the API again.
    await api.slots('page-1', firstSlotsQuery(now, 'Europe/London'));
    expect(requestsTo('/slots')).toHaveLength(2);
  });
});

describe('slots asked for before the page is known', () => {
  it('asks again for the page’s own first duration when it is not the default', async () => {
    server = await startContractServer({
      publicPage: samplePublicPage({ durations: [60, 90] }),
      free: [...free],
    });
    renderWithApi(page, server.baseUrl);
    expect(await listedTimes()).toEqual(['9:00', '9:30']);
    await waitFor(() => expect(requestsTo('/slots').map((r) => r.query.duration)).toEqual(['30', '60']));
  });
});
