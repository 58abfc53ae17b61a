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

describe('bookings waiting for the host’s approval', () => {
  const waiting: Booking = {
    ...booking,
    id: 'bk2',
    status: 'pending',
    awaitingApproval: true,
    start: at('11:00'),
    end: at('11:30'),
    invitee: { name: 'Lidia Holloway', email: 'lidia@example.com', timeZone: 'Europe/Paris' },
  };
  /** The same booking once decided (it no longer waits). */
  const { awaitingApproval: _awaiting, ...decided } = waiting;
  beforeEach(() => {
    server.state.bookings.set('tok-bk2', waiting);
  });
  /** The table row of an invitee (by the cell naming them, not the status sentence above). */
  const rowOf = async (name: string) =>
    (await screen.findByRole('cell', { name: new RegExp(`^${name} \\(`) })).closest('tr')!;

  it('are marked as waiting and offer Approve and Decline; others do not', async () => {
    render();
    const row = await rowOf('Lidia Holloway');
    expect(within(row).getByText('Waiting for your approval')).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Approve the booking with Lidia Holloway' })).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Decline the booking with Lidia Holloway' })).toBeTruthy();
    const other = await rowOf('Grady Archie');
    expect(within(other).queryByRole('button', { name: /Approve/ })).toBeNull();
  });

  it('approve one: the API confirms it and the list shows it confirmed', async () => {
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Approve the booking with Lidia Holloway' }));
    expect(await screen.findByText(/The booking with Lidia Holloway is approved/)).toBeTruthy();
    const sent = server.requests.find((r) => r.path === '/api/bookings/bk2/approve');
    expect(sent?.method).toBe('POST');
    expect(sent?.headers['idempotency-key']).toBeTruthy();
    expect(sent?.headers.authorization).toBe('Bearer sso');
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Approve the booking with Lidia Holloway' })).toBeNull(),
    );
    expect(within(await rowOf('Lidia Holloway')).getByText('Confirmed')).toBeTruthy();
  });

  it('decline one with a reason the API receives, and show it cancelled with that reason', async () => {
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Decline the booking with Lidia Holloway' }));
    const form = screen.getByRole('form', { name: 'Decline the booking with Lidia Holloway' });
    await user.type(
      within(form).getByLabelText('Reason (shared with the invitee)'),
      'Fully booked that week.',
    );
    await user.click(within(form).getByRole('button', { name: 'Decline booking' }));
    expect(await screen.findByText(/The booking with Lidia Holloway is declined/)).toBeTruthy();
    const sent = server.requests.find((r) => r.path === '/api/bookings/bk2/decline');
    expect(sent?.body).toEqual({ reason: 'Fully booked that week.' });
    const row = (await screen.findByText(/Cancelled — Fully booked that week\./)).closest('tr')!;
    expect(within(row).queryByRole('button')).toBeNull();
  });

  it('when it was decided elsewhere (409), show the API’s sentence and the booking as it now stands', async () => {
    const user = userEvent.setup();
    render();
    const approve = await screen.findByRole('button', { name: 'Approve the booking with Lidia Holloway' });
    // Declined in Teams meanwhile: the list on screen is out of date.
    server.state.bookings.set('tok-bk2', {
      ...decided,
      status: 'cancelled',
      cancelReason: 'Declined in Teams.',
    });
    const listsBefore = server.requests.filter((r) => r.path === '/api/bookings').length;
    await user.click(approve);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'This booking is already cancelled (Declined in Teams); nothing was changed.',
    );
    const row = await rowOf('Lidia Holloway');
    expect(within(row).getByText(/Cancelled — Declined in Teams\./)).toBeTruthy();
    expect(within(row).queryByRole('button')).toBeNull();
    // The row came from the refusal itself, not from reading the list again.
    expect(server.requests.filter((r) => r.path === '/api/bookings')).toHaveLength(listsBefore);
  });

  it('a decline refused with 409 closes the form and shows the sentence and the booking now', async () => {
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Decline the booking with Lidia Holloway' }));
    const form = screen.getByRole('form', { name: 'Decline the booking with Lidia Holloway' });
    server.state.bookings.set('tok-bk2', { ...decided, status: 'confirmed' });
    await user.click(within(form).getByRole('button', { name: 'Decline booking' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This booking is already confirmed: it was approved or needed no approval; nothing was changed.',
    );
    expect(screen.queryByRole('form', { name: 'Decline the booking with Lidia Holloway' })).toBeNull();
    const row = await rowOf('Lidia Holloway');
    expect(within(row).getByText('Confirmed')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: /Decline/ })).toBeNull();
  });
});
