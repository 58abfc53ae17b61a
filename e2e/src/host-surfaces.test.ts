import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { DEMO_TENANT } from '@tandem/dev/m365-emulator';
import {
  artifactsDir,
  launchChromium,
  screenshot,
  seriousViolations,
  visitor,
  type Look,
} from './browser.js';
import { eventually } from './eventually.js';
import { fakeOfficeScript } from './hosts/fake-office.js';
import { fakeTeamsPage } from './hosts/fake-teams.js';
import { startStack, type Stack } from './stack.js';
import {
  book,
  chooseDay,
  dateIn,
  dateTimeLabel,
  offeredSlots,
  openBookingPage,
  plain,
  timesList,
} from './walks/booking-page.js';
import { meetingsWith } from './walks/outlook.js';

// The host's surfaces — the Outlook task pane in compose (a fake office.js), the Teams tab (a fake
// Teams client around it), the task pane in a plain browser with the dev sign-in — and the invitee's
// pages, each in light, dark and high-contrast looks with axe-core and a screenshot.
let stack: Stack;
let browser: Browser;
let adeleToken: string;
const opened: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  stack = await startStack({ bot: true });
  adeleToken = await stack.ssoToken(stack.person('adele'));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});
afterEach(async () => {
  for (const context of opened.splice(0)) await context.close();
});

async function context(look: Look = 'light'): Promise<BrowserContext> {
  const created = await visitor(browser, { look });
  opened.push(created);
  return created;
}

/** The task pane inside Outlook's compose window, signed in as Adele through Office SSO. */
async function outlookTaskPane(look: Look = 'light'): Promise<Page> {
  const ctx = await context(look);
  const script = fakeOfficeScript({
    ssoToken: adeleToken,
    bodyBackgroundColor: look === 'dark' ? '#1f1f1f' : '#ffffff',
  });
  await ctx.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: script }),
  );
  const page = await ctx.newPage();
  await page.goto(`${stack.web}/taskpane.html`);
  await page.getByRole('heading', { name: 'Insert into this message' }).waitFor();
  return page;
}

/** The Teams tab framed by a Teams client (same origin as the tab); answers the tab's frame. */
async function teamsTab(
  theme: 'default' | 'dark' | 'contrast' = 'default',
): Promise<{ page: Page; tab: Frame }> {
  const ctx = await context('light');
  const hostUrl = `${stack.web}/teams-client.html`;
  const html = fakeTeamsPage({
    tabUrl: `${stack.web}/tab.html`,
    ssoToken: adeleToken,
    theme,
    userPrincipalName: stack.person('adele').userPrincipalName,
    tenantId: DEMO_TENANT.id,
  });
  await ctx.route(hostUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  const page = await ctx.newPage();
  await page.goto(hostUrl);
  const tab = page.frames().find((f) => f !== page.mainFrame())!;
  await tab.getByRole('tab', { name: 'Booking pages' }).waitFor();
  return { page, tab };
}

const themeOf = (frame: Page | Frame) => frame.locator('[data-theme]').first().getAttribute('data-theme');

/** Relative luminance (0 black … 1 white) of the host views' background. */
async function backgroundLuminance(frame: Page | Frame): Promise<number> {
  const rgb = await frame
    .locator('[data-theme]')
    .first()
    .evaluate((element) => {
      // Runs in the page; this workspace compiles without the DOM library.
      const view = globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } };
      return view.getComputedStyle(element).backgroundColor;
    });
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number) as [number, number, number];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

