import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, screenshot, visitor } from './browser.js';
import { eventually } from './eventually.js';
import { startStack, type Stack } from './stack.js';
import {
  book,
  chooseDay,
  dateIn,
  dateTimeLabel,
  offeredSlots,
  openBookingPage,
  plain,
  slotButton,
  timeLabel,
} from './walks/booking-page.js';
import { meetingsWith } from './walks/outlook.js';
import { createInOutlook, deleteInOutlook, openOutlookWeek, outlookEvent } from './walks/outlook-page.js';

// The five-step checklist of the design (book → Outlook; Outlook → slots; reschedule; cancel; time
// zones), walked by invitees in Chromium on the demo host's pages, with Adele in the emulated Outlook
// on the web (and Graph) as the other side. Adele works in Pacific time.
const pacific = 'America/Los_Angeles';
const hostZone = pacific;
const halfHour = 30 * 60_000;
const plus = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  stack = await startStack();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Slots of the personal demo page not used by an earlier walk of this file. */
const taken = new Set<string>();
async function freshSlots(pageId: string): Promise<string[]> {
  return (await offeredSlots(stack, pageId)).filter((s) => !taken.has(s));
}
function take(slot: string): string {
  taken.add(slot);
  return slot;
}

/** Reloads the booking page, as a person would, until `slot` is shown (or no longer shown). */
async function reloadUntil(page: Page, url: string, slot: string, zone: string, shown: boolean) {
  await eventually(`${timeLabel(slot, zone)} is ${shown ? 'offered' : 'gone'} after a reload`, async () => {
    await openBookingPage(page, url);
    await chooseDay(page, slot, zone);
    return (await slotButton(page, slot, zone).count()) === (shown ? 1 : 0);
  });
}

async function firstText(locator: Locator): Promise<string> {
  return plain(await locator.first().innerText());
}

describe('an invitee in Los Angeles books, reschedules and cancels (steps 1, 3 and 4)', () => {
  let context: BrowserContext;
  let page: Page;
  const invitee = { name: 'Nina Invitee', email: 'nina@fabrikam.example' };
  let first: string;
  let second: string;
  let manageUrl: string;
  let eventId: string;

  beforeAll(async () => {
    context = await visitor(browser, { timezoneId: pacific });
    page = await context.newPage();
    // Two times on two different days, as a person would pick them from the calendar.
    const slots = await freshSlots(stack.demoPages.personal.id);
    const days = [...new Set(slots.map((s) => dateIn(s, pacific)))];
    first = take(slots.find((s) => dateIn(s, pacific) === days[1])!);
    second = take(slots.filter((s) => dateIn(s, pacific) === days[2])[1]!);
  });
  afterAll(() => context?.close());

  it('books a chosen day and time, sees the time and a manage link, and Outlook has the meeting', async () => {
    await openBookingPage(page, stack.demoPages.personal.url);
    await screenshot(page, 'booking-page');
    const booked = await book(page, { instant: first, zone: pacific, ...invitee });
    await screenshot(page, 'booking-confirmation');
    expect(booked.confirmation).toContain(`When: ${plain(dateTimeLabel(first, pacific))}`);
    expect(booked.manageUrl).toMatch(/\/manage\.html\?token=/);
    manageUrl = booked.manageUrl;

    const meetings = await meetingsWith(stack, stack.person('adele'), invitee.email);
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ start: first, end: plus(first, halfHour) });
    expect(meetings[0]!.subject).toContain('Intro call');
    eventId = meetings[0]!.id;

    await openBookingPage(page, stack.demoPages.personal.url);
    await chooseDay(page, first, pacific);
    await expect(slotButton(page, first, pacific).count()).resolves.toBe(0);
  }, 90_000);

  it('moves the booking through the manage link: the same Outlook event is updated, no duplicate', async () => {
    await page.goto(manageUrl);
    await page.getByRole('heading', { name: 'Your booking' }).waitFor();
    await expect(firstText(page.getByText(/^When:/))).resolves.toContain(
      plain(dateTimeLabel(first, pacific)),
    );
    await screenshot(page, 'manage-page');
    await page.getByRole('button', { name: 'Reschedule' }).click();
    await chooseDay(page, second, pacific);
    await slotButton(page, second, pacific).click();
    await page.getByText('Your booking moved. An updated invitation is on its way.').waitFor();
    await expect(firstText(page.getByText(/^When:/))).resolves.toContain(
      plain(dateTimeLabel(second, pacific)),
    );

    const meetings = await meetingsWith(stack, stack.person('adele'), invitee.email);
    expect(meetings.map((m) => [m.id, m.start])).toEqual([[eventId, second]]);
    await reloadUntil(page, stack.demoPages.personal.url, first, pacific, true);
  }, 90_000);

  it('cancels through the manage link: the Outlook meeting is cancelled and the time is free again', async () => {
    await page.goto(manageUrl);
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByLabel('Reason (optional, shared with the host)').fill('Something came up.');
    await page.getByRole('button', { name: 'Cancel this booking' }).click();
    await page.getByText('Your booking is cancelled. The host has been told.').waitFor();
    await expect(firstText(page.getByText(/^When:/))).resolves.toContain('Cancelled');

    await eventually('the Outlook meeting is cancelled', async () => {
      const meetings = await meetingsWith(stack, stack.person('adele'), invitee.email);
      return meetings.every((m) => m.isCancelled);
    });
    await reloadUntil(page, stack.demoPages.personal.url, second, pacific, true);
    await page.goto(manageUrl);
    await page.getByText('This booking is cancelled.').waitFor();
  }, 90_000);
});

