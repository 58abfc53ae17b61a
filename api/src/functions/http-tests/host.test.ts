import {
  allDayEveryDay,
  bookAsInvitee,
  eventsOfBooking,
  hoursFromNow,
  startApiStack,
  type ApiStack,
} from './api-stack.js';

let stack: ApiStack;
let megan: Awaited<ReturnType<ApiStack['connectHost']>>;
let adele: Awaited<ReturnType<ApiStack['connectHost']>>;

beforeAll(async () => {
  stack = await startApiStack();
  megan = await stack.connectHost({ upn: 'megan', name: 'Megan Bowen', timeZone: 'Europe/Berlin' });
  adele = await stack.connectHost({ upn: 'adele', name: 'Adele Vance', timeZone: 'Pacific Standard Time' });
});
afterAll(() => stack.stop());

const bookOn = (pageId: string, start: string) => bookAsInvitee(stack, pageId, start);

describe('authentication', () => {
  it.each([
    ['missing', async () => undefined],
    ['expired', async () => stack.ssoToken(megan.user, { lifetimeSeconds: -3600 })],
    [
      'for another audience',
      async () => stack.ssoToken(megan.user, { audience: '00000003-0000-0000-c000-000000000000' }),
    ],
    [
      'from another tenant',
      async () => {
        const other = stack.emulator.store.addTenant({ displayName: 'Fabrikam', domain: 'fabrikam.example' });
        const stranger = stack.emulator.store.addUser({
          tenantId: other.id,
          userPrincipalName: 'eve',
          displayName: 'Eve',
        });
        return stack.ssoToken(stranger);
      },
    ],
  ])('answers 401 with a challenge when the token is %s', async (_, token) => {
    const given = await token();
    for (const [method, path] of [
      ['GET', 'me'],
      ['GET', 'pages'],
      ['GET', 'bookings'],
    ] as const) {
      const res = await stack.call(method, path, given ? { token: given } : {});
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('GET /api/me and settings', () => {
  it('shows the connected profile, calendars and the mailbox zone in IANA form', async () => {
    const res = await stack.call('GET', 'me', { token: adele.token });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: adele.user.id, displayName: 'Adele Vance' });
    expect(res.body.connection.state).toBe('connected');
    expect(res.body.mailbox.timeZone).toBe('America/Los_Angeles');
    expect(res.body.calendars.some((c: { isDefault: boolean }) => c.isDefault)).toBe(true);
  });

  it('saves settings naming only the host own calendars', async () => {
    const me = await stack.call('GET', 'me', { token: megan.token });
    const calendarId = me.body.calendars[0].id as string;
    const wrong = await stack.call('PUT', 'me/settings', {
      token: megan.token,
      body: { availabilityCalendarIds: ['not-mine'], destinationCalendarId: calendarId },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('availabilityCalendarIds[0]');
    const saved = await stack.call('PUT', 'me/settings', {
      token: megan.token,
      body: { availabilityCalendarIds: [calendarId], destinationCalendarId: calendarId },
    });
    expect(saved.status).toBe(200);
    expect((await stack.call('GET', 'me', { token: megan.token })).body.settings.destinationCalendarId).toBe(
      calendarId,
    );
  });
});

describe('booking pages', () => {
  it('are created, listed, read, updated with If-Match and deleted; slugs are unique per host', async () => {
    const created = await stack.createPage(megan.token, { slug: 'crud' });
    const again = await stack.call('POST', 'pages', {
      token: megan.token,
      body: { title: 'Other', slug: 'crud', durations: [15], location: { kind: 'teams' } },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SLUG_TAKEN');
    // Another host may use the same slug.
    expect((await stack.createPage(adele.token, { slug: 'crud' })).id).not.toBe(created.id);

    const list = await stack.call('GET', 'pages', { token: megan.token });
    expect(list.body.pages.map((p: { id: string }) => p.id)).toContain(created.id);
    const read = await stack.call('GET', `pages/${created.id}`, { token: megan.token });
    expect(read.status).toBe(200);
    const body = {
      title: 'Renamed',
      slug: 'crud-2',
      durations: [30, 60],
      location: { kind: 'inPerson', address: 'Main St 1' },
    };
    const updated = await stack.call('PUT', `pages/${created.id}`, {
      token: megan.token,
      headers: { 'if-match': read.body.etag },
      body,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ title: 'Renamed', slug: 'crud-2' });
    const stale = await stack.call('PUT', `pages/${created.id}`, {
      token: megan.token,
      headers: { 'if-match': read.body.etag },
      body,
    });
    expect(stale.status).toBe(412);
    const publicView = await stack.call('GET', `public/pages/${created.id}`);
    expect(publicView.body.location).toEqual({ kind: 'inPerson' });
    expect(publicView.text).not.toContain('Main St');
    expect((await stack.call('DELETE', `pages/${created.id}`, { token: megan.token })).status).toBe(204);
    expect((await stack.call('GET', `pages/${created.id}`, { token: megan.token })).status).toBe(404);
  });

  it("answer 404 for another host's page", async () => {
    const page = await stack.createPage(megan.token, { slug: 'private-one' });
    expect((await stack.call('GET', `pages/${page.id}`, { token: adele.token })).status).toBe(404);
    const put = await stack.call('PUT', `pages/${page.id}`, {
      token: adele.token,
      body: { title: 'Mine now', slug: 'x', durations: [30], location: { kind: 'teams' } },
    });
    expect(put.status).toBe(404);
    expect((await stack.call('DELETE', `pages/${page.id}`, { token: adele.token })).status).toBe(404);
    expect((await stack.call('GET', `pages/${page.id}`, { token: megan.token })).status).toBe(200);
  });

  it('accept team members only from the same tenant', async () => {
    const stranger = stack.emulator.store.addUser({
      tenantId: stack.emulator.store.addTenant({ domain: 'elsewhere.example' }).id,
      userPrincipalName: 'mallory',
      displayName: 'Mallory',
    });
    const res = await stack.call('POST', 'pages', {
      token: megan.token,
      body: {
        title: 'Team',
        slug: 'team-bad',
        durations: [30],
        location: { kind: 'teams' },
        team: { kind: 'collective', members: [{ userId: stranger.id }] },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('team.members[0].userId');
  });
});

describe('host bookings', () => {
  it('are listed by range and status, cancelled and rescheduled by the host; another host gets 404', async () => {
    const page = await stack.createPage(megan.token, { slug: 'host-actions' });
    const first = (await bookOn(page.id, hoursFromNow(60))).body.booking;
    const second = (await bookOn(page.id, hoursFromNow(62))).body.booking;
    const listed = await stack.call('GET', `bookings?from=${hoursFromNow(59)}&to=${hoursFromNow(61)}`, {
      token: megan.token,
    });
    expect(listed.body.bookings.map((b: { id: string }) => b.id)).toEqual([first.id]);

    expect(
      (await stack.call('POST', `bookings/${first.id}/cancel`, { token: adele.token, body: {} })).status,
    ).toBe(404);
    const cancelled = await stack.call('POST', `bookings/${first.id}/cancel`, {
      token: megan.token,
      body: { reason: 'Out sick' },
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Out sick' });

    const eventId = eventsOfBooking(stack.emulator, megan.user.id, second.id)[0]!.id;
    const moved = await stack.call('POST', `bookings/${second.id}/reschedule`, {
      token: megan.token,
      body: { start: hoursFromNow(64) },
    });
    expect(moved.status).toBe(200);
    expect(eventsOfBooking(stack.emulator, megan.user.id, second.id).map((e) => e.id)).toEqual([eventId]);
    const onlyCancelled = await stack.call('GET', 'bookings?status=cancelled', { token: megan.token });
    expect(onlyCancelled.body.bookings.map((b: { id: string }) => b.id)).toEqual([first.id]);
    expect((await stack.call('GET', 'bookings?status=maybe', { token: megan.token })).status).toBe(400);
  });

  it('that require confirmation hold the time until approved (event created) or declined (time released)', async () => {
    const page = await stack.createPage(megan.token, { slug: 'approval', requiresConfirmation: true });
    const start = hoursFromNow(70);
    const held = await bookOn(page.id, start);
    expect(held.status).toBe(201);
    expect(held.body.booking.status).toBe('pending');
    expect(held.body.booking.awaitingApproval).toBe(true);
    const listedHeld = await stack.call('GET', 'bookings?status=pending', { token: megan.token });
    expect(listedHeld.body.bookings).toContainEqual(
      expect.objectContaining({ id: held.body.booking.id, awaitingApproval: true }),
    );
    expect(eventsOfBooking(stack.emulator, megan.user.id, held.body.booking.id)).toHaveLength(0);
    expect((await bookOn(page.id, start)).status).toBe(409);

    const approved = await stack.call('POST', `bookings/${held.body.booking.id}/approve`, {
      token: megan.token,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('confirmed');
    expect(approved.body.awaitingApproval).toBeUndefined();
    expect(eventsOfBooking(stack.emulator, megan.user.id, held.body.booking.id)).toHaveLength(1);
    expect(
      (await stack.call('POST', `bookings/${held.body.booking.id}/approve`, { token: megan.token })).status,
    ).toBe(409);

    const other = await bookOn(page.id, hoursFromNow(72));
    const declined = await stack.call('POST', `bookings/${other.body.booking.id}/decline`, {
      token: megan.token,
      body: { reason: 'Fully booked that week' },
    });
    expect(declined.body.status).toBe('cancelled');
    expect((await bookOn(page.id, hoursFromNow(72))).status).toBe(201);
  });
});

describe('team pages', () => {
  it('round-robin gives each booking to the member the policy chooses, in that member calendar', async () => {
    const page = await stack.createPage(megan.token, {
      slug: 'rr',
      team: { kind: 'roundRobin', policy: 'equal', members: [{ userId: adele.user.id }] },
    });
    const a = (await bookOn(page.id, hoursFromNow(90))).body.booking;
    const b = (await bookOn(page.id, hoursFromNow(92))).body.booking;
    const organizers = [a, b].map((booking) =>
      [megan.user.id, adele.user.id].find(
        (id) => eventsOfBooking(stack.emulator, id, booking.id).length === 1,
      ),
    );
    expect(new Set(organizers)).toEqual(new Set([megan.user.id, adele.user.id]));
  });

  it('collective books one event in the organizer calendar with every member and the invitee, only when all are free', async () => {
    // Adele's own hours (not Outlook's 08–17 Pacific) apply to her as a member: all day.
    const calendarId = (await stack.call('GET', 'me', { token: adele.token })).body.calendars[0].id as string;
    const hours = await stack.call('PUT', 'me/settings', {
      token: adele.token,
      body: {
        availabilityCalendarIds: [calendarId],
        destinationCalendarId: calendarId,
        workingHours: allDayEveryDay,
      },
    });
    expect(hours.status).toBe(200);
    const page = await stack.createPage(megan.token, {
      slug: 'collective',
      team: { kind: 'collective', members: [{ userId: adele.user.id }] },
    });
    const blocked = hoursFromNow(100);
    stack.emulator.store.addEvent(adele.user.id, {
      subject: 'Adele is busy',
      start: { dateTime: blocked.slice(0, 19), timeZone: 'UTC' },
      end: {
        dateTime: new Date(Date.parse(blocked) + 3_600_000).toISOString().slice(0, 19),
        timeZone: 'UTC',
      },
    });
    const slots = await stack.call(
      'GET',
      `public/pages/${page.id}/slots?start=${blocked}&end=${hoursFromNow(102)}&duration=30&timeZone=UTC`,
    );
    const starts = slots.body.slots.map((s: { start: string }) => s.start);
    expect(starts).not.toContain(blocked.replace('.000', ''));
    expect(starts).toContain(hoursFromNow(101).replace('.000', ''));

    const booked = (await bookOn(page.id, hoursFromNow(101))).body.booking;
    const events = eventsOfBooking(stack.emulator, megan.user.id, booked.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.attendees?.map((x) => x.emailAddress?.address)).toEqual(
      expect.arrayContaining(['grady@example.com', adele.user.userPrincipalName]),
    );
    expect(eventsOfBooking(stack.emulator, adele.user.id, booked.id)).toHaveLength(0);

    // The member's own pages see the time as booked until the organizer cancels.
    const own = await stack.createPage(adele.token, { slug: 'adele-own' });
    const at = hoursFromNow(101);
    const ownSlots = await stack.call(
      'GET',
      `public/pages/${own.id}/slots?start=${at}&end=${hoursFromNow(102)}&duration=30&timeZone=UTC`,
    );
    expect(ownSlots.body.slots.map((s: { start: string }) => s.start)).not.toContain(at.replace('.000', ''));
    expect((await bookOn(own.id, at)).status).toBe(409);
    expect(
      (await stack.call('POST', `bookings/${booked.id}/cancel`, { token: adele.token, body: {} })).status,
    ).toBe(404);
    expect(
      (await stack.call('POST', `bookings/${booked.id}/cancel`, { token: megan.token, body: {} })).status,
    ).toBe(200);
    expect((await bookOn(own.id, at)).status).toBe(201);
  });
});

describe('when the host changes a booked event in Outlook', () => {
  it('the booking follows a move and a delete (as the sync component reports them)', async () => {
    const page = await stack.createPage(megan.token, { slug: 'follow' });
    const booked = (await bookOn(page.id, hoursFromNow(130))).body.booking;
    const { bookings } = stack.runtime;
    const record = (await stack.runtime.deps.bookings.get(megan.user.id, booked.id))!;
    const moved = await bookings.followOutlookMove(record, {
      start: hoursFromNow(131),
      end: new Date(Date.parse(hoursFromNow(131)) + 45 * 60_000).toISOString(),
      changeKey: 'ck-2',
    });
    expect(moved).toMatchObject({ start: hoursFromNow(131), changeKey: 'ck-2' });
    expect((await bookOn(page.id, hoursFromNow(130))).status).toBe(201);
    expect((await bookOn(page.id, hoursFromNow(131))).status).toBe(409);

    const gone = await bookings.followOutlookDelete(moved);
    expect(gone.status).toBe('cancelled');
    expect((await bookOn(page.id, hoursFromNow(131))).status).toBe(201);
  });
});