describe('Adele writes an email in Outlook', () => {
  it('inserts the booking link of a page into the message body at the cursor', async () => {
    const page = await outlookTaskPane();
    const personal = stack.demoPages.personal;
    await page.getByLabel('Booking page', { exact: true }).selectOption({ label: personal.title });
    await page.getByRole('button', { name: 'Insert booking link' }).click();
    await page.getByText('Inserted at the cursor.').waitFor();
    await screenshot(page, 'taskpane-compose');

    const body = (await page.evaluate('window.__composeBody')) as { data: string; coercionType: string }[];
    expect(body).toHaveLength(1);
    expect(body[0]!.coercionType).toBe('html');
    const link = `${stack.web}/index.html?page=${personal.id}`;
    expect(body[0]!.data).toBe(`<a href="${link}">Book a time with me: ${personal.title}</a>`);

    // The recipient follows the link and lands on the page.
    const recipient = await (await context()).newPage();
    await recipient.goto(link);
    await expect(recipient.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(personal.title);
  }, 60_000);

  it('inserts available times, each a link that opens the booking form for that time', async () => {
    const page = await outlookTaskPane();
    await page
      .getByLabel('Booking page', { exact: true })
      .selectOption({ label: stack.demoPages.personal.title });
    await page.getByRole('button', { name: 'Insert available times' }).click();
    await page.getByText('Inserted at the cursor.').waitFor();
    const [inserted] = (await page.evaluate('window.__composeBody')) as { data: string }[];
    const links = [...inserted!.data.matchAll(/href="([^"]+&amp;start=[^"]+)"/g)].map((m) =>
      m[1]!.replace(/&amp;/g, '&'),
    );
    expect(links).toHaveLength(3);
    const offered = await offeredSlots(stack, stack.demoPages.personal.id);
    const first = new URL(links[0]!).searchParams.get('start')!;
    expect(offered).toContain(new Date(first).toISOString());

    const recipient = await (await context()).newPage();
    await recipient.goto(links[0]!);
    await recipient.getByText(/^You chose /).waitFor();
    await recipient.getByLabel('Your name').waitFor();
  }, 60_000);
});

describe('Adele edits her page in the task pane', () => {
  it('sees the preview follow the draft, and after saving the public page offers the new times', async () => {
    const zone = 'America/Los_Angeles';
    const { personal } = stack.demoPages;
    const day = dateIn((await offeredSlots(stack, personal.id))[0]!, zone);
    const quarterPast = /:(15|45) (AM|PM), offered$/;

    const page = await outlookTaskPane();
    await page.getByRole('button', { name: `Edit ${personal.title}` }).click();
    await page.getByLabel('Preview day').fill(day);
    const times = page.getByRole('group', { name: 'Times of the day' });
    await times
      .getByRole('button', { name: /, offered$/ })
      .first()
      .waitFor();
    expect(await times.getByRole('button', { name: quarterPast }).count()).toBe(0);

    await page.getByLabel('Start times every (minutes; empty = duration)').fill('15');
    await times.getByRole('button', { name: quarterPast }).first().waitFor();
    await screenshot(page, 'taskpane-page-editor');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();

    const invitee = await (await context()).newPage();
    await openBookingPage(invitee, personal.url);
    await chooseDay(invitee, `${day}T20:00:00.000Z`, zone);
    await timesList(invitee)
      .getByRole('button', { name: /:(15|45) (AM|PM)$/ })
      .first()
      .waitFor();
  }, 90_000);
});

describe('Adele opens Tandem as a Teams tab', () => {
  it('signs in with Teams SSO and follows the Teams theme live: default, dark, contrast', async () => {
    const { page, tab } = await teamsTab('default');
    await tab.getByText(stack.demoPages.personal.title, { exact: false }).first().waitFor();
    expect(await page.evaluate('window.teamsCalls')).toEqual(
      expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']),
    );
    expect(await themeOf(tab)).toBe('default');
    expect(await backgroundLuminance(tab)).toBeGreaterThan(0.8);

    await page.evaluate("window.setTeamsTheme('dark')");
    await eventually('the tab turns dark', async () => (await themeOf(tab)) === 'dark');
    expect(await backgroundLuminance(tab)).toBeLessThan(0.3);
    await screenshot(page, 'tab-dark-live');

    await page.evaluate("window.setTeamsTheme('contrast')");
    await eventually('the tab turns high-contrast', async () => (await themeOf(tab)) === 'contrast');
    expect(await backgroundLuminance(tab)).toBeLessThan(0.1);

    await page.evaluate("window.setTeamsTheme('default')");
    await eventually('the tab is light again', async () => (await themeOf(tab)) === 'default');
  }, 60_000);
});

describe('Adele opens the task pane in a plain browser', () => {
  it('signs in through the dev sign-in and sees her pages; inserting explains it needs Outlook', async () => {
    const page = await (await context()).newPage();
    await page.goto(`${stack.web}/taskpane.html`);
    await page.getByRole('heading', { name: 'Pick an account' }).waitFor();
    await screenshot(page, 'dev-sign-in');
    await page.getByRole('button', { name: /Adele Vance/ }).click();
    await page.waitForURL(`${stack.web}/taskpane.html**`);
    await page.getByText(stack.demoPages.personal.title, { exact: false }).first().waitFor();
    await page.getByText('Inserting into a message works in Outlook while you write an email.').waitFor();
    await expect(page.getByRole('button', { name: 'Insert booking link' }).isDisabled()).resolves.toBe(true);
  }, 60_000);
});

describe('an invitee asks for a meeting that Adele approves in Teams', () => {
  it('reaches her Teams chat as a card; Accept confirms it and puts it in Outlook', async () => {
    const upn = stack.person('adele').userPrincipalName;
    const teams = await (await context()).newPage();
    await teams.goto(`${stack.emulator.origin}/teams/chat/${encodeURIComponent(upn)}`);
    await teams.getByRole('button', { name: 'Install the app' }).click();

    const { approval } = stack.demoPages;
    const start = (await offeredSlots(stack, approval.id, { duration: 60 }))[1]!;
    const invitee = await (await context()).newPage();
    await openBookingPage(invitee, approval.url);
    const booked = await book(invitee, {
      instant: start,
      zone: 'America/Los_Angeles',
      name: 'Paula Pending',
      email: 'paula@litware.example',
      answers: { 'Your company': 'Litware' },
    });
    expect(booked.confirmation).toContain('Your request was sent');

    const card = teams.getByRole('log').getByText('Paula Pending asks to book Roadmap review');
    await card.waitFor({ timeout: 30_000 });
    await screenshot(teams, 'teams-chat-approval');
    await teams.getByRole('button', { name: 'Accept' }).last().click();
    await teams.getByText('Accepted. The invitee has their invitation.').waitFor({ timeout: 30_000 });

    const meetings = await meetingsWith(stack, stack.person('adele'), 'paula@litware.example');
    expect(meetings.map((m) => m.start)).toEqual([start]);
    await invitee.goto(booked.manageUrl);
    await expect(
      plain(
        await invitee
          .getByText(/^When:/)
          .first()
          .innerText(),
      ),
    ).toContain(`${plain(dateTimeLabel(start, 'America/Los_Angeles'))} · Confirmed`);
  }, 90_000);
});

describe('every surface in every look', () => {
  let manageUrl: string;
  beforeAll(async () => {
    const [start] = await offeredSlots(stack, stack.demoPages.personal.id);
    const booked = await stack.callApi('POST', `public/pages/${stack.demoPages.personal.id}/bookings`, {
      headers: { 'idempotency-key': 'e2e-accessibility-booking' },
      body: {
        start,
        durationMinutes: 30,
        timeZone: 'America/Los_Angeles',
        name: 'Axel Access',
        email: 'axel@example.org',
        answers: {},
      },
    });
    expect(booked.status).toBe(201);
    manageUrl = `${stack.web}/manage.html?token=${encodeURIComponent(booked.body.manageToken)}`;
  });

  const surfaces: Record<string, (look: Look) => Promise<Page | Frame>> = {
    'booking page': async (look) => {
      const page = await (await context(look)).newPage();
      await page.goto(stack.demoPages.personal.url);
      await page.getByRole('list', { name: /^Available times on / }).waitFor();
      return page;
    },
    'manage page': async (look) => {
      const page = await (await context(look)).newPage();
      await page.goto(manageUrl);
      await page.getByRole('button', { name: 'Reschedule' }).waitFor();
      return page;
    },
    'task pane': async (look) => {
      const page = await outlookTaskPane(look);
      await page.getByRole('tab', { name: 'Booking pages' }).waitFor();
      return page;
    },
    'Teams tab': async (look) => {
      const { tab } = await teamsTab(look === 'light' ? 'default' : look);
      await tab.getByText(stack.demoPages.personal.title, { exact: false }).first().waitFor();
      return tab;
    },
  };

  it.each(['light', 'dark', 'contrast'] as const)(
    '%s: axe-core finds no serious or critical violation on any surface',
    async (look) => {
      // The surfaces are independent pages: they load and are checked side by side.
      const found = Object.fromEntries(
        await Promise.all(
          Object.entries(surfaces).map(async ([name, open]) => {
            const surface = await open(look);
            const page = 'page' in surface ? surface.page() : surface;
            await screenshot(page, `${name.replace(/ /g, '-').toLowerCase()}-${look}`);
            // The Teams tab's contrast look is Teams' own high-contrast theme; elsewhere it is the system's.
            const forcedColors = look === 'contrast' && name !== 'Teams tab';
            return [name, await seriousViolations(page, { forcedColors })] as const;
          }),
        ),
      );
      expect(found).toEqual(Object.fromEntries(Object.keys(surfaces).map((name) => [name, []])));
    },
    120_000,
  );
});

afterAll(() => {
  console.log(`Screenshots of every surface: ${artifactsDir}`);
});
