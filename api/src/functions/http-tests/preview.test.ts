import { allDayEveryDay, hoursFromNow, startApiStack, type ApiStack } from './api-stack.js';

let stack: ApiStack;
let host: Awaited<ReturnType<ApiStack['connectHost']>>;

beforeAll(async () => {
  stack = await startApiStack();
  host = await stack.connectHost({ upn: 'lidia', name: 'Lidia Holloway', timeZone: 'UTC' });
});
afterAll(() => stack.stop());

const hourMs = 3_600_000;
const draft = (over: Record<string, unknown> = {}) => ({
  title: 'Draft call',
  slug: 'draft-call',
  durations: [30],
  location: { kind: 'teams' },
  workingHours: allDayEveryDay,
  ...over,
});
const previewSlots = (page: unknown, start: string, hours: number, token = host.token) =>
  stack.call('POST', 'pages/preview/slots', {
    token,
    body: {
      page,
      start,
      end: new Date(Date.parse(start) + hours * hourMs).toISOString(),
      duration: 30,
      timeZone: 'Europe/Paris',
    },
  });
const previewExplain = (page: unknown, start: string) =>
  stack.call('POST', 'pages/preview/explain', {
    token: host.token,
    body: { page, start, duration: 30, timeZone: 'Europe/Paris' },
  });
const wall = (instant: string) => ({ dateTime: instant.slice(0, 19), timeZone: 'UTC' });

describe('when the host has an Outlook event in the previewed range', () => {
  const from = hoursFromNow(96);
  beforeAll(() => {
    stack.emulator.store.addEvent(host.user.id, {
      subject: 'Dentist',
      start: wall(from),
      end: wall(new Date(Date.parse(from) + hourMs).toISOString()),
      showAs: 'busy',
    });
  });

  it('previews fewer slots than the same hours without it, and saves nothing', async () => {
    const before = (await stack.call('GET', 'pages', { token: host.token })).body.pages.length;
    const busy = await previewSlots(draft(), from, 4);
    expect(busy.status).toBe(200);
    expect(busy.body).toMatchObject({ timeZone: 'Europe/Paris', durationMinutes: 30 });
    const starts = busy.body.slots.map((s: { start: string }) => Date.parse(s.start));
    expect(starts).not.toContain(Date.parse(from));
    expect(starts).not.toContain(Date.parse(from) + hourMs / 2);
    expect(starts).toHaveLength(6);
    const freeHours = await previewSlots(draft(), new Date(Date.parse(from) + 2 * hourMs).toISOString(), 4);
    expect(freeHours.body.slots).toHaveLength(8);
    expect((await stack.call('GET', 'pages', { token: host.token })).body.pages).toHaveLength(before);
    expect((await stack.call('GET', 'bookings', { token: host.token })).body.bookings).toHaveLength(0);
  });

  it('follows the drafted rules: a buffer after hides the slot before the event', async () => {
    const earlier = new Date(Date.parse(from) - hourMs).toISOString();
    const plain = await previewSlots(draft(), earlier, 4);
    expect(plain.body.slots.map((s: { start: string }) => Date.parse(s.start))).toContain(
      Date.parse(from) - hourMs / 2,
    );
    const res = await previewSlots(draft({ rules: { bufferAfterMinutes: 15 } }), earlier, 4);
    const starts = res.body.slots.map((s: { start: string }) => Date.parse(s.start));
    expect(starts).not.toContain(Date.parse(from) - hourMs / 2);
    expect(starts).toHaveLength(plain.body.slots.length - 1);
  });

  it('explains the busy time with its span and showAs, never its subject', async () => {
    const res = await previewExplain(draft(), from);
    expect(res.status).toBe(200);
    expect(res.body.bookable).toBe(false);
    const busy = res.body.reasons.find((r: { code: string }) => r.code === 'BUSY');
    expect(busy).toMatchObject({ showAs: 'busy', span: { start: from.replace('.000', '') } });
    expect(res.text).not.toContain('Dentist');
  });
});

describe('explain of a drafted page', () => {
  it('names the minimum notice', async () => {
    const res = await previewExplain(
      draft({ rules: { minimumNoticeMinutes: 60 * 24 * 10 } }),
      hoursFromNow(30),
    );
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toContain('TOO_SOON');
  });

  it('names the working hours', async () => {
    const mondayOnly = { timeZone: 'UTC', weekly: [{ day: 1, from: '09:00', to: '10:00' }], overrides: [] };
    const start = hoursFromNow(30);
    const weekday = new Date(start).getUTCDay();
    const page = draft({ workingHours: weekday === 1 ? { ...mondayOnly, weekly: [] } : mondayOnly });
    const res = await previewExplain(page, start);
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toContain('OUTSIDE_WORKING_HOURS');
  });

  it('answers bookable with no reasons for a free time', async () => {
    const res = await previewExplain(draft(), hoursFromNow(200));
    expect(res.body).toEqual({ start: expect.any(String), bookable: true, reasons: [] });
  });
});

describe('a bad preview request', () => {
  it('refuses an invalid page with the field path, as problem+json', async () => {
    const res = await previewSlots(draft({ rules: { bufferBeforeMinutes: 7 } }), hoursFromNow(50), 4);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'page.rules.bufferBeforeMinutes',
          message: 'Buffer before must be a multiple of 5 minutes.',
        }),
      ]),
    );
  });

  it('refuses a duration the page does not offer', async () => {
    const res = await stack.call('POST', 'pages/preview/explain', {
      token: host.token,
      body: { page: draft(), start: hoursFromNow(50), duration: 45, timeZone: 'UTC' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('duration');
  });

  it('refuses a team member outside the organization on the member field', async () => {
    const res = await previewSlots(
      draft({ team: { kind: 'collective', members: [{ userId: 'not-a-colleague' }] } }),
      hoursFromNow(50),
      4,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'team.members[0].userId' });
  });

  it('answers 401 without a token', async () => {
    for (const path of ['pages/preview/slots', 'pages/preview/explain']) {
      const res = await stack.call('POST', path, {
        body: {
          page: draft(),
          start: hoursFromNow(50),
          end: hoursFromNow(52),
          duration: 30,
          timeZone: 'UTC',
        },
      });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
  });
});
