import { screen, within } from '@testing-library/react';
import { samplePublicPage, startContractServer, type ContractServer } from '../../testing/api-server.js';
import { renderWithApi } from '../../testing/render.js';
import { SyncHealth } from './SyncHealth.js';

let server: ContractServer;
afterEach(() => server.close());

const valueOf = (term: string) => {
  const dt = screen.getByText(term, { selector: 'dt' });
  return dt.nextElementSibling as HTMLElement;
};

describe('the sync health view, on the API’s own answer', () => {
  it('shows each calendar’s subscription, the newest notification and delta round, and a refused permission', async () => {
    server = await startContractServer({
      publicPage: samplePublicPage(),
      health: {
        enabled: true,
        calendars: [
          {
            calendarId: 'default',
            subscription: { state: 'active', id: 's1', expiresAt: '2026-11-30T10:00:00Z' },
            lastNotificationAt: '2026-11-24T09:00:00Z',
            lastDeltaAt: '2026-11-24T09:00:01Z',
            permission: { ok: true },
          },
          {
            calendarId: 'AAMkAGCalPersonal',
            subscription: { state: 'missing' },
            lastNotificationAt: '2026-11-24T11:30:00Z',
            lastDeltaAt: '2026-11-24T08:00:00Z',
            lastError: 'Graph answered 403: access denied.',
            lastErrorAt: '2026-11-24T11:31:00Z',
            permission: {
              ok: false,
              detail: 'Tandem can no longer read this calendar: consent was revoked.',
            },
          },
        ],
        notifications: { accepted: 12, forged: 1 },
      },
    });
    renderWithApi(<SyncHealth locale="en-GB" />, server.baseUrl, async () => 'sso');

    const subscriptions = within(await screen.findByRole('list')).getAllByRole('listitem');
    expect(subscriptions.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Calendar: Active \(expires /),
      'AAMkAGCalPersonal: Missing',
    ]);
    // The newest across calendars: the second calendar heard from Graph last, the first ran delta last.
    expect(valueOf('Last notification').textContent).toMatch(/24 November at 11:30/);
    expect(valueOf('Last delta sync').textContent).toMatch(/24 November at 09:00/);
    expect(valueOf('Permission check').textContent).toBe(
      'Tandem can no longer read this calendar: consent was revoked.',
    );
    expect(valueOf('Last error').textContent).toMatch(/^Graph answered 403: access denied\./);
    expect(screen.queryByText(/not configured on this server/)).toBeNull();
  });

  it('says so when sync is off, and shows Never for rounds that have not happened', async () => {
    server = await startContractServer({
      publicPage: samplePublicPage(),
      health: { enabled: false, calendars: [], notifications: { accepted: 0, forged: 0 } },
    });
    renderWithApi(<SyncHealth locale="en-GB" />, server.baseUrl, async () => 'sso');

    expect(await screen.findByText(/Outlook sync is not configured on this server/)).toBeTruthy();
    expect(valueOf('Last delta sync').textContent).toBe('Never');
    expect(valueOf('Permission check').textContent).toBe('OK');
  });
});
