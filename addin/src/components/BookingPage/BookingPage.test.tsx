import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApi } from '../../testing/render.js';
import { samplePublicPage, startContractServer, type ContractServer } from '../../testing/api-server.js';
import { BookingPage } from './BookingPage.js';

const now = new Date('2026-11-24T08:00:00Z');
const free = ['2026-11-25T09:00:00.000Z', '2026-11-25T09:30:00.000Z', '2026-11-26T14:00:00.000Z'];
let server: ContractServer;

beforeEach(async () => {
  server = await startContractServer({ publicPage: samplePublicPage(), free: [...free] });
});
afterEach(() => server.close());

function renderPage() {
  return renderWithApi(
    <BookingPage
      pageId="page-1"
      locale="en-GB"
      initialZone="Europe/London"
      now={now}
      manageUrl={(token) => `manage.html?token=${token}`}
    />,
    server.baseUrl,
  );
}

const slotList = () => screen.findByRole('list', { name: /Available times on/ });
/** The times listed now (for use inside waitFor, which retries until the list settles). */
const listedTimes = () =>
  within(screen.getByRole('list', { name: /Available times on/ }))
    .getAllByRole('button')
    .map((b) => b.textContent);

async function fillForm(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('textbox', { name: /Your name/ }), 'Megan Bowen');
  await user.type(screen.getByRole('textbox', { name: /Your email/ }), 'megan@example.com');
  await user.type(screen.getByRole('textbox', { name: /What would you like to talk about/ }), 'Pricing');
  await user.click(screen.getByRole('button', { name: 'Book' }));
}