describe('the host adds an event in Outlook on the web (step 2)', () => {
  it('takes that time off the booking page an invitee has open', async () => {
    const invitee = await (await visitor(browser, { timezoneId: pacific })).newPage();
    const host = await (await visitor(browser, { timezoneId: pacific })).newPage();
    const slot = take((await freshSlots(stack.demoPages.personal.id))[3]!);

    await openBookingPage(invitee, stack.demoPages.personal.url);
    await chooseDay(invitee, slot, pacific);
    await slotButton(invitee, slot, pacific).waitFor();

    await openOutlookWeek(host, stack, 'adele', slot);
    await createInOutlook(host, { subject: 'Dentist', start: slot, end: plus(slot, halfHour) }, hostZone);
    await screenshot(host, 'outlook-week');

    await reloadUntil(invitee, stack.demoPages.personal.url, slot, pacific, false);
    await invitee.context().close();
    await host.context().close();
  }, 90_000);
});

describe('an invitee in Kathmandu books the host in Pacific time (step 5)', () => {
  it('shows each side the meeting at its own local time', async () => {
    const kathmandu = 'Asia/Kathmandu';
    const invitee = await (await visitor(browser, { timezoneId: kathmandu })).newPage();
    const slot = take((await freshSlots(stack.demoPages.personal.id))[5]!);

    await openBookingPage(invitee, stack.demoPages.personal.url);
    // Chromium names the zone by its older IANA spelling, Asia/Katmandu; both are the same zone.
    await expect(invitee.getByRole('combobox', { name: 'Time zone' }).inputValue()).resolves.toMatch(
      /^Asia\/Kath?mandu$/,
    );
    const booked = await book(invitee, {
      instant: slot,
      zone: kathmandu,
      name: 'Kiran Shrestha',
      email: 'kiran@himal.example',
    });
    // e.g. "Thursday, November 26 at 9:45 PM GMT+5:45" for 08:00 in Los Angeles.
    expect(booked.confirmation).toContain(`When: ${plain(dateTimeLabel(slot, kathmandu))}`);
    expect(dateTimeLabel(slot, kathmandu)).toMatch(/:(15|45) (AM|PM) GMT\+5:45$/);
    await screenshot(invitee, 'booking-confirmation-kathmandu');

    const [meeting] = await meetingsWith(stack, stack.person('adele'), 'kiran@himal.example');
    expect(meeting?.start).toBe(slot);
    const host = await (await visitor(browser, { timezoneId: pacific })).newPage();
    await openOutlookWeek(host, stack, 'adele', slot);
    await outlookEvent(host, { start: slot, end: plus(slot, halfHour) }, pacific, 'Kiran Shrestha').waitFor();

    await invitee.goto(booked.manageUrl);
    await expect(firstText(invitee.getByText(/^When:/))).resolves.toContain(
      plain(dateTimeLabel(slot, kathmandu)),
    );
    await invitee.context().close();
    await host.context().close();
  }, 90_000);
});

describe('the host deletes a booked meeting in Outlook', () => {
  it('cancels the booking: the manage page says so and the time is offered again', async () => {
    const invitee = await (await visitor(browser, { timezoneId: pacific })).newPage();
    const slot = take((await freshSlots(stack.demoPages.personal.id))[7]!);
    await openBookingPage(invitee, stack.demoPages.personal.url);
    const booked = await book(invitee, {
      instant: slot,
      zone: pacific,
      name: 'Omar Deleted',
      email: 'omar@contoso-partner.example',
    });

    const host = await (await visitor(browser, { timezoneId: pacific })).newPage();
    await openOutlookWeek(host, stack, 'adele', slot);
    await deleteInOutlook(
      host,
      outlookEvent(host, { start: slot, end: plus(slot, halfHour) }, pacific, 'Omar Deleted'),
    );

    await eventually('the manage page shows the booking cancelled', async () => {
      await invitee.goto(booked.manageUrl);
      await invitee.getByRole('heading', { name: 'Your booking' }).waitFor();
      await invitee
        .getByText(/^When:/)
        .first()
        .waitFor();
      return (await firstText(invitee.getByText(/^When:/))).endsWith('Cancelled');
    });
    await invitee.getByText('This booking is cancelled.').waitFor();
    await reloadUntil(invitee, stack.demoPages.personal.url, slot, pacific, true);
    await invitee.context().close();
    await host.context().close();
  }, 90_000);
});

