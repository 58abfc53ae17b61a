import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { BookingPageInputBody } from '@tandem/api/contracts';
import { DEMO_API_APP, DEMO_TENANT, DEMO_USERS } from '../m365-emulator/demo-tenant.js';

/** What the demo shows of each kind of page Tandem offers. */
export type DemoPageKind = 'personal' | 'collective' | 'roundRobin' | 'approval';

/** How `npm start` describes each kind in its table. */
export const demoPageKinds: Record<DemoPageKind, string> = {
  personal: 'personal',
  collective: 'team, all three attend',
  roundRobin: 'team, round robin',
  approval: 'Adele approves in Teams',
};

/** One demo booking page and where an invitee opens it. */
export interface DemoPageLink {
  kind: DemoPageKind;
  title: string;
  slug: string;
  id: string;
  /** The public booking page. */
  url: string;
}

export interface DemoSeedOptions {
  /** The API's origin, e.g. http://127.0.0.1:7071. */
  apiOrigin: string;
  /** The front end's origin, where the public booking page is served. */
  webOrigin: string;
  /** The SSO token (audience: the API) Teams or Outlook would hand the front end for this person. */
  signIn(userPrincipalName: string): Promise<string>;
  /** The demo people's mail domain. Default: the demo tenant's. */
  domain?: string;
}

const [adele, megan, alex] = DEMO_USERS;

const rules = {
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 10,
  minimumNoticeMinutes: 60,
  window: { kind: 'rolling', days: 30 },
  busyRules: { tentativeBlocks: true, workingElsewhereBlocks: false, privateBlocks: true },
} as const;

/** The demo pages, all owned by Adele; team pages list Megan and Alex by their Tandem user ids. */
function demoPages(team: {
  megan: string;
  alex: string;
}): Array<BookingPageInputBody & { kind: DemoPageKind }> {
  const members = [{ userId: team.megan }, { userId: team.alex }];
  return [
    {
      kind: 'personal',
      title: 'Intro call',
      slug: 'intro-call',
      description: 'Thirty minutes to get to know each other.',
      durations: [30, 60],
      location: { kind: 'teams' },
      questions: [
        { id: 'topic', label: 'What would you like to talk about?', kind: 'longText', required: false },
      ],
      rules,
      requiresConfirmation: false,
    },
    {
      kind: 'collective',
      title: 'Product deep dive',
      slug: 'product-deep-dive',
      description: 'Product, marketing and engineering together: Adele, Megan and Alex all join.',
      durations: [30],
      location: { kind: 'teams' },
      rules,
      team: { kind: 'collective', members },
    },
    {
      kind: 'roundRobin',
      title: 'Talk to the team',
      slug: 'talk-to-the-team',
      description: 'Whoever of Adele, Megan or Alex is free first takes your call.',
      durations: [30],
      location: { kind: 'teams' },
      rules,
      team: { kind: 'roundRobin', policy: 'equal', members },
    },
    {
      kind: 'approval',
      title: 'Roadmap review',
      slug: 'roadmap-review',
      description: 'An hour on the roadmap; Adele confirms each request in Teams.',
      durations: [60],
      location: { kind: 'teams' },
      questions: [{ id: 'company', label: 'Your company', kind: 'shortText', required: true }],
      rules: { ...rules, minimumNoticeMinutes: 24 * 60 },
      requiresConfirmation: true,
    },
  ];
}

interface Me {
  user: { id: string };
  connection: { state: string; detail?: string };
  calendars: { id: string; name: string; isDefault: boolean; canEdit: boolean }[];
  settings?: { availabilityCalendarIds: string[] };
}

/**
 * Prepares the demo through the API, as the hosts themselves would on first use: Adele, Megan and
 * Alex open Tandem (which connects their calendars), Adele checks both her calendars for conflicts,
 * and Adele's pages are made unless a page with the same slug exists. Running it again changes
 * nothing. Returns the pages in the order of the table `npm start` prints.
 */
export async function ensureDemoPages(options: DemoSeedOptions): Promise<DemoPageLink[]> {
  const domain = options.domain ?? DEMO_TENANT.domain;
  // Opening Tandem (GET /api/me) connects a person's calendar, as it does from the task pane.
  const open = async (upn: string) => {
    const token = await options.signIn(`${upn}@${domain}`);
    const api = (path: string, init: RequestInit = {}) => callApi(options.apiOrigin, token, path, init);
    return { api, me: connected((await api('me')) as Me) };
  };
  const [host, meganMe, alexMe] = await Promise.all([
    open(adele.userPrincipalName),
    open(megan.userPrincipalName).then((p) => p.me),
    open(alex.userPrincipalName).then((p) => p.me),
  ]);
  const { api: asAdele, me: adeleMe } = host;

  // Her Personal calendar (a doctor's appointment, a school play) keeps her from being booked too.
  if (!adeleMe.settings) {
    const destination = adeleMe.calendars.find((c) => c.isDefault) ?? adeleMe.calendars[0]!;
    await asAdele('me/settings', {
      method: 'PUT',
      body: JSON.stringify({
        availabilityCalendarIds: adeleMe.calendars.map((c) => c.id),
        destinationCalendarId: destination.id,
      }),
    });
  }

  const { pages } = (await asAdele('pages')) as { pages: { id: string; slug: string }[] };
  const links: DemoPageLink[] = [];
  for (const { kind, ...page } of demoPages({ megan: meganMe.user.id, alex: alexMe.user.id })) {
    const existing = pages.find((p) => p.slug === page.slug);
    const { id } =
      existing ??
      ((await asAdele('pages', {
        method: 'POST',
        headers: { 'idempotency-key': `demo-page-${page.slug}` },
        body: JSON.stringify(page),
      })) as { id: string });
    links.push({ kind, title: page.title, slug: page.slug, id, url: `${options.webOrigin}/?page=${id}` });
  }
  return links;
}

/** Signs demo people in through the emulator's dev SSO endpoint (the token Teams would hand over). */
export function emulatorSignIn(options: {
  emulatorOrigin: string;
  caCertPath: string;
  apiClientId?: string;
}): (userPrincipalName: string) => Promise<string> {
  const ca = readFileSync(options.caCertPath);
  const clientId = options.apiClientId ?? DEMO_API_APP.clientId;
  return async (upn) => {
    const url = `${options.emulatorOrigin}/_dev/sso-token?user=${encodeURIComponent(upn)}&clientId=${clientId}`;
    return ((await getEmulatorJson(url, ca)) as { access_token: string }).access_token;
  };
}

function connected(me: Me): Me {
  if (me.connection.state !== 'connected')
    throw new Error(
      `a demo host's calendar is not connected (${me.connection.detail ?? me.connection.state}).`,
    );
  return me;
}

async function callApi(origin: string, token: string, path: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(`${origin}/api/${path}`, {
    ...init,
    headers: {
      ...(init.headers as Record<string, string> | undefined),
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
  });
  if (!response.ok) {
    const text = await response.text();
    let detail = text;
    try {
      detail = (JSON.parse(text) as { detail?: string }).detail ?? text;
    } catch {
      // not problem+json: the text itself says what went wrong
    }
    throw new Error(`${init.method ?? 'GET'} /api/${path} answered ${response.status}: ${detail}`);
  }
  return response.json() as Promise<unknown>;
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
