// The bot's side of the API: its application token, and what it does for the Teams users it chats
// with (their bookings, approvals, people search), over HTTP against Azurite and the emulator.
import { bookingPageInputSchema } from '../../contracts/pages.js';
import { operations, type Operation } from '../../contracts/operations.js';
import { bookAsInvitee, eventsOfBooking, hoursFromNow, startApiStack, type ApiStack } from './api-stack.js';

let stack: ApiStack;
let botToken: string;
let megan: Awaited<ReturnType<ApiStack['connectHost']>>;
let adele: Awaited<ReturnType<ApiStack['connectHost']>>;
let approvalPage: { id: string };
let adelePage: { id: string };

beforeAll(async () => {
  stack = await startApiStack();
  megan = await stack.connectHost({ upn: 'megan', name: 'Megan Bowen', timeZone: 'Europe/Berlin' });
  adele = await stack.connectHost({ upn: 'adele', name: 'Adele Vance' });
  approvalPage = await stack.createPage(megan.token, {
    slug: 'portfolio-review',
    title: 'Portfolio review',
    requiresConfirmation: true,
  });
  adelePage = await stack.createPage(adele.token, { slug: 'adele-intro' });
  botToken = await stack.appToken();
});
afterAll(() => stack.stop());

const bookOn = (pageId: string, start: string) => bookAsInvitee(stack, pageId, start, { timeZone: 'UTC' });

async function held(pageId: string, start: string): Promise<string> {
  const res = await bookOn(pageId, start);
  expect(res.status).toBe(201);
  return res.body.booking.id as string;
}

const act = (userId: string, bookingId: string, action: string, body?: unknown) =>
  stack.call('POST', `bot/users/${userId}/bookings/${bookingId}/${action}`, {
    token: botToken,
    ...(body !== undefined && { body }),
  });

/** A concrete path of an operation (every `{param}` filled in). */
const pathOf = (operation: Operation) => operation.route.replace(/\{\w+\}/g, 'x1');
const ofAccess = (access: Operation['access']) =>
  Object.values(operations).filter((o) => o.access === access);

describe('the bot application token', () => {
  it('comes from the client-credentials flow with the Tandem.Bot role and opens bot operations', async () => {
    const [, payload] = botToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ azp: stack.bot.clientId, roles: ['Tandem.Bot'] });
    expect(claims.scp).toBeUndefined();
    const res = await stack.call('GET', `bot/users/${megan.user.id}/bookings`, { token: botToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ bookings: [] });
  });

  it('is refused on every host operation (403, a sentence saying a person must sign in)', async () => {
    const host = ofAccess('host');
    expect(host.length).toBeGreaterThan(5);
    for (const operation of host) {
      const res = await stack.call(operation.method, pathOf(operation), {
        token: botToken,
        ...(operation.method !== 'GET' && { body: {} }),
      });
      expect([operation.route, res.status]).toEqual([operation.route, 403]);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.detail).toContain('needs a signed-in person');
    }
  });

  it("refuses a person's delegated token on every bot operation (403, a sentence saying it is for the bot)", async () => {
    const bot = ofAccess('bot');
    expect(bot).toHaveLength(5);
    for (const operation of bot) {
      const res = await stack.call(operation.method, `${pathOf(operation)}?query=x`, {
        token: megan.token,
        ...(operation.method !== 'GET' && { body: {} }),
      });
      expect([operation.route, res.status]).toEqual([operation.route, 403]);
      expect(res.body.detail).toContain('for the Tandem bot only');
    }
  });

  it('refuses calls without a token (401 with a challenge)', async () => {
    const res = await stack.call('GET', 'bot/people?query=megan');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('refuses an app token of another application, even one holding the role', async () => {
    const other = stack.emulator.registerApp({
      displayName: 'Some other daemon',
      grantedAppRoles: { [stack.api.clientId]: ['Tandem.Bot'] },
    });
    const res = await stack.call('GET', 'bot/people?query=megan', { token: await stack.appToken(other) });
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('Only the Tandem bot may call this operation');
  });

  it('refuses the bot app when the Tandem.Bot role was never granted to it (no roles claim)', async () => {
    // What Entra issues to the bot's client credentials before admin consent of the role.
    const { token } = await stack.emulator.env.tokens.accessToken({
      tenantId: stack.emulator.tenantId,
      audience: stack.api.clientId,
      clientId: stack.bot.clientId,
    });
    const res = await stack.call('GET', 'bot/people?query=megan', { token });
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('lacks the Tandem.Bot app role');
  });
});