describe('booking a time on the public page', () => {
  it('marks the days with times and lists the first day in the invitee zone', async () => {
    renderPage();
    expect(await screen.findByRole('heading', { name: 'Intro call' })).toBeTruthy();
    const list = await slotList();
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['9:00', '9:30']);
    expect(screen.getByRole('button', { name: 'Wednesday 25 November, has available times' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Thursday 26 November, has available times' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Friday 27 November' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
  });

  it('goes from a slot to the form to the confirmation with Teams, .ics and manage links', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(within(await slotList()).getByRole('button', { name: '9:30' }));
    expect(screen.getByText(/You chose Wednesday 25 November .*09:30/)).toBeTruthy();
    await fillForm(user);

    expect(await screen.findByRole('heading', { name: 'You are booked' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Join the Teams meeting' }).getAttribute('href')).toBe(
      'https://teams.microsoft.com/l/meetup-join/demo',
    );
    expect(screen.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href')).toBe(
      `${server.baseUrl}/api/manage/tok-b1/booking.ics`,
    );
    expect(screen.getByRole('link', { name: 'Reschedule or cancel' }).getAttribute('href')).toBe(
      'manage.html?token=tok-b1',
    );
    const booked = server.requests.find((r) => r.method === 'POST');
    expect(booked?.body).toEqual({
      name: 'Megan Bowen',
      email: 'megan@example.com',
      answers: { topic: 'Pricing' },
      durationMinutes: 30,
      start: '2026-11-25T09:30:00.000Z',
      timeZone: 'Europe/London',
    });
  });

  it('says the time was just taken and shows the fresh slots when the API answers 409', async () => {
    server.state.takenByOthers.add('2026-11-25T09:00:00.000Z');
    const user = userEvent.setup();
    renderPage();
    await user.click(within(await slotList()).getByRole('button', { name: '9:00' }));
    await fillForm(user);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('That time was just taken. Here are the times still free.');
    await waitFor(() => expect(listedTimes()).toEqual(['9:30']));
    expect(server.requests.filter((r) => r.path.endsWith('/slots'))).toHaveLength(2);
  });

  it('names the missing fields instead of sending the form', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(within(await slotList()).getByRole('button', { name: '9:00' }));
    await user.type(screen.getByRole('textbox', { name: /Your email/ }), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Book' }));
    expect(screen.getByText('Your name is required.')).toBeTruthy();
    expect(screen.getByText('Enter an email address such as name@example.com.')).toBeTruthy();
    expect(screen.getByText('What would you like to talk about? is required.')).toBeTruthy();
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('re-labels every time when the invitee picks another zone', async () => {
    const user = userEvent.setup();
    renderPage();
    await slotList();
    await user.type(screen.getByRole('searchbox', { name: 'Search time zones' }), 'tokyo');
    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    expect((zone as HTMLSelectElement).value).toBe('Asia/Tokyo');
    expect(within(zone).getByRole('option', { selected: true }).textContent).toBe('Asia/Tokyo (GMT+09:00)');
    await waitFor(() => expect(listedTimes()).toEqual(['18:00', '18:30']));
    // Thursday 14:00 UTC is 23:00 in Tokyo: still Thursday there.
    await user.click(screen.getByRole('button', { name: 'Thursday 26 November, has available times' }));
    expect(
      within(await slotList())
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['23:00']);
    // And back through the select alone, as a keyboard user would.
    await user.clear(screen.getByRole('searchbox', { name: 'Search time zones' }));
    await user.selectOptions(zone, 'America/New_York');
    await user.click(screen.getByRole('button', { name: 'Thursday 26 November, has available times' }));
    expect(
      within(await slotList())
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['9:00']);
  });

  it('names the viewer zone by its current spelling, so searching for it finds it', async () => {
    const user = userEvent.setup();
    renderWithApi(
      <BookingPage
        pageId="page-1"
        locale="en-GB"
        initialZone="Asia/Katmandu"
        now={now}
        manageUrl={(token) => token}
      />,
      server.baseUrl,
    );
    await slotList();
    const zone = screen.getByRole('combobox', { name: 'Time zone' }) as HTMLSelectElement;
    expect(zone.value).toBe('Asia/Kathmandu');
    expect(server.requests.find((r) => r.path.endsWith('/slots'))?.query.timeZone).toBe('Asia/Kathmandu');
    const search = screen.getByRole('searchbox', { name: 'Search time zones' });
    await user.type(search, 'Kathmandu');
    expect(
      within(zone)
        .getAllByRole('option')
        .map((o) => o.getAttribute('value')),
    ).toEqual(['Asia/Kathmandu']);
    await user.clear(search);
    await user.type(search, 'Kolkata');
    expect(zone.value).toBe('Asia/Kolkata');
    await user.clear(search);
    await user.type(search, 'calcutta');
    expect(zone.value).toBe('Asia/Kolkata');
    await waitFor(() => expect(listedTimes()).toEqual(['14:30', '15:00']));
  });

  it('lists every zone, once each, when the zone select is opened', async () => {
    const user = userEvent.setup();
    renderPage();
    await slotList();
    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    const values = () =>
      within(zone)
        .getAllByRole('option')
        .map((o) => o.getAttribute('value'));
    expect(values()).toEqual(['Europe/London']);
    await user.click(zone);
    expect(values().length).toBeGreaterThan(300);
    expect(values()).toContain('Asia/Kolkata');
    expect(values()).not.toContain('Asia/Calcutta');
    expect(new Set(values()).size).toBe(values().length);
    expect((zone as HTMLSelectElement).value).toBe('Europe/London');
  });

  it('opens the form for the time of a one-click link', async () => {
    renderWithApi(
      <BookingPage
        pageId="page-1"
        locale="en-GB"
        initialZone="Europe/London"
        initialStart="2026-11-26T14:00:00.000Z"
        now={now}
        manageUrl={(token) => token}
      />,
      server.baseUrl,
    );
    expect(await screen.findByText(/You chose Thursday 26 November .*14:00/)).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /Your name/ })).toBeTruthy();
  });

  it('says why no times are offered while the host is disconnected, instead of "no times"', async () => {
    server.state.paused =
      'No times can be offered right now because this calendar is not connected to Tandem. Please try again later.';
    renderPage();
    expect(
      await screen.findByText(
        'No times can be offered right now because this calendar is not connected to Tandem. Please try again later.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/No available times this month/)).toBeNull();
    expect(screen.queryByRole('list', { name: /Available times on/ })).toBeNull();
  });

  it('shows the API’s sentence when booking answers 503 because the host is disconnected', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(within(await slotList()).getByRole('button', { name: '9:30' }));
    server.state.paused =
      'No times can be offered right now because this calendar is not connected to Tandem.';
    await fillForm(user);
    expect(
      await screen.findByText(
        'Bookings with this person are paused until they reconnect their calendar to Tandem. Please try again later.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'You are booked' })).toBeNull();
    // Back at the times, the page says why there are none.
    await user.click(screen.getByRole('button', { name: 'Choose another time' }));
    expect(
      await screen.findByText(
        'No times can be offered right now because this calendar is not connected to Tandem.',
      ),
    ).toBeTruthy();
  });

  it('on a page that requires confirmation, says the request was sent and the invitation follows the host’s confirmation', async () => {
    server.state.publicPage = samplePublicPage({ requiresConfirmation: true });
    const user = userEvent.setup();
    renderPage();
    await user.click(within(await slotList()).getByRole('button', { name: '9:30' }));
    await fillForm(user);

    const confirmation = await screen.findByRole('region', { name: 'Your request was sent' });
    expect(confirmation.textContent).toContain(
      'The host confirms each booking. Once they do, you get the Outlook invitation; until then you can follow your request with the link below.',
    );
    expect(confirmation.textContent).not.toMatch(/invitation is on its way/);
    expect(
      within(confirmation).getByRole('link', { name: 'Reschedule or cancel' }).getAttribute('href'),
    ).toBe('manage.html?token=tok-b1');
  });

  it('says the invitation is on its way once booked on a page without confirmation', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(within(await slotList()).getByRole('button', { name: '9:30' }));
    await fillForm(user);

    const confirmation = await screen.findByRole('region', { name: 'You are booked' });
    expect(confirmation.textContent).toContain('An invitation is on its way to megan@example.com.');
    expect(confirmation.textContent).not.toMatch(/host confirms/);
  });

  it('names a team page after its host: their team for round robin, host and team for collective', async () => {
    server.state.publicPage = samplePublicPage({ team: { kind: 'roundRobin' } });
    const first = renderPage();
    expect(await screen.findByText(/^with Adele Vance’s team · /)).toBeTruthy();
    first.unmount();

    server.state.publicPage = samplePublicPage({ team: { kind: 'collective' } });
    const second = renderPage();
    expect(await screen.findByText(/^with Adele Vance and team · /)).toBeTruthy();
    second.unmount();

    server.state.publicPage = samplePublicPage();
    renderPage();
    expect(await screen.findByText(/^with Adele Vance · /)).toBeTruthy();
  });

  it('shows the API sentence when the page does not exist', async () => {
    renderWithApi(
      <BookingPage pageId="nope" locale="en-GB" now={now} manageUrl={(t) => t} />,
      server.baseUrl,
    );
    expect(await screen.findByText('There is no booking page at this link.')).toBeTruthy();
  });
});
