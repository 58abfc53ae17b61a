import type { UserRecord } from '@tandem/dev/m365-emulator';
import { cardText, startBotStack, type BotStack } from './testing/bot-stack.js';

const anActivity = (tenantId: string) => ({
  type: 'message',
  id: 'spoofed-1',
  channelId: 'msteams',
  serviceUrl: 'https://evil.example/',
  from: { id: '29:someone', aadObjectId: 'someone' },
  recipient: { id: '28:bot' },
  conversation: { id: 'a:1x', conversationType: 'personal', tenantId },
  text: 'my bookings',
});

describe('the bot server with the emulated Teams channel and no app (local development)', () => {
  let stack: BotStack;
  let adele: UserRecord;

  beforeAll(async () => {
    stack = await startBotStack();
    adele = stack.emulator.store.addUser({ userPrincipalName: 'adele', displayName: 'Adele Vance' });
  });
  afterAll(() => stack.stop());

  it('answers its health check', async () => {
    const response = await fetch(`${stack.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('greets on install in the Teams chat and remembers the conversation', async () => {
    expect((await stack.install(adele)).status).toBe(200);
    const greeting = await stack.eventually('the greeting', async () =>
      (await stack.chat(adele)).find((e) => e.direction === 'fromBot'),
    );
    expect(cardText(greeting)).toContain('Hi, I am Tandem');
    expect(cardText(greeting)).toContain('my bookings');
    const stored = await stack.runtime.conversations.personal(stack.emulator.tenantId, adele.id);
    expect(stored?.reference.serviceUrl).toBe(`${stack.emulator.origin}/`);
  });

  it('answers help typed in the chat', async () => {
    expect((await stack.say(adele, 'help')).status).toBe(201);
    const reply = await stack.eventually('the help card', async () => {
      const last = (await stack.chat(adele)).at(-1);
      return last?.direction === 'fromBot' && last;
    });
    expect(cardText(reply)).toContain('What I can do');
  });
});

describe('the bot server with a Bot Framework app', () => {
  let stack: BotStack;
  let megan: UserRecord;

  beforeAll(async () => {
    stack = await startBotStack({ withApp: true });
    megan = stack.emulator.store.addUser({ userPrincipalName: 'megan', displayName: 'Megan Bowen' });
  });
  afterAll(() => stack.stop());

  it('refuses an activity without a Bot Framework token', async () => {
    const response = await fetch(`${stack.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(anActivity(stack.emulator.tenantId)),
    });
    expect(response.status).toBe(401);
  });

  it('refuses an activity with a token the channel did not sign', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'forged' })).toString(
      'base64url',
    );
    const claims = Buffer.from(
      JSON.stringify({
        iss: 'https://api.botframework.com',
        aud: stack.appId,
        exp: Math.floor(Date.now() / 1000) + 600,
        serviceurl: 'https://evil.example/',
      }),
    ).toString('base64url');
    const response = await fetch(`${stack.url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${header}.${claims}.c2lnbmF0dXJl`,
      },
      body: JSON.stringify(anActivity(stack.emulator.tenantId)),
    });
    expect(response.status).toBe(401);
  });

  it('accepts the activities the channel signs and answers through the authenticated connector', async () => {
    expect((await stack.install(megan)).status).toBe(200);
    const greeting = await stack.eventually('the greeting', async () =>
      (await stack.chat(megan)).find((e) => e.direction === 'fromBot'),
    );
    expect(cardText(greeting)).toContain('Hi, I am Tandem');
  });
});