describe("a Teams user's bookings", () => {
  it('lists the bookings where the user is host, with page titles, under the same query rules', async () => {
    const id = await held(approvalPage.id, hoursFromNow(30));
    const res = await stack.call('GET', `bot/users/${megan.user.id}/bookings?status=pending`, {
      token: botToken,
    });
    expect(res.status).toBe(200);
    expect(res.body.bookings).toContainEqual(
      expect.objectContaining({ id, status: 'pending', pageTitle: 'Portfolio review' }),
    );
    const adeles = await stack.call('GET', `bot/users/${adele.user.id}/bookings`, { token: botToken });
    expect(adeles.body.bookings.map((b: { id: string }) => b.id)).not.toContain(id);
    const wrong = await stack.call('GET', `bot/users/${megan.user.id}/bookings?status=maybe`, {
      token: botToken,
    });
    expect(wrong.status).toBe(400);
  });

  it('answers 404 for a user who is not a Tandem host of the tenant', async () => {
    const res = await stack.call('GET', `bot/users/00000000-0000-4000-8000-000000000999/bookings`, {
      token: botToken,
    });
    expect(res.status).toBe(404);
    expect(res.body.detail).toContain('has connected Tandem');
  });

  it("answers 404 for another host's booking, exactly as for one that does not exist", async () => {
    const adeles = await held(adelePage.id, hoursFromNow(31));
    for (const action of ['approve', 'decline', 'cancel']) {
      const res = await act(megan.user.id, adeles, action, {});
      expect([action, res.status, res.body.code]).toEqual([action, 404, 'NOT_FOUND']);
    }
    expect((await act(megan.user.id, 'bk_nope', 'approve')).status).toBe(404);
    const still = await stack.runtime.deps.bookings.get(adele.user.id, adeles);
    expect(still!.status).toBe('confirmed');
  });

  it('approves as the host: the Outlook event is created; a second approval is a 409 naming the state', async () => {
    const id = await held(approvalPage.id, hoursFromNow(40));
    expect(eventsOfBooking(stack.emulator, megan.user.id, id)).toHaveLength(0);
    const approved = await act(megan.user.id, id, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id, status: 'confirmed' });
    const [event] = eventsOfBooking(stack.emulator, megan.user.id, id);
    expect(event?.attendees?.map((a) => a.emailAddress.address)).toContain('grady@example.com');

    for (const again of ['approve', 'decline']) {
      const res = await act(megan.user.id, id, again, again === 'decline' ? {} : undefined);
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.detail).toContain('already confirmed');
      expect(res.body.bookingStatus).toBe('confirmed');
      expect(res.body.booking).toMatchObject({ id, status: 'confirmed' });
    }
    expect(eventsOfBooking(stack.emulator, megan.user.id, id)).toHaveLength(1);
  });

  it('declines as the host with a reason: the time is free again; deciding again is a 409 naming the state', async () => {
    const start = hoursFromNow(44);
    const id = await held(approvalPage.id, start);
    expect((await bookOn(approvalPage.id, start)).status).toBe(409);
    const declined = await act(megan.user.id, id, 'decline', { reason: 'Fully booked that week' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'cancelled', cancelReason: 'Fully booked that week' });
    expect((await bookOn(approvalPage.id, start)).status).toBe(201);
    const again = await act(megan.user.id, id, 'approve');
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe(
      'This booking is already cancelled (Fully booked that week); nothing was changed.',
    );
    expect(again.body.bookingStatus).toBe('cancelled');
    expect(again.body.booking).toMatchObject({
      id,
      status: 'cancelled',
      cancelReason: 'Fully booked that week',
    });
    expect(eventsOfBooking(stack.emulator, megan.user.id, id)).toHaveLength(0);
  });

  it('acts once when two decisions arrive at the same moment: one answers, the other is a 409', async () => {
    const id = await held(approvalPage.id, hoursFromNow(46));
    const answers = await Promise.all([
      act(megan.user.id, id, 'approve'),
      act(megan.user.id, id, 'approve'),
      act(megan.user.id, id, 'decline', {}),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const winner = answers.find((a) => a.status === 200)!.body as { status: string };
    const events = eventsOfBooking(stack.emulator, megan.user.id, id).filter((e) => !e.isCancelled);
    expect(events).toHaveLength(winner.status === 'confirmed' ? 1 : 0);
    for (const refused of answers.filter((a) => a.status === 409))
      expect(refused.body.bookingStatus).toMatch(/pending|confirmed|cancelled/);
  });

  it('gives the decision back when approving fails (the time became busy in Outlook): the host may still decline', async () => {
    const start = hoursFromNow(48);
    const id = await held(approvalPage.id, start);
    stack.emulator.store.addEvent(megan.user.id, {
      subject: 'Board meeting',
      start: { dateTime: start.slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: new Date(Date.parse(start) + 3_600_000).toISOString().slice(0, 19), timeZone: 'UTC' },
    });
    const approved = await act(megan.user.id, id, 'approve');
    expect(approved.status).toBe(409);
    expect(approved.body.detail).toContain('another event at this time');
    const declined = await act(megan.user.id, id, 'decline', { reason: 'Clash' });
    expect(declined.status).toBe(200);
    expect(declined.body.status).toBe('cancelled');
  });

  it('cancels as the host: the Outlook event is cancelled and the slot offered again', async () => {
    const start = hoursFromNow(50);
    const id = await held(adelePage.id, start);
    const [event] = eventsOfBooking(stack.emulator, adele.user.id, id);
    const cancelled = await act(adele.user.id, id, 'cancel', { reason: 'Out sick' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(stack.emulator.store.findEvent(adele.user.id, event!.id)?.event.isCancelled ?? true).toBe(true);
    expect((await bookOn(adelePage.id, start)).status).toBe(201);
  });

  it('refuses a decline reason that is not text (400 naming the field)', async () => {
    const id = await held(approvalPage.id, hoursFromNow(60));
    const res = await act(megan.user.id, id, 'decline', { reason: 42 });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('reason');
  });
});

describe('people search', () => {
  const search = (query: string) =>
    stack.call('GET', `bot/people?query=${encodeURIComponent(query)}`, { token: botToken });

  it.each([
    ['a display name, in any case', 'MEGAN bow'],
    ['a UPN', 'megan@'],
    ['a page title', 'portfolio'],
    ['a page slug', 'portfolio-review'],
  ])('finds a connected host by %s, with what invitees see of her pages', async (_what, query) => {
    const res = await search(query);
    expect(res.status).toBe(200);
    expect(res.body.people).toEqual([
      {
        userId: megan.user.id,
        name: 'Megan Bowen',
        upn: megan.user.userPrincipalName,
        pages: [
          {
            id: approvalPage.id,
            slug: 'portfolio-review',
            title: 'Portfolio review',
            durations: [30],
            requiresConfirmation: true,
          },
        ],
      },
    ]);
  });

  it('leaves out people of other tenants, people without pages, and people who never connected', async () => {
    const other = stack.emulator.store.addTenant({ displayName: 'Fabrikam', domain: 'fabrikam.example' });
    const deps = stack.runtime.deps;
    await deps.connections.saveIdentity({
      hostId: 'f0000000-0000-4000-8000-000000000001',
      tenantId: other.id,
      upn: 'megan@fabrikam.example',
      displayName: 'Megan of Fabrikam',
    });
    await deps.connections.saveRefreshToken('f0000000-0000-4000-8000-000000000001', new Uint8Array([1]));
    await deps.pages.create(
      'f0000000-0000-4000-8000-000000000001',
      'pg_fabrikam',
      bookingPageInputSchema.parse({
        title: 'Megan elsewhere',
        slug: 'megan-elsewhere',
        durations: [30],
        location: { kind: 'teams' },
      }),
    );
    await stack.connectHost({ upn: 'megan.nopages', name: 'Megan Without Pages' });
    await deps.connections.saveIdentity({
      hostId: 'e0000000-0000-4000-8000-000000000002',
      tenantId: stack.emulator.tenantId,
      upn: 'megan.never@contoso.example',
      displayName: 'Megan Never Connected',
    });
    const res = await search('megan');
    expect(res.body.people.map((p: { name: string }) => p.name)).toEqual(['Megan Bowen']);
  });

  it('answers an empty list when nobody matches, and 400 without a query', async () => {
    expect((await search('nobody-like-this')).body).toEqual({ people: [] });
    const missing = await stack.call('GET', 'bot/people', { token: botToken });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('query');
  });
});
