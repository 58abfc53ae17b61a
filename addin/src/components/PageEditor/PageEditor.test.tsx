import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BookingPage } from '../../api/types.js';
import {
  samplePublicPage,
  startContractServer,
  type ContractServer,
  type RecordedRequest,
} from '../../testing/api-server.js';
import { savedPage } from '../../testing/pages.js';
import { renderWithApi } from '../../testing/render.js';
import { dateInZone } from '../../time/zones.js';
import { PageEditor } from './PageEditor.js';

const tomorrow = dateInZone(new Date(Date.now() + 86_400_000), 'UTC');
const at = (time: string) => `${tomorrow}T${time}:00.000Z`;

let server: ContractServer;
let saved: BookingPage[];
beforeEach(async () => {
  saved = [];
  server = await startContractServer({
    publicPage: samplePublicPage(),
    free: [at('09:00'), at('09:30'), at('10:00'), at('11:00')],
    colleagues: ['user-adele'],
  });
});
afterEach(() => server.close());

function renderEditor(page?: BookingPage) {
  renderWithApi(
    <PageEditor
      {...(page && { page })}
      locale="en-GB"
      zone="UTC"
      onSaved={(p) => saved.push(p)}
      onClose={() => undefined}
    />,
    server.baseUrl,
    async () => 'sso',
  );
}

const previews = () => server.requests.filter((r) => r.path === '/api/pages/preview/slots');
const lastBody = (path: string) =>
  [...server.requests].reverse().find((r) => r.path === path)?.body as Record<string, unknown>;
const pageOf = (r: RecordedRequest | undefined) => (r?.body as { page: Record<string, unknown> }).page;

async function fillBasics(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/^Title/), 'Intro call');
}

async function save(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Save' }));
}