describe('an invitee books the round-robin team page', () => {
  it('gets one member of the team, whose Outlook holds the meeting', async () => {
    const invitee = await (await visitor(browser, { timezoneId: pacific })).newPage();
    const { roundRobin } = stack.demoPages;
    const slot = (await offeredSlots(stack, roundRobin.id))[2]!;
    await openBookingPage(invitee, roundRobin.url);
    await expect(invitee.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(roundRobin.title);
    const booked = await book(invitee, {
      instant: slot,
      zone: pacific,
      name: 'Rita Robin',
      email: 'rita@northwind.example',
    });
    expect(booked.confirmation).toContain(`When: ${plain(dateTimeLabel(slot, pacific))}`);
    await screenshot(invitee, 'round-robin-confirmation');

    const holders: string[] = [];
    for (const name of ['adele', 'megan', 'alex']) {
      const meetings = await meetingsWith(stack, stack.person(name), 'rita@northwind.example');
      if (meetings.some((m) => m.start === slot && !m.isCancelled)) holders.push(name);
    }
    expect(holders).toHaveLength(1);
    await invitee.context().close();
  }, 90_000);
});

/** Presses `key` until `target` has the focus, as a keyboard user would; fails after `most` presses. */
async function pressUntilFocused(page: Page, target: Locator, key: string, most = 60): Promise<void> {
  const isFocused = (el: { ownerDocument: unknown }) =>
    el === (el.ownerDocument as { activeElement: unknown }).activeElement;
  for (let press = 0; press < most; press++) {
    if ((await target.count()) === 1 && (await target.evaluate(isFocused, undefined, { timeout: 2_000 })))
      return;
    await page.keyboard.press(key);
  }
  const focused = await page.evaluate(() => {
    const el = (globalThis as unknown as { document: { activeElement: { outerHTML: string } | null } })
      .document.activeElement;
    return el?.outerHTML.slice(0, 200);
  });
  throw new Error(`${key} never reached ${target}; the focus is on ${focused}`);
}

describe('an invitee books with the keyboard only', () => {
  it('reaches the day (arrow keys in the calendar), the time, the form and Book, and is booked', async () => {
    const context = await visitor(browser, { timezoneId: pacific });
    const page = await context.newPage();
    const slots = await freshSlots(stack.demoPages.personal.id);
    const secondDay = [...new Set(slots.map((s) => dateIn(s, pacific)))][1];
    const slot = take(slots.find((s) => dateIn(s, pacific) === secondDay)!);
    await openBookingPage(page, stack.demoPages.personal.url);
    await chooseDayByKeyboard(page, dateIn(slot, pacific));
    await pressUntilFocused(page, slotButton(page, slot, pacific), 'Tab');
    await page.keyboard.press('Enter');
    await pressUntilFocused(page, page.getByLabel('Your name'), 'Tab');
    await page.keyboard.type('Kim Keyboard');
    await pressUntilFocused(page, page.getByLabel('Your email'), 'Tab');
    await page.keyboard.type('kim@fabrikam.example');
    await pressUntilFocused(page, page.getByRole('button', { name: 'Book', exact: true }), 'Tab');
    await page.keyboard.press('Enter');
    const confirmation = page.getByRole('region', { name: 'You are booked' });
    await confirmation.waitFor();
    expect(plain(await confirmation.innerText())).toContain(`When: ${plain(dateTimeLabel(slot, pacific))}`);
    await context.close();
  }, 90_000);
});

/** Tabs into the month calendar, then moves with arrow keys (next month with Tab when needed) to `date`. */
async function chooseDayByKeyboard(page: Page, date: string): Promise<void> {
  const anyDay = page.locator('button[data-date][tabindex="0"]');
  for (let month = 0; month < 3; month++) {
    await pressUntilFocused(page, anyDay, 'Tab');
    // The arrow keys move the focus, not the tab stop: read the day that has the focus.
    const focused = () =>
      page.evaluate(
        () =>
          (
            globalThis as unknown as {
              document: { activeElement: { getAttribute(n: string): string | null } };
            }
          ).document.activeElement.getAttribute('data-date') ?? '',
      );
    for (let press = 0; press < 40 && (await focused()) < date; press++) {
      const before = await focused();
      await page.keyboard.press('ArrowRight');
      if ((await focused()) === before) break;
    }
    if ((await focused()) === date) {
      await page.keyboard.press('Enter');
      return;
    }
    // The date is in a later month: Shift+Tab back to "Next month" and press it.
    await pressUntilFocused(page, page.getByRole('button', { name: 'Next month' }), 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.locator('section[aria-busy="false"]').waitFor();
  }
  throw new Error(`the calendar never reached ${date} by keyboard`);
}
