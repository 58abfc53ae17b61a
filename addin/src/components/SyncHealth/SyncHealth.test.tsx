import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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
      // Without the host's calendar list (here GET /api/me fails) a calendar is named by its id's end.
      'Calendar …rsonal: Missing',
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

  it('names each calendar as the host’s calendar list does, and a calendar missing from it by its id’s end', async () => {
    const calendar = (id: string) => ({
      calendarId: id,
      subscription: { state: 'active' as const },
      permission: { ok: true },
    });
    server = await startContractServer({
      publicPage: samplePublicPage(),
      me: {
        user: { id: 'u1', tenantId: 't1', displayName: 'Adele Vance', upn: 'adele@contoso.example' },
        connection: { state: 'connected' },
        calendars: [
          { id: 'AAMkAGCalMain', name: 'Adele’s calendar', canEdit: true, isDefault: true },
          { id: 'AAMkAGCalPersonal', name: 'Family', canEdit: true, isDefault: false },
        ],
        mailbox: {
          timeZone: 'Europe/London',
          workingHours: {
            daysOfWeek: ['monday'],
            startTime: '09:00:00',
            endTime: '17:00:00',
            timeZone: 'Europe/London',
          },
        },
      },
      health: {
        enabled: true,
        calendars: [calendar('default'), calendar('AAMkAGCalPersonal'), calendar('AAMkAGCalGone123456')],
        notifications: { accepted: 0, forged: 0 },
      },
    });
    renderWithApi(<SyncHealth locale="en-GB" />, server.baseUrl, async () => 'sso');

    const subscriptions = within(await screen.findByRole('list')).getAllByRole('listitem');
    expect(subscriptions.map((li) => li.textContent)).toEqual([
      'Adele’s calendar: Active',
      'Family: Active',
      'Calendar …123456: Active',
    ]);
    expect(screen.queryByText(/AAMkAG/)).toBeNull();
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

describe('the self-test', () => {
  const names = ['Book', 'Outlook event', 'Reschedule', 'Cancel', 'Time zones'];
  const run = (
    status: 'running' | 'passed' | 'failed',
    states: ('pending' | 'running' | 'passed' | 'failed')[],
    detail?: string,
  ) => ({
    runId: 'st_run00001',
    status,
    startedAt: '2026-11-24T10:00:00Z',
    ...(status !== 'running' && { finishedAt: '2026-11-24T10:00:09Z' }),
    steps: states.map((state, i) => ({
      step: (i + 1) as 1 | 2 | 3 | 4 | 5,
      name: names[i]!,
      status: state,
      ...(state === 'passed' && { ms: 850 }),
      ...(state === 'failed' && detail && { detail }),
    })),
  });

  it('starts a run and shows each step as the polls report it, until the run ends', async () => {
    server = await startContractServer({
      publicPage: samplePublicPage(),
      selfTest: [
        run('running', ['running', 'pending', 'pending', 'pending', 'pending']),
        run('running', ['passed', 'running', 'pending', 'pending', 'pending']),
        run('running', ['passed', 'passed', 'passed', 'running', 'pending']),
        run(
          'failed',
          ['passed', 'passed', 'passed', 'failed', 'pending'],
          'The Outlook event was still there 10 s after the cancellation.',
        ),
      ],
    });
    renderWithApi(<SyncHealth locale="en-GB" />, server.baseUrl, async () => 'sso');
    await userEvent.click(await screen.findByRole('button', { name: 'Run the self-test' }));

    const steps = () =>
      within(screen.getByRole('list', { name: 'Self-test' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    await waitFor(() => expect(steps()[0]).toMatch(/^Book through the link.*: Running…$/));
    expect(screen.getByRole('button', { name: 'Run the self-test' }).hasAttribute('disabled')).toBe(true);
    await waitFor(() => expect(steps()[1]).toMatch(/: Running…$/));
    expect(steps()[0]).toMatch(/: Passed \(850 ms\)$/);
    await waitFor(() => expect(steps()[3]).toMatch(/: Running…$/));
    expect(await screen.findByText(/The self-test failed/)).toBeTruthy();
    expect(steps()).toEqual([
      expect.stringMatching(/: Passed/),
      expect.stringMatching(/: Passed/),
      expect.stringMatching(/: Passed/),
      'Cancel: Outlook event cancelled, slot free again: Failed — The Outlook event was still there 10 s after the cancellation.',
      'Booking from another time zone: both sides see the right local time: Waiting',
    ]);
    const calls = server.requests.filter((r) => r.path.startsWith('/api/sync/selftest'));
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/sync/selftest' });
    expect(
      calls.slice(1).every((c) => c.method === 'GET' && c.path === '/api/sync/selftest/st_run00001'),
    ).toBe(true);
    expect(calls.length).toBe(4);
    expect(screen.getByRole('button', { name: 'Run the self-test' }).hasAttribute('disabled')).toBe(false);
  });

  it('shows the API’s sentence when the run cannot start', async () => {
    server = await startContractServer({ publicPage: samplePublicPage(), selfTest: [] });
    renderWithApi(<SyncHealth locale="en-GB" />, server.baseUrl, async () => 'sso');
    await userEvent.click(await screen.findByRole('button', { name: 'Run the self-test' }));
    expect(await screen.findByText('The self-test cannot run now.')).toBeTruthy();
  });
});

describe('a broken Microsoft 365 connection', () => {
  it('is shown first, with the reason, since when and the action to take', async () => {
    server = await startContractServer({
      publicPage: samplePublicPage(),
      health: {
        enabled: true,
        connection: {
          state: 'broken',
          reason: 'Your permission for Tandem to use your calendar was withdrawn (AADSTS65001).',
          since: '2026-11-23T17:45:00Z',
          action:
            'Open Tandem once in Outlook or Teams and accept the permissions if asked. Tandem then reconnects, catches up with your calendar, and your booking pages offer times again; until then they offer none.',
        },
        calendars: [
          {
            calendarId: 'default',
            subscription: { state: 'active', id: 's1', expiresAt: '2026-11-30T10:00:00Z' },
            permission: { ok: true },
          },
        ],
        notifications: { accepted: 0, forged: 0 },
      },
    });
    renderWithApi(<SyncHealth locale="en-GB" />, server.baseUrl, async () => 'sso');

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Tandem is disconnected from your Microsoft 365 calendar')).toBeTruthy();
    expect(alert.textContent).toContain(
      'Your permission for Tandem to use your calendar was withdrawn (AADSTS65001).',
    );
    expect(alert.textContent).toMatch(/\(since Monday 23 November at \d\d:45/);
    expect(
      within(alert).getByText(/^Open Tandem once in Outlook or Teams and accept the permissions if asked\./),
    ).toBeTruthy();
    // Before everything else in the view.
    const section = screen.getByRole('region', { name: 'Sync health' });
    expect(section.firstElementChild?.contains(alert)).toBe(true);
  });

  it('says nothing of it while connected', async () => {
    server = await startContractServer({
      publicPage: samplePublicPage(),
      health: {
        enabled: true,
        connection: { state: 'connected' },
        calendars: [],
        notifications: { accepted: 0, forged: 0 },
      },
    });
    renderWithApi(<SyncHealth locale="en-GB" />, server.baseUrl, async () => 'sso');
    expect(await screen.findByText('Last delta sync')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/disconnected/)).toBeNull();
  });
});