describe('editing every rule of a new page', () => {
  type Step = (user: ReturnType<typeof userEvent.setup>) => Promise<void>;
  const table: [string, Step, Record<string, unknown>][] = [
    [
      'durations',
      async (user) => {
        const field = screen.getByLabelText(/^Durations/);
        await user.clear(field);
        await user.type(field, '15, 45');
      },
      { durations: [15, 45] },
    ],
    [
      'an in-person location',
      async (user) => {
        await user.selectOptions(screen.getByLabelText('Location'), 'In person');
        await user.type(screen.getByLabelText(/^Address/), '1 Main Street');
      },
      { location: { kind: 'inPerson', address: '1 Main Street' } },
    ],
    [
      'a phone call the invitee places',
      async (user) => {
        await user.selectOptions(screen.getByLabelText('Location'), 'Phone call');
        await user.click(screen.getByLabelText('The invitee calls me'));
        await user.type(screen.getByLabelText(/^Phone number/), '+442071234567');
      },
      { location: { kind: 'phone', caller: 'invitee', phoneNumber: '+442071234567' } },
    ],
    [
      'an online meeting link',
      async (user) => {
        await user.selectOptions(screen.getByLabelText('Location'), 'Online meeting');
        const url = screen.getByLabelText(/^Meeting link/);
        await user.clear(url);
        await user.type(url, 'https://meet.example.com/ada');
      },
      { location: { kind: 'customLink', url: 'https://meet.example.com/ada' } },
    ],
    [
      'a Teams meeting after another location',
      async (user) => {
        await user.selectOptions(screen.getByLabelText('Location'), 'In person');
        await user.selectOptions(screen.getByLabelText('Location'), 'Microsoft Teams meeting');
      },
      { location: { kind: 'teams' } },
    ],
    [
      'a date override with its own hours',
      async (user) => {
        await user.click(screen.getByLabelText('Use my Outlook working hours'));
        await user.click(screen.getByRole('button', { name: 'Add a date override' }));
        fireEvent.change(screen.getByLabelText('Override 1 date'), { target: { value: '2026-12-31' } });
        await user.click(screen.getByRole('button', { name: 'Add hours on Override 1' }));
        fireEvent.change(screen.getByLabelText('Override 1 from'), { target: { value: '10:00' } });
        fireEvent.change(screen.getByLabelText('Override 1 to'), { target: { value: '12:30' } });
      },
      {
        workingHours: expect.objectContaining({
          overrides: [{ date: '2026-12-31', intervals: [{ from: '10:00', to: '12:30' }] }],
        }),
      },
    ],
    [
      'weekly working hours and a date override',
      async (user) => {
        await user.click(screen.getByLabelText('Use my Outlook working hours'));
        await user.selectOptions(screen.getByLabelText('Working-hours time zone'), 'Europe/Berlin');
        await user.click(screen.getByRole('button', { name: 'Remove Friday hours' }));
        await user.click(screen.getByRole('button', { name: 'Add hours on Saturday' }));
        fireEvent.change(screen.getByLabelText('Monday to'), { target: { value: '12:00' } });
        await user.click(screen.getByRole('button', { name: 'Add hours on Monday' }));
        await user.click(screen.getByRole('button', { name: 'Add a date override' }));
        fireEvent.change(screen.getByLabelText('Override 1 date'), { target: { value: '2026-12-24' } });
      },
      {
        workingHours: {
          timeZone: 'Europe/Berlin',
          weekly: [
            { day: 2, from: '09:00', to: '17:00' },
            { day: 3, from: '09:00', to: '17:00' },
            { day: 4, from: '09:00', to: '17:00' },
            { day: 6, from: '09:00', to: '10:00' },
            { day: 1, from: '09:00', to: '12:00' },
            { day: 1, from: '12:00', to: '13:00' },
          ],
          overrides: [{ date: '2026-12-24', intervals: [] }],
        },
      },
    ],
    [
      'what blocks a time',
      async (user) => {
        await user.click(screen.getByLabelText('Tentative events block'));
        await user.click(screen.getByLabelText('"Working elsewhere" blocks'));
        await user.click(screen.getByLabelText('Private events block'));
      },
      {
        rules: expect.objectContaining({
          busyRules: { tentativeBlocks: true, workingElsewhereBlocks: true, privateBlocks: false },
        }),
      },
    ],
    [
      'buffers, notice, start-time interval and the daily limit',
      async (user) => {
        for (const [label, value] of [
          ['Buffer before (minutes)', '10'],
          ['Buffer after (minutes)', '15'],
          ['Minimum notice (minutes)', '240'],
          [/^Start times every/, '20'],
          [/^Bookings per day/, '3'],
        ] as const) {
          const field = screen.getByLabelText(label);
          await user.clear(field);
          await user.type(field, value);
        }
      },
      {
        rules: expect.objectContaining({
          bufferBeforeMinutes: 10,
          bufferAfterMinutes: 15,
          minimumNoticeMinutes: 240,
          slotIntervalMinutes: 20,
          maxBookingsPerDay: 3,
        }),
      },
    ],
    [
      'a fixed booking window',
      async (user) => {
        await user.click(screen.getByLabelText('Fixed dates'));
        fireEvent.change(screen.getByLabelText('Start date'), { target: { value: '2026-12-01' } });
        fireEvent.change(screen.getByLabelText('End date'), { target: { value: '2026-12-20' } });
      },
      {
        rules: expect.objectContaining({
          window: { kind: 'fixed', startDate: '2026-12-01', endDate: '2026-12-20' },
        }),
      },
    ],
    [
      'a rolling booking window',
      async (user) => {
        const field = screen.getByLabelText('Days ahead');
        await user.clear(field);
        await user.type(field, '14');
      },
      { rules: expect.objectContaining({ window: { kind: 'rolling', days: 14 } }) },
    ],
    [
      'questions',
      async (user) => {
        await user.click(screen.getByRole('button', { name: 'Add a question' }));
        await user.type(screen.getByLabelText(/^Question 1\W*$/), 'Company');
        await user.click(screen.getByRole('button', { name: 'Add a question' }));
        await user.type(screen.getByLabelText(/^Question 2\W*$/), 'Topic');
        await user.selectOptions(screen.getByLabelText('Question 2 answer type'), 'Choice');
        const options = screen.getByLabelText('Question 2 options (comma-separated)');
        await user.clear(options);
        await user.type(options, 'Sales, Support');
        await user.click(screen.getByLabelText('Question 2 required'));
      },
      {
        questions: [
          { id: 'q1', label: 'Company', kind: 'shortText', required: false },
          { id: 'q2', label: 'Topic', kind: 'choice', required: true, options: ['Sales', 'Support'] },
        ],
      },
    ],
    [
      'a round-robin team by weights',
      async (user) => {
        await user.selectOptions(screen.getByLabelText('Team kind'), 'Round robin (one member free)');
        await user.selectOptions(screen.getByLabelText('Assignment policy'), 'Weights');
        await user.type(screen.getByLabelText(/^Member 1 user id/), 'user-adele');
        await user.type(screen.getByLabelText('Member 1 weight'), '3');
      },
      {
        team: {
          kind: 'roundRobin',
          policy: 'weighted',
          assignmentPeriodDays: 30,
          members: [{ userId: 'user-adele', weight: 3 }],
        },
      },
    ],
    [
      'a round-robin team by priority, with two members',
      async (user) => {
        server.state.colleagues.push('user-megan');
        await user.selectOptions(screen.getByLabelText('Team kind'), 'Round robin (one member free)');
        await user.selectOptions(screen.getByLabelText('Assignment policy'), 'Priority');
        const period = screen.getByLabelText('Assignment period (days)');
        await user.clear(period);
        await user.type(period, '14');
        await user.type(screen.getByLabelText(/^Member 1 user id/), 'user-adele');
        await user.type(screen.getByLabelText('Member 1 priority'), '2');
        await user.click(screen.getByRole('button', { name: 'Add a member' }));
        await user.type(screen.getByLabelText(/^Member 2 user id/), 'user-megan');
      },
      {
        team: {
          kind: 'roundRobin',
          policy: 'priority',
          assignmentPeriodDays: 14,
          members: [{ userId: 'user-adele', priority: 2 }, { userId: 'user-megan' }],
        },
      },
    ],
    [
      'a collective team',
      async (user) => {
        await user.selectOptions(screen.getByLabelText('Team kind'), 'Collective (everyone free)');
        await user.type(screen.getByLabelText(/^Member 1 user id/), 'user-adele');
      },
      { team: expect.objectContaining({ kind: 'collective', members: [{ userId: 'user-adele' }] }) },
    ],
    [
      'requires confirmation',
      async (user) => {
        await user.click(screen.getByLabelText('I confirm each booking before it is final'));
      },
      { requiresConfirmation: true },
    ],
  ];

  it.each(table)('sends %s in the saved page', async (_, edit, expected) => {
    const user = userEvent.setup();
    renderEditor();
    await fillBasics(user);
    await edit(user);
    await save(user);
    await screen.findByText('Saved.');
    const body = lastBody('/api/pages');
    expect(body).toMatchObject({ title: 'Intro call', slug: 'intro-call', ...expected });
    expect(saved).toHaveLength(1);
  });
});

