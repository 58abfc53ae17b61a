import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { DEMO_API_APP, DEMO_TENANT, DEMO_USERS } from '../m365-emulator/demo-tenant.js';

/** The demo host's booking page, made through the API as the host would on first start. */
const demoPage = {
  title: 'Intro call',
  slug: 'intro-call',
  description: 'Thirty minutes to get to know each other.',
  durations: [30, 60],
  location: { kind: 'teams' },
  questions: [
    { id: 'topic', label: 'What would you like to talk about?', kind: 'longText', required: false },
  ],
  rules: {
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 10,
    minimumNoticeMinutes: 60,
    window: { kind: 'rolling', days: 30 },
    busyRules: { tentativeBlocks: true, workingElsewhereBlocks: false, privateBlocks: true },
  },
  requiresConfirmation: false,
};

interface DemoUrls {
  emulatorOrigin: string;
  apiOrigin: string;
  webOrigin: string;
  caCertPath: string;
}

/**
 * Signs the first demo user in (the SSO token Teams would hand the front end), connects them, and
 * makes their booking page unless they have one. Returns the public booking page's URL.
 */
export async function ensureDemoPage(urls: DemoUrls): Promise<string> {
  const host = DEMO_USERS[0];
  const sso = (await getEmulatorJson(
    `${urls.emulatorOrigin}/_dev/sso-token?user=${host.userPrincipalName}@${DEMO_TENANT.domain}&clientId=${DEMO_API_APP.clientId}`,
    readFileSync(urls.caCertPath),
  )) as { access_token: string };
  const api = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${urls.apiOrigin}/api/${path}`, {
      ...init,
      headers: { authorization: `Bearer ${sso.access_token}`, 'content-type': 'application/json' },
    });
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} /api/${path}: ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  await api('me');
  const { pages } = (await api('pages')) as { pages: { id: string }[] };
  const page =
    pages[0] ?? ((await api('pages', { method: 'POST', body: JSON.stringify(demoPage) })) as { id: string });
  return `${urls.webOrigin}/?page=${page.id}`;
}

// The emulator's certificate comes from the local CA, which this process was not started trusting.
function getEmulatorJson(url: string, ca: Buffer): Promise<unknown> {
  return new Promise((resolve, reject) => {
    request(url, { ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode === 200) resolve(JSON.parse(text));
        else reject(new Error(`${url}: ${res.statusCode} ${text}`));
      });
    })
      .on('error', reject)
      .end();
  });
}
