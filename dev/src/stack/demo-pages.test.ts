import { startApiStack, type ApiStack } from '@tandem/api/testing/api-stack';
import { seedDemoTenant } from '../m365-emulator/demo-tenant.js';
import { emulatorSignIn, ensureDemoPages, type DemoSeedOptions } from './demo-pages.js';

let stack: ApiStack;
let options: DemoSeedOptions;

beforeAll(async () => {
  stack = await startApiStack();
  // The demo people, with their month of Outlook events, in the test tenant the API allows.
  seedDemoTenant(stack.emulator.store, { tenantId: stack.emulator.tenantId });
  options = {
    apiOrigin: new URL(stack.url).origin,
    webOrigin: 'http://127.0.0.1:5173',
    signIn: emulatorSignIn({
      emulatorOrigin: stack.emulator.origin,
      caCertPath: stack.emulator.caCertPath,
      apiClientId: stack.api.clientId,
    }),
    domain: stack.emulator.store.getTenant(stack.emulator.tenantId)!.domain,
  };
}, 60_000);
afterAll(() => stack?.stop());

const tokenOf = (name: string) => options.signIn(`${name}@${options.domain}`);

describe('when npm start seeds the demo twice against a fresh stack', () => {
  it('makes each demo page once, with the same ids and public URLs the second time', async () => {
    const first = await ensureDemoPages(options);
    const second = await ensureDemoPages(options);
    expect(second).toEqual(first);
    expect(first.map((p) => p.kind)).toEqual(['personal', 'collective', 'roundRobin', 'approval']);
    for (const link of first) expect(link.url).toBe(`http://127.0.0.1:5173/?page=${link.id}`);

    const pages = await stack.call('GET', 'pages', { token: await tokenOf('adele') });
    expect(pages.status).toBe(200);
    expect((pages.body.pages as { slug: string }[]).map((p) => p.slug).sort()).toEqual(
      ['intro-call', 'product-deep-dive', 'roadmap-review', 'talk-to-the-team'].sort(),
    );
  }, 60_000);

  it('gives the team pages Megan and Alex as members (both connected) and the approval page its flag', async () => {
    const links = await ensureDemoPages(options);
    const adele = await tokenOf('adele');
    const page = async (kind: string) =>
      (await stack.call('GET', `pages/${links.find((l) => l.kind === kind)!.id}`, { token: adele })).body;
    const [megan, alex] = await Promise.all(
      ['megan', 'alex'].map(async (name) => {
        const me = await stack.call('GET', 'me', { token: await tokenOf(name) });
        expect(me.body.connection.state).toBe('connected');
        return me.body.user.id as string;
      }),
    );

    const personal = await page('personal');
    expect(personal.team).toBeUndefined();
    expect(personal.requiresConfirmation).toBe(false);
    for (const kind of ['collective', 'roundRobin'] as const) {
      const team = (await page(kind)).team;
      expect(team.kind).toBe(kind);
      expect(team.members.map((m: { userId: string }) => m.userId)).toEqual([megan, alex]);
    }
    const approval = await page('approval');
    expect(approval.requiresConfirmation).toBe(true);
    expect(approval.team).toBeUndefined();
  }, 60_000);

  it('has Adele check both her calendars for conflicts and create bookings in her main one', async () => {
    await ensureDemoPages(options);
    const me = await stack.call('GET', 'me', { token: await tokenOf('adele') });
    const calendars = me.body.calendars as { id: string; name: string; isDefault: boolean }[];
    expect(calendars.map((c) => c.name)).toEqual(['Calendar', 'Personal']);
    expect(me.body.settings.availabilityCalendarIds).toEqual(calendars.map((c) => c.id));
    expect(me.body.settings.destinationCalendarId).toBe(calendars.find((c) => c.isDefault)!.id);
  }, 60_000);

  it('offers times on the collective page, where all three must be free, within the next two weeks', async () => {
    const links = await ensureDemoPages(options);
    const collective = links.find((l) => l.kind === 'collective')!;
    const start = new Date();
    const end = new Date(start.getTime() + 14 * 86_400_000);
    const slots = await stack.call(
      'GET',
      `public/pages/${collective.id}/slots?start=${start.toISOString()}&end=${end.toISOString()}&duration=30&timeZone=Europe/Berlin`,
    );
    expect(slots.status).toBe(200);
    expect(slots.body.slots.length).toBeGreaterThan(0);
  }, 60_000);
});
