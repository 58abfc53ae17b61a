import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Booking } from '../../api/types.js';
import { samplePublicPage, startContractServer, type ContractServer } from '../../testing/api-server.js';
import { renderWithApi } from '../../testing/render.js';
import { BookingsList } from './BookingsList.js';

const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
const at = (time: string) => `${day}T${time}:00.000Z`;
const booking: Booking = {
  id: 'bk1',
  pageId: 'page-1',
  status: 'confirmed',
  start: at('09:00'),
  end: at('09:30'),
  durationMinutes: 30,
  invitee: { name: 'Grady Archie', email: 'grady@example.com', timeZone: 'Asia/Tokyo' },
  answers: {},
};

let server: ContractServer;
beforeEach(async () => {
  server = await startContractServer({
    publicPage: samplePublicPage(),
    bookings: new Map([['tok-bk1', booking]]),
    free: [at('10:00'), at('10:30')],
  });
});
afterEach(() => server.close());

const render = () => renderWithApi(<BookingsList locale="en-GB" />, server.baseUrl, async () => 'sso');

describe('the host’s bookings', () => {
  it('cancel one with a reason the API receives, and show it cancelled', async () => {
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Cancel the booking with Grady Archie' }));
    const form = screen.getByRole('form', { name: 'Cancel the booking with Grady Archie' });
    await user.type(within(form).getByLabelText('Reason (shared with the invitee)'), 'I am ill, sorry.');
    await user.click(within(form).getByRole('button', { name: 'Cancel booking' }));
    expect(await screen.findByText(/The booking with Grady Archie is cancelled/)).toBeTruthy();
    const sent = server.requests.find((r) => r.path === '/api/bookings/bk1/cancel');
    expect(sent?.body).toEqual({ reason: 'I am ill, sorry.' });
    expect(sent?.headers['idempotency-key']).toBeTruthy();
    const row = (await screen.findByText(/Cancelled — I am ill, sorry\./)).closest('tr')!;
    expect(within(row).queryByRole('button')).toBeNull();
  });

  it('reschedule one to another free time of its page', async () => {
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Reschedule the booking with Grady Archie' }));
    const form = screen.getByRole('form', { name: 'Reschedule the booking with Grady Archie' });
    const select = await within(form).findByLabelText('New time');
    const options = within(select)
      .getAllByRole('option')
      .map((o) => (o as HTMLOptionElement).value);
    expect(options).toEqual([at('10:00'), at('10:30')]);
    await user.selectOptions(select, at('10:30'));
    await user.click(within(form).getByRole('button', { name: 'Move booking' }));
    expect(await screen.findByText(/The booking with Grady Archie moved to/)).toBeTruthy();
    const sent = server.requests.find((r) => r.path === '/api/bookings/bk1/reschedule');
    expect(sent?.body).toEqual({ start: at('10:30') });
    const slotsAsked = server.requests.find((r) => r.path === '/api/public/pages/page-1/slots');
    expect(slotsAsked?.query).toMatchObject({ duration: '30' });
    await waitFor(() => expect(server.state.bookings.get('tok-bk1')?.start).toBe(at('10:30')));
  });

  it('shows the API’s sentence when the time was just taken, and the fresh times', async () => {
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Reschedule the booking with Grady Archie' }));
    const select = await screen.findByLabelText('New time');
    server.state.free = [at('10:30')];
    await user.selectOptions(select, at('10:00'));
    await user.click(screen.getByRole('button', { name: 'Move booking' }));
    expect(await screen.findByText('That time was just taken; please choose another.')).toBeTruthy();
    await waitFor(() =>
      expect(within(screen.getByLabelText('New time')).getAllByRole('option')).toHaveLength(1),
    );
  });

  it('say so when there is none', async () => {
    server.state.bookings.clear();
    render();
    expect(await screen.findByText('No upcoming bookings.')).toBeTruthy();
  });
});