describe('the live preview', () => {
  it('shows the day’s times and asks again, with the changed page, after an edit', async () => {
    server.state.preview = (q) =>
      q.page.rules.bufferBeforeMinutes > 0 ? [at('10:00')] : [at('09:00'), at('09:30'), at('10:00')];
    const user = userEvent.setup();
    renderEditor();
    const grid = await screen.findByRole('group', { name: 'Times of the day' });
    expect(await screen.findByText('3 times offered on this day.')).toBeTruthy();
    expect(within(grid).getByRole('button', { name: '9:00, offered' })).toBeTruthy();
    expect(within(grid).getByRole('button', { name: '8:30, not offered' })).toBeTruthy();
    const first = pageOf(previews().at(-1));
    expect(first).toMatchObject({ durations: [30] });

    const buffer = screen.getByLabelText('Buffer before (minutes)');
    await user.clear(buffer);
    await user.type(buffer, '15');
    expect(await screen.findByText('1 time offered on this day.')).toBeTruthy();
    expect(pageOf(previews().at(-1))).toMatchObject({ rules: { bufferBeforeMinutes: 15 } });
    expect(screen.getByRole('button', { name: '9:00, not offered' })).toBeTruthy();
    // Typing "1" then "5" within the debounce asks once for the finished value, not for "1".
    expect(
      previews().some(
        (r) =>
          pageOf(r).rules && (pageOf(r).rules as { bufferBeforeMinutes: number }).bufferBeforeMinutes === 1,
      ),
    ).toBe(false);
    const sent = lastBody('/api/pages/preview/slots');
    expect(sent).toMatchObject({ start: `${tomorrow}T00:00:00.000Z`, duration: 30, timeZone: 'UTC' });
    expect(server.requests.some((r) => r.method === 'POST' && r.path === '/api/pages')).toBe(false);
  });

  it('explains in words why a time is not offered', async () => {
    server.state.explain = (start) =>
      start === at('10:30')
        ? [
            {
              code: 'BUSY',
              message: 'The calendar shows busy time during the slot.',
              showAs: 'oof',
              span: { start: at('10:15'), end: at('12:00') },
            },
            { code: 'TOO_SOON', message: 'The slot starts before the minimum notice allows.' },
          ]
        : [];
    const user = userEvent.setup();
    renderEditor();
    await user.click(await screen.findByRole('button', { name: '10:30, not offered' }));
    expect(
      await screen.findByText('The calendar shows out-of-office time from 10:15 to 12:00.'),
    ).toBeTruthy();
    expect(screen.getByText('It is sooner than the minimum notice allows.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Why is .* 10:30 .* not offered\?/ })).toBeTruthy();
    expect(lastBody('/api/pages/preview/explain')).toMatchObject({ start: at('10:30'), duration: 30 });

    await user.click(screen.getByRole('button', { name: '9:00, offered' }));
    expect(await screen.findByText('This time is offered.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /not offered/ })).toBeNull();
  });

  it('words each team member’s reasons under their name', async () => {
    server.state.explain = () => [
      {
        code: 'NO_MEMBER_FREE',
        message: 'No team member can take this slot.',
        members: [
          { hostId: 'host-1', reasons: [{ code: 'DAILY_LIMIT', message: 'limit' }] },
          { hostId: 'user-adele', reasons: [{ code: 'OUTSIDE_WORKING_HOURS', message: 'hours' }] },
        ],
      },
    ];
    const user = userEvent.setup();
    renderEditor();
    await user.click(await screen.findByRole('button', { name: '9:00, offered' }));
    const sentence = await screen.findByText(/^No team member can take it:/);
    expect(sentence.textContent).toContain('Team member user-adele:It is outside the working hours.');
    expect(sentence.textContent).toContain('The limit of bookings per day is already reached on that day.');
  });

  it('keeps previewing while a question is half written (only saving checks it)', async () => {
    const user = userEvent.setup();
    renderEditor();
    await screen.findByRole('group', { name: 'Times of the day' });
    await user.click(screen.getByRole('button', { name: 'Add a question' }));
    const asked = previews().length;
    const buffer = screen.getByLabelText('Buffer after (minutes)');
    await user.clear(buffer);
    await user.type(buffer, '5');
    await waitFor(() => expect(previews().length).toBeGreaterThan(asked));
    expect(await screen.findByText('4 times offered on this day.')).toBeTruthy();
    expect(pageOf(previews().at(-1))).toMatchObject({ questions: [], rules: { bufferAfterMinutes: 5 } });
  });

  it('marks the field the API refused while previewing', async () => {
    const user = userEvent.setup();
    renderEditor();
    await screen.findByRole('group', { name: 'Times of the day' });
    const buffer = screen.getByLabelText('Buffer after (minutes)');
    await user.clear(buffer);
    await user.type(buffer, '7');
    expect(await screen.findByText('Buffer after must be a multiple of 5 minutes.')).toBeTruthy();
    expect(screen.getByText('Fix the fields marked above to see the preview.')).toBeTruthy();
    expect(buffer.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('saving', () => {
  it('shows the API’s sentence at the field it refused', async () => {
    const user = userEvent.setup();
    renderEditor();
    await fillBasics(user);
    await user.selectOptions(screen.getByLabelText('Team kind'), 'Collective (everyone free)');
    await user.type(screen.getByLabelText(/^Member 1 user id/), 'someone@elsewhere.example');
    await save(user);
    expect(await screen.findByText(/^The page was not saved\./)).toBeTruthy();
    const member = screen.getByLabelText(/^Member 1 user id/);
    expect(member.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getAllByText('No one with this id in your organization uses Tandem.').length,
    ).toBeGreaterThan(0);
    expect(saved).toHaveLength(0);
  });

  it('updates an existing page with If-Match, and says so when it changed elsewhere', async () => {
    const page = savedPage({ etag: '"7"' });
    server.state.pages = [page];
    const user = userEvent.setup();
    renderEditor(page);
    await user.type(screen.getByLabelText(/^Description/), 'Half an hour.');
    await save(user);
    await screen.findByText('Saved.');
    const put = server.requests.find((r) => r.method === 'PUT');
    expect(put).toMatchObject({
      path: '/api/pages/p1',
      headers: expect.objectContaining({ 'if-match': '"7"' }),
    });
    expect(put?.body).toMatchObject({ description: 'Half an hour.' });
    await waitFor(() => expect(lastBody('/api/pages/preview/slots')).toMatchObject({ pageId: 'p1' }));

    // Someone else saves the page meanwhile: the next save is refused with the API's sentence.
    server.state.pages = [{ ...server.state.pages[0]!, etag: '"99"' }];
    await user.type(screen.getByLabelText(/^Description/), ' More.');
    await save(user);
    expect(
      await screen.findByText(
        /The booking page was changed by someone else in the meantime\. Reload it and try again\./,
      ),
    ).toBeTruthy();
  });
});
