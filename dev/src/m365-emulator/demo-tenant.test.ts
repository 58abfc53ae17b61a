import { decodeJwt } from 'jose';
import { DEMO_API_APP, DEMO_BOT_APP, DEMO_TENANT, DEMO_WEB_APP, seedDemoTenant } from './demo-tenant.js';
import { startEmulator } from './index.js';
import { EmulatorStore } from './state/store.js';

const NOW = new Date('2026-04-15T12:00:00Z'); // a Wednesday

describe('the demo tenant', () => {
  it('has four people in their own zones, each with recurring, all-day, private and secondary-calendar events', () => {
    const store = new EmulatorStore();
    seedDemoTenant(store, { now: NOW });
    const users = store.listUsers(DEMO_TENANT.id);
    expect(users.map((u) => u.mailboxSettings.timeZone)).toEqual([
      'Pacific Standard Time',
      'W. Europe Standard Time',
      'India Standard Time',
      'GMT Standard Time',
    ]);
    for (const user of users) {
      const events = store.listEvents(user.id).map((r) => r.event);
      expect(events.some((e) => e.type === 'seriesMaster')).toBe(true);
      expect(events.some((e) => e.isAllDay)).toBe(true);
      expect(events.some((e) => e.sensitivity === 'private')).toBe(true);
      expect(store.listCalendars(user.id).map((c) => c.name)).toEqual(['Calendar', 'Personal']);
    }
    const version = store.version;
    seedDemoTenant(store, { now: NOW });
    expect(store.version).toBe(version);
  });

  it('fills a month from the current week: tentative holds, and Personal appointments in working hours', () => {
    const store = new EmulatorStore();
    seedDemoTenant(store, { now: NOW });
    for (const user of store.listUsers(DEMO_TENANT.id)) {
      const events = store.listEvents(user.id).map((r) => r.event);
      expect(events.filter((e) => e.showAs === 'tentative').length).toBeGreaterThanOrEqual(2);
      const lastStart = Math.max(...events.map((e) => Date.parse(`${e.start.dateTime}Z`)));
      expect(lastStart - NOW.getTime()).toBeGreaterThan(21 * 86_400_000);
      const personal = store.listCalendars(user.id).find((c) => c.name === 'Personal')!;
      const appointments = store
        .listEvents(user.id)
        .filter((r) => r.calendarId === personal.id && r.event.type === 'singleInstance');
      expect(appointments.map((r) => r.event.subject)).toEqual(['Doctor', 'School play']);
    }
  });

  it('starts its weeks on the Monday of the current week in each person’s zone', () => {
    const store = new EmulatorStore();
    seedDemoTenant(store, { now: NOW });
    const alex = store.findUser('alex@contoso.onmicrosoft.com')!;
    const standup = store.listEvents(alex.id).find((r) => r.event.subject === 'Team standup')!.event;
    // 09:30 in India (UTC+05:30) on Monday 13 April.
    expect(standup.start.dateTime).toBe('2026-04-13T04:00:00.0000000');
    expect(standup.originalStartTimeZone).toBe('India Standard Time');
  });

  it.each(['/taskpane.html', '/tab.html'])(
    'shows the dev sign-in to the front end signing in from %s on the npm start origin',
    async (page) => {
      const store = new EmulatorStore();
      seedDemoTenant(store, { now: NOW });
      const em = await startEmulator({ store });
      try {
        const query = new URLSearchParams({
          client_id: DEMO_WEB_APP.clientId,
          redirect_uri: `http://127.0.0.1:5173${page}`,
          response_type: 'code',
          scope: `${DEMO_API_APP.identifierUri}/access_as_user`,
        });
        const answer = await fetch(`${em.authorityHost}/${DEMO_TENANT.id}/oauth2/v2.0/authorize?${query}`);
        expect(answer.status).toBe(200);
        expect(await answer.text()).toContain('Adele Vance');
      } finally {
        await em.stop();
      }
    },
  );

  it('lets the API app trade a Teams SSO token for Graph on-behalf-of a demo user', async () => {
    const store = new EmulatorStore();
    seedDemoTenant(store, { now: NOW });
    const em = await startEmulator({ store });
    try {
      expect(em.tenantId).toBe(DEMO_TENANT.id);
      expect(em.env.apps.find(DEMO_WEB_APP.clientId)?.clientSecret).toBeUndefined();
      const sso = (await (
        await fetch(
          `${em.origin}/_dev/sso-token?user=megan@contoso.onmicrosoft.com&clientId=${DEMO_API_APP.clientId}`,
        )
      ).json()) as { access_token: string };
      const answer = await fetch(`${em.authorityHost}/${DEMO_TENANT.id}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          client_id: DEMO_API_APP.clientId,
          client_secret: DEMO_API_APP.clientSecret,
          assertion: sso.access_token,
          scope: 'https://graph.microsoft.com/Calendars.ReadWrite',
          requested_token_use: 'on_behalf_of',
        }),
      });
      const { access_token } = (await answer.json()) as { access_token: string };
      const calendars = await fetch(`${em.graphBaseUrl}/me/calendars`, {
        headers: { authorization: `Bearer ${access_token}` },
      });
      expect(
        ((await calendars.json()) as { value: Array<{ name: string }> }).value.map((c) => c.name),
      ).toEqual(['Calendar', 'Personal']);
    } finally {
      await em.stop();
    }
  });

  it('gives the bot an application token for the API with the Tandem.Bot role, and other apps none', async () => {
    const store = new EmulatorStore();
    seedDemoTenant(store, { now: NOW });
    const em = await startEmulator({ store });
    try {
      const other = em.registerApp({ displayName: 'Some daemon' });
      const appToken = async (clientId: string, clientSecret: string) => {
        const answer = await fetch(`${em.authorityHost}/${DEMO_TENANT.id}/oauth2/v2.0/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: clientId,
            client_secret: clientSecret,
            scope: `${DEMO_API_APP.identifierUri}/.default`,
          }),
        });
        expect(answer.status).toBe(200);
        return decodeJwt(((await answer.json()) as { access_token: string }).access_token);
      };
      const bot = await appToken(DEMO_BOT_APP.clientId, DEMO_BOT_APP.clientSecret);
      expect(bot).toMatchObject({
        aud: DEMO_API_APP.clientId,
        azp: DEMO_BOT_APP.clientId,
        tid: DEMO_TENANT.id,
        roles: ['Tandem.Bot'],
      });
      expect(bot.scp).toBeUndefined();
      // As in Entra: no role granted, no `roles` claim at all.
      expect(await appToken(other.clientId, other.clientSecret!)).not.toHaveProperty('roles');
    } finally {
      await em.stop();
    }
  });
});
