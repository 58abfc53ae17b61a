import type { Browser, Locator, Page } from 'playwright-core';
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

// An invitee in Los Angeles books the demo host's page, then moves and cancels the meeting through
// the manage link; Adele's Outlook (the emulator, read through Graph) is the other side.
const zone = 'America/Los_Angeles';

describe('an invitee books, reschedules and cancels through the pages', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  const invitee = { name: 'Nina Invitee', email: 'nina@fabrikam.example' };
  let first: string;
  let second: string;
  let manageUrl: string;
  let eventId: string;

  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startStack();
    page = await (await visitor(browser, { timezoneId: zone })).newPage();
    // Two times on two different days, as a person would pick them from the calendar.
    const slots = await offeredSlots(stack, stack.demoPages.personal.id);
    const days = [...new Set(slots.map((s) => dateIn(s, zone)))];
    first = slots.find((s) => dateIn(s, zone) === days[1])!;
    second = slots.filter((s) => dateIn(s, zone) === days[2])[1]!;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('books a chosen day and time, sees the time and a manage link, and Outlook has the meeting', async () => {
    await openBookingPage(page, stack.demoPages.personal.url);
    await screenshot(page, 'booking-page');
    const booked = await book(page, { instant: first, zone, ...invitee });
    await screenshot(page, 'booking-confirmation');
    expect(booked.confirmation).toContain(`When: ${plain(dateTimeLabel(first, zone))}`);
    expect(booked.manageUrl).toMatch(/\/manage\.html\?token=/);
    manageUrl = booked.manageUrl;

    const meetings = await meetingsWith(stack, stack.person('adele'), invitee.email);
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ start: first, subject: expect.stringContaining('Intro call') });
    expect(Date.parse(meetings[0]!.end) - Date.parse(first)).toBe(30 * 60_000);
    eventId = meetings[0]!.id;

    await openBookingPage(page, stack.demoPages.personal.url);
    await chooseDay(page, first, zone);
    await expect(slotButton(page, first, zone).count()).resolves.toBe(0);
  }, 60_000);

  it('moves the booking through the manage link: the same Outlook event is updated, no duplicate', async () => {
    await page.goto(manageUrl);
    await page.getByRole('heading', { name: 'Your booking' }).waitFor();
    await expect(plainText(page.getByText(/^When:/))).resolves.toContain(plain(dateTimeLabel(first, zone)));
    await screenshot(page, 'manage-page');
    await page.getByRole('button', { name: 'Reschedule' }).click();
    await chooseDay(page, second, zone);
    await slotButton(page, second, zone).click();
    await page.getByText('Your booking moved. An updated invitation is on its way.').waitFor();
    await expect(plainText(page.getByText(/^When:/))).resolves.toContain(plain(dateTimeLabel(second, zone)));

    const meetings = await meetingsWith(stack, stack.person('adele'), invitee.email);
    expect(meetings.map((m) => [m.id, m.start])).toEqual([[eventId, second]]);

    await openBookingPage(page, stack.demoPages.personal.url);
    await chooseDay(page, first, zone);
    await slotButton(page, first, zone).waitFor();
  }, 60_000);

  it('cancels through the manage link: the Outlook meeting is cancelled and the time is free again', async () => {
    await page.goto(manageUrl);
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByLabel('Reason (optional, shared with the host)').fill('Something came up.');
    await page.getByRole('button', { name: 'Cancel this booking' }).click();
    await page.getByText('Your booking is cancelled. The host has been told.').waitFor();
    await expect(plainText(page.getByText(/^When:/))).resolves.toContain('Cancelled');

    await eventually('the Outlook meeting is gone', async () => {
      const meetings = await meetingsWith(stack, stack.person('adele'), invitee.email);
      return meetings.every((m) => m.isCancelled);
    });
    await openBookingPage(page, stack.demoPages.personal.url);
    await chooseDay(page, second, zone);
    await expect(slotButton(page, second, zone).innerText()).resolves.toBe(timeLabel(second, zone));

    await page.goto(manageUrl);
    await page.getByText('This booking is cancelled.').waitFor();
  }, 60_000);
});

async function plainText(locator: Locator): Promise<string> {
  return plain(await locator.first().innerText());
}
