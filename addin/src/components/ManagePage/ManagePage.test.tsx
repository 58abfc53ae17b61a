import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Booking } from '../../api/types.js';
import { samplePublicPage, startContractServer, type ContractServer } from '../../testing/api-server.js';
import { renderWithApi } from '../../testing/render.js';
import { ManagePage } from './ManagePage.js';

// Times well ahead of today, so the picker's current month (or the next) holds them.
const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const at = (time: string) => `${day}T${time}:00.000Z`;
const booking: Booking = {
  id: 'b1',
  pageId: 'page-1',
  status: 'confirmed',
  start: at('09:00'),
  end: at('09:30'),
  durationMinutes: 30,
  invitee: { name: 'Megan Bowen', email: 'megan@example.com', timeZone: 'UTC' },
  answers: {},
};
const pausedSentence =
  'No times can be offered right now because this calendar is not connected to Tandem. Please try again later.';

let server: ContractServer;
beforeEach(async () => {
  server = await startContractServer({
    publicPage: samplePublicPage(),
    bookings: new Map([['tok-b1', booking]]),
    free: [at('10:00'), at('10:30')],
  });
});
afterEach(() => server.close());

const render = () => renderWithApi(<ManagePage token="tok-b1" locale="en-GB" />, server.baseUrl);

/** The picker shows the current month; the times may fall in the next one near a month's end. */
async function showTimesMonth(user: ReturnType<typeof userEvent.setup>) {
  if (!day.endsWith('-01')) return;
  await user.click(await screen.findByRole('button', { name: 'Next month' }));
}

describe('rescheduling through the manage link', () => {
  it('moves the booking to a free time', async () => {
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Reschedule' }));
    await showTimesMonth(user);
    const list = await screen.findByRole('list', { name: /Available times on/ });
    await user.click(within(list).getByRole('button', { name: '10:30' }));
    expect(await screen.findByText('Your booking moved. An updated invitation is on its way.')).toBeTruthy();
    expect(server.state.bookings.get('tok-b1')?.start).toBe(at('10:30'));
  });

  it('says why no times are offered while the host is disconnected, instead of "no times"', async () => {
    server.state.paused = pausedSentence;
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Reschedule' }));
    expect(await screen.findByText(pausedSentence)).toBeTruthy();
    expect(screen.queryByText(/No available times this month/)).toBeNull();
  });

  it('shows the API’s sentence when the move answers 503, then why no times are offered', async () => {
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Reschedule' }));
    await showTimesMonth(user);
    const list = await screen.findByRole('list', { name: /Available times on/ });
    server.state.paused = pausedSentence;
    await user.click(within(list).getByRole('button', { name: '10:00' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Bookings with this person are paused until they reconnect their calendar to Tandem. Please try again later.',
    );
    expect(await screen.findByText(pausedSentence)).toBeTruthy();
    expect(server.state.bookings.get('tok-b1')?.start).toBe(at('09:00'));
  });
});

describe('the booking as the manage link shows it', () => {
  it('says a booking waits for the host’s confirmation, and that the invitation follows it', async () => {
    server.state.bookings.set('tok-b1', { ...booking, status: 'pending', awaitingApproval: true });
    render();
    expect(await screen.findByText(/· Waiting for the host’s confirmation$/)).toBeTruthy();
    expect(
      screen.getByText('You get the Outlook invitation once the host confirms this booking.'),
    ).toBeTruthy();
  });

  it('says a confirmed booking is confirmed, with nothing about waiting', async () => {
    render();
    expect(await screen.findByText(/· Confirmed$/)).toBeTruthy();
    expect(screen.queryByText(/confirmation/)).toBeNull();
  });
});
